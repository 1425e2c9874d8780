import type { ExposureReport } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import type { ApiKeyRow } from '../api-keys/api-key-row.ts';

/** Stores (or clears, with null) a key's exposure report and its deadline together. */
export async function writeExposure(db: Db, id: string, report: ExposureReport | null, now: number): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({
      exposure_json: report === null ? null : JSON.stringify(report),
      exposure_deactivation_date: report?.deactivationDate ?? null,
      updated_date: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Clears a report only if the key still has one; false when it had none. */
export async function clearExposure(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ exposure_json: null, exposure_deactivation_date: null, updated_date: now })
    .where('id', '=', id)
    .where('exposure_json', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findKeyByValueHash(db: Db, valueHash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('value_hash', '=', valueHash).executeTakeFirst();
}
