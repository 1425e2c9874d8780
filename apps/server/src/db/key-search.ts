import { sql, type Expression, type SqlBool } from 'kysely';
import { containsText, perDialect } from './dialect.ts';

// Text search of API keys (name, description, id). SQLite: the FTS5 trigram table of migration
// 0005, which finds substrings of 3 characters or more from an index, and LIKE for the keys
// written since the index last caught up (api_keys_text_later, migration 1501); shorter texts are
// matched with LIKE on the keys themselves. PostgreSQL: ILIKE on the keys, answered from the
// pg_trgm GIN index of migration 0005's PostgreSQL branch (shorter texts: the same ILIKE, without
// the index).

const TRIGRAM = 3;

/**
 * Keys of the organization whose name, description or id contains `text`, ignoring case. With the
 * index, the organization is checked there, so that the planner reads the few matching keys by id.
 */
export function keyTextMatches(organizationId: string, text: string): Expression<SqlBool> {
  const matches = nameMatches(organizationId, text);
  const last4 = LAST4.exec(text)?.[1];
  if (last4 === undefined) return matches;
  // The last 4 characters shown in the list (or the whole masked value) also find the key.
  return sql<SqlBool>`(${matches} or (${sql.ref('api_keys.organization_id')} = ${organizationId} and ${sql.ref('api_keys.value_last4')} = ${last4}))`;
}

/** `abcd`, `****abcd` or a masked value `kwprv_****…abcd`: the last 4 characters of a key value. */
const LAST4 = /^(?:kw(?:pub|prv)_)?\**([0-9A-Za-z]{4})$/;

function nameMatches(organizationId: string, text: string): Expression<SqlBool> {
  const contains = sql<SqlBool>`(${containsText('display_name', text)} or ${containsText('description', text)} or ${containsText('id', text)})`;
  const scan = sql<SqlBool>`(${sql.ref('api_keys.organization_id')} = ${organizationId} and ${contains})`;
  if ([...text].length < TRIGRAM) return scan;
  const phrase = `"${text.replaceAll('"', '""')}"`;
  return perDialect({
    // Keys written since the index last caught up (db/text-index.ts) are not in it yet: those by LIKE.
    sqlite: sql<SqlBool>`(${sql.ref('api_keys.id')} in (select id from api_keys_text where api_keys_text match ${phrase} and organization_id = ${organizationId})
      or (${sql.ref('api_keys.id')} in (select key_id from api_keys_text_later) and ${scan}))`,
    postgres: scan,
  });
}
