/**
 * npm run portal:fetch
 *
 * A provincial portal's content root (site.yaml `members`): downloads each
 * member's open data, checks it and stores it in the content root
 * (src/portal/fetch.ts). Then `npm run build` builds the portal from those
 * files alone.
 */
import { contentRoot } from '../src/model/content-root.ts';
import { fetchMembers } from '../src/portal/fetch.ts';
import { readSite } from '../src/portal/site.ts';
import { formatProblem } from '../src/rules/problems.ts';
import { commandArgs } from './lib/args.ts';

commandArgs({ script: 'portal:fetch', options: {} });
const root = contentRoot();
const site = readSite(root);
if (!site) {
  console.error('site.yaml 读不了或有错误：请先运行 npm run content:check 按提示改正。');
  process.exit(1);
}
if (!site.members?.length) {
  console.error('site.yaml 没有 members：只有省级门户（列出成员城市的内容目录）才需要下载成员数据。');
  process.exit(1);
}
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stop.abort();
    console.error('下载已中断：已存的数据没有改动。');
    process.exit(130);
  });
const result = await fetchMembers(root, site.members, { signal: stop.signal, onStored: (line) => console.log(line) });
for (const p of result.problems) console.error(formatProblem(p));
console.log(`成员数据：${result.stored.length} 个已更新，${result.problems.length} 个失败。`);
process.exit(result.problems.length ? 1 : 0);
