import { describe, expect, it } from 'vitest';
import { tileGrid } from './tiles.ts';

const r = (id: string, tile?: { row: number; col: number }) => ({ id, tile });

describe('tileGrid', () => {
  it('places every region in its own cell, in official order', () => {
    const grid = tileGrid([r('a', { row: 2, col: 1 }), r('b', { row: 1, col: 3 })]);
    expect(grid.placed).toBe(true);
    expect(grid.tiles.map((t) => [t.region.id, t.row, t.col])).toEqual([
      ['a', 2, 1],
      ['b', 1, 3],
    ]);
  });

  it('falls back to a plain grid when a region has no tile (another city’s content)', () => {
    const grid = tileGrid([r('a', { row: 1, col: 1 }), r('b')]);
    expect(grid.placed).toBe(false);
    expect(grid.tiles).toEqual([{ region: r('a', { row: 1, col: 1 }) }, { region: r('b') }]);
  });

  it('falls back to a plain grid when two regions share a cell, rather than hide one under the other', () => {
    const grid = tileGrid([r('a', { row: 1, col: 1 }), r('b', { row: 1, col: 1 })]);
    expect(grid.placed).toBe(false);
    expect(grid.tiles.every((t) => t.row === undefined)).toBe(true);
  });
});
