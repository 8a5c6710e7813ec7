import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPool,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type IUserPool,
  type IUserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The custom attributes an administrator sets on each user; they reach the handlers as `custom:<name>` claims of the ID token. */
export const USER_ATTRIBUTES = ['role', 'subBranch', 'outlet'] as const;

export interface UserDirectoryProps {
  /**
   * 'required': every user signs in with a password and a TOTP code; 'optional': users may enrol a TOTP app.
   * @default 'required'
   */
  readonly mfa?: 'required' | 'optional';
  /**
   * Cognito Plus plan with threat protection enforced (compromised-credential checks, adaptive authentication).
   * @default true
   */
  readonly threatProtection?: boolean;
  /**
   * How long the add-in stays signed in without the password being asked again.
   * @default Duration.hours(12): one working day
   */
  readonly refreshTokenValidity?: Duration;
  /**
   * What happens to the user pool when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The Cognito user pool of bank and insurer staff, and the app client of the Excel add-in.
 * Users are created by an administrator only (no self sign-up), with the custom attributes
 * `role` (outlet_head | subbranch_manager | auditor), `subBranch` and `outlet` that scope what they
 * may see. The attributes stay mutable for administrators (a manager moving to another sub-branch
 * keeps the account) but the app client may read them and never write them.
 */
export class UserDirectory extends Construct {
  readonly userPool: IUserPool;
  readonly addinClient: IUserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);
    const mfa = props.mfa ?? 'required';
    const threatProtection = props.threatProtection ?? true;
    const userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(
        USER_ATTRIBUTES.map((name) => [name, new StringAttribute({ minLen: 1, maxLen: 64, mutable: true })]),
      ),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: mfa === 'required' ? Mfa.REQUIRED : Mfa.OPTIONAL,
      // TOTP only: SMS from Cognito to mainland numbers needs an origination setup and costs per message.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      autoVerify: { email: true },
      featurePlan: threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: threatProtection ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    (userPool.node.defaultChild as CfnUserPool).overrideLogicalId('PtsUserPool');

    const readable = new ClientAttributes()
      // fullname is the `name` claim: the person's name the pane shows and writes as 填报人 (set by administrators).
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes(...USER_ATTRIBUTES);
    this.addinClient = userPool.addClient('AddinClient', {
      generateSecret: false, // a browser app cannot keep a secret
      // SRP for sign-in code that implements it; USER_PASSWORD_AUTH (password over TLS to Cognito only,
      // then the TOTP challenge) for `aws cognito-idp initiate-auth`, which is how outlet heads get the
      // token the pane and `pts submit --token` take today (docs/deploy.md).
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true, // no hosted UI, no redirect URLs to hijack
      preventUserExistenceErrors: true,
      readAttributes: readable,
      writeAttributes: new ClientAttributes(), // role and scope are set by administrators only
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.hours(12),
      enableTokenRevocation: true,
    });
    this.userPool = userPool;

    if (mfa === 'optional') {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional only in the dev stage (or by an explicit -c mfa=optional) where the pool holds test users and no customer data; prod requires TOTP.',
      });
    }
    if (!threatProtection) {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan (threat protection) is switched off only for the dev stage or where the region does not offer it; prod enables it. Sign-in still needs a 12-character password and, in prod, TOTP.',
      });
    }
  }
}
