import { browserUseSeverity, utcDateString } from '@keyward/domain';
import { SYSTEM_ACTOR } from '../activities/record-activity.ts';
import { reportExposure, type ExposureDeps } from '../exposure/exposure.service.ts';
import type { CachedKey } from './key-cache.ts';

export type BrowserUseListener = (key: CachedKey, origin: string, now: number) => void;

const MAX_REMEMBERED = 10_000;

/**
 * Suspicious use (PRODUCT.md §3.3): a private key presented from a browser (the call carries an
 * Origin) is flagged as exposed, HIGH. Reported in the background so verification stays fast; at
 * most once per key and UTC day (the reason id makes a repeat a no-op anyway).
 */
export function browserUseReporter(deps: ExposureDeps, log: (line: string) => void): BrowserUseListener {
  const reported = new Set<string>();
  return (key, origin, now) => {
    const severity = browserUseSeverity(key.privacy);
    if (!severity) return;
    const day = utcDateString(now);
    const mark = `${key.id}:${day}`;
    if (reported.has(mark)) return;
    if (reported.size >= MAX_REMEMBERED) reported.clear();
    reported.add(mark);
    const input = {
      severity,
      source: 'AUTOMATED' as const,
      reason: `A private key was presented from a browser (Origin: ${origin.slice(0, 200)}).`,
      url: null,
      reasonId: `browser-use-${day}`,
    };
    // reportExposure announces the change (key-changes.ts): the next verification sees the report.
    reportExposure(deps, key.organizationId, key.id, input, SYSTEM_ACTOR).catch((err: unknown) => {
      reported.delete(mark);
      log(`Could not flag key ${key.id} after browser use: ${err instanceof Error ? err.message : String(err)}`);
    });
  };
}
