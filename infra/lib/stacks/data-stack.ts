import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { DataTable } from '../constructs/data-table';
import { UserDirectory } from '../constructs/user-directory';
import type { StageConfig } from '../stage-config';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * The stateful resources: the table (submissions, organisations, templates) and the user pool
 * (the staff and their scopes; none when an external OIDC provider signs them in). Retained on delete, termination-protected, logical IDs pinned.
 */
export class DataStack extends Stack {
  readonly table: ITable;
  /** Undefined when the stage signs users in with an external OIDC provider. */
  readonly userPool?: IUserPool;
  readonly addinClient?: IUserPoolClient;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    this.table = new DataTable(this, 'Data').table;
    if (!props.config.externalIdentityProvider) {
      const users = new UserDirectory(this, 'Users', {
        mfa: props.config.mfa,
        threatProtection: props.config.cognitoThreatProtection,
        refreshTokenValidity: props.config.refreshTokenValidity,
      });
      this.userPool = users.userPool;
      this.addinClient = users.addinClient;
    }
  }
}
