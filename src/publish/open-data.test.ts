import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_COLUMNS_OF_FIELD, csvCell, jsonPieces, storyPlainText, streamOf } from './open-data.ts';
import { fileTexts } from './gate-texts.ts';
import { findPersonalData } from '../rules/privacy.ts';
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

describe('storyPlainText', () => {
  it("gives a story's words as the page shows them, a block a line, references decoded", () => {
    const html =
      '<p>他说&#x3C;坚持&#x3E;，&amp;从不放弃。</p><figure class="quote"><blockquote><p>好人有好报</p></blockquote><figcaption>—— 邻居</figcaption></figure><ul><li>一</li><li>二</li></ul>';
    expect(storyPlainText(html)).toBe('他说<坚持>，&从不放弃。\n好人有好报\n—— 邻居\n一\n二');
  });

  it('is read by the output gate: a number split across paragraphs in the story of entries.json is caught', () => {
    const story = storyPlainText('<p>电话 138</p><p>0013 8000</p>');
    const json = JSON.stringify({ records: [{ id: 'x', story }] });
    const texts = fileTexts(json, '.json', []);
    expect(texts.some((text) => findPersonalData(text).some((h) => h.kind === 'mobile'))).toBe(true);
  });
});

describe('jsonPieces', () => {
  const head = { licence: 'CC BY 4.0', publisher: '某市文明办', sample: undefined, release: { id: 'q1', n: [1, 2] } };
  const records = [
    {
      id: 'a',
      name: '张三',
      story: '第一段\n第二段 "引号" \\ 反斜杠',
      honours: [{ year: 2026, batch: undefined }],
      x: [],
    },
    { id: 'b', nested: { deep: [{ more: {} }, null, 'text'] } },
    { id: 'c' },
  ];
  it('writes the same bytes as JSON.stringify with an indent of 1, records one at a time', async () => {
    for (const list of [records, records.slice(0, 1), []]) {
      const expected = JSON.stringify({ ...head, records: list }, null, 1);
      expect([...jsonPieces(head, list)].join('')).toBe(expected);
      const body = await new Response(streamOf(jsonPieces(head, list))).text();
      expect(body).toBe(expected);
    }
    // One piece per record (and the end): no record is made before the previous one is written.
    expect([...jsonPieces(head, records)]).toHaveLength(records.length + 1);
  });
});
