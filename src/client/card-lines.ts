/** The share card's text set in lines on a canvas (share-card.ts); pure, so it is tested without a page. */
import { wholeRuns } from '../rules/whole-runs.ts';

/** Characters that never start a line (closing punctuation). */
const NO_START = /^[，。、；：？！”’）》」』】,.;:?!)]/;

/**
 * `s` broken into lines at most `width` wide in the context's font: between words (src/rules/whole-runs.ts:
 * places, counts, quoted titles and the dictionary's words) and between other characters, never before a
 * closing mark; a last line of one or two characters takes a word from the line above (表演节 / 目。 was
 * drawn on 26 of the sample's 65 cards). Cut to `maxLines` with … where it is longer.
 */
export function wrap(ctx: CanvasRenderingContext2D, s: string, width: number, maxLines: number): string[] {
  const fits = (text: string) => ctx.measureText(text).width <= width;
  // The pieces a line may break between: a whole run, or one character of the rest (a run wider than a
  // line, as a long English word, is broken between its characters too).
  const pieces = wholeRuns(s).flatMap((run, i) => (i % 2 === 1 && fits(run) ? [run] : Array.from(run)));
  const lines: string[][] = [];
  let line: string[] = [];
  for (const piece of pieces) {
    if (line.length && !fits(line.join('') + piece) && !NO_START.test(piece)) {
      lines.push(line);
      line = [piece];
    } else line.push(piece);
  }
  if (line.length) lines.push(line);
  const last = lines.at(-1);
  const above = lines.at(-2);
  if (last && above && Array.from(last.join('')).length <= 2) {
    // Moved down while the line above stays the longer and the moved piece may start a line.
    while (above.length > 1) {
      const piece = above.at(-1) ?? '';
      const after = [piece, ...last].join('');
      if (NO_START.test(piece) || !fits(after) || Array.from(after).length > Array.from(above.join('')).length) break;
      last.unshift(above.pop() ?? '');
      if (Array.from(last.join('')).length > 2) break;
    }
  }
  const text = lines.map((l) => l.join(''));
  if (text.length > maxLines) {
    const kept = text.slice(0, maxLines);
    kept[maxLines - 1] = `${Array.from(kept[maxLines - 1] ?? '')
      .slice(0, -1)
      .join('')}…`;
    return kept;
  }
  return text;
}
