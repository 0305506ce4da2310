/** Whether an entry's photo file is usable: a still JPEG, PNG or WebP photo, whole, of a sensible size. */
import { statSync } from 'node:fs';
import sharp from 'sharp';
import type { ProblemCode } from '../rules/problems.ts';

/** Limits for entry photos: small ones look blurred on the entry page, huge ones are not phone photos. */
export const PHOTO_LIMITS = { minSide: 300, maxSide: 10_000, maxBytes: 20 * 2 ** 20, maxPixels: 60_000_000 };

/** Photo formats a phone or camera writes and every browser shows; SVG (a document that can carry script), GIF and the rest are refused. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp']);

/** Portrait sizes of phone screens (short side) whose PNGs are screenshots rather than photos. */
const PHONE_SCREEN_WIDTHS = new Set([640, 720, 750, 828, 1080, 1125, 1170, 1179, 1242, 1284, 1290, 1440]);

/** A long side more than this many times the short one is a screenshot or a stitched long image, not a photo. */
const SCREENSHOT_ASPECT = 2;

/** Why a photo of this format and size looks like a phone screenshot, or undefined. */
export function screenshotHint(format: string, w: number, h: number): string | undefined {
  const [short, long] = w < h ? [w, h] : [h, w];
  if (!short) return undefined;
  if (long / short > SCREENSHOT_ASPECT) return '长宽比超过 2:1';
  if (format === 'png' && PHONE_SCREEN_WIDTHS.has(short) && long / short >= 1.7) return '是手机屏幕大小的 PNG';
  return undefined;
}

/** A photo's errors (it cannot be published) and warnings (it can, but is likely not what was meant). */
export interface PhotoReport {
  errors: PhotoFinding[];
  warnings: PhotoFinding[];
}

/** One thing wrong with a photo, with its code (src/rules/problem-codes.ts). */
export interface PhotoFinding {
  code: ProblemCode;
  message: string;
}

/** A photo's errors only (`content:import` refuses a row on them). */
export async function photoProblems(path: string, label: string): Promise<string[]> {
  return (await photoReport(path, label)).errors.map((e) => e.message);
}

/**
 * What is wrong with a photo file (unreadable, corrupt or truncated, not a
 * still photo, too small, too large); `label` names it in messages. The
 * header is read first, so a file of far more pixels than a phone photo is
 * refused before anything decodes it; then the photo is decoded once at a
 * small size (JPEG shrink-on-load: about 17 ms for 12 megapixels here) to
 * find a truncated or corrupt file before the build does.
 */
export async function photoReport(path: string, label: string): Promise<PhotoReport> {
  const errors = (code: ProblemCode, message: string): PhotoReport => ({ errors: [{ code, message }], warnings: [] });
  const { minSide, maxSide, maxBytes, maxPixels } = PHOTO_LIMITS;
  let meta: { width?: number; height?: number; format?: string; pages?: number };
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return errors('photo.unreadable', `照片 ${label} 无法读取，不是有效的图片，请换成 JPEG 或 PNG 照片`);
  }
  if (!PHOTO_FORMATS.has(meta.format ?? '')) {
    return errors(
      meta.format === 'heif' ? 'photo.heic' : 'photo.format',
      meta.format === 'heif'
        ? `照片 ${label} 是 HEIC/HEIF 格式（苹果手机默认的照片格式），网页不能显示：请在手机或电脑上导出为 JPEG`
        : `照片 ${label} 是 ${meta.format?.toUpperCase() ?? '未知'} 格式：只能用 JPEG、PNG 或 WebP 照片，请另存为 JPEG`,
    );
  }
  if ((meta.pages ?? 1) > 1)
    return errors('photo.animated', `照片 ${label} 是动图（${meta.pages} 帧）：请换成一张静态照片`);
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > maxPixels) {
    return errors(
      'photo.size',
      `照片 ${label} 像素太多（${w}×${h}），远超手机照片：请缩小到长边 ${maxSide} 像素以内再放入`,
    );
  }
  try {
    await sharp(path, { failOn: 'truncated', limitInputPixels: maxPixels })
      .resize(32, 32, { fit: 'inside' })
      .toBuffer();
  } catch {
    return errors('photo.unreadable', `照片 ${label} 已损坏或不完整（文件可能没有传完）：请重新导出或拷贝原图`);
  }
  const bytes = statSync(path).size;
  const out: PhotoFinding[] = [];
  const size = (message: string) => out.push({ code: 'photo.size', message });
  if (Math.min(w, h) < minSide) {
    size(`照片 ${label} 太小（${w}×${h} 像素），短边至少 ${minSide} 像素，请换一张清晰的原图`);
  }
  if (Math.max(w, h) > maxSide) {
    size(`照片 ${label} 太大（${w}×${h} 像素），长边最多 ${maxSide} 像素，请缩小后再放入`);
  }
  if (bytes > maxBytes) {
    size(`照片 ${label} 文件太大（${(bytes / 2 ** 20).toFixed(1)} MB），最多 ${maxBytes / 2 ** 20} MB，请压缩后再放入`);
  }
  const screenshot = screenshotHint(meta.format ?? '', w, h);
  const warnings: PhotoFinding[] = screenshot
    ? [
        {
          code: 'photo.screenshot',
          message: `照片 ${label}（${w}×${h} 像素）${screenshot}，像是手机截图或拼接的长图：请换成原始照片（截图常带着状态栏、聊天界面）；如确实是照片，可以忽略此提醒`,
        },
      ]
    : [];
  return { errors: out, warnings };
}
