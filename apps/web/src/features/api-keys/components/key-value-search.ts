import { KEY_LENGTH, looksLikeKeyValue, parseKeyValue } from '@keyward/domain';

export type SearchText =
  | { kind: 'text'; text: string }
  /** A full key value (format and checksum): looked up, never put in the URL. */
  | { kind: 'value'; value: string }
  /** Starts like a key value but is not one: kept out of the URL too. `incomplete`: too short. */
  | { kind: 'partial-value'; incomplete: boolean };

/** What the search box holds: a text to search, or a pasted key value (a masked value is text). */
export function classifySearch(input: string): SearchText {
  const text = input.trim();
  if (!looksLikeKeyValue(text) || text.includes('*')) return { kind: 'text', text };
  const check = parseKeyValue(text);
  return check.ok
    ? { kind: 'value', value: text }
    : { kind: 'partial-value', incomplete: check.reason === 'LENGTH' && text.length < KEY_LENGTH };
}
