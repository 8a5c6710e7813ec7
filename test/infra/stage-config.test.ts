import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { stageConfigFor } from '#infra/stage-config';

describe('stageConfigFor', () => {
  it('makes prod strict: MFA required, threat protection, year-long logs, no local origin, reserved concurrency', () => {
    const prod = stageConfigFor('prod');
    expect(prod).toMatchObject({ stage: 'prod', mfa: 'required', cognitoThreatProtection: true, logRetention: RetentionDays.ONE_YEAR, reserveConcurrency: true });
    expect(prod.extraCorsOrigins).toEqual([]);
  });

  it('lets dev reach the API from the local pane on https://localhost:3000', () => {
    expect(stageConfigFor('dev').extraCorsOrigins).toEqual(['https://localhost:3000']);
  });

  it('takes overrides from the command line', () => {
    expect(stageConfigFor('prod', { mfa: 'optional', cognitoThreatProtection: 'off', alarmEmail: 'ops@example.com' })).toMatchObject({
      mfa: 'optional',
      cognitoThreatProtection: false,
      alarmEmail: 'ops@example.com',
    });
  });

  it('refuses an unknown stage or a bad override, naming the value', () => {
    expect(() => stageConfigFor('production')).toThrow('Unknown stage "production"');
    expect(() => stageConfigFor('dev', { mfa: 'sometimes' })).toThrow('"sometimes"');
    expect(() => stageConfigFor('dev', { alarmEmail: 'ops' })).toThrow('"ops"');
    expect(() => stageConfigFor('prod', { jwtIssuer: 'http://idp.bank.example', jwtAudience: 'pts' })).toThrow('"http://idp.bank.example"');
    expect(() => stageConfigFor('prod', { jwtIssuer: 'https://idp.bank.example' })).toThrow('go together');
  });
});
