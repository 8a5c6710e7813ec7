import { useState } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { userFromToken } from '../api/api-client';
import type { CognitoChallenge, CognitoSignIn, CognitoStep, SignInRenewal } from '../api/cognito-sign-in';
import type { SignedInUser } from '../api/types';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { Notice, failureNotice, type NoticeMessage } from './Notice';

export interface CognitoSignInFormProps {
  cognito: CognitoSignIn;
  onSignedIn(user: SignedInUser, renewal: SignInRenewal | null): void;
}

type Stage =
  | { step: 'password' }
  | { step: 'new-password'; challenge: CognitoChallenge }
  | { step: 'mfa-code'; challenge: CognitoChallenge }
  | { step: 'mfa-setup'; challenge: CognitoChallenge; secretCode: string };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  secret: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
    userSelect: 'all',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The secret in groups of four, easier to type into an authenticator app. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Sign-in against the Cognito user pool: password, then the first-sign-in password, MFA setup or MFA code. */
export function CognitoSignInForm({ cognito, onSignedIn }: CognitoSignInFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ step: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  function proceed(result: CognitoStep): void {
    if (!result.ok) {
      setNotice(failureNotice(result));
      if (result.kind === 'session-expired') setStage({ step: 'password' });
      return;
    }
    setCode('');
    if (result.step === 'signed-in') {
      const user = userFromToken(result.tokens.idToken, 'challenge' in stage ? stage.challenge.username : username.trim());
      if (!user) {
        setStage({ step: 'password' });
        setNotice({ intent: 'error', message_zh: '此账户尚未分配角色（custom:role），请联系管理员', message_en: 'This account has no role (custom:role) yet; contact your administrator' });
        return;
      }
      setPassword('');
      onSignedIn(user, result.tokens.refreshToken ? { refreshToken: result.tokens.refreshToken, expiresAt: result.tokens.expiresAt } : null);
      return;
    }
    setNotice(null);
    setStage(result.step === 'mfa-setup' ? { step: 'mfa-setup', challenge: result.challenge, secretCode: result.secretCode } : { step: result.step, challenge: result.challenge });
  }

  async function submit(): Promise<void> {
    if (stage.step === 'new-password' && newPassword !== confirmPassword) {
      setNotice({ intent: 'error', ...bothLanguages('passwordsDiffer') });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      switch (stage.step) {
        case 'password':
          return proceed(await cognito.signIn(username.trim(), password));
        case 'new-password':
          return proceed(await cognito.completeNewPassword(stage.challenge, newPassword));
        case 'mfa-code':
          return proceed(await cognito.answerMfaCode(stage.challenge, code));
        case 'mfa-setup':
          return proceed(await cognito.verifyMfaSetup(stage.challenge, code));
      }
    } finally {
      setBusy(false);
    }
  }

  const codeField = (
    <Field label={t('mfaCode')} required>
      <Input value={code} onChange={(_, d) => setCode(d.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
    </Field>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {stage.step === 'password' ? (
        <>
          <Field label={t('userName')} required>
            <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
          </Field>
          <Field label={t('password')} required>
            <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
          </Field>
        </>
      ) : null}
      {stage.step === 'new-password' ? (
        <>
          <Text>{t('newPasswordIntro')}</Text>
          {/* For password managers: whose new password this is. */}
          <input type="text" hidden readOnly autoComplete="username" value={stage.challenge.username} />
          <Field label={t('newPassword')} required>
            <Input type="password" value={newPassword} onChange={(_, d) => setNewPassword(d.value)} autoComplete="new-password" />
          </Field>
          <Field label={t('confirmPassword')} required>
            <Input type="password" value={confirmPassword} onChange={(_, d) => setConfirmPassword(d.value)} autoComplete="new-password" />
          </Field>
        </>
      ) : null}
      {stage.step === 'mfa-setup' ? (
        <>
          <Text>{t('mfaSetupIntro')}</Text>
          <Text weight="semibold">{t('mfaSecret')}</Text>
          <output className={styles.secret} aria-label={t('mfaSecret')}>
            {groupedSecret(stage.secretCode)}
          </output>
          {codeField}
        </>
      ) : null}
      {stage.step === 'mfa-code' ? (
        <>
          <Text>{t('mfaCodeIntro')}</Text>
          {codeField}
        </>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {stage.step === 'password' ? t('signIn') : stage.step === 'new-password' ? t('setPasswordAndSignIn') : t('verify')}
        </Button>
        {stage.step !== 'password' ? (
          <Button
            type="button"
            disabled={busy}
            onClick={() => {
              setStage({ step: 'password' });
              setNotice(null);
            }}
          >
            {t('backToSignIn')}
          </Button>
        ) : null}
      </div>
      <Notice notice={notice} />
    </form>
  );
}
