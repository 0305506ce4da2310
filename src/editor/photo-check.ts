/** Whether an entry's photo file is usable: a still JPEG, PNG or WebP photo, whole, of a sensible size. */
import { statSync } from 'node:fs';
import sharp from 'sharp';

/** Limits for entry photos: small ones look blurred on the entry page, huge ones are not phone photos. */
export const PHOTO_LIMITS = { minSide: 300, maxSide: 10_000, maxBytes: 20 * 2 ** 20, maxPixels: 60_000_000 };

/** Photo formats a phone or camera writes and every browser shows; SVG (a document that can carry script), GIF and the rest are refused. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp']);

/**
 * What is wrong with a photo file (unreadable, corrupt or truncated, not a
 * still photo, too small, too large); `label` names it in messages. The
 * header is read first, so a file of far more pixels than a phone photo is
 * refused before anything decodes it; then the photo is decoded once at a
 * small size (JPEG shrink-on-load: about 17 ms for 12 megapixels here) to
 * find a truncated or corrupt file before the build does.
 */
export async function photoProblems(path: string, label: string): Promise<string[]> {
  const { minSide, maxSide, maxBytes, maxPixels } = PHOTO_LIMITS;
  let meta: { width?: number; height?: number; format?: string; pages?: number };
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return [`照片 ${label} 无法读取，不是有效的图片，请换成 JPEG 或 PNG 照片`];
  }
  if (!PHOTO_FORMATS.has(meta.format ?? '')) {
    return [
      `照片 ${label} 是 ${meta.format?.toUpperCase() ?? '未知'} 格式：只能用 JPEG、PNG 或 WebP 照片，请另存为 JPEG`,
    ];
  }
  if ((meta.pages ?? 1) > 1) return [`照片 ${label} 是动图（${meta.pages} 帧）：请换成一张静态照片`];
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > maxPixels) {
    return [`照片 ${label} 像素太多（${w}×${h}），远超手机照片：请缩小到长边 ${maxSide} 像素以内再放入`];
  }
  try {
    await sharp(path, { failOn: 'truncated', limitInputPixels: maxPixels })
      .resize(32, 32, { fit: 'inside' })
      .toBuffer();
  } catch {
    return [`照片 ${label} 已损坏或不完整（文件可能没有传完）：请重新导出或拷贝原图`];
  }
  const bytes = statSync(path).size;
  const out: string[] = [];
  if (Math.min(w, h) < minSide) {
    out.push(`照片 ${label} 太小（${w}×${h} 像素），短边至少 ${minSide} 像素，请换一张清晰的原图`);
  }
  if (Math.max(w, h) > maxSide) {
    out.push(`照片 ${label} 太大（${w}×${h} 像素），长边最多 ${maxSide} 像素，请缩小后再放入`);
  }
  if (bytes > maxBytes) {
    out.push(
      `照片 ${label} 文件太大（${(bytes / 2 ** 20).toFixed(1)} MB），最多 ${maxBytes / 2 ** 20} MB，请压缩后再放入`,
    );
  }
  return out;
}
