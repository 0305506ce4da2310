import { describe, expect, it } from 'vitest';
import { posterGrid } from './poster.ts';

describe('poster grid', () => {
  it('fits up to nine people on one sheet, in fewer, larger columns for small batches', () => {
    expect(posterGrid(1)).toEqual({ columns: 1, rows: 1 });
    expect(posterGrid(4)).toEqual({ columns: 2, rows: 2 });
    expect(posterGrid(7)).toEqual({ columns: 3, rows: 3 });
    expect(posterGrid(9)).toEqual({ columns: 3, rows: 3 });
  });

  it('keeps a larger batch at nine to a sheet', () => {
    expect(posterGrid(10)).toEqual({ columns: 3, rows: 3 });
    expect(posterGrid(27)).toEqual({ columns: 3, rows: 3 });
  });
});
