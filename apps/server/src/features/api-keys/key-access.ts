import { keyAccessAllows, keyAccessOf, type KeyAccessLevel, type KeyGrant } from '@keyward/domain';
import type { TriggeredBy } from '@keyward/contract';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { OrgAccess } from '../../http/principal.ts';
import { AppError } from '../../http/problem.ts';
import type { GrantRow } from './api-key-row.ts';
import type { KeyChanges } from '../verification/key-changes.ts';

/** What the API-key services read: the database, the time, and whether private IPs are allowed in IP lists. */
export interface KeyServiceDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'allowPrivateIps'>;
  /** Announces changed keys after commit (verification/key-changes.ts): verification forgets them. */
  keyChanges: KeyChanges;
}

/** Who is calling, as the services need it: their groups (for per-key grants) and their name for activities. */
export interface Caller {
  access: OrgAccess;
  actor: TriggeredBy;
}

function grantsOf(grants: readonly GrantRow[], keyId: string): KeyGrant[] {
  return grants
    .filter((g) => g.api_key_id === keyId)
    .map((g) => ({ groupId: g.group_id, level: g.level as KeyGrant['level'] }));
}

/** The caller's access to one key, from their groups and the key's grants (domain keyAccessOf). */
export function accessToKey(access: OrgAccess, grants: readonly GrantRow[], keyId: string): KeyAccessLevel {
  return keyAccessOf(access, grantsOf(grants, keyId));
}

/**
 * null when the caller sees every key (a group whose access needs no grant); otherwise the groups
 * whose grants decide which keys they see.
 */
export function visibleGroupsOf(access: OrgAccess): string[] | null {
  if (keyAccessOf(access, []) !== 'NONE') return null;
  return access.groups
    .filter((g) => keyAccessOf({ groups: [g] }, [{ groupId: g.id, level: 'VIEW' }]) !== 'NONE')
    .map((g) => g.id);
}

export const notFound = (id: string): AppError => new AppError('NOT_FOUND', `No API key "${id}" in this organization.`);

/** A key the caller can't see does not exist for them (404); one they only view can't be changed (403). */
export function assertKeyAccess(level: KeyAccessLevel, needed: 'VIEW' | 'EDIT', keyId: string): void {
  if (!keyAccessAllows(level, 'VIEW')) throw notFound(keyId);
  if (!keyAccessAllows(level, needed)) {
    throw new AppError(
      'FORBIDDEN',
      `You can view the API key "${keyId}" but not edit it: ask for an edit grant or the EDIT_ALL access level.`,
    );
  }
}
