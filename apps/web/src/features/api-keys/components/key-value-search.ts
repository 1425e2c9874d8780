import { looksLikeKeyValue, parseKeyValue } from '@keyward/domain';

export type SearchText =
  | { kind: 'text'; text: string }
  /** A full key value (format and checksum): looked up, never put in the URL. */
  | { kind: 'value'; value: string }
  /** Starts like a key value but is not one (incomplete, or a typo): kept out of the URL too. */
  | { kind: 'partial-value' };

/** What the search box holds: a text to search, or a pasted key value (a masked value is text). */
export function classifySearch(input: string): SearchText {
  const text = input.trim();
  if (!looksLikeKeyValue(text) || text.includes('*')) return { kind: 'text', text };
  return parseKeyValue(text).ok ? { kind: 'value', value: text } : { kind: 'partial-value' };
}
