/**
 * The table the local stack and the tests create (createTableIfMissing on DynamoDB Local) and the table
 * the CDK app deploys (DataTable) must have the same keys: key schema, attribute types, the index and
 * the TTL attribute. Both are built from TABLE_DESIGN; this test compares what each side really builds.
 */
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { createTestTable } from '../functions/helpers/test-table';
import { synthesiseApp } from './synth-app';

interface TableKeys {
  keySchema: unknown;
  attributes: unknown;
  indexes: unknown;
  timeToLive: unknown;
}

const byName = <T extends { AttributeName?: string }>(a: T, b: T) => String(a.AttributeName).localeCompare(String(b.AttributeName));

describe('table keys: local table and CDK table', () => {
  it('have the same key schema, attribute types, index and TTL attribute', async () => {
    // Prepare
    const { data } = synthesiseApp({ stage: 'dev' });
    const [deployed] = Object.values(data.findResources('AWS::DynamoDB::Table')) as { Properties: Record<string, never> }[];
    const table = await createTestTable('design');
    // Act
    const described = (await table.doc.send(new DescribeTableCommand({ TableName: table.tableName }))).Table!;
    const ttl = (await table.doc.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }))).TimeToLiveDescription;
    const local: TableKeys = {
      keySchema: described.KeySchema,
      attributes: [...(described.AttributeDefinitions ?? [])].sort(byName),
      indexes: described.GlobalSecondaryIndexes?.map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection })),
      timeToLive: { AttributeName: ttl?.AttributeName, Enabled: ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING' },
    };
    const cdk: TableKeys = {
      keySchema: deployed.Properties.KeySchema,
      attributes: [...(deployed.Properties.AttributeDefinitions as { AttributeName: string }[])].sort(byName),
      indexes: deployed.Properties.GlobalSecondaryIndexes,
      timeToLive: deployed.Properties.TimeToLiveSpecification,
    };
    // Assess
    expect(local).toEqual(cdk);
    expect(cdk.timeToLive).toEqual({ AttributeName: 'ttl', Enabled: true });
  });
});
