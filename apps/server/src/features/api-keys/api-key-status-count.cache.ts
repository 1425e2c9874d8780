import type { ListStatusFilter } from '@keyward/domain';
import { expressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { writeVersion } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { usableUntilWithin } from './api-key-status.sql.ts';

// The ACTIVE and DEACTIVATED totals of a large organization each visit up to half its keys. Such a
// total stays true until the database is written or some key's usable-until instant passes, both
// cheap to check, so it is remembered per database, organization and filter.

interface Entry {
  total: number;
  at: number;
  version: string;
}

const caches = new WeakMap<Db, Map<string, Entry>>();
const MAX_ENTRIES = 1000;

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

async function stillTrue(db: Db, organizationId: string, entry: Entry, now: number, version: string): Promise<boolean> {
  if (entry.version !== version || now < entry.at) return false;
  if (now === entry.at) return true;
  const eb = expressionBuilder<Database, 'api_keys'>();
  const crossed = await db
    .selectFrom('api_keys')
    .select('id')
    .where(eb.and([eb('organization_id', '=', organizationId), usableUntilWithin(eb, entry.at, now)]))
    .limit(1)
    .executeTakeFirst();
  return crossed === undefined;
}

/** The total of a usable/deactivated filter at `now`, from `count` unless a remembered one still holds. */
export async function cachedStatusCount(
  db: Db,
  key: { organizationId: string; filter: ListStatusFilter },
  now: number,
  count: () => Promise<number>,
): Promise<number> {
  const cache = cacheOf(db);
  const id = `${key.organizationId}\u0000${key.filter}`;
  const version = await writeVersion(db);
  const entry = cache.get(id);
  if (entry && (await stillTrue(db, key.organizationId, entry, now, version))) return entry.total;
  const total = await count();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  // The version read before counting: a write that interleaves with the count invalidates it.
  cache.set(id, { total, at: now, version });
  return total;
}
