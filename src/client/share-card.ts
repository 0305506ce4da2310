/**
 * 分享: the share card of an entry or a release — a picture a resident long-presses to save and send
 * in WeChat (长按保存; in-app browsers block downloads) — with 复制链接 everywhere and the Web Share
 * API where the browser has it.
 *
 * Drawn here, in the browser, from the page's own public data (what the page already shows, which
 * src/model/public-view.ts decided): the build makes no card, so 10,000 entries cost it nothing and
 * it depends on no font of the build machine. The canvas becomes a `data:` image (the policy allows
 * `img-src data:`; `blob:` is refused). Loaded by /page.js only when a 分享 button is first pressed
 * (bundled with its QR encoder by Vite as a classic script: `?worker&url` in the components).
 */
import QRCode from 'qrcode';
import { LEVEL_COLOURS, levelOfClass } from '../rules/honour-badge.ts';
import type { Level } from '../model/schema.ts';
import { t } from '../strings.ts';
import { wrap } from './card-lines.ts';

/** One face of a release card. */
export interface CardPerson {
  name: string;
  /** The county. */
  where: string;
  /** A photo the page shows (absent for a minor or an entry without one: the surname tile). */
  photo?: string;
}

/** What a card shows, read from a page by `factsOf`. */
export interface CardFacts {
  kind: 'entry' | 'release';
  /** The page's public address: the QR code and 复制链接. */
  url: string;
  siteName: string;
  /** The sample marker (示例数据 · 人物为虚构) when the site shows one. */
  sample?: string;
  /** The entry's name, or the release's title. */
  title: string;
  /** `text` as drawn (中国好人榜 · 2024年); `words` the honour alone (中国好人榜). */
  badge?: { text: string; words?: string; level?: Level };
  /** Entry: county · category; release: how many people. */
  where: string;
  /** Entry: the one-sentence deed. */
  deed?: string;
  /** Entry: the photo the page shows (absent: the surname tile). */
  photo?: string;
  people?: CardPerson[];
  /** Release: people beyond those on the card. */
  more?: number;
}

/** The button a page offers 分享 with (EntryDetail.astro, RollView.astro). */
export const SHARE_BUTTON = '[data-share]';

/** Faces on a release card: three rows of three. */
const MAX_FACES = 9;

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element's own text, leaving out its children that match `skip`. */
function ownText(el: Element | null | undefined, skip: string): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(skip).forEach((c) => c.remove());
  return text(copy);
}

/** An absolute address of an `<img>`'s largest candidate (its srcset, else its src). */
function imageUrl(img: HTMLImageElement | null, base: string): string | undefined {
  if (!img) return undefined;
  const candidates = (img.getAttribute('srcset') ?? '')
    .split(',')
    .map((c) => c.trim().split(/\s+/))
    .filter(([u]) => u)
    .map(([u, d]) => ({ u: u ?? '', n: Number.parseFloat(d ?? '1') || 1 }));
  const best = candidates.sort((a, b) => b.n - a.n)[0]?.u ?? img.getAttribute('src');
  return best && !best.startsWith('data:') ? new URL(best, base).href : undefined;
}

/** The badge's words (without the level words for screen readers) and its level. */
function badgeOf(el: Element | null): CardFacts['badge'] {
  if (!el) return undefined;
  const year = text(el.querySelector('.badge-year'));
  const words = ownText(el, '.visually-hidden, .badge-year');
  return { text: year ? `${words} · ${year}` : words, words, level: levelOfClass(el.className) };
}

/**
 * The card of the page `doc` (fetched from `base`), from what the page shows; undefined where the page
 * offers no 分享 (a withdrawn entry shows only its notice, so it has no card).
 */
