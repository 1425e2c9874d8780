import { rotationPeriodMs, statusOf } from '@keyward/domain';
import { AppError } from '../../http/problem.ts';
import { factsOf, type ApiKeyRow } from '../api-keys/api-key-row.ts';

const PERIOD_PATH = 'previousKeyExpirationPeriod';

export function periodMsOf(period: string): number {
  const ms = rotationPeriodMs(period);
  if (ms !== null) return ms;
  const message = 'The grace period must be an ISO-8601 duration from PT0S to P30D, e.g. P7D or PT12H.';
  throw new AppError('INVALID_REQUEST', message, [{ path: PERIOD_PATH, rule: 'ROTATION_PERIOD', message }]);
}

/** Only an active key that was not rotated (or replaced) yet. */
export function assertRotatable(row: ApiKeyRow, now: number): void {
  if (row.rotated_to_key_id !== null) {
    throw new AppError('CONFLICT', `The API key "${row.id}" was already rotated (to "${row.rotated_to_key_id}").`);
  }
  if (!statusOf(factsOf(row), now).usable) {
    throw new AppError(
      'CONFLICT',
      `The API key "${row.id}" is not active: use Create from existing to make a new key from it.`,
    );
  }
}
