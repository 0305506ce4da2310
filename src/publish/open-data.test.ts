import { describe, expect, it } from 'vitest';
import { csvCell } from './open-data.ts';

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