export function factsOf(doc: Document, base: string): CardFacts | undefined {
  const button = doc.querySelector<HTMLElement>(SHARE_BUTTON);
  if (!button) return undefined;
  const common = {
    url: new URL(button.dataset.url ?? base, base).href,
    siteName: doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '',
    sample: text(doc.querySelector('.sample-mark')) || undefined,
  };
  if (button.dataset.share === 'release') {
    const cards = [...doc.querySelectorAll('.cards .card')];
    return {
      ...common,
      kind: 'release',
      title: ownText(doc.querySelector('h1'), '.count'),
      badge: button.dataset.honour
        ? { text: button.dataset.honour, level: levelOfClass(`level-${button.dataset.level ?? ''}`) }
        : undefined,
      where: text(doc.querySelector('h1 .count')),
      people: cards.slice(0, MAX_FACES).map((card) => ({
        name: text(card.querySelector('.card-name')),
        where: ownText(card.querySelector('.card-meta'), '.badge'),
        photo: imageUrl(card.querySelector<HTMLImageElement>('img.thumb'), base),
      })),
      more: Math.max(0, cards.length - MAX_FACES),
    };
  }
  const certificate = doc.querySelector('.certificate');
  return {
    ...common,
    kind: 'entry',
    title: ownText(certificate?.querySelector('h1'), '.tag'),
    badge: badgeOf(certificate?.querySelector('.badge') ?? null),
    where: text(certificate?.querySelector('.certificate-meta')),
    deed: text(certificate?.querySelector('.lead')) || undefined,
    // The certificate's own photo: the page shows none for a minor (the public view), so neither does the card.
    photo: imageUrl(certificate?.querySelector<HTMLImageElement>('figure.entry-photo img') ?? null, base),
  };
}

/** The card's typeface: the system's CJK fonts first, so every character of a name has its glyph. */
export const CARD_FONTS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif';
/** The smallest text drawn on the card being drawn (tests hold every card to a size a friend reads full screen). */
let smallest = Infinity;
const font = (px: number, weight = 400) => {
  smallest = Math.min(smallest, px);
  return `${weight} ${px}px ${CARD_FONTS}`;
};

const W = 750;
const PAD = 48;
const INK = '#1f1f1f';
const MUTED = '#595959';
const PAPER = '#fffdf8';
const BAND = '#a3161b';
const TILE = '#efe7d8';
const TILE_INK = '#5c4a2a';

function loadImage(src: string | undefined): Promise<HTMLImageElement | undefined> {
  if (!src) return Promise.resolve(undefined);
  const img = new Image();
  img.src = src;
  return img.decode().then(
    () => img,
    () => undefined,
  );
}

/** `img` cropped to fill the box (like object-fit: cover), or the surname tile when there is no image. */
function drawFace(
  ctx: CanvasRenderingContext2D,
  img: HTMLImageElement | undefined,
  name: string,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 12);
  ctx.clip();
  if (img) {
    const scale = Math.max(w / img.naturalWidth, h / img.naturalHeight);
    const sw = w / scale;
    const sh = h / scale;
    ctx.drawImage(img, (img.naturalWidth - sw) / 2, (img.naturalHeight - sh) / 3, sw, sh, x, y, w, h);
  } else {
    ctx.fillStyle = TILE;
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = TILE_INK;
    ctx.font = font(Math.round(w * 0.5));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(Array.from(name)[0] ?? '', x + w / 2, y + h / 2);
  }
  ctx.restore();
}

/** A centred badge in the level's colour (the national one with its gold hairline); returns its bottom. */
function drawBadge(ctx: CanvasRenderingContext2D, badge: NonNullable<CardFacts['badge']>, y: number): number {
  ctx.font = font(32, 700);
  const [line = ''] = wrap(ctx, badge.text, W - 2 * PAD - 40, 1);
  const w = ctx.measureText(line).width + 40;
  const h = 56;
  const x = (W - w) / 2;
  ctx.fillStyle = badge.level ? LEVEL_COLOURS[badge.level] : LEVEL_COLOURS.county;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 8);
  ctx.fill();
  if (badge.level === 'national') {
    ctx.strokeStyle = '#c8a24a';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.roundRect(x + 3, y + 3, w - 6, h - 6, 6);
    ctx.stroke();
  }
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(line, W / 2, y + h / 2 + 1);
  return y + h;
}

/** Centred lines from `y` (their tops); returns the bottom of the last. */
function drawLines(ctx: CanvasRenderingContext2D, lines: readonly string[], y: number, lineHeight: number): number {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  lines.forEach((l, i) => ctx.fillText(l, W / 2, y + lineHeight * (i + 0.5)));
  return y + lineHeight * lines.length;
}

/** Where the QR code is on a card, in canvas pixels (tests decode it there). */
export interface QrBox {
  x: number;
  y: number;
  size: number;
}

const QR_SIZE = 232;
const FOOT = QR_SIZE + 2 * PAD;

