import { addYears, DAY_MS, normalizeAddress, utcDateString } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import type { UsageRow, UsageWriter } from '../../db/usage-writer.ts';

export interface UsageEvent {
  keyId: string;
  at: number;
  /** As presented; normalized when written (only the last one per key and flush is kept). */
  ip: string | null;
  code: string;
  allowed: boolean;
  /** Least-privilege record (PRODUCT.md §7): privilegeUsageIds the use exercised; null/empty: none. */
  exercised?: readonly string[] | null;
}

const FLUSH_CHUNK = 100;

interface DayUsage {
  allowed: number;
  denied: number;
  byCode: Record<string, number>;
  /** privilegeUsageId → last time exercised that day */
  exercised: Map<string, number> | null;
}

interface KeyUsage {
  lastUsedDate: number;
  lastUsedIp: string | null;
  /** per UTC day */
  days: Map<string, DayUsage>;
}

/**
 * Buffers "last used", daily usage counters and the least-privilege record in memory and writes
 * them in small transactions per flush (at most every `intervalMs`, before each job pass, before the
 * usage routes read, and on shutdown): writing on every verification would cost more than the
 * verification itself (PRODUCT.md §9). Recording a use is a few map operations.
 */
export class UsageBuffer {
  #pending = new Map<string, KeyUsage>();
  #timer: NodeJS.Timeout | null = null;
  /** The UTC day of the last event, kept so that recording does not format a date each time. */
  #day = '';
  #dayStart = 0;
  #dayEnd = 0;

  constructor(
    private readonly db: Db,
    private readonly writer: UsageWriter,
    private readonly intervalMs = 2_000,
  ) {}

  record(event: UsageEvent): void {
    let usage = this.#pending.get(event.keyId);
    if (!usage) {
      usage = { lastUsedDate: event.at, lastUsedIp: event.ip, days: new Map() };
      this.#pending.set(event.keyId, usage);
    } else if (event.at >= usage.lastUsedDate) {
      usage.lastUsedDate = event.at;
      usage.lastUsedIp = event.ip;
    }
    const day = this.#dayOf(event.at);
    let counts = usage.days.get(day);
    if (!counts) {
      counts = { allowed: 0, denied: 0, byCode: {}, exercised: null };
      usage.days.set(day, counts);
    }
    if (event.allowed) counts.allowed += 1;
    else counts.denied += 1;
    counts.byCode[event.code] = (counts.byCode[event.code] ?? 0) + 1;
    if (event.exercised && event.exercised.length > 0) addExercised(counts, event.exercised, event.at);
    this.#schedule();
  }

  /** Privileges exercised by a use already recorded (an API key calling a REST route that requires them). */
  recordExercised(keyId: string, at: number, exercised: readonly string[]): void {
    if (exercised.length === 0) return;
    let usage = this.#pending.get(keyId);
    if (!usage) {
      // The use itself was flushed meanwhile: this entry only carries the privileges (last used unchanged).
      usage = { lastUsedDate: Number.NEGATIVE_INFINITY, lastUsedIp: null, days: new Map() };
      this.#pending.set(keyId, usage);
    }
    const day = this.#dayOf(at);
    let counts = usage.days.get(day);
    if (!counts) {
      counts = { allowed: 0, denied: 0, byCode: {}, exercised: null };
      usage.days.set(day, counts);
    }
    addExercised(counts, exercised, at);
    this.#schedule();
  }

  /**
   * Writes everything buffered (shutdown, tests, reads that need it). It holds kysely's connection
   * while it writes, so it never lands inside another request's open transaction.
   */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#pending.size === 0) return;
    const entries = [...this.#pending];
    this.#pending = new Map();
    // Small transactions with a turn of the event loop between them: verification latency stays flat while a flush runs.
    for (let i = 0; i < entries.length; i += FLUSH_CHUNK) {
      await this.writer.write(this.db, entries.slice(i, i + FLUSH_CHUNK).map(toRow));
      if (i + FLUSH_CHUNK < entries.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #dayOf(at: number): string {
    if (at >= this.#dayStart && at < this.#dayEnd) return this.#day;
    this.#dayStart = at - (((at % DAY_MS) + DAY_MS) % DAY_MS);
    this.#dayEnd = this.#dayStart + DAY_MS;
    this.#day = utcDateString(at);
    return this.#day;
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.flush().catch((err: unknown) => console.error('usage flush failed:', err));
    }, this.intervalMs);
    this.#timer.unref();
  }
}

function addExercised(counts: DayUsage, exercised: readonly string[], at: number): void {
  counts.exercised ??= new Map();
  for (const id of exercised) {
    const prev = counts.exercised.get(id);
    if (prev === undefined || at > prev) counts.exercised.set(id, at);
  }
}

function toRow([keyId, usage]: [string, KeyUsage]): UsageRow {
  const t = usage.lastUsedDate;
  return {
    keyId,
    // Only privileges to record (the use itself was flushed before): last used stays as it is.
    lastUsed: Number.isFinite(t)
      ? {
          date: t,
          ip: usage.lastUsedIp === null ? null : (normalizeAddress(usage.lastUsedIp) ?? null),
          inactivityDeadline: addYears(t, 1),
        }
      : null,
    days: [...usage.days].map(([day, counts]) => ({
      day,
      allowed: counts.allowed,
      denied: counts.denied,
      byCode: counts.byCode,
      exercised: counts.exercised ? [...counts.exercised] : [],
    })),
  };
}
