import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type IDistribution,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, CfnBucket, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Content-Security-Policy of the pane. Office.js loads from appsforoffice.microsoft.com; Fluent UI
 * injects <style> elements at run time ('unsafe-inline' for styles only); the pane calls the API
 * (execute-api) and Cognito (cognito-idp) of its region; Excel on the web frames the pane from
 * Office origins.
 */
export const PANE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https://appsforoffice.microsoft.com",
  "font-src 'self' data:",
  "connect-src 'self' https://*.amazonaws.com https://*.amazonaws.com.cn https://appsforoffice.microsoft.com",
  "frame-ancestors 'self' https://*.office.com https://*.officeapps.live.com https://*.office365.com https://*.sharepoint.com https://*.cloud.microsoft",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export interface PaneHostingProps {
  /**
   * Days kept of the CloudFront and S3 access logs.
   * @default 365
   */
  readonly accessLogDays?: number;
  /**
   * Content-Security-Policy header of every response.
   * @default PANE_CONTENT_SECURITY_POLICY
   */
  readonly contentSecurityPolicy?: string;
}

/**
 * Hosting of the Excel task pane: a private, encrypted, versioned, TLS-only S3 bucket that only
 * CloudFront may read (origin access control), served over HTTPS only with security headers.
 * Access logs of both go to a separate log bucket.
 */
export class PaneHosting extends Construct {
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
  /** https://<distribution domain>: the origin of the add-in, for CORS and the manifest. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: PaneHostingProps = {}) {
    super(scope, id);
    const accessLogDays = props.accessLogDays ?? 365;
    if (!Number.isInteger(accessLogDays) || accessLogDays < 1) {
      throw new Error(`PaneHosting ${id}: accessLogDays must be a positive whole number (got ${accessLogDays}).`);
    }

    const logBucket = new Bucket(this, 'AccessLogBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logs are delivered with an ACL: the log bucket must accept ACLs; the bucket owner owns the objects.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(accessLogDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const bucket = new Bucket(this, 'PaneBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'pane-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (bucket.node.defaultChild as CfnBucket).overrideLogicalId('PaneBucket');

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'PTS pane: HSTS, CSP, nosniff, referrer policy',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: props.contentSecurityPolicy ?? PANE_CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        // No X-Frame-Options: Excel on the web shows the pane in an iframe; CSP frame-ancestors names who may frame it.
      },
    });

    const distribution = new Distribution(this, 'Distribution', {
      comment: 'PTS reports: Excel task pane',
      defaultRootObject: 'taskpane.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'The pane is public static JavaScript holding no data; every datum sits behind the JWT-authorised API. Geo restriction would add nothing and would lock out staff travelling abroad.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'Static, read-only content (GET/HEAD) from a private bucket: no input reaches an application through CloudFront, so a WAF web ACL (USD 5+/month) would protect nothing. The API has its own throttling and JWT authorizer.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer policy; the viewer protocol is HTTPS only and minimumProtocolVersion asks TLS 1.2 once a custom domain and certificate are added.',
    });

    this.bucket = bucket;
    this.distribution = distribution;
    this.origin = `https://${distribution.distributionDomainName}`;
  }
}
