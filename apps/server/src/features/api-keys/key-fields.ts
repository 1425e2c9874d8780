import { FIELD_PATHS } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/problem.ts';
import type { ApiKeyRow, GrantRow } from './api-key-row.ts';
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
  return {
    displayName: row.display_name,
    description: row.description,
    apiKeyTemplateId: row.template_id,
    privileges: JSON.parse(row.privileges_json) as unknown,
    allowedIps: JSON.parse(row.allowed_ips_json) as unknown,
    deniedIps: JSON.parse(row.denied_ips_json) as unknown,
    additionalConfiguration: JSON.parse(row.additional_configuration_json) as unknown,
    expirationDate: row.expiration_date,
    groupsThatCanView: [...groupsThatCanView],
    groupsThatCanEdit: [...groupsThatCanEdit],
  };
}
