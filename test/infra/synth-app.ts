/** Synthesises the whole CDK app for the infra tests, without bundling (esbuild is skipped; the handler files must still exist). */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { placeStacks, type PtsStacks } from '#infra/place-stacks';
import { stageConfigFor, type StageConfigOverrides, type StageName } from '#infra/stage-config';

/** A stand-in for dist/addin/: taskpane.html and a development manifest. */
export const PANE_FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'infra', 'pane');

export interface SynthesisedApp {
  readonly app: App;
  readonly stacks: PtsStacks;
  readonly data: Template;
  readonly pane: Template;
  readonly api: Template;
  /** Undefined when no pane was built. */
  readonly paneRelease?: Template;
}

export interface SynthesiseAppOptions {
  readonly stage: StageName;
  readonly overrides?: StageConfigOverrides;
  /** @default PANE_FIXTURE_DIR */
  readonly paneDir?: string;
  /** @default functions/src/handlers */
  readonly handlersDir?: string;
  /** @default false: `aws:cdk:bundling-stacks: []` makes NodejsFunction skip esbuild */
  readonly bundle?: boolean;
  readonly outdir?: string;
  /** @default false: aws-cdk-lib's CloudFormation schema validation at synth (slow to load, run by the cdk-nag test) */
  readonly cfnValidation?: boolean;
}

export function synthesiseApp(options: SynthesiseAppOptions): SynthesisedApp {
  const app = new App({
    context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
    outdir: options.outdir,
    builtinCloudFormationValidation: options.cfnValidation ?? false,
  });
  const stacks = placeStacks(app, {
    config: stageConfigFor(options.stage, options.overrides),
    paneDir: options.paneDir ?? PANE_FIXTURE_DIR,
    handlersDir: options.handlersDir,
  });
  return {
    app,
    stacks,
    data: Template.fromStack(stacks.data),
    pane: Template.fromStack(stacks.pane),
    api: Template.fromStack(stacks.api),
    paneRelease: stacks.paneRelease ? Template.fromStack(stacks.paneRelease) : undefined,
  };
}
