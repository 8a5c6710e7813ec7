/**
 * The CDK app: the only place that reads the environment and the context, and places the stacks.
 *   npm run synth                          dev stage, writes cdk.out/ (no CDK CLI, no AWS account)
 *   npm run synth -- -c stage=prod         or PTS_STAGE=prod npm run synth
 *   npx aws-cdk@2 deploy --all -c stage=prod   (cdk.json runs this file with tsx)
 * Settings (context key / environment variable): stage / PTS_STAGE (dev | prod),
 * alarmEmail / PTS_ALARM_EMAIL, mfa / PTS_MFA (required | optional),
 * cognitoThreatProtection / PTS_COGNITO_THREAT_PROTECTION (on | off),
 * jwtIssuer / PTS_JWT_ISSUER with jwtAudience / PTS_JWT_AUDIENCE: an external OIDC provider instead
 * of the Cognito user pool (AWS China regions).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { placeStacks } from '../lib/place-stacks';
import { stageConfigFor } from '../lib/stage-config';

/** `-c key=value` arguments, for runs without the CDK CLI (the CLI passes its context in CDK_CONTEXT_JSON). */
function contextFromArguments(args: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  args.forEach((arg, index) => {
    if ((arg === '-c' || arg === '--context') && args[index + 1]?.includes('=')) {
      const [key, ...value] = args[index + 1].split('=');
      context[key] = value.join('=');
    }
  });
  return context;
}

const app = new App({
  context: contextFromArguments(process.argv.slice(2)),
  // Under the CDK CLI, CDK_OUTDIR says where; alone, write cdk.out/ like the CLI would.
  ...(process.env.CDK_OUTDIR ? {} : { outdir: 'cdk.out' }),
});

function setting(contextKey: string, envName: string): string | undefined {
  const fromContext: unknown = app.node.tryGetContext(contextKey);
  if (typeof fromContext === 'string' && fromContext !== '') return fromContext;
  const fromEnv = process.env[envName];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

const config = stageConfigFor(setting('stage', 'PTS_STAGE') ?? 'dev', {
  alarmEmail: setting('alarmEmail', 'PTS_ALARM_EMAIL'),
  mfa: setting('mfa', 'PTS_MFA'),
  cognitoThreatProtection: setting('cognitoThreatProtection', 'PTS_COGNITO_THREAT_PROTECTION'),
  jwtIssuer: setting('jwtIssuer', 'PTS_JWT_ISSUER'),
  jwtAudience: setting('jwtAudience', 'PTS_JWT_AUDIENCE'),
});
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

const stacks = placeStacks(app, { config, env: account && region ? { account, region } : undefined });
if (!stacks.paneRelease) {
  process.stderr.write('dist/addin/taskpane.html not found: the pane release stack is skipped (build the add-in first).\n');
}

Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
app.synth();
