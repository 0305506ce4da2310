/**
 * Stops `astro build` (and `astro sync`) before anything is written when the
 * content breaks a rule. Astro alone only logs a broken reference and exits 0.
 * In `astro dev` the same problems are shown as a page instead of the site's
 * pages until they are fixed (preview-problems.ts).
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from '../editor/check.ts';
import { contentRoot } from '../model/content-root.ts';
import { formatReport } from '../rules/problems.ts';
import { previewGate } from './preview-problems.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Problems a build's log lists before a count: Astro prints the report as one message as it exits,
 * and past about 64 KB its end (the line that says the check failed) was lost in the pipe.
 */
const BUILD_LISTED = 100;

export default function contentGate(): AstroIntegration {
  return {
    name: 'honour-content-gate',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        process.env.HONOUR_PREVIEW_DRAFTS = command === 'dev' ? '1' : '0';
        const root = contentRoot();
        const { problems, entries } = await checkContent(root);
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) {
          if (problems.length) logger.warn(formatReport(problems));
          logger.info(`内容检查通过：${entries} 个条目（${root}）`);
          return;
        }
        if (command === 'dev') {
          logger.error(formatReport(problems));
          return;
        }
        throw new ContentError(`\n${formatReport(problems, BUILD_LISTED)}`);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const root = contentRoot();
        const gate = previewGate(
          root,
          async () => refreshContent?.({}),
          (report) => logger.error(report),
        );
        server.watcher.add(root);
        server.watcher.on('all', (_event, path) => gate.changed(path));
        server.middlewares.use((req, res, next) => gate.middleware(req, res, next));
      },
    },
  };
}
