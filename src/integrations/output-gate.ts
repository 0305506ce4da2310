/**
 * Runs the output gate (src/publish/output-gate.ts) when Astro has written the
 * site and before the search index is built from it. Any hit fails the build
 * and removes the output, so nothing of it can be published.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contactsOf } from '../editor/check.ts';
import { listEntryFiles } from '../parse/content-files.ts';
import { CONTENT_FILES, contentRoot } from '../model/content-root.ts';
import { gateOutput } from '../publish/output-gate.ts';
import { passMemo } from '../build/pass-memo.ts';
import { formatProblem } from '../editor/problems.ts';
import type { SiteData } from '../model/schema.ts';
import { loadYamlData } from '../parse/yaml.ts';

export class OutputGateError extends Error {
  override name = 'OutputGateError';
}

/** The content files a hit may have come from, as editors know them. */
function contentSources(root: string): Array<{ file: string; text: string }> {
  const yaml = readdirSync(root).filter((f) => f.endsWith('.yaml'));
  const entries = listEntryFiles(join(root, CONTENT_FILES.entries)).files;
  return [...yaml.map((f) => join(root, f)), ...entries].map((path) => ({
    file: relative(process.cwd(), path),
    text: readFileSync(path, 'utf8'),
  }));
}

export default function outputGate(): AstroIntegration {
  let memoFile = '';
  return {
    name: 'honour-output-gate',
    hooks: {
      'astro:config:done': ({ config }) => {
        memoFile = join(fileURLToPath(config.cacheDir), 'output-gate.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = contentRoot();
        const outDir = fileURLToPath(dir);
        const records = loadYamlData(readFileSync(join(root, CONTENT_FILES.site), 'utf8')) as Array<
          { id: string } & Partial<SiteData>
        >;
        const site = records.find((r) => r.id === 'site');
        const started = Date.now();
        const problems = await gateOutput(outDir, {
          allowed: contactsOf(site?.contact),
          sources: () => contentSources(root),
          memo: passMemo(memoFile),
        });
        if (problems.length === 0) {
          logger.info(`发布检查通过：没有个人信息（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
          return;
        }
        rmSync(outDir, { recursive: true, force: true });
        throw new OutputGateError(
          `\n${problems.map(formatProblem).join('\n')}\n发布检查未通过：${problems.length} 处个人信息，已删除本次构建的输出，没有发布任何内容。`,
        );
      },
    },
  };
}
