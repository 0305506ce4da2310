import { nameRows } from '../../collections/content.ts';
import { storeRow } from '../../search/names-table.ts';

// routes.namesRows: made into the names table's files by the build's gate step, which then reads those
// files with everything else; never published itself.
export function GET() {
  return new Response(JSON.stringify(nameRows().map(storeRow)), { headers: { 'content-type': 'application/json' } });
}
