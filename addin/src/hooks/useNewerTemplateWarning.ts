import { useEffect } from 'react';
import type { TemplateList } from '#shared/api/template-listing';
import type { TemplateRegistry } from '#shared/spec/template-registry';
import type { ApiClient } from '../api/api-client';
import type { NoticeMessage } from '../components/Notice';
import { bothLanguages } from '../i18n/messages';

/** The pane carries the built-in specs; a newer version published on the server needs a newer pane: say so once. */
export function useNewerTemplateWarning(api: ApiClient, registry: TemplateRegistry, onNotice: (notice: NoticeMessage) => void): void {
  useEffect(() => {
    void api.getTemplates().then((answer) => {
      if (!answer.ok) return;
      const listed = (answer.value as Partial<TemplateList> | null)?.templates ?? [];
      const newer = listed.find((t) => (registry.current(t.id)?.version ?? Infinity) < t.current);
      if (newer) onNotice({ intent: 'warning', ...bothLanguages('newerTemplate', { id: registry.current(newer.id)?.title ?? newer.id, version: newer.current }) });
    });
  }, [api, registry, onNotice]);
}
