/**
 * Astro's sharp image service, with at most one transform per core at a time.
 *
 * Astro processes two source photos at once and all renditions of each at
 * once: 26 decoded 4,000 x 3,000 photos in memory together, which made the
 * photo phase the peak of a whole build (about 3 GB, docs/performance.md).
 * libvips already spreads one transform over every core, so queueing the
 * rest costs no time. Output is byte for byte the sharp service's.
 */
import { availableParallelism } from 'node:os';
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { limiter } from '../photos/limiter.ts';

const queue = limiter(Math.max(1, availableParallelism()));

const service: LocalImageService = {
  ...sharpService,
  transform: (input, transform, config, logger) =>
    queue(() => sharpService.transform(input, transform, config, logger)),
};

export default service;
