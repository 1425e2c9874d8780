import type { TriggeredBy } from '@keyward/contract';
import {
  keyIdFrom,
  mergeExposure,
  statusOf,
  type ExposureReport,
  type ExposureSource,
  type Severity,
} from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { randomBytes } from '../../crypto/tokens.ts';
import { AppError } from '../../http/problem.ts';
import { advanceKeys } from '../lifecycle/advance-keys.ts';
import { recordActivity } from '../activities/record-activity.ts';
import { factsOf, resourceStateOf, type ApiKeyRow } from '../api-keys/api-key-row.ts';
import { findKey } from '../api-keys/api-keys.repository.ts';
import { notFound } from '../api-keys/api-key-access.ts';
import { noticeContextOf } from '../notifications/notice-queue.service.ts';
import { redactKeyValues } from '../notifications/notice-mail.ts';
import { clearExposure, writeExposure } from './exposure.repository.ts';
import { exposureFrom } from '../../db/json-columns.ts';
import type { KeyChanges } from '../../db/key-changes.ts';

/** What reporting an exposure reads: the database, the time, and what the notices it queues need. */
export interface ExposureDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
  mailer: Mailer | null;
  /** Announces the key changed, after commit (verification forgets it). */
  keyChanges: KeyChanges;
}

export interface ExposureInput {
  severity: Severity;
  reason: string;
  source: ExposureSource;
  url: string | null;
  /** Same id, same reason: a repeated report (a retried GitHub call) changes nothing. */
  reasonId?: string;
}

const summaryOf = (report: ExposureReport | null) =>
  report === null ? null : { severity: report.severity, deactivationDate: report.deactivationDate };

/**
 * Adds a reason to a key's exposure report (PRODUCT.md §3.3), in one transaction with its activity,
 * the immediate deactivation of a CRITICAL report and the "flagged" notice. Answers the key as stored.
 */
export async function reportExposure(
  deps: ExposureDeps,
  organizationId: string,
  keyId: string,
  input: ExposureInput,
  actor: TriggeredBy,
): Promise<ApiKeyRow> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await requireKey(trx, organizationId, keyId);
    const existing = exposureFrom(row);
    const reason = {
      id: input.reasonId ?? keyIdFrom(randomBytes),
      reason: redactKeyValues(input.reason),
      source: input.source,
      url: input.url === null ? null : redactKeyValues(input.url),
      severity: input.severity,
      createdDate: now,
    };
    const report = mergeExposure(existing, reason, now);
    if (report === existing) return row;
    await writeExposure(trx, row.id, report, now);
    const stored = await requireKey(trx, organizationId, keyId);
    await recordActivity(trx, {
      organizationId,
      operation: 'EXPOSE',
      triggeredBy: actor,
      resourceId: row.id,
      resourceName: row.display_name,
      state: resourceStateOf(stored, now),
      before: { exposureReport: summaryOf(existing) },
      after: { exposureReport: summaryOf(report) },
      details: {
        reason: {
          id: reason.id,
          reason: reason.reason,
          source: reason.source,
          url: reason.url,
          severity: reason.severity,
        },
      },
      now,
    });
    await advanceKeys(trx, [row.id], noticeContextOf(deps, now));
    return requireKey(trx, organizationId, keyId);
  });
  deps.keyChanges.publish([keyId]);
  return result;
}

/** Dismisses a key's report: only while the key is still usable (409 otherwise, or when it has none). */
export async function dismissExposure(
  deps: ExposureDeps,
  organizationId: string,
  keyId: string,
  actor: TriggeredBy,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await requireKey(trx, organizationId, keyId);
    const existing = exposureFrom(row);
    if (existing === null)
      throw new AppError(
        'CONFLICT',
        `The API key "${keyId}" is not flagged as exposed: there is no report to dismiss.`,
      );
    if (!statusOf(factsOf(row), now).usable) {
      throw new AppError(
        'CONFLICT',
        `The API key "${keyId}" is no longer active: an exposure report can only be dismissed while the key is active.`,
      );
    }
    if (!(await clearExposure(trx, row.id, now)))
      throw new AppError('CONFLICT', `The API key "${keyId}" is not flagged as exposed.`);
    await recordActivity(trx, {
      organizationId,
      operation: 'DISMISS_EXPOSURE',
      triggeredBy: actor,
      resourceId: row.id,
      resourceName: row.display_name,
      state: 'ENABLED',
      before: { exposureReport: summaryOf(existing) },
      after: { exposureReport: null },
      now,
    });
  });
  deps.keyChanges.publish([keyId]);
}

async function requireKey(db: Db, organizationId: string, keyId: string): Promise<ApiKeyRow> {
  const row = await findKey(db, organizationId, keyId);
  if (!row) throw notFound(keyId);
  return row;
}
