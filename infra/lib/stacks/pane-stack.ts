import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PaneHosting } from '../constructs/pane-hosting';
import type { StageConfig } from '../stage-config';

export interface PaneStackProps extends StackProps {
  readonly config: StageConfig;
}

/** Where the task pane is served from: the bucket and the CloudFront distribution (content comes with PaneReleaseStack). */
export class PaneStack extends Stack {
  readonly hosting: PaneHosting;
  /** Name of the export of the pane bucket's ARN, imported by PaneReleaseStack. */
  readonly bucketArnExportName: string;

  constructor(scope: Construct, id: string, props: PaneStackProps) {
    super(scope, id, props);
    this.hosting = new PaneHosting(this, 'Pane', { accessLogDays: props.config.accessLogDays });
    // An explicit, stable export (rather than an implicit cross-stack reference) so that the
    // release stack's IAM finding ids, and their acknowledgements, do not depend on generated names.
    this.bucketArnExportName = `${this.stackName}-PaneBucketArn`;
    this.exportValue(this.hosting.bucket.bucketArn, { name: this.bucketArnExportName });
    new CfnOutput(this, 'TaskPaneUrl', {
      value: `${this.hosting.origin}/taskpane.html`,
      description: 'The task pane (SourceLocation of the production manifest)',
    });
    new CfnOutput(this, 'WebPageUrl', {
      value: `${this.hosting.origin}/web.html`,
      description: 'The same panes in any browser, on a .xlsx file the user opens (WPS, LibreOffice)',
    });
  }
}
