import { useCallback, useEffect, useRef, useState } from 'react';
import type { Organisation } from '#shared/org/schema';
import type { ApiClient } from '../api/api-client';
import type { NoticeMessage } from '../components/Notice';
import { bothLanguages } from '../i18n/messages';

/** How long the fetched organisation is used before it is fetched again. */
const ORG_MAX_AGE_MS = 10 * 60_000;

/** What one fetch found; `notice` undefined leaves the notice on screen as it is. */
interface Fetched {
  organisation?: Organisation;
  notice?: NoticeMessage | null;
}

export interface OrganisationState {
  /** Shown while the organisation could not be fetched (checks that need it are skipped). */
  notice: NoticeMessage | null;
  /** The organisation, fetched again when missing or older than ORG_MAX_AGE_MS. */
  load(): Promise<Organisation | undefined>;
}

/**
 * The organisation of the user's sub-branch (GET /org): fetched after sign-in, again before a check while it is
 * missing or stale (an auditor may have moved the campaign meanwhile); an older copy beats none.
 */
export function useOrganisation(api: ApiClient, subBranch: string | undefined, now: () => Date): OrganisationState {
  const cache = useRef<{ subBranch: string; value: Organisation; at: number } | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const fetchOrganisation = useCallback(async (): Promise<Fetched> => {
    if (!subBranch) return {};
    const cached = cache.current?.subBranch === subBranch ? cache.current : null;
    if (cached && now().getTime() - cached.at < ORG_MAX_AGE_MS) return { organisation: cached.value };
    const answer = await api.getOrg(subBranch);
    if (!answer.ok && cached) return { organisation: cached.value };
    if (!answer.ok) return { notice: { intent: 'warning', ...bothLanguages('orgUnavailable', { subBranch }), detail: answer.message_zh } };
    cache.current = { subBranch, value: answer.value, at: now().getTime() };
    return { organisation: answer.value, notice: null };
  }, [api, subBranch, now]);

  const show = useCallback((fetched: Fetched) => {
    if (fetched.notice !== undefined) setNotice(fetched.notice);
    return fetched.organisation;
  }, []);

  useEffect(() => {
    void fetchOrganisation().then(show);
  }, [fetchOrganisation, show]);

  const load = useCallback(() => fetchOrganisation().then(show), [fetchOrganisation, show]);
  return { notice, load };
}
