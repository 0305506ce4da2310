/**
 * npm run docs:ids — writes docs/ids.md, the region, category, title and
 * release ids with their Chinese names, from the content's YAML files.
 * Refuses (and writes nothing) while those files have errors.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { readCollections } from '../src/editor/check.ts';
import { idsDocument } from '../src/editor/ids-doc.ts';
import { formatReport } from '../src/rules/problems.ts';
import { commandArgs } from './lib/args.ts';

commandArgs({ script: 'docs:ids', options: {} });

const root = resolve('content');
const { problems, collections } = readCollections(root);
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length) {
  console.log(formatReport(errors));
  console.log('没有写 docs/ids.md：请先改好上面的 YAML 文件。');
  process.exit(1);
}
const out = resolve('docs/ids.md');
writeFileSync(out, await format(idsDocument(collections), { filepath: out }));
console.log(
  `已写出 docs/ids.md（${collections.regions.size} 个地区、${collections.categories.size} 个类别、${collections.titles.size} 个称号、${collections.releases.size} 个批次）`,
);
