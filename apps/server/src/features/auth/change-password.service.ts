import type { ChangePasswordRequest } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import type { UserPrincipal } from '../../http/principal.ts';
import { AppError } from '../../http/problem.ts';
import { findUserById, updatePasswordHash } from '../people/people.repository.ts';
import { deleteOtherTokensOf } from './access-tokens.repository.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from '../../crypto/password.ts';

/**
 * The user changes their own password. The current one must be given (a session left open on a
 * shared computer is not enough), wrong guesses count as failed logins, and every other session
 * of the user is ended: whoever else knew the old password is logged out; this one stays.
 */
export async function changeOwnPassword(
  db: Db,
  throttle: LoginThrottle,
  principal: UserPrincipal,
  input: ChangePasswordRequest,
  address: string | null,
): Promise<void> {
  await throttle.assertNotBlocked(principal.email, address);
  const user = await findUserById(db, principal.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Your session has ended: log in again.');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await throttle.recordFailure(principal.email, address);
    throw new AppError('INVALID_REQUEST', 'The current password is wrong.', [
      { path: 'currentPassword', rule: 'wrong_password', message: 'The current password is wrong.' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('INVALID_REQUEST', 'The new password must differ from the current one.', [
      { path: 'newPassword', rule: 'same_password', message: 'Choose a password different from the current one.' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, hash);
    await deleteOtherTokensOf(trx, user.id, principal.tokenHash);
  });
}
