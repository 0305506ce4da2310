// The site's emblem (src/publish/emblem.ts): drawn once per build.
import { emblemPng } from '../publish/emblem.ts';

export async function GET() {
  return new Response(new Uint8Array(await emblemPng()), { headers: { 'content-type': 'image/png' } });
}
