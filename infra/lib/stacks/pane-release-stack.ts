import { CfnOutput, Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { PaneRelease, type PaneRuntimeConfig } from '../constructs/pane-release';

export interface PaneReleaseStackProps extends StackProps {
  /** Name of the export holding the pane bucket's ARN (PaneStack.bucketArnExportName). */
  readonly bucketArnExportName: string;
  readonly distribution: IDistribution;
  readonly paneOrigin: string;
  /** Absolute path of the built pane (dist/addin/). */
  readonly paneDir: string;
  readonly runtimeConfig: PaneRuntimeConfig;
}

/**
 * A release of the task pane: its files, /config.json and the production /manifest.xml.
 * Apart from PaneStack because it needs the API URL, and the API needs the pane's origin for CORS.
 */
export class PaneReleaseStack extends Stack {
  readonly release: PaneRelease;

  constructor(scope: Construct, id: string, props: PaneReleaseStackProps) {
    super(scope, id, props);
    const bucket = Bucket.fromBucketArn(this, 'PaneBucket', Fn.importValue(props.bucketArnExportName));
    this.release = new PaneRelease(this, 'Release', {
      bucket,
      distribution: props.distribution,
      paneOrigin: props.paneOrigin,
      paneDir: props.paneDir,
      runtimeConfig: props.runtimeConfig,
    });
    if (this.release.publishesManifest) {
      new CfnOutput(this, 'ManifestUrl', { value: `${props.paneOrigin}/manifest.xml`, description: 'Production add-in manifest to sideload or publish' });
    }
    // BucketDeployment runs a CDK-provided singleton function created at stack level.
    for (const child of this.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        acknowledgeBucketDeploymentHandler(child, props.bucketArnExportName);
      }
    }
  }
}

function acknowledgeBucketDeploymentHandler(handler: Construct, bucketArnExportName: string): void {
  const cdkOwned = 'CDK-provided BucketDeployment handler (aws-cdk-lib 2.276), run only by CloudFormation during a deployment, never reachable by users';
  const reasons: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]': `${cdkOwned}; the managed policy only lets it write its own CloudWatch logs.`,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': `${cdkOwned}; reads the release zip from the CDK asset bucket.`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${cdkOwned}; reads bucket metadata of the asset and pane buckets.`,
    'AwsSolutions-IAM5[Action::s3:List*]': `${cdkOwned}; lists the pane bucket to prune files of the previous release.`,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${cdkOwned}; prunes files of the previous release from the pane bucket (older versions stay 90 days).`,
    'AwsSolutions-IAM5[Action::s3:Abort*]': `${cdkOwned}; aborts its own failed multipart uploads to the pane bucket.`,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]': `${cdkOwned}; the asset key changes with every release, so the grant covers the bootstrap asset bucket.`,
    [`AwsSolutions-IAM5[Resource::${bucketArnExportName}/*]`]: `${cdkOwned}; a release writes every object of the pane bucket.`,
    'AwsSolutions-IAM5[Resource::*]': `${cdkOwned}; cloudfront:CreateInvalidation and GetInvalidation of the release, granted by aws-cdk-lib on *.`,
    'AwsSolutions-L1': `${cdkOwned}; its runtime is pinned by aws-cdk-lib and moves with CDK upgrades.`,
    'Serverless-LambdaLatestVersion': `${cdkOwned}; its runtime is pinned by aws-cdk-lib and moves with CDK upgrades.`,
    'Serverless-LambdaDLQ': `${cdkOwned}; CloudFormation waits for its answer and rolls back on failure, so a dead-letter queue would hold nothing actionable.`,
    'Serverless-LambdaTracing': `${cdkOwned}; a deployment-time copy job, its failures show in CloudFormation events and its logs.`,
  };
  for (const [id, reason] of Object.entries(reasons)) {
    Validations.of(handler).acknowledge({ id, reason });
  }
}
