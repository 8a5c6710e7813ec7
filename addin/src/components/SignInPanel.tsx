import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { SignInRenewal } from '../api/cognito-sign-in';
import type { SignedInUser } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { CognitoSignInForm } from './CognitoSignInForm';
import { TokenSignInForm } from './TokenSignInForm';
import { useServices } from './services';

export interface SignInPanelProps {
  /** `renewal` is given by the Cognito sign-in, to renew the ID token before it expires. */
  onSignedIn(user: SignedInUser, renewal?: SignInRenewal | null): void;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
});

/** Sign-in: the Cognito user pool in AWS (a pasted ID token as the advanced fallback), a token elsewhere. */
export function SignInPanel({ onSignedIn }: SignInPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { localSignIn, cognito } = useServices();
  const heading = <h2 className={styles.heading}>{t('signInTitle')}</h2>;
  if (localSignIn || !cognito) {
    return (
      <div className={styles.panel}>
        {heading}
        <TokenSignInForm onSignedIn={onSignedIn} />
      </div>
    );
  }
  // In AWS with a user pool: the Cognito sign-in; pasting an ID token (from the AWS CLI) stays as an advanced fallback.
  return (
    <div className={styles.panel}>
      {heading}
      <CognitoSignInForm cognito={cognito} onSignedIn={onSignedIn} />
      <Accordion collapsible>
        <AccordionItem value="token">
          <AccordionHeader size="small">{t('pasteToken')}</AccordionHeader>
          <AccordionPanel>
            <TokenSignInForm onSignedIn={onSignedIn} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
