// One pass of the job loop over BENCH_KEYS keys (default 100,000) without SMTP (PRODUCT.md §9:
// under 2 s, memory that does not grow with the key count).
//   node --import tsx bench/jobs-pass.ts
// Keys are inserted directly, in batches, with dates spread over two years so that every kind of
// work is due somewhere: inactivity notices and deactivations, expiration notices, exposure notices
// and deadlines, ends of rotation periods. Keys whose deadline passed long ago are stored as the
// job would have left them (deactivated), as on a server that has been running. A first pass
// "yesterday" records what was already due; the measured pass runs a day later, so it has a day of
// deadlines and notices to catch up (far more than a pass every minute ever meets). The figures of
// the first pass (everything due at once) and of a steady pass a minute later are printed too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addYears,
  endOfUtcDay,
  exposureDeactivationDate,
  generateKeyValue,
  getTemplate,
  keyIdFrom,
  keyValueParts,
  nameSortKey,
  SEVERITIES,
  TEMPLATE_IDS,
  type ExposureReport,
} from '@keyward/domain';
import { ManualClock } from '../apps/server/src/clock.ts';
import { readConfig } from '../apps/server/src/config.ts';
import { openDatabase, type Db } from '../apps/server/src/db/database.ts';
import { catchUpTextIndex } from '../apps/server/src/db/text-index.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { bootstrap } from '../apps/server/src/features/people/bootstrap.ts';
import { createJobRunner } from '../apps/server/src/jobs/job-runner.ts';
import type { JobRunSummary } from '@keyward/contract';

const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const ORG = 'benchorg';

/** A deterministic spread in [0, n) for key i. */
const spread = (i: number, prime: number, n: number) => (i * prime) % n;

function exposureOf(i: number): ExposureReport | null {
  if (i % 100 !== 0) return null;
  const n = i / 100;
  const severity = SEVERITIES[n % SEVERITIES.length] ?? 'WARN';
  const flagged = NOW - spread(n, 7, 20) * DAY - spread(n, 37, 1440) * MINUTE;
  return { severity, createdDate: flagged, deactivationDate: exposureDeactivationDate(severity, flagged), reasons: [] };
}

function keyRow(i: number, value: string) {
  const templateId = TEMPLATE_IDS[i % TEMPLATE_IDS.length] as string;
  const template = getTemplate(templateId);
  if (!template) throw new Error(`unknown template ${templateId}`);
  const created = NOW - spread(i, 7919, 730 * 1440) * MINUTE;
  const lastUsed = i % 3 === 0 ? null : Math.max(created, NOW - spread(i, 104_729, 400 * 1440) * MINUTE);
  const deadline = addYears(lastUsed ?? created, 1);
  const expiration = i % 5 === 0 ? endOfUtcDay(NOW + (spread(i, 31, 60) - 20) * DAY) : null;
  const exposure = exposureOf(i);
  const rotationEnd = i % 250 === 1 ? NOW - spread(i, 13, 120) * MINUTE : null;
  const longDeactivated = deadline < NOW - DAY && (expiration === null || expiration > deadline);
  const { prefix, last4 } = keyValueParts(value);
  return {
    id: keyIdFrom(crypto.randomBytes),
    organization_id: ORG,
    display_name: `Key ${i}`,
    name_sort: nameSortKey(`Key ${i}`),
    description: '',
    value_hash: crypto.createHash('sha256').update(value).digest('hex'),
    value_prefix: prefix,
    value_last4: last4,
    template_id: templateId,
    privacy_level: template.privacy,
    privileges_json: JSON.stringify(template.privileges),
    allowed_ips_json: '[]',
    denied_ips_json: '[]',
    additional_configuration_json: '{}',
    enabled: longDeactivated ? 0 : 1,
    disabled_reason: longDeactivated ? 'INACTIVITY' : null,
    disabled_date: longDeactivated ? deadline : null,
    created_by: 'bench',
    created_date: created,
    activation_date: created,
    last_used_date: lastUsed,
    last_used_ip: null,
    expiration_date: expiration,
    inactivity_deadline: deadline,
    scheduled_deactivation_date: rotationEnd,
    rotated_to_key_id: null,
    exposure_json: exposure ? JSON.stringify(exposure) : null,
    exposure_deactivation_date: exposure?.deactivationDate ?? null,
    updated_date: created,
  };
}

async function seed(db: Db): Promise<void> {
  const value = generateKeyValue('PRIVATE', crypto.randomBytes); // hashes must differ, values need not be real
  for (let start = 0; start < KEYS; start += 10_000) {
    await db.transaction().execute(async (trx) => {
      for (let batch = start; batch < Math.min(KEYS, start + 10_000); batch += 500) {
        const rows = [];
        for (let i = batch; i < Math.min(KEYS, batch + 500); i++) rows.push(keyRow(i, `${value}${i}`));
        await trx.insertInto('api_keys').values(rows).execute();
      }
    });
  }
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function describe(s: JobRunSummary): string {
  const d = s.deactivated;
  return (
    `${s.keysExamined} keys examined, ${d.inactivity + d.exposure + d.rotation} deactivated (${d.inactivity} inactivity, ${d.exposure} exposure, ` +
    `${d.rotation} rotation), ${s.noticesQueued} notices queued (${s.noticesSuperseded} superseded)`
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-jobs-bench-'));
  const config = readConfig({
    KEYWARD_DB: path.join(dir, 'keyward.db'),
    KEYWARD_ORG_ID: ORG,
    KEYWARD_ADMIN_PASSWORD: 'bench password 123',
  });
  const opened = openDatabase(config.dbFile);
  try {
    await migrateToLatest(opened.db);
    await bootstrap(opened.db, config, NOW);
    await seed(opened.db);
    // The seeded keys in the text index, in one batch, as the server's mover would have put them by
    // now (db/text-index.ts), rather than 512 at a time during the passes measured here.
    catchUpTextIndex(opened.sqlite);
    const clock = new ManualClock(NOW - DAY);
    const jobs = createJobRunner({ db: opened.db, clock, config, mailer: null, log: (line) => console.error(line) });
    // Yesterday's pass: on this fresh database it queues every notice already due, all at once.
    const fresh = await jobs.runOnce();
    // Today's pass, after a day without one: a day of deadlines and notices to catch up.
    clock.set(NOW);
    const rssBefore = rssMb();
    const pass = await jobs.runOnce();
    const rssAfter = rssMb();
    const line = (ok: boolean, text: string) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
    line(
      pass.durationMs < 1000,
      `jobs: one pass over ${KEYS} keys: ${Math.round(pass.durationMs)} ms  (target < 1000 ms)`,
    );
    line(
      fresh.durationMs < 2000,
      `jobs: first catch-up pass (every notice due): ${Math.round(fresh.durationMs)} ms  (target < 2000 ms)`,
    );
    line(
      rssAfter - rssBefore < 64,
      `jobs: memory during a pass: RSS ${rssBefore} MB before, ${rssAfter} MB after, peak ${peakRssMb()} MB  (target: flat, < 64 MB growth)`,
    );
    console.log(`      that pass (a day after the previous one): ${describe(pass)}`);
    console.log(`      the first pass on the fresh database: ${describe(fresh)}`);
    clock.set(NOW + MINUTE);
    const next = await jobs.runOnce();
    console.log(`      the next pass, a minute later: ${Math.round(next.durationMs)} ms, ${describe(next)}`);
  } finally {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
