import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { API_ROUTES, READ_ACTIONS, type ApiRouteDefinition, type TableAction } from '../api-routes';
import { AppFunction } from '../constructs/app-function';
import { AttemptSweep } from '../constructs/attempt-sweep';
import { TABLE_DESIGN } from '#functions/adapters/table-design';
import { ServiceAlarms } from '../constructs/service-alarms';
import { SubmissionsApi, type ApiRouteBinding } from '../constructs/submissions-api';
import type { StageConfig } from '../stage-config';

/** The identity provider whose ID tokens the API accepts. */
export type ApiIdentity =
  | { readonly kind: 'cognito'; readonly userPool: IUserPool; readonly userPoolClient: IUserPoolClient }
  | { readonly kind: 'oidc'; readonly issuer: string; readonly audience: string };

/**
 * The issuer URL of the identity's ID tokens. For Cognito it is built with the partition's URL
 * suffix (amazonaws.com, or amazonaws.com.cn), where HttpUserPoolAuthorizer hard-codes amazonaws.com.
 */
export function jwtIssuerOf(identity: ApiIdentity, scope: Stack): string {
  return identity.kind === 'cognito' ? `https://cognito-idp.${scope.region}.${scope.urlSuffix}/${identity.userPool.userPoolId}` : identity.issuer;
}

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  /** Who signs users in: the Cognito user pool and the add-in's client, or an external OIDC provider. */
  readonly identity: ApiIdentity;
  /** https://<CloudFront domain> of the pane: the one origin CORS allows (plus the stage's extras). */
  readonly paneOrigin: string;
  /**
   * The routes to deploy.
   * @default API_ROUTES (contract.md)
   */
  readonly routes?: readonly ApiRouteDefinition[];
  /**
   * Directory of the handler files.
   * @default functions/src/handlers
   */
  readonly handlersDir?: string;
}

/** The functions, the HTTP API in front of them and the alarms. Stateless: safe to destroy and redeploy. */
export class ApiStack extends Stack {
  readonly api: SubmissionsApi;
  /** The function of each handler, by handler name. */
  readonly functions = new Map<string, IFunction>();

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, table, identity } = props;
    const jwtAudience = identity.kind === 'cognito' ? identity.userPoolClient.userPoolClientId : identity.audience;
    const environment = {
      TABLE_NAME: table.tableName,
      // With Cognito the functions verify the token again (defence in depth); with an external
      // provider they take the claims the API's authorizer has verified.
      ...(identity.kind === 'cognito'
        ? { USER_POOL_ID: identity.userPool.userPoolId, USER_POOL_CLIENT_ID: identity.userPoolClient.userPoolClientId }
        : {}),
      POWERTOOLS_METRICS_NAMESPACE: 'pts',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      PTS_STAGE: config.stage,
    };

    const bindings: ApiRouteBinding[] = [];
    for (const route of props.routes ?? API_ROUTES) {
      let fn = this.functions.get(route.handlerName);
      if (!fn) {
        const appFunction = new AppFunction(this, pascalCase(route.handlerName), {
          handlerName: route.handlerName,
          handlersDir: props.handlersDir,
          description: route.description,
          logRetention: config.logRetention,
          memorySizeMb: route.memorySizeMb,
          timeoutSeconds: route.timeoutSeconds,
          reservedConcurrency: config.reserveConcurrency ? route.prodReservedConcurrency : undefined,
          environment,
        });
        fn = appFunction.fn;
        grantTableActions(table, fn, route.tableActions);
        this.functions.set(route.handlerName, fn);
      }
      bindings.push({ name: route.handlerName, method: route.method, path: route.path, fn, public: route.public });
    }

    this.api = new SubmissionsApi(this, 'Api', {
      jwtIssuer: jwtIssuerOf(identity, this),
      jwtAudience,
      routes: bindings,
      corsOrigins: [props.paneOrigin, ...config.extraCorsOrigins],
      rateLimitPerSecond: config.apiRateLimitPerSecond,
      burstLimit: config.apiBurstLimit,
      logRetention: config.logRetention,
    });

    const sweep = new AttemptSweep(this, 'AttemptSweep', {
      table,
      grantTableActions: (fn, actions) => grantTableActions(table, fn, actions),
      logRetention: config.logRetention,
      environment,
      handlersDir: props.handlersDir,
    });
    this.functions.set('sweep-attempts', sweep.fn);

    new ServiceAlarms(this, 'Alarms', {
      functions: this.functions,
      httpApi: this.api.httpApi,
      table,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    if (identity.kind === 'cognito') {
      new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId, description: 'Cognito user pool of the staff' });
      new CfnOutput(this, 'UserPoolClientId', { value: identity.userPoolClient.userPoolClientId, description: 'App client of the Excel add-in' });
    } else {
      new CfnOutput(this, 'JwtIssuer', { value: identity.issuer, description: 'OIDC provider whose ID tokens the API accepts' });
    }
  }
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

/** KMS actions of a writer on the table key, spelled out (equivalent to Encrypt, Decrypt, ReEncrypt*, GenerateDataKey* for a symmetric key). */
const KMS_WRITER_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'];

/**
 * Grants exactly the listed table actions on the table and its one index (no wildcard), and the
 * KMS rights that go with them on the table's key: kms:Decrypt to readers, KMS_WRITER_ACTIONS to writers.
 */
export function grantTableActions(table: ITable, grantee: IGrantable, actions: readonly TableAction[]): void {
  if (actions.length === 0) return;
  Grant.addToPrincipal({
    grantee,
    actions: actions.map((action) => `dynamodb:${action}`),
    resourceArns: [table.tableArn, `${table.tableArn}/index/${TABLE_DESIGN.index.name}`],
  });
  const writes = actions.some((action) => !READ_ACTIONS.includes(action));
  table.encryptionKey?.grant(grantee, ...(writes ? KMS_WRITER_ACTIONS : ['kms:Decrypt']));
}
