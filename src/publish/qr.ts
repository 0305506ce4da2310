/** QR codes as inline SVG, generated at build time (no network, no client script). */
import QRCode from 'qrcode';

const made = new Map<string, Promise<string>>();

/**
 * An SVG QR code for a URL, sized by CSS; medium error correction survives a worn printed board.
 * Each URL is encoded once per build: the A4 and A3 boards show the same codes, and encoding
 * (choosing the best mask) is the costliest part of rendering a poster.
 */
export function qrSvg(url: string): Promise<string> {
  let svg = made.get(url);
  if (!svg) {
    svg = QRCode.toString(url, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
      color: { dark: '#000', light: '#fff' },
    });
    made.set(url, svg);
  }
  return svg;
}
