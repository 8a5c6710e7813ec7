import { Match } from 'aws-cdk-lib/assertions';
import { DEV_PANE_ORIGIN, productionManifest } from '#infra/constructs/pane-release';
import { synthesiseApp, type SynthesisedApp } from './synth-app';

describe('PaneStack', () => {
  let prod: SynthesisedApp;

  beforeAll(() => {
    prod = synthesiseApp({ stage: 'prod' });
  });

  it('keeps the pinned logical ID of the pane bucket', () => {
    expect(prod.pane.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } })).toHaveProperty('PaneBucket');
  });

  it('blocks every kind of public access, encrypts and versions the pane bucket and logs access to it', () => {
    prod.pane.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'pane-bucket/' },
    });
  });

  it('denies every request without TLS and lets only CloudFront of this distribution read, on every bucket', () => {
    const policies = Object.values(prod.pane.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as { Effect: string; Principal: unknown; Condition?: unknown; Action: unknown }[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
        expect(statement.Principal).not.toEqual('*');
        expect(statement.Principal).not.toEqual({ AWS: '*' });
      }
    }
    prod.pane.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves the pane over HTTPS only, through origin access control, with security headers and access logs', () => {
    prod.pane.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'taskpane.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'https-only', ResponseHeadersPolicyId: Match.anyValue() }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    prod.pane.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    prod.pane.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'self' https://\\*.office.com") }),
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
  });

  it('serves the web page (web.html) by the same distribution and behaviour as the task pane, so with the same security headers by the same distribution and behaviour as the task pane, so with the same security headers', () => {
    const outputs = prod.pane.findOutputs('WebPageUrl');
    expect(JSON.stringify(Object.values(outputs)[0]?.Value)).toMatch(/\/web\.html/);
    const distributions = Object.values(prod.pane.findResources('AWS::CloudFront::Distribution'));
    expect(distributions).toHaveLength(1);
    // One behaviour for every path: no path pattern of its own that could serve web.html without the headers policy.
    const config = distributions[0].Properties.DistributionConfig;
    expect(config.CacheBehaviors).toBeUndefined();
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
  });
});

describe('PaneReleaseStack', () => {
  it('publishes the built pane, its config.json and the production manifest, then invalidates CloudFront', () => {
    // Prepare / Act
    const { paneRelease, stacks } = synthesiseApp({ stage: 'prod' });
    // Assess
    expect(paneRelease).toBeDefined();
    expect(stacks.paneRelease?.release.publishesManifest).toBe(true);
    paneRelease?.hasResourceProperties('Custom::CDKBucketDeployment', {
      SourceObjectKeys: Match.arrayWith([Match.stringLikeRegexp('\\.zip$')]),
      DistributionPaths: ['/*'],
      Prune: true,
    });
    const deployment = Object.values(paneRelease?.findResources('Custom::CDKBucketDeployment') ?? {})[0];
    // three sources: the pane files, config.json and manifest.xml, with deploy-time values (API URL, pool ids, domain)
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(3);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toMatch(/ApiDefaultStage|HttpApi/);
    expect(markers).toMatch(/UserPool/);
    expect(markers).toMatch(/DomainName/);
  });

  it('is left out, and synth still works, when the pane has not been built', () => {
    const { paneRelease, stacks } = synthesiseApp({ stage: 'dev', paneDir: '/nonexistent/dist/addin' });
    expect(paneRelease).toBeUndefined();
    expect(stacks.pane).toBeDefined();
  });

  it('turns every development origin of the manifest into the CloudFront origin', () => {
    const dev = `<SourceLocation DefaultValue="${DEV_PANE_ORIGIN}/taskpane.html"/><AppDomain>${DEV_PANE_ORIGIN}</AppDomain>`;
    expect(productionManifest(dev, 'https://d111111abcdef8.cloudfront.net')).toBe(
      '<SourceLocation DefaultValue="https://d111111abcdef8.cloudfront.net/taskpane.html"/><AppDomain>https://d111111abcdef8.cloudfront.net</AppDomain>',
    );
  });
});
