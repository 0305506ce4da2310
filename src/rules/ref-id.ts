/** An id reference as Astro stores it (`{ collection, id }`) or as written (a string). */
export function refId(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value) return String(value.id);
  return '';
}
