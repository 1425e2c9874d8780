import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite in WAL mode copies the log back into the database file (a checkpoint) on the connection
// that commits, by default every 1,000 pages: the copy and its fsync (tens of milliseconds for a
// thousand scattered pages) stall the event loop, and creating keys paid more for them than for
// their own writes (PRODUCT.md §9). Here a second connection, in a worker thread, checkpoints the
// log every few milliseconds without waiting for anyone (PASSIVE: never blocks the writer), in
// larger batches that write each page once. The writer's own automatic checkpoint stays as a
// backstop at a larger size: it copies only what the worker has not, and lets the log start over
// (a log restarts only when a writer finds it fully copied), so the file stays bounded.

/** The writer's automatic checkpoint while the worker runs, in pages (40 MiB of 4 KiB pages). */
export const BACKSTOP_PAGES = 10_000;
const INTERVAL_MS = 20;

// CommonJS, run by the worker (`eval`), so that the bundled server needs no file of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
let timer = null;
const pass = () => {
  try { checkpoint.get(); } catch { /* busy or closing: the next pass, or the writer's backstop */ }
  timer = setTimeout(pass, workerData.intervalMs);
};
timer = setTimeout(pass, workerData.intervalMs);
parentPort.once('message', () => {
  clearTimeout(timer);
  try { checkpoint.get(); } catch {}
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  /** Stops the worker after a last checkpoint; resolves once it has closed its connection. */
  stop(): Promise<void>;
}

/** Starts checkpointing `file` (a database in WAL mode) from a worker thread. */
export function startBackgroundCheckpoints(file: string, intervalMs = INTERVAL_MS): BackgroundCheckpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  // Never what keeps the process alive; a worker that fails leaves the writer's backstop in charge.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => undefined);
  let stopping: Promise<void> | null = null;
  return {
    stop: () => {
      // Held until the worker is done, or the process would end on its own before closing the database.
      worker.ref();
      stopping ??= (worker.postMessage('stop'), exited);
      return stopping;
    },
  };
}
