import { openData } from '../../collections/content.ts';
import { jsonPieces, streamOf } from '../../publish/open-data.ts';

export function GET() {
  return new Response(streamOf(jsonPieces(openData.head, openData.records())), {
    headers: { 'content-type': 'application/json' },
  });
}
