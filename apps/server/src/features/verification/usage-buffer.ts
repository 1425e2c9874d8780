import { addYears, utcDateString } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import type { UsageRow, UsageWriter } from '../../db/usage-writer.ts';

export interface UsageEvent {
  keyId: string;
  at: number;
  ip: string | null;
  code: string;
  allowed: boolean;
}

const FLUSH_CHUNK = 100;

interface KeyUsage {
  lastUsedDate: number;
  lastUsedIp: string | null;
  /** per UTC day: counts */
  days: Map<string, { allowed: number; denied: number; byCode: Record<string, number> }>;
}

/**
 * Buffers "last used" and daily usage counters in memory and writes them in one transaction per
 * flush (at most every `intervalMs`, and on shutdown): writing on every verification would cost
 * more than the verification itself (PRODUCT.md §9). The writes add to what is stored (db/usage-writer.ts),
 * so the flushes of several instances add up.
 */
export class UsageBuffer {
  #pending = new Map<string, KeyUsage>();
  #timer: NodeJS.Timeout | null = null;

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
    const day = utcDateString(event.at);
    let counts = usage.days.get(day);
    if (!counts) {
      counts = { allowed: 0, denied: 0, byCode: {} };
      usage.days.set(day, counts);
    }
    if (event.allowed) counts.allowed += 1;
    else counts.denied += 1;
    counts.byCode[event.code] = (counts.byCode[event.code] ?? 0) + 1;
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
      const chunk = entries.slice(i, i + FLUSH_CHUNK);
      await this.writer.write(this.db, chunk.map(toRow));
      if (i + FLUSH_CHUNK < entries.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.flush().catch((err: unknown) => console.error('usage flush failed:', err));
    }, this.intervalMs);
    this.#timer.unref();
  }
}

function toRow([keyId, usage]: [string, KeyUsage]): UsageRow {
  return {
    keyId,
    lastUsedDate: usage.lastUsedDate,
    lastUsedIp: usage.lastUsedIp,
    inactivityDeadline: addYears(usage.lastUsedDate, 1),
    days: [...usage.days].map(([day, counts]) => ({ day, ...counts })),
  };
}
