import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The deployment stages; chosen with `-c stage=prod` or PTS_STAGE, never by editing code. */
export type StageName = 'dev' | 'prod';

export const STAGE_NAMES: readonly StageName[] = ['dev', 'prod'];

/** Everything that differs between dev and prod. Built once in infra/bin/app.ts and handed to the stacks. */
export interface StageConfig {
  readonly stage: StageName;
  /** Retention of function, API access and alarm log groups. */
  readonly logRetention: RetentionDays;
  /** Origins allowed by CORS besides the CloudFront domain of the pane (dev: the local pane server). */
  readonly extraCorsOrigins: readonly string[];
  /** Steady-state requests per second and burst of the API's default stage (all routes together). */
  readonly apiRateLimitPerSecond: number;
  readonly apiBurstLimit: number;
  /** Reserve concurrency on the write-heavy functions (protects the table and the account's pool). */
  readonly reserveConcurrency: boolean;
  /** Cognito MFA: 'required' (TOTP) or 'optional'. */
  readonly mfa: 'required' | 'optional';
  /** Cognito Plus plan with full threat protection (compromised credentials, adaptive authentication). */
  readonly cognitoThreatProtection: boolean;
  /** Days kept of CloudFront and S3 access logs. */
  readonly accessLogDays: number;
  /** Life of a refresh token: how long a signed-in outlet head stays signed in. */
  readonly refreshTokenValidity: Duration;
  /** E-mail address subscribed to the alarm topic, if any. */
  readonly alarmEmail?: string;
  /**
   * An OpenID Connect provider of the bank instead of the Cognito user pool (AWS China regions have
   * no user pools): the API's JWT authorizer trusts its ID tokens, which must carry the claims
   * custom:role, custom:subBranch and custom:outlet.
   */
  readonly externalIdentityProvider?: { readonly issuer: string; readonly audience: string };
}

/** Options a deployer may set from the command line (context) or the environment. */
export interface StageConfigOverrides {
  readonly alarmEmail?: string;
  readonly mfa?: string;
  readonly cognitoThreatProtection?: string;
  /** Issuer URL of an external OIDC provider (with jwtAudience). */
  readonly jwtIssuer?: string;
  /** Client id (token audience) of the add-in at that provider. */
  readonly jwtAudience?: string;
}

/** Returns the configuration of a stage; throws on an unknown stage name or a bad override, naming the value. */
export function stageConfigFor(stage: string, overrides: StageConfigOverrides = {}): StageConfig {
  if (!STAGE_NAMES.includes(stage as StageName)) {
    throw new Error(`Unknown stage "${stage}": use -c stage=dev or -c stage=prod (or PTS_STAGE).`);
  }
  const prod = stage === 'prod';
  const mfa = overrides.mfa ?? (prod ? 'required' : 'optional');
  if (mfa !== 'required' && mfa !== 'optional') {
    throw new Error(`Unknown mfa "${mfa}": use required or optional.`);
  }
  const threat = overrides.cognitoThreatProtection ?? (prod ? 'on' : 'off');
  if (threat !== 'on' && threat !== 'off') {
    throw new Error(`Unknown cognitoThreatProtection "${threat}": use on or off.`);
  }
  if (overrides.alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(overrides.alarmEmail)) {
    throw new Error(`alarmEmail "${overrides.alarmEmail}" is not an e-mail address.`);
  }
  if ((overrides.jwtIssuer === undefined) !== (overrides.jwtAudience === undefined)) {
    throw new Error(`jwtIssuer and jwtAudience go together (got issuer ${overrides.jwtIssuer ?? 'none'}, audience ${overrides.jwtAudience ?? 'none'}).`);
  }
  if (overrides.jwtIssuer !== undefined && !/^https:\/\/[^\s/]+/.test(overrides.jwtIssuer)) {
    throw new Error(`jwtIssuer "${overrides.jwtIssuer}" must be an https URL.`);
  }
  return {
    stage: stage as StageName,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.TWO_WEEKS,
    extraCorsOrigins: prod ? [] : ['https://localhost:3000'],
    apiRateLimitPerSecond: prod ? 100 : 20,
    apiBurstLimit: prod ? 200 : 40,
    reserveConcurrency: prod,
    mfa,
    cognitoThreatProtection: threat === 'on',
    accessLogDays: prod ? 365 : 30,
    refreshTokenValidity: Duration.hours(12),
    alarmEmail: overrides.alarmEmail,
    externalIdentityProvider:
      overrides.jwtIssuer !== undefined && overrides.jwtAudience !== undefined
        ? { issuer: overrides.jwtIssuer.replace(/\/$/, ''), audience: overrides.jwtAudience }
        : undefined,
  };
}
