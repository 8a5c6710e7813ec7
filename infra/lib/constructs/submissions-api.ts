import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  type HttpRoute,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** One route of the HTTP API and the function behind it. */
export interface ApiRouteBinding {
  /** Handler name (post-submission); names the integration. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Path as API Gateway writes it, e.g. /submissions/{outlet}/{template}/{period}. */
  readonly path: string;
  readonly fn: IFunction;
  /** true only for GET /health: no bearer token asked. */
  readonly public: boolean;
}

export interface SubmissionsApiProps {
  /** Issuer of the ID tokens the JWT authorizer accepts (the Cognito user pool, or the bank's OIDC provider). */
  readonly jwtIssuer: string;
  /** The add-in's client id: the token audience. */
  readonly jwtAudience: string;
  /** The routes of contract.md with their functions. */
  readonly routes: readonly ApiRouteBinding[];
  /** Origins allowed by CORS: the pane's CloudFront origin (and the local pane in dev). */
  readonly corsOrigins: readonly string[];
  /** Stage-wide steady-state requests per second. */
  readonly rateLimitPerSecond: number;
  /** Stage-wide burst. */
  readonly burstLimit: number;
  /** Retention of the access log group. */
  readonly logRetention: RetentionDays;
}

/** One JSON line per request: the fields a reviewer needs to trace a submission, no body, no token. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

/**
 * The product's HTTP API: one Lambda integration per route, a Cognito JWT authorizer on every
 * route but GET /health, CORS only for the add-in's origin, stage-wide throttling and JSON
 * access logs.
 */
export class SubmissionsApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes: HttpRoute[] = [];
  /** Base URL of the API, ending in '/'. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SubmissionsApiProps) {
    super(scope, id);
    if (props.corsOrigins.length === 0 || props.corsOrigins.some((origin) => origin === '*' || !origin.startsWith('https://'))) {
      throw new Error(`SubmissionsApi ${id}: corsOrigins must be https origins, not a wildcard (got ${JSON.stringify(props.corsOrigins)}).`);
    }
    const authorizer: IHttpRouteAuthorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'PTS reports: submissions, consolidated rankings, audit, templates',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.OPTIONS],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        exposeHeaders: ['Content-Disposition', 'Retry-After'],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimitPerSecond, burstLimit: props.burstLimit },
      // No per-route detailed metrics: each is a billed CloudWatch metric (60 here, ~USD 18 a month);
      // the alarms use the API-wide metrics, which are free.
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.url = this.stage.url;

    const integrations = new Map<IFunction, HttpLambdaIntegration>();
    for (const route of props.routes) {
      let integration = integrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascalCase(route.name)}Integration`, route.fn);
        integrations.set(route.fn, integration);
      }
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.public ? new HttpNoneAuthorizer() : undefined,
      });
      this.routes.push(added);
      if (route.public) {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is the unauthenticated liveness probe of contract.md: it reads no data and its function has no table rights.`,
        });
      }
    }
  }
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
