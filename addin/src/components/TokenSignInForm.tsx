import { useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { userFromToken } from '../api/api-client';
import type { Role, SignedInUser } from '../api/types';
import { bothLanguages } from '../i18n/messages';
import { useI18n } from '../i18n/I18nContext';
import { Notice, failureNotice, type NoticeMessage } from './Notice';
import { useServices } from './services';

export interface TokenSignInFormProps {
  onSignedIn(user: SignedInUser): void;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const ROLES: Role[] = ['outlet_head', 'subbranch_manager', 'auditor'];

/**
 * Sign-in with a token: in the local stack, one asked of POST /local/token for the chosen role and scope;
 * in AWS, an ID token pasted from the AWS CLI.
 */
export function TokenSignInForm({ onSignedIn }: TokenSignInFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, localSignIn } = useServices();
  const [role, setRole] = useState<Role>('outlet_head');
  const [subBranch, setSubBranch] = useState('3301');
  const [outlet, setOutlet] = useState('3301001');
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  async function signIn() {
    setBusy(true);
    setNotice(null);
    try {
      let signedToken = token.trim();
      if (!signedToken && !localSignIn) {
        return setNotice({ intent: 'error', ...bothLanguages('pasteIdTokenFirst') });
      }
      if (!signedToken) {
        const result = await api.requestLocalToken({
          role,
          ...(role !== 'auditor' ? { subBranch } : {}),
          ...(role === 'outlet_head' ? { outlet } : {}),
          ...(name ? { name } : {}),
        });
        if (!result.ok) return setNotice(failureNotice(result));
        signedToken = result.value.token;
      }
      const user = userFromToken(signedToken, name || undefined);
      if (!user) return setNotice({ intent: 'error', ...bothLanguages('signInTokenInvalid') });
      onSignedIn(user);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.panel}
      onSubmit={(e) => {
        e.preventDefault();
        void signIn();
      }}
    >
      {localSignIn ? (
        <>
          <Field label={t('role')}>
            <RadioGroup value={role} onChange={(_, d) => setRole(d.value as Role)}>
              {ROLES.map((r) => (
                <Radio key={r} value={r} label={t(`role_${r}`)} />
              ))}
            </RadioGroup>
          </Field>
          {role !== 'auditor' ? (
            <Field label={t('subBranchCode')}>
              <Input value={subBranch} onChange={(_, d) => setSubBranch(d.value)} />
            </Field>
          ) : null}
          {role === 'outlet_head' ? (
            <Field label={t('outletCode')}>
              <Input value={outlet} onChange={(_, d) => setOutlet(d.value)} />
            </Field>
          ) : null}
          <Field label={t('displayName')}>
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
        </>
      ) : null}
      <Field label={localSignIn ? t('localToken') : t('idToken')}>
        <Input value={token} onChange={(_, d) => setToken(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        {t('signIn')}
      </Button>
      <Notice notice={notice} />
    </form>
  );

}
