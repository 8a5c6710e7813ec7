import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CfnResource, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synthesiseApp, type SynthesisedApp } from './synth-app';

/** Rule ids (with the finding) that cdk-nag still reports, and where. */
function violations(scope: IConstruct): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack.validateScope(scope).violations.map((violation) => `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`),
  );
}

/** Every acknowledgement of a cdk-nag rule in the tree: rule id and reason (aws-cdk-lib's own CloudFormation-Validate ones left out). */
function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
      )
      .filter((ack) => !ack.id.startsWith('CloudFormation-Validate::')),
  );
}

describe('cdk-nag (AwsSolutions and Serverless packs)', () => {
  let prod: SynthesisedApp;
  let dev: SynthesisedApp;

  beforeAll(() => {
    prod = synthesiseApp({ stage: 'prod', overrides: { alarmEmail: 'ops@example.com' }, cfnValidation: true });
    dev = synthesiseApp({ stage: 'dev' });
  });

  it('reports no unacknowledged error or warning in prod, pane release included', () => {
    expect(prod.stacks.paneRelease).toBeDefined();
    expect(violations(prod.app)).toEqual([]);
  });

  it("passes aws-cdk-lib's CloudFormation schema validation of every template", () => {
    const report = JSON.parse(readFileSync(path.join(prod.app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; violatingConstructs?: { constructPath: string }[] }[] }[];
    };
    const cfnValidate = report.pluginReports.find((plugin) => plugin.pluginName === 'CloudFormation Validate');
    expect(cfnValidate?.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs?.map((c) => c.constructPath).join(', ')}`)).toEqual([]);
    expect(cfnValidate?.conclusion).toBe('success');
  });

  it('reports no unacknowledged error or warning in dev', () => {
    expect(violations(dev.app)).toEqual([]);
  });

  it('does check something: an unencrypted, public-ish bucket added to the app is reported', async () => {
    // Prepare: the pack must not be a no-op on this tree
    const { app, stacks } = synthesiseApp({ stage: 'dev', paneDir: '/nonexistent' });
    const { Bucket } = await import('aws-cdk-lib/aws-s3');
    new Bucket(stacks.pane, 'CarelessBucket');
    // Act / Assess
    expect(violations(app).join('\n')).toMatch(/AwsSolutions-S1 at PtsDevPane\/CarelessBucket/);
    expect(violations(app).join('\n')).toMatch(/AwsSolutions-S10 at PtsDevPane\/CarelessBucket/);
  });

  it('gives every acknowledgement a plain rule id and a reason a reviewer can weigh', () => {
    const all = acknowledgements(prod.app);
    expect(all.length).toBeGreaterThan(0);
    for (const { path, id, reason } of all) {
      expect([path, id]).toEqual([path, expect.stringMatching(/^(AwsSolutions|Serverless)-[A-Za-z0-9]+(\[.+\])?$/)]);
      expect([path, id, reason.length >= 60]).toEqual([path, id, true]);
    }
  });

  it('acknowledges the MFA and Plus-plan rules only where they are relaxed (dev), never in prod', () => {
    const ids = (synthesised: SynthesisedApp): string[] => acknowledgements(synthesised.app).map((ack) => ack.id);
    expect(ids(prod)).not.toContain('AwsSolutions-COG2');
    expect(ids(prod)).not.toContain('AwsSolutions-COG8');
    expect(ids(dev)).toEqual(expect.arrayContaining(['AwsSolutions-COG2', 'AwsSolutions-COG8']));
  });

  it('checks L1 resources of every stack', () => {
    const resources = prod.app.node.findAll().filter((construct) => CfnResource.isCfnResource(construct));
    expect(resources.length).toBeGreaterThan(50);
  });
});
