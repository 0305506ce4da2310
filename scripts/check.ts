/**
 * npm run content:check — validates all content without building the site.
 * Prints every problem as `file:line — field — what is wrong and how to fix`
 * and exits 1 if there is any error. With `--fix`, a region, category,
 * title or release written by its name is first rewritten to its id.
 */
import { checkContent } from '../src/editor/check.ts';
import { fixEntryRefs } from '../src/editor/fix-refs.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { formatReport } from '../src/rules/problems.ts';
import { commandArgs } from './lib/args.ts';

const { values } = commandArgs({ script: 'content:check', options: { fix: { type: 'boolean' } } });

const root = contentRoot();
const started = performance.now();
if (values.fix) {
  // Names where ids belong (侯马市 → houma) are rewritten in place before the check reads the files.
  const { fixes, refused, skipped } = fixEntryRefs(root);
  if (refused) console.log(refused);
  for (const file of skipped)
    console.log(`没有改 ${file}：它的资料区格式有误，请先按下面的提示改好，再运行 npm run content:check -- --fix`);
  for (const f of fixes)
    console.log(`已改正 ${f.line ? `${f.file}:${f.line}` : f.file} — ${f.field} — “${f.from}” 改为 ${f.to}`);
  if (!refused)
    console.log(
      fixes.length
        ? `共改正 ${fixes.length} 处。`
        : skipped.length
          ? '其他文件没有需要改正的名称。'
          : '没有需要改正的名称。',
    );
}
const { problems, entries } = await checkContent(root);
console.log(formatReport(problems));
console.log(`已检查 ${entries} 个条目，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒（${root}）`);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
