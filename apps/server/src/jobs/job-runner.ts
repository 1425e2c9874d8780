import type { JobRunSummary } from '@keyward/contract';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Locks } from '../db/locks.ts';
import type { Mailer } from '../mail/mailer.ts';
import { runLifecycleJob } from '../features/lifecycle/lifecycle.job.ts';
import { deliverDueMail } from '../features/notifications/mail-delivery.job.ts';

export interface JobRunnerOptions {
  db: Db;
  /** One pass at a time across instances (PostgreSQL); default: passes of this runner never overlap anyway. */
  locks?: Locks;
  clock: Clock;
  config: Pick<Config, 'jobsIntervalS' | 'publicUrl' | 'mailFrom'>;
  /** null: no SMTP server configured; new mail is HELD in the outbox. */
  mailer: Mailer | null;
  log?: (line: string) => void;
  batchSize?: number;
  /** Tests: called after each committed batch. */
  afterBatch?: (batch: number) => void | Promise<void>;
}

export interface JobHooks {
  /** Before each pass, e.g. write buffered last-used dates so inactivity is judged on them. */
  beforePass?: () => Promise<void>;
  /** After a pass that deactivated keys, e.g. clear the verification cache. */
  onKeysChanged?: () => void;
  /** After each pass that completed, e.g. to record its duration. */
  afterPass?: (summary: JobRunSummary) => void;
}

export interface JobRunner {
  /** createApp adds the hooks of what it builds (usage buffer, verification cache). */
  addHooks(hooks: JobHooks): void;
  /** One pass (deactivations, notices, mail delivery) at the clock's current time. */
  runOnce(): Promise<JobRunSummary>;
  /**
   * Runs a pass every `KEYWARD_JOBS_INTERVAL_S` (0: never automatically), the first one interval
   * after the start: statusOf already shows what a pass would record, and a start (a benchmark, a
   * restart under load) is not the moment for a long catch-up pass.
   */
  start(): void;
  /** Stops the loop and waits for the pass in flight. */
  stop(): Promise<void>;
}

/** The job loop of PRODUCT.md §5. Passes of one runner never overlap; passes of two runners may, harmlessly. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const log = options.log ?? ((line: string) => console.error(line));
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const hooks: JobHooks[] = [];

  const runOnce = (): Promise<JobRunSummary> => {
    const pass = chain.then(() => runPassAlone(options, hooks, log));
    chain = pass.catch(() => undefined);
    return pass;
  };

  const tick = (): void => {
    timer = null;
    runOnce()
      .catch((err: unknown) =>
        log(`jobs: pass failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
      )
      .finally(() => {
        if (!stopped && options.config.jobsIntervalS > 0) {
          timer = setTimeout(tick, options.config.jobsIntervalS * 1000);
          timer.unref();
        }
      });
  };

  return {
    addHooks: (more) => {
      hooks.push(more);
    },
    runOnce,
    start: () => {
      if (stopped || timer || options.config.jobsIntervalS === 0) return;
      timer = setTimeout(tick, options.config.jobsIntervalS * 1000);
      timer.unref();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
    },
  };
}

/** A pass, unless another instance is running one: then this turn is skipped (PRODUCT.md §10). */
async function runPassAlone(
  options: JobRunnerOptions,
  hooks: readonly JobHooks[],
  log: (line: string) => void,
): Promise<JobRunSummary> {
  if (!options.locks) return runPass(options, hooks, log);
  const result = await options.locks.ifFree('jobs', () => runPass(options, hooks, log));
  if (result.ran) return result.value;
  return {
    now: new Date(options.clock.now()).toISOString(),
    keysExamined: 0,
    deactivated: { inactivity: 0, exposure: 0, rotation: 0 },
    noticesQueued: 0,
    noticesSuperseded: 0,
    mail: { sent: 0, retrying: 0, failed: 0 },
    durationMs: 0,
    skipped: true,
  };
}

async function runPass(
  options: JobRunnerOptions,
  hooks: readonly JobHooks[],
  log: (line: string) => void,
): Promise<JobRunSummary> {
  const started = performance.now();
  for (const h of hooks) await h.beforePass?.();
  const now = options.clock.now();
  const lifecycle = await runLifecycleJob(
    options.db,
    { now, publicUrl: options.config.publicUrl, deliverMail: options.mailer !== null, recipients: new Map() },
    { batchSize: options.batchSize ?? 500, log, ...(options.afterBatch ? { afterBatch: options.afterBatch } : {}) },
  );
  const d = lifecycle.deactivated;
  if (d.inactivity + d.exposure + d.rotation > 0) for (const h of hooks) h.onKeysChanged?.();
  const mail = await deliverDueMail(options.db, options.mailer, now, messageIdDomain(options.config.mailFrom));
  const summary = {
    now: new Date(now).toISOString(),
    ...lifecycle,
    mail,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
  for (const h of hooks) h.afterPass?.(summary);
  return summary;
}

function messageIdDomain(mailFrom: string): string {
  return mailFrom.split('@')[1]?.replace(/[^A-Za-z0-9.-]/g, '') || 'keyward.localhost';
}
