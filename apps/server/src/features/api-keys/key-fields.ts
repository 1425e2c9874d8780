import { FIELD_PATHS } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/problem.ts';
import { keySettingsOf, type ApiKeyRow, type GrantRow } from './api-key-row.ts';
import { existingGroupIds } from './api-keys.repository.ts';

/** The Access step may only name groups of the key's organization. */
export async function assertGroupsExist(
  db: Db,
  organizationId: string,
  groups: { groupsThatCanView?: readonly string[] | undefined; groupsThatCanEdit?: readonly string[] | undefined },
): Promise<void> {
  const lists = [
    ['groupsThatCanView', groups.groupsThatCanView ?? []],
    ['groupsThatCanEdit', groups.groupsThatCanEdit ?? []],
  ] as const;
  const known = await existingGroupIds(
    db,
    organizationId,
    lists.flatMap(([, ids]) => ids),
  );
  const errors: FieldError[] = lists.flatMap(([field, ids]) =>
    ids.flatMap((id, i) =>
      known.has(id)
        ? []
        : [
            {
              path: `${FIELD_PATHS[field]}[${i}]`,
              rule: 'UNKNOWN_GROUP',
              message: `No group "${id}" in this organization.`,
            },
          ],
    ),
  );
  if (errors.length > 0) throw new AppError('INVALID_REQUEST', errors[0]?.message ?? 'Unknown group.', errors);
}

export function grantIds(grants: readonly GrantRow[], level: 'VIEW' | 'EDIT'): string[] {
  return grants.filter((g) => g.level === level).map((g) => g.group_id);
}

/** A key's fields as recorded in activities (never its value, nor even its masked form). */
export function keyActivityFields(
  row: ApiKeyRow,
  groupsThatCanView: readonly string[],
  groupsThatCanEdit: readonly string[],
) {
  const settings = keySettingsOf(row);
  return {
    displayName: row.display_name,
    description: row.description,
    apiKeyTemplateId: row.template_id,
    privileges: settings.privileges,
    allowedIps: settings.allowedIps,
    deniedIps: settings.deniedIps,
    additionalConfiguration: settings.additionalConfiguration,
    expirationDate: row.expiration_date,
    groupsThatCanView: [...groupsThatCanView],
    groupsThatCanEdit: [...groupsThatCanEdit],
  };
}
