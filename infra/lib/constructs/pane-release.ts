import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** What the pane reads from /config.json in AWS (the local pane server serves its own, see addin/dev/serve-pane.ts). */
export interface PaneRuntimeConfig {
  readonly apiUrl: string;
  readonly region: string;
  /** Issuer of the ID tokens the API accepts. */
  readonly jwtIssuer: string;
  /** Cognito ids; absent with an external OIDC provider. */
  readonly userPoolId?: string;
  readonly userPoolClientId?: string;
}

/** The origin of the development manifest, replaced by the CloudFront origin in the production manifest. */
export const DEV_PANE_ORIGIN = 'https://localhost:3000';

export interface PaneReleaseProps {
  /** The pane bucket (PaneHosting). */
  readonly bucket: IBucket;
  /** The distribution in front of it: invalidated after each release. */
  readonly distribution: IDistribution;
  /** https://<distribution domain>, written into the production manifest. */
  readonly paneOrigin: string;
  /** Absolute path of the built pane (dist/addin/); must contain taskpane.html. */
  readonly paneDir: string;
  /** Written to /config.json. */
  readonly runtimeConfig: PaneRuntimeConfig;
  /**
   * The development manifest to turn into the production one (every https://localhost:3000 becomes
   * the CloudFront origin), published as /manifest.xml.
   * @default - <paneDir>/manifest.xml when present, else no manifest is published
   */
  readonly manifestPath?: string;
}

/** Finds the built pane: a directory with taskpane.html in it, else undefined. */
export function findBuiltPane(paneDir: string): string | undefined {
  return existsSync(path.join(paneDir, 'taskpane.html')) && statSync(paneDir).isDirectory() ? paneDir : undefined;
}

/** Makes the production manifest from the development one: every dev origin becomes the pane's origin. */
export function productionManifest(devManifestXml: string, paneOrigin: string): string {
  return devManifestXml.split(DEV_PANE_ORIGIN).join(paneOrigin);
}

/**
 * Publishes a build of the task pane: the files of dist/addin/, its /config.json (API URL, user
 * pool and client) and the production /manifest.xml, then invalidates CloudFront.
 */
export class PaneRelease extends Construct {
  readonly deployment: BucketDeployment;
  /** True when a manifest was published with the release. */
  readonly publishesManifest: boolean;

  constructor(scope: Construct, id: string, props: PaneReleaseProps) {
    super(scope, id);
    if (!findBuiltPane(props.paneDir)) {
      throw new Error(`PaneRelease ${id}: ${props.paneDir} holds no taskpane.html; build the add-in first (npm run build).`);
    }
    const manifestPath = props.manifestPath ?? path.join(props.paneDir, 'manifest.xml');
    const sources: ISource[] = [
      Source.asset(props.paneDir, { exclude: ['manifest*.xml', 'config.json', '*.map'] }),
      Source.jsonData('config.json', { ...props.runtimeConfig, local: false }),
    ];
    this.publishesManifest = existsSync(manifestPath);
    if (this.publishesManifest) {
      sources.push(Source.data('manifest.xml', productionManifest(readFileSync(manifestPath, 'utf8'), props.paneOrigin)));
    }
    this.deployment = new BucketDeployment(this, 'Deployment', {
      sources,
      destinationBucket: props.bucket,
      distribution: props.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.minutes(5))],
    });
  }
}
