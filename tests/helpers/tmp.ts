/** Build folders inside the project, shared with `npm run bench` (scripts/lib/tmp.ts says why). */
export { projectTmp } from '../../scripts/lib/tmp.ts';
