/** Build folders inside the project, shared with `npm run bench` (scripts/lib/tmp.ts says why). */
export { PROJECT_TMP, projectTmp } from '../../scripts/lib/tmp.ts';
