import { Match } from 'aws-cdk-lib/assertions';
import { API_ROUTES } from '#infra/api-routes';
import { synthesiseApp, type SynthesisedApp } from './synth-app';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation JSON

/** Every statement of every IAM policy of a template, with the logical ID of its policy. */
function policyStatements(resources: Resources): { policy: string; statement: Statement }[] {
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::IAM::Policy')
    .flatMap(([policy, resource]) => (resource.Properties.PolicyDocument.Statement as Statement[]).map((statement) => ({ policy, statement })));
}

const actionsOf = (statement: Statement): string[] => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);

/** One function per route handler, and the scheduled sweep of abandoned attempts. */
const FUNCTION_COUNT = new Set(API_ROUTES.map((route) => route.handlerName)).size + 1;

const pascal = (kebab: string): string => kebab.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());

describe('ApiStack', () => {
  let prod: SynthesisedApp;
  let dev: SynthesisedApp;
  let prodResources: Resources;

  beforeAll(() => {
    prod = synthesiseApp({ stage: 'prod', overrides: { alarmEmail: 'ops@example.com' } });
    dev = synthesiseApp({ stage: 'dev' });
    prodResources = prod.api.toJSON().Resources as Resources;
  });

  describe('routes', () => {
    it('serves exactly the routes of contract.md', () => {
      const routeKeys = Object.values(prodResources)
        .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
        .map((resource) => resource.Properties.RouteKey as string)
        .sort();
      expect(routeKeys).toEqual(
        [
          'GET /health',
          'POST /submissions',
          'GET /submissions/{outlet}/{template}/{period}',
          'GET /consolidated',
          'GET /consolidated.xlsx',
          'GET /audit',
          'GET /templates',
          'GET /templates/{id}/{version}',
          'PUT /templates/{id}/{version}',
          'PUT /org/{subBranch}',
          'GET /org/{subBranch}',
        ].sort(),
      );
    });

    it('puts the Cognito JWT authorizer on every route but GET /health', () => {
      const routes = Object.values(prodResources).filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route');
      const [authorizerId] = Object.keys(prod.api.findResources('AWS::ApiGatewayV2::Authorizer'));
      for (const route of routes) {
        const open = route.Properties.RouteKey === 'GET /health';
        expect([route.Properties.RouteKey, route.Properties.AuthorizationType]).toEqual([route.Properties.RouteKey, open ? 'NONE' : 'JWT']);
        if (!open) expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
      }
    });

    it('accepts only ID tokens of the add-in client from the stack region user pool, in any partition', () => {
      prod.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('AddinClient') })],
          Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/', Match.anyValue()]] },
        },
      });
    });

    it('allows CORS from the CloudFront origin only in prod, and also the local pane in dev', () => {
      const cloudFrontOrigin = { 'Fn::Join': ['', ['https://', Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('DomainName') })]] };
      prod.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: [cloudFrontOrigin], AllowHeaders: Match.arrayWith(['Authorization', 'Idempotency-Key']) }),
      });
      dev.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: [cloudFrontOrigin, 'https://localhost:3000'] }),
      });
    });

    it('throttles the default stage and writes JSON access logs to a log group with a retention', () => {
      prod.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }),
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{.*"requestId":"\\$context.requestId".*\\}$') },
      });
    });
  });

  describe('functions', () => {
    it('builds one Node.js 24 arm64 function per handler with explicit memory, timeout and active tracing', () => {
      const functions = Object.values(prodResources).filter((resource) => resource.Type === 'AWS::Lambda::Function');
      expect(functions).toHaveLength(FUNCTION_COUNT);
      for (const fn of functions) {
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
        expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
        expect(fn.Properties.Timeout).toBeLessThan(30);
        expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/LogGroup/) });
        expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
          expect.arrayContaining(['TABLE_NAME', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', 'POWERTOOLS_SERVICE_NAME']),
        );
        expect(fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('pts');
      }
    });

    it('sets a retention on every log group of the stack', () => {
      const logGroups = Object.values(prodResources).filter((resource) => resource.Type === 'AWS::Logs::LogGroup');
      expect(logGroups.length).toBeGreaterThanOrEqual(FUNCTION_COUNT + 1); // the functions and the access log
      for (const logGroup of logGroups) expect(logGroup.Properties.RetentionInDays).toBe(365);
      for (const logGroup of Object.values(dev.api.findResources('AWS::Logs::LogGroup'))) expect(logGroup.Properties.RetentionInDays).toBe(14);
    });

    it('reserves concurrency for the writers in prod only', () => {
      prod.api.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^POST /submissions'), ReservedConcurrentExecutions: 50 });
      for (const fn of Object.values(dev.api.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
      }
    });
  });

  describe('least privilege', () => {
    it('grants no dynamodb:* and no table action on a * resource', () => {
      const statements = policyStatements(prodResources);
      expect(statements.length).toBeGreaterThan(0);
      for (const { policy, statement } of statements) {
        const dynamo = actionsOf(statement).filter((action) => action.startsWith('dynamodb:'));
        expect([policy, dynamo.filter((action) => action.includes('*'))]).toEqual([policy, []]);
        if (dynamo.length > 0 || actionsOf(statement).some((action) => action.startsWith('kms:'))) {
          expect([policy, JSON.stringify(statement.Resource)]).not.toEqual([policy, expect.stringMatching(/"\*"|\/\*"/)]);
        }
      }
    });

    it('uses a * resource only for the X-Ray actions, which have no resource-level permissions', () => {
      const starred = policyStatements(prodResources).filter(({ statement }) => JSON.stringify(statement.Resource) === '"*"');
      expect(starred.length).toBe(FUNCTION_COUNT);
      for (const { policy, statement } of starred) {
        expect([policy, actionsOf(statement).sort()]).toEqual([policy, ['xray:PutTelemetryRecords', 'xray:PutTraceSegments']]);
      }
    });

    it('gives each function exactly the table actions its access patterns use', () => {
      const statements = policyStatements(prodResources);
      for (const route of API_ROUTES) {
        const granted = statements
          .filter(({ policy }) => policy.startsWith(`${pascal(route.handlerName)}Role`))
          .flatMap(({ statement }) => actionsOf(statement))
          .filter((action) => action.startsWith('dynamodb:'))
          .sort();
        expect([route.handlerName, granted]).toEqual([route.handlerName, route.tableActions.map((action) => `dynamodb:${action}`).sort()]);
      }
    });

    it('lets readers only decrypt with the table key', () => {
      const statements = policyStatements(prodResources);
      const kmsOf = (handler: string): string[] =>
        statements.filter(({ policy }) => policy.startsWith(`${pascal(handler)}Role`)).flatMap(({ statement }) => actionsOf(statement)).filter((a) => a.startsWith('kms:'));
      expect(kmsOf('get-consolidated')).toEqual(['kms:Decrypt']);
      expect(kmsOf('get-health')).toEqual(['kms:Decrypt']);
      expect(kmsOf('post-submission')).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']));
    });

    it('attaches no AWS managed policy to the function roles', () => {
      for (const role of Object.values(prod.api.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('sweep of abandoned attempts', () => {
    it('runs the sweep function every hour, granted exactly what it sends', () => {
      const rules = Object.values(prod.api.findResources('AWS::Events::Rule'));
      expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(['rate(1 hour)']);
      const target = rules[0].Properties.Targets[0];
      expect(JSON.stringify(target.Arn)).toMatch(/AttemptSweepFunction/);
      const granted = policyStatements(prodResources)
        .filter(({ policy }) => policy.startsWith('AttemptSweepFunctionRole'))
        .flatMap(({ statement }) => actionsOf(statement))
        .filter((action) => action.startsWith('dynamodb:'))
        .sort();
      expect(granted).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    });
  });

  describe('alarms', () => {
    it('alarms on errors and throttles of every function, API 5xx and latency, and table throttling, to the encrypted topic', () => {
      const alarms = Object.values(prod.api.findResources('AWS::CloudWatch::Alarm'));
      const functionCount = Object.keys(prod.api.findResources('AWS::Lambda::Function')).length;
      expect(alarms).toHaveLength(functionCount * 2 + 4);
      const metricNames = alarms.map((alarm) => alarm.Properties.MetricName as string);
      for (const name of ['Errors', 'Throttles', '5xx', 'Latency', 'ReadThrottleEvents', 'WriteThrottleEvents']) {
        expect(metricNames).toContain(name);
      }
      const [topicId] = Object.keys(prod.api.findResources('AWS::SNS::Topic'));
      for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      prod.api.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
      prod.api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', RedrivePolicy: Match.anyValue() });
      expect(dev.api.findResources('AWS::SNS::Subscription')).toEqual({});
    });
  });
});
