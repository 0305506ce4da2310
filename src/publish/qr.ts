/** QR codes as inline SVG, generated at build time (no network, no client script). */
import QRCode from 'qrcode';

/**
 * An SVG QR code for a URL, sized by CSS; medium error correction survives a worn printed board.
 *
 * The qrcode package builds its SVG from ~600 string fragments per code, and V8 keeps every
 * fragment alive as long as the joined string is (a rope): ~30 KB per code, ~0.3 GB over a
 * 10,000-entry build whose pages hold them. Copying through a Buffer keeps only the flat string.
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000', light: '#fff' },
  });
  return Buffer.from(svg, 'utf8').toString('utf8');
}
