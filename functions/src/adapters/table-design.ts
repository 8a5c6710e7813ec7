/**
 * The keys of the product's one table (docs/data-model.md): key schema, the one global secondary
 * index and the TTL attribute. The local stack and the tests create the table from it
 * (create-table.ts) and the CDK app deploys it (infra DataTable), so both tables have the same keys.
 * No AWS SDK or CDK import: both sides read it.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which DynamoDB deletes the item (idempotency records, abandoned attempts). */
  timeToLiveAttribute: 'ttl',
  /** Every key attribute is a string. */
  attributeType: 'S',
  index: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
} as const;