/** The foot: the QR code back to the page beside how to use it and the site's name. */
function drawFoot(ctx: CanvasRenderingContext2D, facts: CardFacts, top: number): QrBox {
  ctx.strokeStyle = '#d8d0c0';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(PAD, top);
  ctx.lineTo(W - PAD, top);
  ctx.stroke();
  const qr = QRCode.create(facts.url, { errorCorrectionLevel: 'M' }).modules;
  // Four modules of quiet zone, whole pixels per module: a sharp code every phone reads.
  const cell = Math.floor(QR_SIZE / (qr.size + 8));
  const size = cell * (qr.size + 8);
  const box = { x: PAD, y: top + PAD - 8, size };
  ctx.fillStyle = '#fff';
  ctx.fillRect(box.x, box.y, size, size);
  ctx.fillStyle = '#000';
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++)
      if (qr.get(r, c)) ctx.fillRect(box.x + (c + 4) * cell, box.y + (r + 4) * cell, cell, cell);
  const tx = PAD + size + 32;
  const width = W - tx - PAD;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = font(34, 700);
  ctx.fillText(facts.kind === 'entry' ? t.shareCard.scanEntry : t.shareCard.scanRelease, tx, box.y + 56, width);
  ctx.fillStyle = MUTED;
  ctx.font = font(30);
  ctx.fillText(t.shareCard.pressToScan, tx, box.y + 112, width);
  ctx.fillStyle = BAND;
  ctx.font = font(32, 700);
  ctx.fillText(facts.siteName, tx, box.y + 176, width);
  return box;
}

/** The head's bottom with the sample marker under the band. */
const HEAD_SAMPLE = 164;

