/** The AWS China variant: no Cognito user pool, the API trusts the bank's own OIDC provider. */
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { synthesiseApp, type SynthesisedApp } from './synth-app';

const ISSUER = 'https://idp.bank.example/realms/pts';

describe('stage with an external OIDC provider', () => {
  let synthesised: SynthesisedApp;

  beforeAll(() => {
    synthesised = synthesiseApp({ stage: 'prod', overrides: { jwtIssuer: `${ISSUER}/`, jwtAudience: 'pts-addin' } });
  });

  it('creates no user pool, and keeps the table', () => {
    expect(synthesised.data.findResources('AWS::Cognito::UserPool')).toEqual({});
    expect(Object.keys(synthesised.data.findResources('AWS::DynamoDB::Table'))).toEqual(['PtsTable']);
  });

  it("points the API's JWT authorizer at the provider and the add-in's client id", () => {
    synthesised.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: ISSUER, Audience: ['pts-addin'] },
    });
  });

  it('leaves USER_POOL_ID unset, so that the functions take the claims the authorizer verified', () => {
    for (const fn of Object.values(synthesised.api.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.Environment.Variables.USER_POOL_ID).toBeUndefined();
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
    }
    expect(Object.keys(synthesised.api.toJSON().Outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'JwtIssuer']));
  });

  it('is as clean for cdk-nag as the Cognito variant', () => {
    const violations = [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) => pack.validateScope(synthesised.app).violations.map((v) => v.ruleName));
    expect(violations).toEqual([]);
  });
});
