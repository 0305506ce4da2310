/**
 * Test-only, loaded with NODE_OPTIONS=--import into every process of one build
 * (tests/builds/integrity.ts). In the output gate's step it writes a phone
 * number into a built page before the gate reads it, as a page template that
 * showed a field the input check never saw would: the gate must stop the build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv;
const step = args.indexOf('--step');
const out = args.indexOf('--outDir');
if (step > 0 && args[step + 1] === 'gate' && out > 0) {
  const page = join(args[out + 1] ?? '', 'people/zhang-san-xixian/index.html');
  if (existsSync(page)) writeFileSync(page, readFileSync(page, 'utf8').replace('的故事。', '的故事。电话 13812345678'));
}
