import type { Db } from '../../db/database.ts';

export async function insertAccessToken(
  db: Db,
  token: { tokenHash: string; userId: string; csrfToken: string; now: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('access_tokens')
    .values({
      token_hash: token.tokenHash,
      user_id: token.userId,
      csrf_token: token.csrfToken,
      created_date: token.now,
      expires_at: token.expiresAt,
    })
    .execute();
}

export async function deleteAccessToken(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('access_tokens').where('token_hash', '=', tokenHash).execute();
}

/** Housekeeping on login: a user's expired tokens are of no use to anyone. */
export async function deleteExpiredTokensOf(db: Db, userId: string, now: number): Promise<void> {
  await db.deleteFrom('access_tokens').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

/** The token's user, if the token exists and has not expired. */
export async function findTokenUser(db: Db, tokenHash: string, now: number) {
  return db
    .selectFrom('access_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 't.expires_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.expires_at', '>', now)
    .executeTakeFirst();
}

/** After a password change: every session of the user but the one that made the change. */
export async function deleteOtherTokensOf(db: Db, userId: string, keepTokenHash: string): Promise<void> {
  await db.deleteFrom('access_tokens').where('user_id', '=', userId).where('token_hash', '!=', keepTokenHash).execute();
}
