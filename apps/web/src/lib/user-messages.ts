import { findCatalogEntry, NEVER, PRIVILEGE_OWNERS, privilegeLevelLabel, type Privilege } from '@keyward/domain';

/**
 * The one place where the server's and the domain's words become the user's: rule codes get the
 * console's own sentences, privilege ids (`SEARCH_API/VIEW_ALL_CONTENT`) become the names the
 * console shows, `NEVER` becomes Never, and nothing mentions headers or tokens.
 */

const OWNERS = PRIVILEGE_OWNERS.join('|');
const PRIVILEGE_ID = new RegExp(`\\b(${OWNERS})/([A-Z_]+)(?::(VIEW|EDIT|CREATE))?\\b`, 'g');

/** `SEARCH_API/VIEW_ALL_CONTENT` → "Search - View all content"; with a type, "Sources: View all". */
export function privilegeText(p: Pick<Privilege, 'owner' | 'targetDomain' | 'type'>): string {
  const label = findCatalogEntry(p)?.label;
  if (!label) return 'an unknown privilege';
  return p.type ? `${label}: ${privilegeLevelLabel(p)}` : label;
}

/** Rewrites any developer token left in a sentence into the console's words. */
export function plainWords(text: string): string {
  return text
    .replace(PRIVILEGE_ID, (_match, owner: Privilege['owner'], targetDomain: string, type?: Privilege['type']) =>
      privilegeText({ owner, targetDomain, ...(type ? { type } : {}) }),
    )
    .replace(new RegExp(`\\b${NEVER}\\b`, 'g'), 'Never')
    .replace(/\s*(?:or send )?Authorization: Bearer <?token>?\.?/gi, '.')
    .replace(/\b(lifetimeDuration|expirationDate)\b/g, 'expiration date')
    .replace(/\.\./g, '.');
}

export interface RuleProblem {
  rule?: string | undefined;
  path?: string | undefined;
  message: string;
}

/** The console's sentence for a broken rule of the domain (by its code), else the rule's own message in plain words. */
export function ruleMessage(problem: RuleProblem): string {
  switch (problem.rule) {
    case 'EXPIRATION_REQUIRED':
      if (/never/i.test(problem.message) && !/can't be set to never/i.test(problem.message))
        return 'Choose an expiration date, or Never.';
      return plainWords(problem.message);
    case 'SEARCH_HUB_REQUIRED':
      return /especially potent/.test(problem.message)
        ? 'Enter a search hub: the privileges chosen are especially potent.'
        : plainWords(problem.message);
    case 'EXPIRATION_CONFLICT':
      return 'Choose either an expiration date or Never, not both.';
    case 'INVALID_DURATION':
      return 'The expiration is not a valid period.';
    default:
      return plainWords(problem.message);
  }
}

/** "15 minutes", "1 minute", "30 seconds": how long a lockout lasts. */
export function durationText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}

export interface ProblemLike {
  status: number;
  message: string;
  retryAfterS?: number | undefined;
}

/** What to tell a person about a failed request, by its status. */
export function problemMessage(problem: ProblemLike): string {
  switch (problem.status) {
    case 401:
      return 'Your session has ended. Log in again to continue.';
    case 429:
      return problem.retryAfterS
        ? `Too many attempts. Try again in ${durationText(problem.retryAfterS)}.`
        : 'Too many attempts. Try again in a few minutes.';
    case 413:
      return 'That is too much to send at once.';
    default:
      return plainWords(problem.message);
  }
}
