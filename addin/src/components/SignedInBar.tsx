import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { SignedInUser } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

export interface SignedInBarProps {
  user: SignedInUser;
  onSignOut(): void;
}

const useStyles = makeStyles({
  user: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
});

/** Who is signed in, in which role and scope, with the sign-out button. */
export function SignedInBar({ user, onSignOut }: SignedInBarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const scope = user.role === 'auditor' ? t('allSubBranches') : [user.subBranch, user.outlet].filter(Boolean).join(' / ');
  return (
    <div className={styles.user} role="status">
      <span>{t(user.name ? 'signedInLine' : 'signedInLineNoName', { name: user.name, role: t(`role_${user.role}`), scope })}</span>
      <Button size="small" onClick={onSignOut}>
        {t('signOut')}
      </Button>
    </div>
  );
}
