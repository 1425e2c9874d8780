import crypto from 'node:crypto';
import {
  addYears,
  generateKeyValue,
  getTemplate,
  keyIdFrom,
  keyValueParts,
  nameSortKey,
  TEMPLATE_IDS,
  type Privilege,
} from '@keyward/domain';
import type { Db } from '../apps/server/src/db/database.ts';

const DAY = 86_400_000;

/**
 * Random bytes cut from a pool filled by the CSPRNG: one crypto.randomBytes call per key value and
 * id costs more than everything else the seeding does (benchmark data only; the server draws its
 * own per call).
 */
function pooledRandomBytes(): (n: number) => Uint8Array {
  const pool = Buffer.alloc(1 << 16);
  let offset = pool.length;
  return (n) => {
    if (offset + n > pool.length) {
      crypto.randomFillSync(pool);
      offset = 0;
    }
    offset += n;
    return pool.subarray(offset - n, offset);
  };
}

/** A seeded key's value (never written anywhere) and one privilege of its template, for verification loads. */
export interface SampleKey {
  value: string;
  privilege: Privilege | null;
}

/**
 * Inserts `count` keys straight into the database (benchmarks only), in batches, with varied
 * templates, dates and states so that status filters and job passes have real work. Returns a few
 * plaintext values for verification benchmarks (never written anywhere).
 */
export async function seedKeys(
  db: Db,
  opts: { organizationId: string; count: number; now: number; createdBy: string },
): Promise<SampleKey[]> {
  const sample: SampleKey[] = [];
  const random = pooledRandomBytes();
  // 500 rows of 29 columns: 14,500 parameters, under both engines' limits (SQLite 32,766; PostgreSQL 65,535).
  const batch = 500;
  for (let start = 0; start < opts.count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(opts.count, start + batch); i += 1) {
      const templateId = TEMPLATE_IDS[i % TEMPLATE_IDS.length] as string;
      const template = getTemplate(templateId);
      if (!template) throw new Error(`unknown template ${templateId}`);
      const value = generateKeyValue(template.privacy, random);
      if (sample.length < 1000) sample.push({ value, privilege: template.privileges[0] ?? null });
      const { prefix, last4 } = keyValueParts(value);
      const created = opts.now - (i % 700) * DAY;
      const lastUsed = i % 3 === 0 ? null : created + (i % 200) * DAY;
      const activation = created;
      const expiration = i % 5 === 0 ? opts.now + ((i % 40) - 10) * DAY : null;
      rows.push({
        id: keyIdFrom(random),
        organization_id: opts.organizationId,
        display_name: `Key ${i} ${templateId}`,
        name_sort: nameSortKey(`Key ${i} ${templateId}`),
        description: `Benchmark key number ${i}`,
        value_hash: crypto.createHash('sha256').update(value).digest('hex'),
        value_prefix: prefix,
        value_last4: last4,
        template_id: templateId,
        privacy_level: template.privacy,
        privileges_json: JSON.stringify(template.privileges),
        allowed_ips_json: '[]',
        denied_ips_json: '[]',
        additional_configuration_json: '{}',
        enabled: i % 17 === 0 ? 0 : 1,
        disabled_reason: i % 17 === 0 ? 'MANUAL' : null,
        disabled_date: i % 17 === 0 ? created + DAY : null,
        created_by: opts.createdBy,
        created_date: created,
        activation_date: activation,
        last_used_date: lastUsed,
        last_used_ip: null,
        expiration_date: expiration,
        inactivity_deadline: addYears(Math.max(activation, lastUsed ?? 0), 1),
        scheduled_deactivation_date: null,
        rotated_to_key_id: null,
        exposure_json: null,
        exposure_deactivation_date: null,
        updated_date: created,
      });
    }
    await db.insertInto('api_keys').values(rows).execute();
  }
  return sample;
}
