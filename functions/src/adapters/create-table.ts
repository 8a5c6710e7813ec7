/** Creates the product's table as docs/data-model.md describes it (tests and the local stack; CDK builds it in AWS from the same TABLE_DESIGN). */
import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_DESIGN as keys } from './table-design';

/** Creates `tableName` when missing; returns true when it was created. */
export async function createTableIfMissing(doc: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  try {
    await doc.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await doc.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [keys.partitionKey, keys.sortKey, keys.index.partitionKey, keys.index.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: keys.attributeType,
        })),
        KeySchema: [
          { AttributeName: keys.partitionKey, KeyType: 'HASH' },
          { AttributeName: keys.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: keys.index.name,
            KeySchema: [
              { AttributeName: keys.index.partitionKey, KeyType: 'HASH' },
              { AttributeName: keys.index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: keys.index.projection },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
  await doc.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: keys.timeToLiveAttribute, Enabled: true } }));
  return true;
}
