/**
 * Real nginx (Debian's nginx-light) serving built sites, each in a bare
 * server block that includes the site's own `_nginx.conf` (docs/deploy.md),
 * on 127.0.0.1 and the ports given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { projectTmp } from './tmp.ts';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A GET's status, headers and body (no decompression, no redirects). */
export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts nginx serving each `{ port, root }`; resolves once every port answers. */
export async function startNginx(
  sites: ReadonlyArray<{ port: number; root: string }>,
): Promise<{ stop: () => void; conf: string }> {
  const prefix = projectTmp('nginx-');
  for (const d of ['logs', 'tmp']) mkdirSync(join(prefix, d), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((k) => `${k}_temp_path ${join(prefix, 'tmp', k)};`)
    .join(' ');
  const servers = sites
    .map(
      ({ port, root }) =>
        `  server {\n    listen 127.0.0.1:${port};\n    root ${root};\n    include ${join(root, '_nginx.conf')};\n  }`,
    )
    .join('\n');
  writeFileSync(
    conf,
    `user ${userInfo().username}; daemon off; worker_processes 1; pid ${join(prefix, 'nginx.pid')}; error_log ${join(prefix, 'logs', 'error.log')};
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
${servers}
}
`,
  );
  const nginx: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  for (const { port } of sites)
    for (let i = 0; ; i++) {
      try {
        await httpGet(port, '/');
        break;
      } catch {
        if (i > 100) throw new Error(`nginx did not start (apt-get install nginx-light): ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  return { stop: () => nginx.kill('SIGQUIT'), conf };
}
