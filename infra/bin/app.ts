/**
 * The CDK app. The only place that reads the environment and the context:
 *   npm run synth                       (dev stage, writes cdk.out/)
 *   npx tsx infra/bin/app.ts -> with CDK_CONTEXT_JSON / `cdk synth -c stage=prod`
 *   PTS_STAGE=prod npm run synth
 * Context/env: stage (PTS_STAGE) dev|prod, alarmEmail (PTS_ALARM_EMAIL), mfa (required|optional),
 * cognitoThreatProtection (on|off).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { placeStacks } from '../lib/place-stacks';
import { stageConfigFor } from '../lib/stage-config';

const app = new App();

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
});
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

const stacks = placeStacks(app, { config, env: account && region ? { account, region } : undefined });
if (!stacks.paneRelease) {
  process.stderr.write('dist/addin/taskpane.html not found: the pane release stack is skipped (build the add-in first).\n');
}

Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
app.synth();
