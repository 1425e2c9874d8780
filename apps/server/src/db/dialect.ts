import {
  OperationNodeTransformer,
  sql,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RawBuilder,
  type RawNode,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Db } from './schema.ts';

// The few SQL spellings that differ between SQLite and PostgreSQL live here, so that the rest of
// the server stays portable. A fragment written with `perDialect` compiles to its SQLite spelling
// by default; the PostgreSQL Kysely instance (db/database.ts) carries `PostgresSpellings`, which
// swaps in the PostgreSQL spelling before the query is compiled. The choice is made once, when the
// database is opened: no caller needs to know which database it talks to.

export type DialectName = 'sqlite' | 'postgres';

const POSTGRES_SPELLING = new WeakMap<OperationNode, OperationNode>();

/** A fragment spelled differently per dialect (SQLite's spelling is the default). */
export function perDialect<T>(spellings: { sqlite: RawBuilder<T>; postgres: RawBuilder<T> }): RawBuilder<T> {
  // A fresh node per call (wrapping the SQLite one), so that it can be recognized by identity.
  const wrapper = sql<T>`${spellings.sqlite}`;
  POSTGRES_SPELLING.set(wrapper.toOperationNode(), spellings.postgres.toOperationNode());
  return wrapper;
}

class PostgresSpellingTransformer extends OperationNodeTransformer {
  protected override transformRaw(node: RawNode, queryId: Parameters<OperationNodeTransformer['transformNode']>[1]) {
    const postgres = POSTGRES_SPELLING.get(node);
    if (postgres) return this.transformNode(postgres, queryId) as RawNode;
    return super.transformRaw(node, queryId);
  }
}

/** Installed on the PostgreSQL Kysely instance only. */
export class PostgresSpellings implements KyselyPlugin {
  readonly #transformer = new PostgresSpellingTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** `column` contains `text`, case-insensitively for ASCII, with `%` and `_` taken literally. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return perDialect({
    sqlite: sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`,
    postgres: sql<boolean>`${sql.ref(column)} ilike ${pattern} escape '\\'`,
  });
}

/** The smallest of several values (SQLite: multi-argument `min`; PostgreSQL: `least`). */
export function least(...values: RawBuilder<number>[]): RawBuilder<number> {
  return perDialect({
    sqlite: sql<number>`min(${sql.join(values)})`,
    postgres: sql<number>`least(${sql.join(values)})`,
  });
}

/**
 * A value that changes whenever the database is written, by this connection or another. SQLite:
 * the connection's change counter and the file's data version; PostgreSQL: the WAL insert
 * position (every committed write moves it; so may maintenance, which only costs a recount).
 */
export async function writeVersion(db: Db): Promise<string> {
  const { rows } = await perDialect({
    sqlite: sql<{
      version: string;
    }>`select total_changes() || ':' || (select data_version from pragma_data_version) as version`,
    postgres: sql<{ version: string }>`select pg_current_wal_insert_lsn()::text as version`,
  }).execute(db);
  return rows[0]?.version ?? '0';
}
