/**
 * The editors' desk: a small HTTP server on 127.0.0.1 that serves Decap CMS's page and
 * configuration (desk-ui's `DeskPage`) and answers Decap's proxy protocol over the content root.
 * Every request passes the guard (src/desk/guard.ts) first; no answer ever carries a CORS header.
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { apiRoute, newToken, pageRefusal, postRefusal } from './guard.ts';
import {
  identityEndpoint,
  previewEndpoint,
  runAction,
  slugEndpoint,
  type Answer,
  type DeskContext,
} from './actions.ts';
import { ContentStore } from './store.ts';
import type { DeskPage } from './ui/page.ts';

export type { DeskPage };

/** A running desk. */
export interface Desk {
  /** The address to open, `http://127.0.0.1:<port>/`. */
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Largest request body: a 20 MB photo, base64, with its entry. */
const MAX_BODY = 32 * 2 ** 20;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** Headers of every answer: nothing cached, no sniffing, never framed by another page, no referrer. Never CORS. */
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // After a body too large, the connection is not worth keeping.
    ...(status === 413 ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, a: Answer) =>
  send(res, a.status, JSON.stringify(a.body), 'application/json; charset=utf-8');

/**
 * The request's body, at most MAX_BODY bytes; undefined when larger. A larger body is read to its
 * end and dropped rather than cut off: a browser whose upload is reset shows no answer at all, so
 * Decap would never show the 413's message (a 45 MB save hung without a word).
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts the desk over the content root `root` on 127.0.0.1:`port` (0: any free port), with a
 * fresh token; `page` gives Decap's page, configuration and files.
 */
export async function startDesk(o: { root: string; port: number; page: DeskPage }): Promise<Desk> {
  const root = realpathSync(o.root);
  const token = newToken();
  const ctx: DeskContext = { store: new ContentStore(root), queue: Promise.resolve() };
  let port = 0;
  const origin = () => `http://127.0.0.1:${port}`;

  /** A GET or HEAD: the page, the configuration, or one of the page's files. */
  const page = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const refusal = pageRefusal(req.headers, port);
    if (refusal) {
      sendJson(res, { status: 403, body: { error: refusal } });
    } else if (url.pathname === '/') {
      send(res, 200, o.page.html({ token, origin: origin() }), TYPES['.html'] ?? '');
    } else if (url.pathname === '/config.yml') {
      send(res, 200, o.page.config({ token, origin: origin(), root }), TYPES['.yml'] ?? '');
    } else {
      const file = o.page.assets().get(url.pathname);
      if (!file) {
        sendJson(res, { status: 404, body: { error: '没有这个页面' } });
        return;
      }
      res.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    }
  };

  /** A POST to the API, once the guard let it through: the endpoint's answer. */
  const api = async (req: IncomingMessage, url: URL): Promise<Answer> => {
    const route = apiRoute(url.pathname);
    const refusal = postRefusal(req.headers, port, token, route?.token);
    if (refusal || !route || url.search) return { status: 403, body: { error: refusal ?? '地址不对，已拒绝' } };
    const body = await readBody(req);
    if (!body) return { status: 413, body: { error: '内容太大（照片最多 20 MB）' } };
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, body: { error: '请求内容不是 JSON' } };
    }
    switch (route.rest) {
      case 'v1':
        return runAction(ctx, json);
      case 'slug':
        return slugEndpoint(ctx, json);
      case 'preview':
        return previewEndpoint(ctx, json);
      case 'identity':
        return identityEndpoint(ctx, json);
      default:
        return { status: 404, body: { error: '没有这个接口' } };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' || req.method === 'HEAD') page(req, res, url);
    else if (req.method === 'POST') sendJson(res, await api(req, url));
    else sendJson(res, { status: 403, body: { error: '编辑台不接受这种请求' } });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(res, {
          status: 500,
          body: { error: `编辑台出错：${(e as Error).message}。请把这句话复制给技术同事`, problems: [] },
        });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${origin()}/`,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
