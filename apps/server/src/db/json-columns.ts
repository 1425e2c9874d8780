import type { Privilege } from '@keyward/domain';

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
