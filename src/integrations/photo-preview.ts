/**
 * Photos in `astro dev`, for editors previewing an entry: a build makes the
 * renditions after the pages (src/photos/make-renditions.ts); the preview
 * server makes each one when a page asks for it, from the photos the entry
 * loader read, with the same encoder.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { cacheDir } from '../build/cache-dir.ts';
import { renderPhoto } from '../photos/make-renditions.ts';
import { PHOTO_FILES, photoFiles } from '../photos/photo-file.ts';
import { fitsPhoto, parseRenditionName } from '../photos/renditions.ts';
import { routes } from '../model/routes.ts';

const TYPES = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as const;

export default function photoPreview(): AstroIntegration {
  return {
    name: 'honour-photo-preview',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const known = join(cacheDir(), PHOTO_FILES);
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const r = path.startsWith(routes.assets) ? parseRenditionName(path.slice(routes.assets.length)) : undefined;
          if (!r) {
            next();
            return;
          }
          const photo = photoFiles(known).find(r.digest);
          // As in a build: no rendition larger than the photo (make-renditions.ts).
          if (!photo || !fitsPhoto(r, photo)) {
            res.statusCode = 404;
            res.end();
            return;
          }
          renderPhoto(photo.path, r).then(
            (bytes) => {
              res.setHeader('content-type', TYPES[r.format]);
              res.setHeader('cache-control', 'no-store');
              res.end(bytes);
            },
            (error: unknown) => next(error),
          );
        });
      },
    },
  };
}
