import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ServiceAlarmsProps {
  /** The functions watched for errors and throttles, by handler name. */
  readonly functions: ReadonlyMap<string, IFunction>;
  /** The HTTP API watched for 5xx answers and latency. */
  readonly httpApi: HttpApi;
  /** The table watched for throttled requests. */
  readonly table: ITable;
  /**
   * p90 latency of the API above which the latency alarm fires.
   * @default Duration.seconds(5)
   */
  readonly latencyThreshold?: Duration;
  /**
   * 5xx answers in 5 minutes from which the API alarm fires.
   * @default 3
   */
  readonly serverErrorThreshold?: number;
  /**
   * E-mail address subscribed to the alarm topic.
   * @default - none: subscribe later (docs/deploy.md)
   */
  readonly alarmEmail?: string;
}

/**
 * CloudWatch alarms of the service, all sent to one encrypted SNS topic: each function's errors
 * and throttles, the API's 5xx answers and p90 latency, the table's read and write throttling.
 */
export class ServiceAlarms extends Construct {
  readonly topic: ITopic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', {
      description: 'PTS reports: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    // CloudWatch publishes to an encrypted topic only if the key lets it (the AWS-managed aws/sns key does not).
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy '*' means this key
      }),
    );
    const topic = new Topic(this, 'Topic', { displayName: 'PTS reports alarms', masterKey: key, enforceSSL: true });
    this.topic = topic;

    if (props.alarmEmail) {
      const undelivered = new Queue(this, 'UndeliveredAlarms', {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(undelivered).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the dead-letter queue of the alarm e-mail subscription.',
      });
      Validations.of(undelivered).acknowledge({
        id: 'Serverless-SQSRedrivePolicy',
        reason: 'This queue is itself the dead-letter queue of the alarm e-mail subscription; nothing consumes it, so it needs no redrive.',
      });
      topic.addSubscription(new EmailSubscription(props.alarmEmail, { deadLetterQueue: undelivered }));
    }

    const action = new SnsAction(topic);
    const add = (alarmId: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1): void => {
      const alarm = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(action);
      this.alarms.push(alarm);
    };
    const fiveMinutes = Duration.minutes(5);

    for (const [name, fn] of props.functions) {
      const pascal = name.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
      add(`${pascal}Errors`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 1, `${name}: the function failed (uncaught error or timeout).`);
      add(`${pascal}Throttles`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), 1, `${name}: invocations were throttled (reserved or account concurrency reached).`);
    }
    add(
      'Api5xx',
      props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      props.serverErrorThreshold ?? 3,
      'The API answered 5xx (function errors, timeouts or throttling).',
    );
    add(
      'ApiLatency',
      props.httpApi.metricLatency({ period: fiveMinutes, statistic: 'p90' }),
      (props.latencyThreshold ?? Duration.seconds(5)).toMilliseconds(),
      'p90 latency of the API stayed high for 15 minutes.',
      3,
    );
    add('TableReadThrottles', props.table.metric('ReadThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }), 1, 'DynamoDB throttled reads of the table.');
    add('TableWriteThrottles', props.table.metric('WriteThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }), 1, 'DynamoDB throttled writes to the table.');
  }
}
