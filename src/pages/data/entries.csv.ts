import { openData } from '../../collections/content.ts';
import { toCsv } from '../../publish/open-data.ts';

export function GET() {
  return new Response(toCsv([...openData.records(false)]), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
