/**
 * Requests to the desk's own endpoints (`/api/<token>/slug`, `/preview`, `/identity`). The page
 * names its API path in `<meta name="desk-api">`; every request is same-origin JSON, as the
 * desk's guard demands.
 */
import type { Problem } from '../../../rules/problems.ts';

/** The problems a refusal carries (422), as the server sends them. */
export interface Refusal {
  error?: string;
  problems?: Problem[];
}

/** The page's API path, `/api/<token>`. */
export function apiBase(doc: Document = document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="desk-api"]');
  if (!meta) throw new Error('the desk page has no <meta name="desk-api">');
  return meta.content;
}

/** POSTs `body` to one of the desk's endpoints; the answer's status and JSON. */
export async function post(
  endpoint: 'slug' | 'preview' | 'identity',
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${apiBase()}/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let json: unknown = undefined;
  try {
    json = await response.json();
  } catch {
    // an answer without JSON says only its status
  }
  return { status: response.status, json };
}

/** Whether a value is a plain record. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
