import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CognitoChallenge } from '../api/cognito-sign-in';
import { useI18n } from '../i18n/I18nContext';

/** Where a Cognito sign-in stands: the password, then the first-sign-in password, MFA setup or an MFA code. */
export type CognitoStage =
  | { step: 'password' }
  | { step: 'new-password'; challenge: CognitoChallenge }
  | { step: 'mfa-code'; challenge: CognitoChallenge }
  | { step: 'mfa-setup'; challenge: CognitoChallenge; secretCode: string };

export type CognitoFieldName = 'username' | 'password' | 'newPassword' | 'confirmPassword' | 'code';

export interface CognitoStageFieldsProps {
  stage: CognitoStage;
  fields: Record<CognitoFieldName, string>;
  onChange(name: CognitoFieldName, value: string): void;
}

const useStyles = makeStyles({
  secret: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
    userSelect: 'all',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The secret in groups of four, easier to type into an authenticator app. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The fields the sign-in asks for at its current stage. */
export function CognitoStageFields({ stage, fields, onChange }: CognitoStageFieldsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const codeField = (
    <Field label={t('mfaCode')} required>
      <Input value={fields.code} onChange={(_, d) => onChange('code', d.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
    </Field>
  );
  switch (stage.step) {
    case 'password':
      return (
        <>
          <Field label={t('userName')} required>
            <Input value={fields.username} onChange={(_, d) => onChange('username', d.value)} autoComplete="username" />
          </Field>
          <Field label={t('password')} required>
            <Input type="password" value={fields.password} onChange={(_, d) => onChange('password', d.value)} autoComplete="current-password" />
          </Field>
        </>
      );
    case 'new-password':
      return (
        <>
          <Text>{t('newPasswordIntro')}</Text>
          {/* For password managers: whose new password this is. */}
          <input type="text" hidden readOnly autoComplete="username" value={stage.challenge.username} />
          <Field label={t('newPassword')} required>
            <Input type="password" value={fields.newPassword} onChange={(_, d) => onChange('newPassword', d.value)} autoComplete="new-password" />
          </Field>
          <Field label={t('confirmPassword')} required>
            <Input type="password" value={fields.confirmPassword} onChange={(_, d) => onChange('confirmPassword', d.value)} autoComplete="new-password" />
          </Field>
        </>
      );
    case 'mfa-setup':
      return (
        <>
          <Text>{t('mfaSetupIntro')}</Text>
          <Text weight="semibold">{t('mfaSecret')}</Text>
          <output className={styles.secret} aria-label={t('mfaSecret')}>
            {groupedSecret(stage.secretCode)}
          </output>
          {codeField}
        </>
      );
    case 'mfa-code':
      return (
        <>
          <Text>{t('mfaCodeIntro')}</Text>
          {codeField}
        </>
      );
  }
}
