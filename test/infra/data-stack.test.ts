import { Match } from 'aws-cdk-lib/assertions';
import { synthesiseApp, type SynthesisedApp } from './synth-app';

describe('DataStack', () => {
  let prod: SynthesisedApp;
  let dev: SynthesisedApp;

  beforeAll(() => {
    prod = synthesiseApp({ stage: 'prod' });
    dev = synthesiseApp({ stage: 'dev' });
  });

  describe('the table', () => {
    it('keeps the pinned logical IDs of the table, its key and the user pool', () => {
      // Assess: renaming a construct must never replace the stateful resources
      const tables = prod.data.findResources('AWS::DynamoDB::Table');
      expect(Object.keys(tables)).toEqual(['PtsTable']);
      expect(Object.keys(prod.data.findResources('AWS::KMS::Key'))).toEqual(['PtsTableKey']);
      expect(Object.keys(prod.data.findResources('AWS::Cognito::UserPool'))).toEqual(['PtsUserPool']);
    });

    it('has the keys, TTL attribute and index of docs/data-model.md, billed on demand', () => {
      prod.data.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      });
    });

    it('has point-in-time recovery, deletion protection and encryption with the rotated customer key', () => {
      prod.data.hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': ['PtsTableKey', 'Arn'] } },
      });
      prod.data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('retains the table, the key and the user pool when the stack is deleted, in both stages', () => {
      for (const synthesised of [prod, dev]) {
        for (const type of ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Cognito::UserPool']) {
          synthesised.data.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
        }
      }
    });

    it('turns on termination protection of the stack', () => {
      expect(prod.stacks.data.terminationProtection).toBe(true);
      expect(dev.stacks.data.terminationProtection).toBe(true);
    });
  });

  describe('the user pool', () => {
    it('lets only administrators create users and asks a strong password', () => {
      prod.data.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          },
        },
        DeletionProtection: 'ACTIVE',
      });
    });

    it('requires TOTP MFA and the Plus plan with threat protection in prod, not in dev', () => {
      prod.data.hasResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      });
      dev.data.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL', UserPoolTier: 'ESSENTIALS' });
    });

    it('defines role, subBranch and outlet as custom attributes', () => {
      prod.data.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith(
          ['role', 'subBranch', 'outlet'].map((name) => Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true })),
        ),
      });
    });

    it('gives the add-in a public client (SRP or password, no OAuth) that may read the scope attributes and write none of them', () => {
      const clients = prod.data.findResources('AWS::Cognito::UserPoolClient');
      const [client] = Object.values(clients);
      expect(Object.keys(clients)).toHaveLength(1);
      expect(client.Properties.GenerateSecret).toBe(false);
      expect([...client.Properties.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']);
      expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:role', 'custom:subBranch', 'custom:outlet', 'name']));
      expect(client.Properties.WriteAttributes ?? []).toEqual([]);
      expect(client.Properties.AllowedOAuthFlowsUserPoolClient).not.toBe(true);
    });
  });
});
