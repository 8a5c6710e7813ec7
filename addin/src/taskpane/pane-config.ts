/** What the task pane and the web page read at start: /config.json and the sign-in it names. */
import { CognitoSignIn } from '../api/cognito-sign-in';

/** /config.json: the local pane server's `{ apiUrl, local: true }`, or what the CDK app writes (PaneRuntimeConfig). */
export interface PaneConfig {
  apiUrl: string;
  local?: boolean;
  region?: string;
  jwtIssuer?: string;
  /** Cognito ids; absent with an external OIDC provider (then the pane takes a pasted ID token). */
  userPoolId?: string;
  userPoolClientId?: string;
}

/** The Cognito sign-in when /config.json names a user pool client (AWS), else none. */
export function cognitoFrom(config: PaneConfig): CognitoSignIn | undefined {
  if (config.local === true || !config.region || !config.userPoolClientId) return undefined;
  return new CognitoSignIn({ region: config.region, clientId: config.userPoolClientId });
}

export async function loadConfig(): Promise<PaneConfig> {
  try {
    const response = await fetch('./config.json', { cache: 'no-store' });
    if (response.ok) return (await response.json()) as PaneConfig;
  } catch {
    // fall through: the pane then talks to /api on its own origin
  }
  return { apiUrl: '/api', local: false };
}
