/** The line of a field in a YAML text, for messages: a best guess that follows the text's indentation. */

/**
 * Best guess at the line of a field in a YAML text, following its path
 * (`photo.alt`, `honours[1].year`) through nested keys and list items; where
 * a step is not found (a missing field), the line of the deepest step found.
 */
export function lineOfField(source: string, field: string, offset = 0): number | undefined {
  const steps = [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''),
  );
  const lines = source.split('\n');
  const indentOf = (i: number) => (lines[i] ?? '').length - (lines[i] ?? '').trimStart().length;
  const isItem = (i: number) => /^\s*- /.test(lines[i] ?? '');
  /** End of the block below line `start`: the lines indented deeper than `level` (blank lines included). */
  const blockEnd = (start: number, limit: number, level: number) => {
    let end = start + 1;
    while (end < limit && ((lines[end] ?? '').trim() === '' || indentOf(end) > level)) end += 1;
    return end;
  };
  let from = 0;
  let to = lines.length;
  let found: number | undefined;
  for (const [n, step] of steps.entries()) {
    let hit = -1;
    if (typeof step === 'number') {
      const items: number[] = [];
      let itemIndent = Infinity;
      for (let i = from; i < to; i++) if (isItem(i)) itemIndent = Math.min(itemIndent, indentOf(i));
      for (let i = from; i < to; i++) if (isItem(i) && indentOf(i) === itemIndent) items.push(i);
      hit = items[step] ?? -1;
      if (hit >= 0) [from, to] = [hit, blockEnd(hit, to, indentOf(hit))];
    } else {
      const key = new RegExp(`^\\s*(?:- )?${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
      for (let i = from; i < to && hit < 0; i++) if (key.test(lines[i] ?? '') && (n > 0 || indentOf(i) === 0)) hit = i;
      if (hit >= 0) [from, to] = [hit + 1, blockEnd(hit, to, indentOf(hit) + (isItem(hit) ? 2 : 0))];
    }
    if (hit < 0) break;
    found = hit;
  }
  return found === undefined ? undefined : found + 1 + offset;
}

/** The line of the record with this id in a YAML collection file. */
export function lineOfIdRecord(text: string, id: string): number | undefined {
  const lines = text.split('\n');
  const re = new RegExp(`\\bid:\\s*['"]?${id.replace(/[-]/g, '\\-')}['"]?\\s*[,}]?\\s*`);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? undefined : i + 1;
}
