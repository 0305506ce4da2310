/** Serves a built site on a free loopback port, as a static host would. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
  /**
   * Every response so far: path, body bytes sent (uncompressed), and the bytes a host that
   * gzips text would transfer (Pagefind's own files are compressed already and count as they are).
   */
  requests: Array<{ path: string; bytes: number; transfer: number }>;
}

export interface ServeOptions {
  /** Milliseconds to hold the response to a path (a slow network, where a browser has no throttling of its own). */
  delay?: (path: string) => number;
}

export async function serve(dist: string, options: ServeOptions = {}): Promise<StaticServer> {
  const requests: StaticServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const wait = options.delay?.(path) ?? 0;
    if (wait > 0) setTimeout(() => answer(path, res), wait);
    else answer(path, res);
  });
  function answer(path: string, res: ServerResponse) {
    const record = { path, bytes: 0, transfer: 0 };
    requests.push(record);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      createReadStream(join(dist, '404.html')).pipe(res);
      return;
    }
    record.bytes = statSync(file).size;
    const type = TYPES[extname(file)] ?? '';
    record.transfer = /^(text\/|application\/(json|xml))|svg/.test(type)
      ? gzipSync(readFileSync(file)).length
      : record.bytes;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
