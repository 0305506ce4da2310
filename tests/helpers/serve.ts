/** The static server lives with the commands that use it too (`npm run audit`, `npm run bench`). */
export { serve, type StaticServer } from '../../scripts/lib/serve.ts';
