import { openData } from '../../collections/content.ts';

export function GET() {
  return new Response(JSON.stringify(openData.all, null, 1), { headers: { 'content-type': 'application/json' } });
}
