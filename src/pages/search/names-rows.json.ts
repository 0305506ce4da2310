import { nameRows } from '../../collections/content.ts';
import { storeRow } from '../../search/names-table.ts';

// routes.namesRows: read by the search step after the output gate checked it, never published. Rows
// are written as the table's files store them, so the gate reads every string the table publishes.
export function GET() {
  return new Response(JSON.stringify(nameRows().map(storeRow)), { headers: { 'content-type': 'application/json' } });
}
