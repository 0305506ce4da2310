import { openData, releases } from '../../../collections/content.ts';

export function getStaticPaths() {
  return releases.map((r) => ({ params: { release: r.id } }));
}

export function GET({ params }: { params: { release: string } }) {
  return new Response(JSON.stringify(openData.release(params.release), null, 1), {
    headers: { 'content-type': 'application/json' },
  });
}
