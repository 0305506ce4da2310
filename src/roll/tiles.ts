/**
 * The county tile grid: equal tiles placed roughly as on a map by each region's `tile`
 * (regions.yaml), never boundary shapes (a published map with boundaries needs a 审图号).
 * A content root whose regions do not all have a free place of their own gets a plain
 * grid in official order instead.
 */
import type { Region } from './roll.ts';

/** A region and its grid cell (1-based), or no cell in a plain grid. */
export interface Tile<R> {
  region: R;
  row?: number;
  col?: number;
}

/** Tiles in official order; `placed` when every region has a cell of its own. */
export function tileGrid<R extends Pick<Region, 'id' | 'tile'>>(
  regions: readonly R[],
): { placed: boolean; tiles: Tile<R>[] } {
  const cells = new Set<string>();
  const placed = regions.every((r) => {
    if (!r.tile) return false;
    const cell = `${r.tile.row}:${r.tile.col}`;
    if (cells.has(cell)) return false;
    cells.add(cell);
    return true;
  });
  return {
    placed: placed && regions.length > 0,
    tiles: regions.map((region) =>
      placed && region.tile ? { region, row: region.tile.row, col: region.tile.col } : { region },
    ),
  };
}
