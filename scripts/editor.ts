/**
 * npm run editor [-- --port 4322] — the editors' desk: Decap CMS in Chinese over the content root
 * (`HONOUR_CONTENT_DIR`, default ./content), on 127.0.0.1 only. Prints the address to open; every
 * save is checked by the same rules as content:check and committed to git. Ctrl-C stops it.
 */
import { existsSync } from 'node:fs';
import { startDesk } from '../src/desk/server.ts';
import { deskPage } from '../src/desk/ui/page.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { commandArgs } from './lib/args.ts';

const { values } = commandArgs({
  script: 'editor',
  options: { port: { type: 'string', value: '端口号', default: '4322' } },
});

const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65535) {
  console.error(
    `端口号“${values.port}”不对：请写 0 到 65535 之间的数字，例如 --port 4322（写 0 由系统挑一个空闲端口）`,
  );
  process.exit(2);
}
const root = contentRoot();
if (!existsSync(root)) {
  console.error(`找不到内容目录 ${root}：请检查 HONOUR_CONTENT_DIR`);
  process.exit(2);
}

let desk;
try {
  desk = await startDesk({ root, port, page: deskPage(root) });
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`端口 ${port} 已被占用（编辑台可能已经开着）：请换一个，例如 npm run editor -- --port ${port + 1}`);
    process.exit(1);
  }
  throw e;
}
console.log(`编辑台已启动，内容目录：${root}`);
console.log(`请用浏览器打开：${desk.url}`);
console.log('只有本机能打开；关闭编辑台请按 Ctrl+C。');

const stop = () => {
  void desk.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
