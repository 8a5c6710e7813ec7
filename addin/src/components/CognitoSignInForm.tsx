import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { userFromToken } from '../api/api-client';
import type { CognitoSignIn, CognitoStep, SignInRenewal } from '../api/cognito-sign-in';
import type { SignedInUser } from '../api/types';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { CognitoStageFields, type CognitoFieldName, type CognitoStage } from './CognitoStageFields';
import { Notice, failureNotice, type NoticeMessage } from './Notice';

export interface CognitoSignInFormProps {
  cognito: CognitoSignIn;
  onSignedIn(user: SignedInUser, renewal: SignInRenewal | null): void;
}


const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Sign-in against the Cognito user pool: password, then the first-sign-in password, MFA setup or MFA code. */
export function CognitoSignInForm({ cognito, onSignedIn }: CognitoSignInFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [stage, setStage] = useState<CognitoStage>({ step: 'password' });
  const [fields, setFields] = useState<Record<CognitoFieldName, string>>({ username: '', password: '', newPassword: '', confirmPassword: '', code: '' });
  const setField = (name: CognitoFieldName, value: string) => setFields((current) => ({ ...current, [name]: value }));
  const { username, password, newPassword, confirmPassword, code } = fields;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  function proceed(result: CognitoStep): void {
    if (!result.ok) {
      setNotice(failureNotice(result));
      if (result.kind === 'session-expired') setStage({ step: 'password' });
      return;
    }
    setField('code', '');
    if (result.step === 'signed-in') {
      const user = userFromToken(result.tokens.idToken, 'challenge' in stage ? stage.challenge.username : username.trim());
      if (!user) {
        setStage({ step: 'password' });
        setNotice({ intent: 'error', ...bothLanguages('accountWithoutRole') });
        return;
      }
      setField('password', '');
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

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <CognitoStageFields stage={stage} fields={fields} onChange={setField} />
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
