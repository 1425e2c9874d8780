/**
 * True for a unique-index violation (SQLite: SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY; PostgreSQL:
 * SQLSTATE 23505): the backstop that turns a write racing another one into a 409, not a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
