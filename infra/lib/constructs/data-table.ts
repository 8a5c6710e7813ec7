import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, CfnTable, ProjectionType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnKey, Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Attribute and index names of the one table (docs/data-model.md): the functions read and write these names, so they must not drift. */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLive: 'ttl',
  index: 'gsi1',
  indexPartitionKey: 'gsi1pk',
  indexSortKey: 'gsi1sk',
} as const;

export interface DataTableProps {
  /**
   * What happens to the table and its key when the stack is deleted.
   * @default RemovalPolicy.RETAIN (submissions are the bank's records)
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Logical ID the table keeps in CloudFormation whatever the construct tree becomes;
   * changing it would replace the table and lose its data.
   * @default 'PtsTable'
   */
  readonly pinnedLogicalId?: string;
}

/**
 * The product's single DynamoDB table: submissions, versions, organisations, templates and
 * idempotency records. On demand, point-in-time recovery, deletion protection, TTL on `ttl`,
 * encrypted with a customer-managed key (rotated yearly) so that access to the personal data in it
 * (customer names, phone numbers) is governed and logged by a key policy the bank controls.
 */
export class DataTable extends Construct {
  readonly table: ITable;
  readonly encryptionKey: IKey;

  constructor(scope: Construct, id: string, props: DataTableProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const key = new Key(this, 'Key', {
      description: 'PTS reports: encrypts the DynamoDB table (personal data of invited customers)',
      enableKeyRotation: true,
      removalPolicy,
    });
    (key.node.defaultChild as CfnKey).overrideLogicalId('PtsTableKey');
    const table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      timeToLiveAttribute: TABLE_KEYS.timeToLive,
      removalPolicy,
    });
    table.addGlobalSecondaryIndex({
      indexName: TABLE_KEYS.index,
      partitionKey: { name: TABLE_KEYS.indexPartitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.indexSortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    (table.node.defaultChild as CfnTable).overrideLogicalId(props.pinnedLogicalId ?? 'PtsTable');
    this.table = table;
    this.encryptionKey = key;
  }
}
