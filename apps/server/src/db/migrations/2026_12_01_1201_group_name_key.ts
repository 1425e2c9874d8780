import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// Group names are unique per organization under a Unicode-aware case folding (so "Ω≈ç√" and
// "ω≈ç√" are the same name, as "ABC" and "abc" already were). The folded name is computed in
// JavaScript, identically on every engine, and stored in name_key, which the unique index uses.
// This copy of the rule is frozen with the migration (the domain's nameKey is the living one).
// Names that existing rows share under the new rule get a numbered suffix: " (2)", " (3)", …

function frozenNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

interface Row {
  id: string;
  organization_id: string;
  display_name: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('groups')
    .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const rows = (await db
    .selectFrom('groups')
    .select(['id', 'organization_id', 'display_name'])
    .orderBy('created_date')
    .orderBy('id')
    .execute()) as Row[];
  const taken = new Set(rows.map((r) => `${r.organization_id}\n${frozenNameKey(r.display_name)}`));
  const seen = new Set<string>();
  for (const row of rows) {
    let name = row.display_name;
    let key = `${row.organization_id}\n${frozenNameKey(name)}`;
    if (seen.has(key)) {
      for (let n = 2; seen.has(key) || taken.has(key); n += 1) {
        name = `${row.display_name} (${n})`;
        key = `${row.organization_id}\n${frozenNameKey(name)}`;
      }
    }
    seen.add(key);
    await db
      .updateTable('groups')
      .set({ display_name: name, name_key: frozenNameKey(name) })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema
    .createIndex('groups_org_name_key_unique')
    .unique()
    .on('groups')
    .columns(['organization_id', 'name_key'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('groups_org_name_key_unique').execute();
  await db.schema.alterTable('groups').dropColumn('name_key').execute();
}
