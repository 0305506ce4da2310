import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishOutput } from './publish.ts';

describe('publishOutput', () => {
  it('puts a release into a --dist folder whose parent does not exist yet', () => {
    const top = mkdtempSync(join(tmpdir(), 'honour-publish-'));
    const built = join(top, 'engine', 'dist');
    mkdirSync(built, { recursive: true });
    writeFileSync(join(built, 'index.html'), '<h1>好人榜</h1>');
    const dist = join(top, 'site', '2026-q1', 'dist');
    publishOutput(built, dist);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('<h1>好人榜</h1>');
    expect(existsSync(built)).toBe(false);
  });
});
