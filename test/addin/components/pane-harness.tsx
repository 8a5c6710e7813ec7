/**
 * Renders the whole pane (App inside FluentProvider and the services context) on the in-memory workbook,
 * with an API that answers from a route table: what a component test needs, nothing of Office or the network.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { builtinTemplates } from '#shared/spec/builtin-templates';
import { createTemplateRegistry } from '#shared/spec/template-registry';
import { ApiClient, type FetchLike } from '#addin/api/api-client';
import { Outbox, type StorageLike } from '#addin/api/outbox';
import { App, type AppProps } from '#addin/components/App';
import { ServicesContext, type PaneServices } from '#addin/components/services';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';

export type Route = (request: { method: string; path: string; headers: Record<string, string>; body: unknown }) => { status: number; body: unknown } | 'offline';

export function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(claims)}.sig`;
}

export function tokenFor(role: string, scope: { subBranch?: string; outlet?: string } = {}): string {
  return jwt({ sub: `${role}-1`, 'custom:role': role, ...(scope.subBranch ? { 'custom:subBranch': scope.subBranch } : {}), ...(scope.outlet ? { 'custom:outlet': scope.outlet } : {}) });
}

export function memoryStorage(): StorageLike {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

export function renderPane(routes: Record<string, Route>, options: { app?: AppProps; services?: Partial<PaneServices> } = {}) {
  const requests: { method: string; path: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const method = init?.method ?? 'GET';
    const path = url.replace(/^\/api/, '');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    requests.push({ method, path, headers, body });
    const route = Object.entries(routes).find(([pattern]) => `${method} ${path}`.startsWith(pattern))?.[1];
    const answer = route ? route({ method, path, headers, body }) : { status: 404, body: { code: 'not-found', message_zh: '未找到', message_en: 'not found' } };
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    const text = JSON.stringify(answer.body);
    // jsdom has no fetch Response; the client reads only these members.
    return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, text: async () => text } as unknown as Response;
  };
  const workbook = new MemoryWorkbook(['Sheet1']);
  let key = 0;
  const services: PaneServices = {
    host: workbook,
    api: new ApiClient('/api', null, fetchImpl),
    registry: createTemplateRegistry(builtinTemplates),
    outbox: new Outbox(memoryStorage()),
    now: () => new Date('2026-11-30T17:00:00Z'), // 2026-12-01 01:00 in Asia/Shanghai
    newKey: () => `key-${++key}`,
    localSignIn: true,
    ...options.services,
  };
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={services}>
        <App {...options.app} />
      </ServicesContext.Provider>
    </FluentProvider>,
  );
  return { ...view, user, workbook, requests, services };
}
