import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTION_BUNDLE, REPO_ROOT, handlerEntryPath } from '../function-bundling';

export interface AppFunctionProps {
  /** Route name of the handler: the file functions/src/handlers/<handlerName>.ts. */
  readonly handlerName: string;
  /**
   * Directory of the handler files.
   * @default functions/src/handlers of this repository
   */
  readonly handlersDir?: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** Retention of the function's log group. */
  readonly logRetention: RetentionDays;
  /**
   * Memory in MB (CPU grows with it).
   * @default 512
   */
  readonly memorySizeMb?: number;
  /**
   * Timeout in seconds; keep it under the HTTP API's 30 s integration timeout.
   * @default 10
   */
  readonly timeoutSeconds?: number;
  /**
   * Concurrency reserved for (and capping) this function.
   * @default - none: the function shares the account's unreserved pool
   */
  readonly reservedConcurrency?: number;
  /**
   * Environment variables besides POWERTOOLS_SERVICE_NAME and NODE_OPTIONS.
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * How the function is invoked: by the HTTP API (synchronously) or by a schedule (asynchronously).
   * @default 'http'
   */
  readonly invokedBy?: 'http' | 'schedule';
}

/**
 * The team's default Lambda function: one handler file bundled by the locally installed esbuild
 * (no Docker), Node.js 24 on arm64, minified with source maps, the AWS SDK left to the runtime,
 * X-Ray active tracing, its own log group with a retention, and a role that starts with nothing
 * but writing to that log group (no AWS managed policy): callers add what it needs with grant*.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const entry = handlerEntryPath(props.handlerName, props.handlersDir);
    if (!existsSync(entry)) {
      throw new Error(`AppFunction ${id}: no handler file for "${props.handlerName}" (expected ${entry}).`);
    }
    const memorySizeMb = props.memorySizeMb ?? 512;
    const timeoutSeconds = props.timeoutSeconds ?? 10;
    if (timeoutSeconds < 1 || timeoutSeconds > 29) {
      throw new Error(`AppFunction ${id}: timeoutSeconds ${timeoutSeconds} must be 1-29 (the HTTP API gives up at 30 s).`);
    }

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `PTS ${props.handlerName}: writes its own logs and traces; table access is granted per function`,
    });
    this.logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: memorySizeMb,
      timeout: Duration.seconds(timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency,
      tracing: Tracing.ACTIVE,
      role,
      logGroup: this.logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'pts',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        target: FUNCTION_BUNDLE.target,
        format: OutputFormat.CJS,
        minify: FUNCTION_BUNDLE.minify,
        sourceMap: FUNCTION_BUNDLE.sourceMap,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: false,
        externalModules: [...FUNCTION_BUNDLE.externalModules],
        mainFields: [...FUNCTION_BUNDLE.mainFields],
        forceDockerBundling: false,
      },
    });

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions (AWS service authorization reference); this is the only * statement, added by Tracing.ACTIVE.',
    });
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        (props.invokedBy ?? 'http') === 'http'
          ? 'Invoked synchronously by the HTTP API only: the caller gets the error as the response; a dead-letter queue only ever receives asynchronous events.'
          : 'A scheduled clean-up that the next run repeats from where the table stands: a failed run loses nothing, and its error shows in the function\'s Errors alarm.',
    });
  }
}
