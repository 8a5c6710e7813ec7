import path from 'node:path';
import { Stack, type App, type Environment } from 'aws-cdk-lib';
import { findBuiltPane } from './constructs/pane-release';
import { REPO_ROOT } from './function-bundling';
import { ApiStack, jwtIssuerOf, type ApiIdentity } from './stacks/api-stack';
import { DataStack } from './stacks/data-stack';
import { PaneReleaseStack } from './stacks/pane-release-stack';
import { PaneStack } from './stacks/pane-stack';
import type { StageConfig } from './stage-config';

/** The built pane, by default. */
export const DEFAULT_PANE_DIR = path.join(REPO_ROOT, 'dist', 'addin');

export interface PlaceStacksOptions {
  readonly config: StageConfig;
  /**
   * Account and region.
   * @default - environment-agnostic stacks (synth offline; deploy fills them in)
   */
  readonly env?: Environment;
  /**
   * The built task pane; no PaneReleaseStack when it holds no taskpane.html.
   * @default DEFAULT_PANE_DIR
   */
  readonly paneDir?: string;
  /**
   * Directory of the handler files.
   * @default functions/src/handlers
   */
  readonly handlersDir?: string;
}

export interface PtsStacks {
  readonly data: DataStack;
  readonly pane: PaneStack;
  readonly api: ApiStack;
  /** Undefined when the pane was not built at synth time. */
  readonly paneRelease?: PaneReleaseStack;
}

/** Places the product's stacks of one stage in the app: Data -> Pane -> Api -> PaneRelease. */
export function placeStacks(app: App, options: PlaceStacksOptions): PtsStacks {
  const { config, env } = options;
  const prefix = `Pts${config.stage[0].toUpperCase()}${config.stage.slice(1)}`;
  const tags = { project: 'pts-reports', stage: config.stage };
  const data = new DataStack(app, `${prefix}Data`, { env, config, tags, description: 'PTS reports: table and user pool (stateful, retained)' });
  const pane = new PaneStack(app, `${prefix}Pane`, { env, config, tags, description: 'PTS reports: task pane hosting (S3 + CloudFront)' });
  const identity: ApiIdentity =
    data.userPool && data.addinClient
      ? { kind: 'cognito', userPool: data.userPool, userPoolClient: data.addinClient }
      : { kind: 'oidc', issuer: config.externalIdentityProvider?.issuer ?? '', audience: config.externalIdentityProvider?.audience ?? '' };
  const api = new ApiStack(app, `${prefix}Api`, {
    env,
    config,
    tags,
    description: 'PTS reports: HTTP API, functions and alarms',
    table: data.table,
    identity,
    paneOrigin: pane.hosting.origin,
    handlersDir: options.handlersDir,
  });
  const paneDir = findBuiltPane(options.paneDir ?? DEFAULT_PANE_DIR);
  const paneRelease = paneDir
    ? new PaneReleaseStack(app, `${prefix}PaneRelease`, {
        env,
        tags,
        description: 'PTS reports: a release of the task pane (files, config.json, manifest.xml)',
        bucketArnExportName: pane.bucketArnExportName,
        distribution: pane.hosting.distribution,
        paneOrigin: pane.hosting.origin,
        paneDir,
        runtimeConfig: {
          apiUrl: api.api.url,
          region: Stack.of(api).region,
          jwtIssuer: jwtIssuerOf(identity, api),
          ...(identity.kind === 'cognito'
            ? { userPoolId: identity.userPool.userPoolId, userPoolClientId: identity.userPoolClient.userPoolClientId }
            : {}),
        },
      })
    : undefined;
  // The bucket comes through a named export (Fn.importValue), which CDK cannot see as a dependency.
  paneRelease?.addDependency(pane);
  return { data, pane, api, paneRelease };
}
