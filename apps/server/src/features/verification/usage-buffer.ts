import { addYears, utcDateString } from '@keyward/domain';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Db } from '../../db/database.ts';

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
 * more than the verification itself (PRODUCT.md §9).
 */
export class UsageBuffer {
  #pending = new Map<string, KeyUsage>();
  #timer: NodeJS.Timeout | null = null;
  readonly #flushTx: (batch: Map<string, KeyUsage>) => void;

  constructor(
    private readonly db: Db,
    sqlite: SqliteDatabase,
    private readonly intervalMs = 2_000,
  ) {
    const touch = sqlite.prepare(
      `update api_keys set last_used_date = ?, last_used_ip = ?, inactivity_deadline = max(inactivity_deadline, ?)
        where id = ? and (last_used_date is null or last_used_date <= ?)
          and (disabled_reason is not null or inactivity_deadline > ?)`,
    );
    const readDay = sqlite.prepare<[string, string], { allowed: number; denied: number; by_code_json: string }>(
      'select allowed, denied, by_code_json from api_key_usage_daily where api_key_id = ? and day = ?',
    );
    const writeDay = sqlite.prepare(
      `insert into api_key_usage_daily (api_key_id, day, allowed, denied, by_code_json)
       select ?, ?, ?, ?, ? where exists (select 1 from api_keys where id = ?)
       on conflict (api_key_id, day) do update set allowed = excluded.allowed, denied = excluded.denied, by_code_json = excluded.by_code_json`,
    );
    this.#flushTx = sqlite.transaction((batch: Map<string, KeyUsage>) => {
      for (const [keyId, usage] of batch) {
        const t = usage.lastUsedDate;
        // A key already past its inactivity deadline stays deactivated: its use is counted, not revived.
        touch.run(t, usage.lastUsedIp, addYears(t, 1), keyId, t, t);
        for (const [day, counts] of usage.days) {
          const prev = readDay.get(keyId, day);
          const byCode = prev ? (JSON.parse(prev.by_code_json) as Record<string, number>) : {};
          for (const [code, n] of Object.entries(counts.byCode)) byCode[code] = (byCode[code] ?? 0) + n;
          writeDay.run(
            keyId,
            day,
            (prev?.allowed ?? 0) + counts.allowed,
            (prev?.denied ?? 0) + counts.denied,
            JSON.stringify(byCode),
            keyId,
          );
        }
      }
    });
  }

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
      const chunk = new Map(entries.slice(i, i + FLUSH_CHUNK));
      await this.db.connection().execute(async () => this.#flushTx(chunk));
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
