import type { SecretScanningMatch, SecretScanningResult } from '@keyward/contract';
import { leakSeverity, parseKeyValue } from '@keyward/domain';
import { sha256Hex } from '../../crypto/tokens.ts';
import { SYSTEM_ACTOR } from '../activities/record-activity.ts';
import { findKeyByValueHash } from '../exposure/exposure.repository.ts';
import { reportExposure, type ExposureDeps } from '../exposure/exposure.service.ts';

/**
 * GitHub's verdict request: each token that is a Keyward key (checksum ok) that exists is a true
 * positive and opens (or adds to) the key's exposure report: a private key HIGH, a public one WARN.
 * Anything else is a false positive. A retried call adds nothing (same reason id).
 */
export async function triageGithubMatches(
  deps: ExposureDeps,
  matches: readonly SecretScanningMatch[],
): Promise<SecretScanningResult[]> {
  const results: SecretScanningResult[] = [];
  for (const match of matches) {
    results.push({
      token_raw: match.token,
      token_type: match.type,
      label: (await isKnownKey(deps, match)) ? 'true_positive' : 'false_positive',
    });
  }
  return results;
}

async function isKnownKey(deps: ExposureDeps, match: SecretScanningMatch): Promise<boolean> {
  const parsed = parseKeyValue(match.token);
  if (!parsed.ok) return false;
  const row = await findKeyByValueHash(deps.db, sha256Hex(match.token));
  if (!row) return false;
  const where = [match.type, match.source].filter(Boolean).join(', ');
  await reportExposure(
    deps,
    row.organization_id,
    row.id,
    {
      severity: leakSeverity(parsed.privacy),
      reason: `Found by GitHub secret scanning${where ? ` (${where})` : ''}.`,
      source: 'GITHUB',
      url: match.url || null,
      reasonId: `github-${sha256Hex(`${row.id}\n${match.url}\n${match.source}`).slice(0, 24)}`,
    },
    SYSTEM_ACTOR,
  );
  return true;
}
