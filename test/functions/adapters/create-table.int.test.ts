import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createTableIfMissing } from '#functions/adapters/create-table';
import { createTestTable } from '../helpers/test-table';

describe('createTableIfMissing', () => {
  it('creates the table with pk/sk, the gsi1 index and the ttl attribute, and leaves an existing one alone', async () => {
    // Prepare
    const table = await createTestTable('create');
    // Act
    const described = await table.doc.send(new DescribeTableCommand({ TableName: table.tableName }));
    const createdAgain = await createTableIfMissing(table.doc, table.tableName);
    // Assess
    expect(described.Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['gsi1']);
    expect(createdAgain).toBe(false);
  });
});
