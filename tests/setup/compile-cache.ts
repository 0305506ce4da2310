/**
 * Node's compile cache for every process the suite starts: the suite spawns hundreds of Node processes
 * (builds, their steps, editor commands), each compiling the same astro, vite and project modules again.
 * With the cache a mini build took 4.4 s of user time instead of 4.8 s (measured here, three runs).
 * Children inherit the variable; Node checks each cached entry against its source.
 */
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';

process.env.NODE_COMPILE_CACHE ??= resolve('node_modules/.cache/node-compile');
enableCompileCache(process.env.NODE_COMPILE_CACHE);
