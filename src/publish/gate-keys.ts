/** The output gate's memo keys: a file passes again only while its bytes and the gate's code are unchanged. */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { PublicContacts } from '../rules/privacy.ts';

/** What decides a file's verdict besides its bytes: the scanner's and the gate's code, and the allowed contacts. */
const RULES = createHash('sha256')
  .update(readFileSync(new URL('../rules/privacy.ts', import.meta.url)))
  .update(readFileSync(new URL('./gate-texts.ts', import.meta.url)))
  .update(readFileSync(new URL('./gate-scan.ts', import.meta.url)))
  .update(readFileSync(new URL('./output-gate.ts', import.meta.url)))
  .digest('hex');

/** The memo key of an output file: its path, its bytes, and everything else its verdict depends on. */
export function gateMemoKey(path: string, raw: string, allowed: PublicContacts): string {
  return createHash('sha256')
    .update(RULES)
    .update(JSON.stringify(allowed))
    .update('\0')
    .update(path)
    .update('\0')
    .update(raw)
    .digest('base64url');
}

/** The memo key of an image that passed the metadata check: its bytes (any path) and the gate's code. */
export const imageMemoKey = (bytes: Buffer): string =>
  createHash('sha256').update(RULES).update('\0image\0').update(bytes).digest('base64url');
