/** The output gate's worker threads: a large output is scanned in one thread per core (gate-worker.ts). */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PublicContacts } from '../rules/privacy.ts';
import { scanFiles, type ScanResult } from './gate-scan.ts';

/** Below this many files one thread scans them all (a worker costs about 0.1 s to start). */
const PARALLEL_FROM = 2000;

/** Scans the files in one worker thread per core, each taking every n-th file. */
export async function scanInWorkers(
  dir: string,
  files: string[],
  allowed: PublicContacts,
  known: Set<string>,
  parallelFrom = PARALLEL_FROM,
) {
  const threads = Math.min(availableParallelism(), 4);
  if (files.length < parallelFrom || threads < 2) return [scanFiles(dir, files, allowed, known)];
  return Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const mine = files.filter((_, i) => i % threads === t);
      const worker = new Worker(new URL('./gate-worker.ts', import.meta.url), {
        workerData: { dir, files: mine, allowed, known: [...known] },
      });
      return new Promise<ScanResult>((done, fail) => {
        worker.once('message', (r: ScanResult) => done(r));
        worker.once('error', fail);
        worker.once('exit', (code) => fail(new Error(`output gate worker stopped (${code})`)));
      });
    }),
  );
}
