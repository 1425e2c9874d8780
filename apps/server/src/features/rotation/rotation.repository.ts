import type { Db } from '../../db/database.ts';

/**
 * Links the old key to its replacement and schedules its deactivation at the end of the grace
 * period; a period of zero deactivates it now. Conditional: false when the key was rotated or
 * deactivated meanwhile.
 */
export async function scheduleRotation(
  db: Db,
  oldId: string,
  newId: string,
  end: number,
  now: number,
): Promise<boolean> {
  const immediate = end <= now;
  const result = await db
    .updateTable('api_keys')
    .set({
      rotated_to_key_id: newId,
      scheduled_deactivation_date: end,
      updated_date: now,
      ...(immediate ? { enabled: 0, disabled_reason: 'ROTATED', disabled_date: now } : {}),
    })
    .where('id', '=', oldId)
    .where('enabled', '=', 1)
    .where('rotated_to_key_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
