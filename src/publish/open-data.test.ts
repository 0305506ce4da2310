import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_COLUMNS_OF_FIELD, csvCell } from './open-data.ts';
import { ENTRY_FIELD_ORDER } from '../model/entry-fields.ts';

describe('csvCell', () => {
  it('neutralises every cell a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","点我")')).toBe(
      '"\'=HYPERLINK(""https://evil.example"",""点我"")"',
    );
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('keeps ordinary text and numbers as they are', () => {
    expect(csvCell('义务巡河十年')).toBe('义务巡河十年');
    expect(csvCell(2026)).toBe('2026');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('CSV columns', () => {
  it('are the record’s id and url and the columns of the catalogued fields, each once', () => {
    const ofFields = ENTRY_FIELD_ORDER.flatMap((f) => CSV_COLUMNS_OF_FIELD[f] ?? []);
    expect(new Set(ofFields).size).toBe(ofFields.length);
    expect(['id', 'url', ...ofFields].sort()).toEqual([...CSV_COLUMNS].sort());
  });
});
