import {
  noticeDeadline,
  noticeTitle,
  timeLeftText,
  type DueNotice,
  type ExposureReport,
  type NoticeId,
} from '@keyward/domain';

/** What a notice says about its key; never the key's value (only the masked form). */
export interface NoticeKey {
  id: string;
  organizationId: string;
  displayName: string;
  maskedValue: string;
  activationDate: number;
  lastUsedDate: number | null;
  expirationDate: number | null;
  exposure: ExposureReport | null;
}

export interface NoticeMailInput {
  notice: DueNotice;
  /** When the mail is written: the time left it states is counted from here. */
  now: number;
  key: NoticeKey;
  organizationName: string;
  publicUrl: string;
}

const KEY_VALUE = /kw(?:pub|prv)_[0-9A-Za-z]{36}/g;

/** Masks anything shaped like a key value (a reason typed by a person might hold one). */
export function redactKeyValues(text: string): string {
  return text.replace(KEY_VALUE, (v) => `${v.slice(0, 6)}${'*'.repeat(32)}${v.slice(-4)}`);
}

/** `2026-03-08 23:59:59 UTC` */
export function formatUtc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC');
}

export function keyPageUrl(publicUrl: string, organizationId: string, keyId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(organizationId)}/api-keys/${encodeURIComponent(keyId)}`;
}

/** Subject and plain-text body of one notice: the organization, the key, what happens and when (UTC), a link. */
export function composeNoticeMail(input: NoticeMailInput): { subject: string; text: string } {
  const { notice, key, organizationName } = input;
  const deadline = noticeDeadline(notice);
  const left = deadline === null ? 'now' : timeLeftText(input.now, deadline);
  const subject = `[Keyward] ${noticeTitle(notice.notice, left)}: "${key.displayName}" (${organizationName})`;
  const lines = [
    `Organization: ${organizationName} (${key.organizationId})`,
    `API key: ${key.displayName} (id ${key.id})`,
    `Key: ${key.maskedValue}`,
    '',
    ...whatHappens(notice, key, left),
    '',
    `Open the key: ${keyPageUrl(input.publicUrl, key.organizationId, key.id)}`,
    '',
    '-- ',
    `Keyward, for the administrators${notice.series === 'exposure' ? ' and the security contact' : ''} of ${organizationName}.`,
  ];
  return { subject: redactKeyValues(subject), text: redactKeyValues(lines.join('\n')) };
}

/** `left`: the time left before the series' event ("in 3 days"), from the clock, not the notice's name. */
function whatHappens(notice: DueNotice, key: NoticeKey, left: string): string[] {
  switch (notice.series) {
    case 'expiration':
      return expirationText(notice.notice, key.expirationDate ?? Number(notice.cycle), left);
    case 'inactivity':
      return inactivityText(notice.notice, Number(notice.cycle), key, left);
    case 'exposure':
      return exposureText(notice, key, left);
  }
}

function expirationText(id: NoticeId, expirationDate: number, left: string): string[] {
  if (id === 'EXPIRED') {
    return [
      `This API key expired on ${formatUtc(expirationDate)}. Every call made with it is now refused, and it can't be reactivated.`,
      'If it is still needed, create a new key from this one (Create from existing) and replace it where it is used.',
    ];
  }
  return [
    `This API key expires on ${formatUtc(expirationDate)} (${left}). After that, every call made with it is refused.`,
    'To keep the services that use it running, create its replacement (Rotate, or Create from existing) and put it in place before then.',
  ];
}

function inactivityText(id: NoticeId, deadline: number, key: NoticeKey, left: string): string[] {
  const since =
    key.lastUsedDate === null
      ? `it was activated on ${formatUtc(key.activationDate)}`
      : `${formatUtc(key.lastUsedDate)}`;
  if (id === 'INACTIVITY_DEACTIVATED') {
    return [
      `This API key was deactivated on ${formatUtc(deadline)} because it had not been used for a year (not used since ${since}).`,
      "It can't be reactivated. If it is still needed, create a new key from this one (Create from existing).",
    ];
  }
  return [
    `This API key has not been used since ${since}. It will be deactivated on ${formatUtc(deadline)} (${left}) unless it is used before then.`,
    'To keep it, open the key and choose Keep active for a year. If it is no longer needed, delete it.',
  ];
}

function exposureText(notice: DueNotice, key: NoticeKey, left: string): string[] {
  const report = key.exposure;
  const severity = report?.severity ?? 'unknown';
  const deadline = noticeDeadline(notice);
  const reasons = (report?.reasons ?? []).map(
    (r) =>
      `- ${r.reason} (${r.source}, severity ${r.severity}${r.url ? `, ${r.url}` : ''}, reported ${formatUtc(r.createdDate)})`,
  );
  const why = reasons.length > 0 ? ['', 'Why it was flagged:', ...reasons] : [];
  const rotate =
    'Rotate the key now: create its replacement with Rotate, update the services that use it, and let the old key be deactivated.';
  switch (notice.notice) {
    case 'EXPOSURE_DEACTIVATED':
      return [
        `This API key was deactivated on ${formatUtc(notice.at)} because it was exposed (severity ${severity}). It can't be reactivated.`,
        ...why,
        '',
        'Create a new key from this one (Create from existing) if it is still needed.',
      ];
    case 'EXPOSURE_FLAGGED':
      return [
        `This API key was flagged as exposed on ${formatUtc(notice.at)} (severity ${severity}).`,
        deadline === null
          ? 'It has no deactivation date: this is a warning.'
          : `It will be deactivated automatically on ${formatUtc(deadline)} (${left}).`,
        ...why,
        '',
        rotate,
        'A security contact can dismiss the report if it is a false alarm.',
      ];
    default:
      return [
        `This exposed API key (severity ${severity}) will be deactivated on ${formatUtc(deadline ?? notice.at)} (${left}).`,
        ...why,
        '',
        rotate,
      ];
  }
}
