import type { ListStatusFilter } from '@keyward/domain';
import { expressionBuilder, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { writeVersion } from '../../db/dialect.ts';
import { perDatabase } from '../../db/per-database-cache.ts';
import type { Database } from '../../db/schema.ts';
import { countOfOrganization } from './api-key-count.repository.ts';
import { usableUntilWithin } from './api-key-status.sql.ts';

// The ACTIVE and DEACTIVATED totals of a large organization each visit up to half its keys. Such a
// total stays true until the database is written or some key's usable-until instant passes, both
// cheap to check, so it is remembered per database, organization and filter. The counts of the
// status order (api-key-status-order.ts) are remembered the same way, each with the instants that
// can change it.

interface Entry {
  value: unknown;
  at: number;
  version: string;
}

type Eb = ExpressionBuilder<Database, 'api_keys'>;

/** The keys of the organization whose instant that can change a count is in (from, to]. */
export type Crossings = (eb: Eb, from: number, to: number) => Expression<SqlBool>;

const cacheOf = perDatabase<Entry>(1000);

async function stillTrue(
  db: Db,
  organizationId: string,
  entry: Entry,
  now: number,
  version: string,
  crossings: Crossings | null,
): Promise<boolean> {
  if (entry.version !== version) return false;
  if (crossings === null || now === entry.at) return true;
  if (now < entry.at) return false;
  const eb = expressionBuilder<Database, 'api_keys'>();
  const crossed = await db
    .selectFrom('api_keys')
    .select('id')
    .where(eb.and([eb('organization_id', '=', organizationId), crossings(eb, entry.at, now)]))
    .limit(1)
    .executeTakeFirst();
  return crossed === undefined;
}

/**
 * A value computed from the organization's keys at `now`, remembered while the database is not
 * written (`version`, from writeVersion) and no key has an instant of `crossings` between then and
 * now (null: the value does not depend on time).
 */
export async function remembered<T>(
  db: Db,
  key: { organizationId: string; name: string; version: string },
  now: number,
  crossings: Crossings | null,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = cacheOf(db);
  const id = `${key.organizationId}\u0000${key.name}`;
  const entry = cache.get(id);
  if (entry && (await stillTrue(db, key.organizationId, entry, now, key.version, crossings))) return entry.value as T;
  const value = await compute();
  // The version read before computing: a write that interleaves with it invalidates the value.
  cache.set(id, { value, at: now, version: key.version });
  return value;
}

/** The total of a usable/deactivated filter at `now`, from `count` unless a remembered one still holds. */
export async function cachedStatusCount(
  db: Db,
  key: { organizationId: string; filter: ListStatusFilter },
  now: number,
  count: () => Promise<number>,
): Promise<number> {
  const version = await writeVersion(db);
  return remembered(
    db,
    { organizationId: key.organizationId, name: key.filter, version },
    now,
    usableUntilWithin,
    count,
  );
}

/** The number of keys of the organization (every list without a filter needs it), remembered until a write. */
export async function cachedOrganizationCount(
  db: Db,
  organizationId: string,
  now: number,
  version?: string,
): Promise<number> {
  const at = version ?? (await writeVersion(db));
  return remembered(db, { organizationId, name: 'all keys', version: at }, now, null, () =>
    countOfOrganization(db, organizationId),
  );
}
