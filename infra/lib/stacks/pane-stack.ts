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

  constructor(scope: Construct, id: string, props: PaneStackProps) {
    super(scope, id, props);
    this.hosting = new PaneHosting(this, 'Pane', { accessLogDays: props.config.accessLogDays });
    new CfnOutput(this, 'TaskPaneUrl', {
      value: `${this.hosting.origin}/taskpane.html`,
      description: 'The task pane (SourceLocation of the production manifest)',
    });
  }
}
