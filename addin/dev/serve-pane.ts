/**
 * Serves the built task pane (dist/addin/) over https for development and the end-to-end test.
 * A self-signed certificate for localhost is made with openssl on first start (no sudo, nothing installed).
 * Requests under /api/ are forwarded to the API (`apiUrl`), so the pane talks to its own origin:
 * no mixed content, no CORS. `/config.json` tells the pane where its API is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';

export interface StartPaneServerOptions {
  port: number;
  host?: string;
  /** The API the pane's /api/ requests go to, e.g. http://127.0.0.1:3001 */
  apiUrl: string;
  /** Where cert.pem and key.pem are kept (made at first start). */
  certDir: string;
  /** The built pane; default dist/addin/ of this repository. */
  paneDir?: string;
}

export interface PaneServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Makes (once) a self-signed certificate for localhost and 127.0.0.1, valid for a year. */
export function ensureSelfSignedCertificate(certDir: string): { cert: Buffer; key: Buffer } {
  const certFile = path.join(certDir, 'cert.pem');
  const keyFile = path.join(certDir, 'key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(certDir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '365',
        '-keyout', keyFile, '-out', certFile,
        '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'pipe' },
    );
  }
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

function forwardToApi(apiUrl: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(apiUrl);
  const rest = (req.url ?? '/').replace(/^\/api/, '') || '/';
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const basePath = target.pathname.replace(/\/$/, '');
  const headers = { ...req.headers, host: target.host };
  const upstream = send(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: basePath + rest,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    }
    res.end(
      JSON.stringify({ code: 'api-unreachable', message_zh: '无法连接服务器', message_en: 'The API cannot be reached' }),
    );
  });
  // A client that goes away mid-request must not throw either.
  req.on('error', () => upstream.destroy());
  res.on('error', () => upstream.destroy());
  req.pipe(upstream);
}

/** Answers a short JSON error (the pane's requests expect `{ code, message_zh, message_en }`). */
function sendError(res: ServerResponse, status: number, code: string, messageZh: string, messageEn: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message_zh: messageZh, message_en: messageEn }));
}

/** The decoded path, or undefined when a %-escape does not decode (`/%E0%A4%A`). */
function decodePath(urlPath: string): string | undefined {
  try {
    return decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
}

function serveFile(paneDir: string, urlPath: string, res: ServerResponse): void {
  const clean = decodePath(urlPath);
  if (clean === undefined) {
    sendError(res, 400, 'bad-path', '请求路径中的 % 转义无效', 'the request path holds an invalid % escape');
    return;
  }
  const relative = clean === '/' ? 'taskpane.html' : clean.replace(/^\/+/, '');
  const file = path.resolve(paneDir, relative);
  if (!file.startsWith(path.resolve(paneDir) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('未找到 / Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(readFileSync(file));
}

/** Starts the https server of the task pane; resolves once it listens. */
export async function startPaneServer(options: StartPaneServerOptions): Promise<PaneServer> {
  const host = options.host ?? 'localhost';
  const paneDir = options.paneDir ?? path.join(REPO_ROOT, 'dist', 'addin');
  if (!existsSync(path.join(paneDir, 'taskpane.html'))) {
    // The pane is not built yet: build it (esbuild, a few seconds) rather than serve nothing.
    // Quietly: its output would push the local stack's first screen away (a failure still throws with its text).
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
  }
  const { cert, key } = ensureSelfSignedCertificate(options.certDir);
  const server = createHttpsServer({ cert, key }, (req, res) => {
    // No request may end the process: whatever a handler throws becomes an answer.
    try {
      const url = req.url ?? '/';
      if (url === '/api' || url.startsWith('/api/')) {
        forwardToApi(options.apiUrl, req, res);
        return;
      }
      if (url.split('?')[0] === '/config.json') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ apiUrl: '/api', local: true }));
        return;
      }
      serveFile(paneDir, url, res);
    } catch {
      sendError(res, 500, 'internal-error', '任务窗格服务器内部错误', 'internal error of the task pane server');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `https://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
