/**
 * npm run content:check — validates all content without building the site.
 * Prints every problem as `file:line — field — what is wrong and how to fix`
 * and exits 1 if there is any error.
 */
import { checkContent } from '../src/editor/check.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { formatReport } from '../src/rules/problems.ts';
import { commandArgs } from './lib/args.ts';

// No options yet; a mistyped one is worded, not ignored.
commandArgs({ script: 'content:check', options: {} });

const root = contentRoot();
const started = performance.now();
const { problems, entries } = await checkContent(root);
console.log(formatReport(problems));
console.log(`已检查 ${entries} 个条目，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒（${root}）`);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