/** The band at the top: the site's name, and the sample marker under it where the site shows one. */
function drawHead(ctx: CanvasRenderingContext2D, facts: CardFacts): number {
  ctx.fillStyle = BAND;
  ctx.fillRect(0, 0, W, 104);
  ctx.fillStyle = '#c8a24a';
  ctx.fillRect(0, 104, W, 4);
  ctx.fillStyle = '#fff';
  ctx.font = font(40, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(facts.siteName, W / 2, 54, W - 2 * PAD);
  if (!facts.sample) return 108;
  ctx.fillStyle = '#fff4d6';
  ctx.fillRect(0, 108, W, HEAD_SAMPLE - 108);
  ctx.fillStyle = INK;
  ctx.font = font(30, 700);
  ctx.fillText(facts.sample, W / 2, (108 + HEAD_SAMPLE) / 2, W - 2 * PAD);
  return HEAD_SAMPLE;
}

/** A canvas `W` wide and `height` tall, on paper. */
function canvasOf(height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = Math.ceil(height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, W, canvas.height);
  return { canvas, ctx };
}

/** A drawn card: its image (a `data:` JPEG) and where its QR code is. */
export interface Card {
  src: string;
  width: number;
  height: number;
  qr: QrBox;
  /** The smallest font size drawn on it, in canvas pixels. */
  smallestText: number;
}

/** The finished card of `canvas`, its QR code at `qr`. */
const cardOf = (canvas: HTMLCanvasElement, qr: QrBox): Card => ({
  src: canvas.toDataURL('image/jpeg', 0.92),
  width: canvas.width,
  height: canvas.height,
  qr,
  smallestText: smallest,
});

/** Draws `facts` as a card. */
export async function drawCard(facts: CardFacts): Promise<Card> {
  smallest = Infinity;
  // Measure first (text wraps by the font), then draw on a canvas of the height it needs.
  const probe = canvasOf(1).ctx;
  probe.font = font(38);
  // The deed as the site states it, not in quotation marks: it is not the person's own words.
  const deed = facts.deed ? wrap(probe, facts.deed, W - 2 * PAD, 4) : [];
  probe.font = font(52, 700);
  const title = wrap(probe, facts.title, W - 2 * PAD, 2);
  const headH = facts.sample ? HEAD_SAMPLE : 108;
  if (facts.kind === 'entry') {
    const photo = await loadImage(facts.photo);
    // Secondary lines a friend reads full screen (36–38 of 750 px); the face gives way a little for them.
    const faceW = 300;
    const faceH = 400;
    const body = 40 + faceH + 32 + 76 + 20 + 56 + 20 + 52 + 20 + deed.length * 58 + 36;
    const { canvas, ctx } = canvasOf(headH + body + FOOT);
    drawHead(ctx, facts);
    let y = headH + 40;
    drawFace(ctx, photo, facts.title, (W - faceW) / 2, y, faceW, faceH);
    y += faceH + 32;
    ctx.fillStyle = INK;
    ctx.font = font(64, 700);
    y = drawLines(ctx, wrap(ctx, facts.title, W - 2 * PAD, 1), y, 76) + 20;
    if (facts.badge) y = drawBadge(ctx, facts.badge, y) + 20;
    ctx.fillStyle = MUTED;
    ctx.font = font(36);
    y = drawLines(ctx, wrap(ctx, facts.where, W - 2 * PAD, 1), y, 52) + 20;
    ctx.fillStyle = INK;
    ctx.font = font(38);
    y = drawLines(ctx, deed, y, 58) + 36;
    return cardOf(canvas, drawFoot(ctx, facts, y));
  }
  const people = facts.people ?? [];
  const photos = await Promise.all(people.map((p) => loadImage(p.photo)));
  const cols = Math.min(3, Math.max(1, people.length));
  const cellW = Math.floor((W - 2 * PAD) / cols);
  const faceW = Math.min(180, cellW - 24);
  const faceH = Math.round((faceW * 4) / 3);
  const cellH = faceH + 104;
  const rows = Math.ceil(people.length / cols);
  const body = 40 + title.length * 64 + 16 + 56 + 16 + 52 + 28 + rows * cellH + (facts.more ? 56 : 0) + 24;
  const { canvas, ctx } = canvasOf(headH + body + FOOT);
  drawHead(ctx, facts);
  let y = headH + 40;
  ctx.fillStyle = INK;
  ctx.font = font(52, 700);
  y = drawLines(ctx, title, y, 64) + 16;
  if (facts.badge) y = drawBadge(ctx, facts.badge, y) + 16;
  ctx.fillStyle = MUTED;
  ctx.font = font(36);
  y = drawLines(ctx, [facts.where], y, 52) + 28;
  people.forEach((p, i) => {
    // A last row that is not full is centred.
    const inRow = Math.min(cols, people.length - (i - (i % cols)));
    const cx = (W - inRow * cellW) / 2 + (i % cols) * cellW + cellW / 2;
    const top = y + Math.floor(i / cols) * cellH;
    drawFace(ctx, photos[i], p.name, cx - faceW / 2, top, faceW, faceH);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = INK;
    ctx.font = font(34, 700);
    ctx.fillText(p.name, cx, top + faceH + 30, cellW - 8);
    ctx.fillStyle = MUTED;
    ctx.font = font(30);
    ctx.fillText(p.where, cx, top + faceH + 74, cellW - 8);
  });
  y += rows * cellH;
  if (facts.more) {
    ctx.fillStyle = MUTED;
    ctx.font = font(30);
    y = drawLines(ctx, [t.shareCard.more(facts.more)], y, 56);
  }
  return cardOf(canvas, drawFoot(ctx, facts, y + 24));
}

/** What a screen reader hears for the card: what it shows, then what to do with it. */
export function altOf(facts: CardFacts): string {
  const parts =
    facts.kind === 'entry'
      ? [facts.title, facts.badge?.text, facts.where, facts.deed]
      : [facts.title, facts.badge?.text, facts.where, (facts.people ?? []).map((p) => p.name).join('、')];
  const said = parts.map((p) => p?.replace(/[。，；！？\s]+$/u, '')).filter((p): p is string => Boolean(p));
  return t.shareCard.alt(said.join('，'));
}

/** What Web Share sends: the facts a friend should receive (as on the card), never the sender's instructions. */
export function messageOf(facts: CardFacts): ShareData {
  const m = t.shareMessage;
  if (facts.kind === 'release') {
    const names = (facts.people ?? []).map((p) => p.name);
    return {
      title: facts.title,
      text: m.text([facts.title, m.people(facts.where, names, Boolean(facts.more))], facts.siteName, facts.sample),
      url: facts.url,
    };
  }
  const honour = facts.badge && m.title(facts.title, facts.badge.text.replace(' · ', ' '));
  return {
    title: m.title(facts.title, facts.badge?.words),
    text: m.text([honour ?? facts.title, facts.where, facts.deed ?? ''], facts.siteName, facts.sample),
    url: facts.url,
  };
}

/** The card's `data:` JPEG as a file to hand to the Web Share API (no blob: URL is made). */
function fileOf(src: string, name: string): File {
  const bytes = Uint8Array.from(atob(src.slice(src.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return new File([bytes], name, { type: 'image/jpeg' });
}

/** Copies `url` with the Clipboard API; where it is refused, selects the field for a copy by hand. */
async function copy(url: string, field: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The panel being drawn: a second press while it is drawn waits for it instead of drawing another. */
let drawing: Promise<void> | undefined;

/** The panel under the certificate (or the release's actions): the card, how to save it, 发送 and 复制链接. */
async function open(button: HTMLButtonElement): Promise<void> {
  drawing ??= show(button).catch((error: unknown) => {
    drawing = undefined; // the next press tries again
    throw error;
  });
  await drawing;
  // Every press brings the card into view, the first one too (after 关闭, the same card again).
  const panel = document.getElementById('share-panel');
  if (panel) panel.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  panel?.scrollIntoView({ block: 'start' });
  panel?.focus({ preventScroll: true });
}

/** Draws the page's card and puts the panel on the page, once. */
async function show(button: HTMLButtonElement): Promise<void> {
  const facts = factsOf(document, location.href);
  if (!facts) return;
  button.setAttribute('aria-busy', 'true');
  const card = await drawCard(facts).finally(() => button.removeAttribute('aria-busy'));
  const img = el('img', { src: card.src, alt: altOf(facts), width: card.width, height: card.height });
  img.className = 'share-card';
  const status = el('p', { className: 'share-status', role: 'status' });
  // A box that wraps: one line showed only https://hrb.example.cn/peop in 长辈模式.
  const field = el('textarea', { readOnly: true, value: facts.url, id: 'share-url', rows: 2 });
  const copyButton = el('button', { type: 'button', className: 'action', textContent: t.shareCard.copy });
  const label = el('label', { htmlFor: 'share-url', className: 'share-url-label', textContent: t.shareCard.link });
  copyButton.addEventListener('click', () => {
    void copy(facts.url, field).then((ok) => {
      // Said where the resident looks: copied, on the button and under it (under the card it was a screen
      // away); not copied, over the link, which is selected for a long press and scrolled to.
      status.textContent = ok ? t.shareCard.copied : t.shareCard.copyByHand;
      if (!ok) {
        label.before(status);
        return;
      }
      copyButton.textContent = t.shareCard.copiedButton;
      actions.after(status);
      status.scrollIntoView({ block: 'nearest' });
    });
  });
  const actions = el('p', { className: 'share-actions' });
  if (typeof navigator.share === 'function') {
    const send = el('button', { type: 'button', className: 'action', textContent: t.shareCard.send });
    send.addEventListener('click', () => {
      const files = [fileOf(card.src, `${facts.title}.jpg`)];
      const data = messageOf(facts);
      void navigator
        .share(
          typeof navigator.canShare === 'function' && navigator.canShare({ ...data, files })
            ? { ...data, files }
            : data,
        )
        .catch(() => {
          /* the resident closed the share sheet */
        });
    });
    actions.append(send);
  }
  actions.append(copyButton);
  // 关闭: the panel folds away and the resident is back at 分享, where they were.
  const close = el('button', { type: 'button', className: 'action share-close', textContent: t.shareCard.close });
  close.addEventListener('click', () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
  actions.append(close);
  const panel = el(
    'section',
    { id: 'share-panel', className: 'share-panel no-print', tabIndex: -1 },
    el('h2', { id: 'share-heading', textContent: t.shareCard.heading }),
    el('p', {
      className: 'share-hint',
      // WeChat's own ··· menu sends the page too (with the page's title and first image).
      textContent: /MicroMessenger/i.test(navigator.userAgent)
        ? `${t.shareCard.hint}${t.shareMessage.wechat}`
        : t.shareCard.hint,
    }),
    // The buttons before the card: the card fills a phone's screen, and 复制链接 or 关闭 under it began off-screen.
    actions,
    img,
    label,
    field,
    status,
  );
  panel.setAttribute('aria-labelledby', 'share-heading');
  (button.closest('.certificate') ?? button.closest('.roll-tools') ?? button.closest('p') ?? button).after(panel);
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-controls', panel.id);
}

/** What /page.js calls on a press of 分享, and what tests draw every card with. */
export interface ShareApi {
  (button: HTMLButtonElement): Promise<void>;
  factsOf: typeof factsOf;
  drawCard: typeof drawCard;
  fonts: string;
}

const api: ShareApi = Object.assign(open, { factsOf, drawCard, fonts: CARD_FONTS });
(window as unknown as { hrbShare: ShareApi }).hrbShare = api;
