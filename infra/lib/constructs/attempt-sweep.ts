import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TableAction } from '../api-routes';
import { AppFunction } from './app-function';

/** The sweep's handler and exactly the table actions its code sends (checked by test/infra/table-grants.int.test.ts). */
export const ATTEMPT_SWEEP_FUNCTION = {
  handlerName: 'sweep-attempts',
  tableActions: ['Query', 'UpdateItem', 'GetItem', 'BatchWriteItem'] as readonly TableAction[],
} as const;

export interface AttemptSweepProps {
  readonly table: ITable;
  /** Grants the listed actions on the table (and its key) to the function. */
  readonly grantTableActions: (fn: IFunction, actions: readonly TableAction[]) => void;
  readonly logRetention: RetentionDays;
  readonly environment: Record<string, string>;
  /**
   * Time between two runs.
   * @default Duration.hours(1): rows of an abandoned attempt are gone well within a day
   */
  readonly every?: Duration;
  /** Directory of the handler files. @default functions/src/handlers */
  readonly handlersDir?: string;
}

/**
 * Removes the rows of abandoned submission attempts (a request that crashed or ran out of time
 * between writing its rows and its flip): a function on an EventBridge schedule (docs/data-model.md).
 */
export class AttemptSweep extends Construct {
  readonly fn: IFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: AttemptSweepProps) {
    super(scope, id);
    const every = props.every ?? Duration.hours(1);
    if (every.toMinutes() < 5 || every.toHours({ integral: false }) > 12) {
      throw new Error(`AttemptSweep ${id}: every must be 5 minutes to 12 hours (got ${every.toHumanString()}), so rows go within a day.`);
    }
    const appFunction = new AppFunction(this, 'Function', {
      handlerName: ATTEMPT_SWEEP_FUNCTION.handlerName,
      handlersDir: props.handlersDir,
      description: 'Scheduled: removes the rows of abandoned submission attempts',
      logRetention: props.logRetention,
      memorySizeMb: 512,
      timeoutSeconds: 29,
      reservedConcurrency: undefined,
      environment: props.environment,
      invokedBy: 'schedule',
    });
    this.fn = appFunction.fn;
    props.grantTableActions(this.fn, ATTEMPT_SWEEP_FUNCTION.tableActions);
    this.rule = new Rule(this, 'Schedule', {
      description: 'PTS: sweep of abandoned submission attempts',
      schedule: Schedule.rate(every),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 2 })],
    });
    Validations.of(this.rule).acknowledge({
      id: 'Serverless-EventBusDLQ',
      reason: 'A scheduled clean-up: an event that fails after its retries is simply the next run, which finds the same markers; there is nothing to replay.',
    });
  }
}
