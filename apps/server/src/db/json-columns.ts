import type { ExposureReport, Privilege } from '@keyward/domain';

// The JSON columns (privileges_json, the IP lists...) are written by JSON.stringify of values the
// domain validated; reading one back is spelled here once.

/** A privileges_json column (of api_keys or groups). */
export function privilegesFrom(json: string): Privilege[] {
  return JSON.parse(json) as Privilege[];
}

/** A JSON list of strings (allowed_ips_json, denied_ips_json, to_json). */
export function stringsFrom(json: string): string[] {
  return JSON.parse(json) as string[];
}

/**
 * A key's exposure report (exposure_json), with its deadline from exposure_deactivation_date: that
 * column is authoritative, being what the list filters and the jobs read.
 */
export function exposureFrom(row: {
  exposure_json: string | null;
  exposure_deactivation_date: number | null;
}): ExposureReport | null {
  if (row.exposure_json === null) return null;
  return { ...(JSON.parse(row.exposure_json) as ExposureReport), deactivationDate: row.exposure_deactivation_date };
}
