import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, CfnTable, ProjectionType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnKey, Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE_DESIGN } from '#functions/adapters/table-design';

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
 * idempotency records, with the keys of TABLE_DESIGN (as the local stack creates it). On demand, point-in-time recovery, deletion protection, TTL on `ttl`,
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
      partitionKey: { name: TABLE_DESIGN.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      removalPolicy,
    });
    table.addGlobalSecondaryIndex({
      indexName: TABLE_DESIGN.index.name,
      partitionKey: { name: TABLE_DESIGN.index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType[TABLE_DESIGN.index.projection],
    });
    (table.node.defaultChild as CfnTable).overrideLogicalId(props.pinnedLogicalId ?? 'PtsTable');
    this.table = table;
    this.encryptionKey = key;
  }
}
