/** QR codes as inline SVG, generated at build time (no network, no client script). */
import QRCode from 'qrcode';

/** An SVG QR code for a URL, sized by CSS; medium error correction survives a worn printed board. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000', light: '#fff' },
  });
}
