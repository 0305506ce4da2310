/**
 * Layout probes run inside a page (Chromium or WebKit): how many lines a piece of text is drawn
 * on, the home page's 榜单统计 tiles, and lines of running text that start with punctuation.
 * Each function is self-contained, since `evaluate` sends only its source.
 */

/** The home page's 榜单统计 tiles: each total's lines and size, each part kept whole, the note's gap. */
export function countsLayout() {
  const lines = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  const tiles = [...document.querySelectorAll('.counts > div')].map((tile) => {
    const total = tile.querySelector('.count-total');
    const parts = tile.querySelector('.count-parts');
    const style = parts ? getComputedStyle(parts) : undefined;
    return {
      label: tile.querySelector('dt')?.textContent.trim() ?? '',
      total: total?.textContent.trim() ?? '',
      totalLines: total ? lines(total) : 0,
      totalPx: total ? parseFloat(getComputedStyle(total).fontSize) : 0,
      partsPx: style ? parseFloat(style.fontSize) : 0,
      partsWeight: style ? Number(style.fontWeight) : 0,
      parts: [...tile.querySelectorAll('.count-part')].map((p) => p.textContent.trim()),
      split: [...tile.querySelectorAll('.count-part')].filter((p) => lines(p) > 1).map((p) => p.textContent.trim()),
      height: Math.round(tile.getBoundingClientRect().height),
    };
  });
  const counts = document.querySelector('.counts');
  const note = counts?.nextElementSibling;
  const gap = (note?.getBoundingClientRect().top ?? 0) - (counts?.getBoundingClientRect().bottom ?? 0);
  return { tiles, noteGap: gap };
}

/**
 * Lines of the page's running text (paragraphs outside cards) that start with a comma or a full stop:
 * a break before punctuation (点县名/，看这个县的好人榜。).
 */
export function linesStartingWithPunctuation() {
  const found: string[] = [];
  for (const p of document.querySelectorAll('main p')) {
    if (p.closest('.card') || p.getClientRects().length === 0) continue;
    const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let lastTop: number | undefined;
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // A character carried to the next line also leaves an empty rectangle at the end of the last one.
        const rect = [...range.getClientRects()].filter((r) => r.width > 0).pop();
        if (!rect) continue;
        const top = Math.round(rect.top);
        if (lastTop !== undefined && top > lastTop + 2 && /[，。、；：！？）]/.test(text.charAt(i)))
          found.push(`${p.textContent.trim().slice(0, 16)}…: line starts with ${text.charAt(i)}`);
        lastTop = top;
      }
    }
  }
  return found;
}
