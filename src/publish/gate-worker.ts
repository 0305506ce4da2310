/** One worker thread of the output gate: scans its share of the output files (gate-scan.ts), started by gate-pool.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PublicContacts } from '../rules/privacy.ts';
import { scanFiles } from './gate-scan.ts';

const { dir, files, allowed, known } = workerData as {
  dir: string;
  files: string[];
  allowed: PublicContacts;
  known: string[];
};
parentPort?.postMessage(scanFiles(dir, files, allowed, new Set(known)));
