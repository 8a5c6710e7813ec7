import { useEffect, useState } from 'react';
import { userFromToken } from '../api/api-client';
import type { CognitoSignIn, SignInRenewal } from '../api/cognito-sign-in';
import type { SignedInUser } from '../api/types';
import type { NoticeMessage } from '../components/Notice';
import { bothLanguages } from '../i18n/messages';

/** The ID token is renewed this long before it expires. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** After a failed renewal that may be the network, the next try comes this much later. */
const RENEW_RETRY_MS = 60_000;

export interface Session {
  /** The signed-in user, or null before sign-in and after sign-out or a failed renewal. */
  user: SignedInUser | null;
  /** What the session has to say: a renewal that found no network, an expired sign-in, an incomplete sign-out. */
  notice: NoticeMessage | null;
  signIn(user: SignedInUser, renewal?: SignInRenewal | null): void;
  signOut(): void;
}

/**
 * The pane's sign-in session. With Cognito, the ID token is renewed with the refresh token shortly before it
 * expires (tokens stay in memory only); without the network the pane keeps its work and tries again a minute later.
 */
export function useSession(cognito: CognitoSignIn | undefined, now: () => Date): Session {
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [renewal, setRenewal] = useState<SignInRenewal | null>(null);
  /** When to renew next (milliseconds since the epoch): before expiry, or a minute after a try that found no network. */
  const [renewAt, setRenewAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  function end(endNotice: NoticeMessage | null): void {
    setUser(null);
    setRenewal(null);
    setRenewAt(null);
    setNotice(endNotice);
  }

  useEffect(() => {
    if (!user || !renewal || renewAt === null || !cognito) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      void cognito.refresh(renewal.refreshToken).then((result) => {
        if (cancelled) return;
        const renewed = result.ok ? userFromToken(result.tokens.idToken, user.name) : null;
        if (result.ok && renewed) {
          setUser(renewed);
          setRenewal({ refreshToken: result.tokens.refreshToken ?? renewal.refreshToken, expiresAt: result.tokens.expiresAt });
          setRenewAt(result.tokens.expiresAt - RENEW_BEFORE_EXPIRY_MS);
          setNotice(null);
        } else if (!result.ok && result.kind === 'offline') {
          setNotice({ intent: 'warning', message_zh: result.message_zh, message_en: result.message_en });
          setRenewAt(now().getTime() + RENEW_RETRY_MS);
        } else {
          end({ intent: 'error', ...bothLanguages('sessionRenewFailed'), ...(!result.ok ? { detail: result.message_zh } : {}) });
        }
      });
    }, Math.max(0, renewAt - now().getTime()));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [user, renewal, renewAt, cognito, now]);

  function signIn(signedIn: SignedInUser, signInRenewal?: SignInRenewal | null): void {
    setNotice(null);
    setRenewal(signInRenewal ?? null);
    setRenewAt(signInRenewal ? signInRenewal.expiresAt - RENEW_BEFORE_EXPIRY_MS : null);
    setUser(signedIn);
  }

  function signOut(): void {
    const refreshToken = renewal?.refreshToken;
    end(null);
    if (refreshToken && cognito) {
      void cognito.signOut(refreshToken).then((result) => {
        if (!result.ok) setNotice({ intent: 'warning', ...bothLanguages('signOutIncomplete'), detail: result.message_zh });
      });
    }
  }

  return { user, notice, signIn, signOut };
}
