/**
 * The grid of a release poster, sized to the batch: one A4 sheet holds up to
 * nine people (3 × 3); fewer people get fewer, larger columns, and the rows
 * of one sheet share its height. A3 prints the same grid larger.
 */

/** Most people on one printed sheet. */
export const PER_SHEET = 9;

/** Columns, and rows per printed sheet (a larger batch goes on over further sheets of the same grid), for `n` people. */
export function posterGrid(n: number): { columns: 1 | 2 | 3; rows: 1 | 2 | 3 } {
  const columns = n <= 1 ? 1 : n <= 4 ? 2 : 3;
  const perSheet = Math.min(n, PER_SHEET);
  const rows = Math.max(1, Math.min(3, Math.ceil(perSheet / columns))) as 1 | 2 | 3;
  return { columns, rows };
}
