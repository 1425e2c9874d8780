import type { ApiKey } from '@keyward/contract';
import { parseKeyValue } from '@keyward/domain';
import type { KeyServiceDeps } from '../api-keys/api-key-access.ts';
import { sha256Hex } from '../../crypto/tokens.ts';
import { getApiKey } from '../api-keys/api-keys.service.ts';
import type { Caller } from '../api-keys/api-key-access.ts';
import { AppError } from '../../http/problem.ts';
import { findKeyByValueHash } from './exposure.repository.ts';

const unknown = () => new AppError('NOT_FOUND', 'No API key of this organization has this value.');

/**
 * Finding a key by its value (PRODUCT.md §3.3): a value that is not a key (format, checksum) is
 * unknown without reading the database; otherwise only its SHA-256 hash is looked up. A key of
 * another organization, or one the caller may not see, is unknown too.
 */
export async function lookupApiKey(
  deps: Pick<KeyServiceDeps, 'db' | 'clock'>,
  caller: Caller,
  value: string,
): Promise<ApiKey> {
  const trimmed = value.trim();
  if (!parseKeyValue(trimmed).ok) throw unknown();
  const row = await findKeyByValueHash(deps.db, sha256Hex(trimmed));
  if (!row || row.organization_id !== caller.access.organizationId) throw unknown();
  try {
    return await getApiKey(deps, caller, row.id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw unknown();
    throw error;
  }
}
