import { addYears, DAY_MS, normalizeAddress, utcDateString } from '@keyward/domain';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Db } from '../../db/database.ts';

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
    const writeExercised = sqlite.prepare(
      `insert into api_key_privilege_usage (api_key_id, privilege, day, last_exercised_date)
       select ?, ?, ?, ? where exists (select 1 from api_keys where id = ?)
       on conflict (api_key_id, day, privilege)
       do update set last_exercised_date = max(last_exercised_date, excluded.last_exercised_date)`,
    );
    this.#flushTx = sqlite.transaction((batch: Map<string, KeyUsage>) => {
      for (const [keyId, usage] of batch) {
        const t = usage.lastUsedDate;
        const ip = usage.lastUsedIp === null ? null : (normalizeAddress(usage.lastUsedIp) ?? null);
        // A key already past its inactivity deadline stays deactivated: its use is counted, not revived.
        if (Number.isFinite(t)) touch.run(t, ip, addYears(t, 1), keyId, t, t);
        for (const [day, counts] of usage.days) {
          if (counts.allowed + counts.denied === 0) {
            if (counts.exercised)
              for (const [privilege, at] of counts.exercised) writeExercised.run(keyId, privilege, day, at, keyId);
            continue;
          }
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
          if (counts.exercised)
            for (const [privilege, at] of counts.exercised) writeExercised.run(keyId, privilege, day, at, keyId);
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
      const chunk = new Map(entries.slice(i, i + FLUSH_CHUNK));
      await this.db.connection().execute(async () => this.#flushTx(chunk));
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
