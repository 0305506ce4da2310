import { nameRows } from '../../collections/content.ts';

// routes.namesRows: read by the search step after the output gate checked it, never published.
export function GET() {
  return new Response(JSON.stringify(nameRows()), { headers: { 'content-type': 'application/json' } });
}
