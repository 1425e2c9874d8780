/**
 * The key under which names that must be unique (group names in an organization) are compared:
 * two names are "the same" when their keys are equal. Unicode-aware and locale-independent, so it
 * is the same on every database engine (computed here, stored in a column the unique index uses):
 * compatibility normalization (NFKC: "ﬁ" = "fi", full-width "Ａ" = "A", composed = decomposed
 * accents), then full case folding approximated by upper- then lower-casing ("ß" = "SS" = "ss",
 * "Σ"/"σ"/"ς" alike, "Ω" = "ω"), normalized again because case mapping may decompose.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** Blocks of the combining marks that accent Latin, Greek and Cyrillic letters. */
const DIACRITICS: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
/** Diacritics go; so do control characters, which say nothing about order (\u0001 separates the parts). */
const dropped = (cp: number) =>
  cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || DIACRITICS.some(([a, b]) => cp >= a && cp <= b);
/** Code points kept of each part: enough to order any name, short enough for a PostgreSQL index entry. */
const SORT_PART_LENGTH = 128;

const head = (s: string) => [...s].slice(0, SORT_PART_LENGTH).join('');

/**
 * The key the key list sorts names by, so that the order is the same on every database engine:
 * the engines compare it code point by code point (SQLite's BINARY, PostgreSQL's "C"), nothing
 * locale-dependent. First the name without case and without accents ("Émile" as "emile",
 * "ångström" as "angstrom", so they sort among the e's and a's), then, for names equal that way,
 * the case-folded name (nameKey: "eclair" before "éclair"); names equal under both keep the id
 * order. Letters that are not an accented form of another (ø, æ, ł) sort by code point, after z.
 */
export function nameSortKey(name: string): string {
  const folded = nameKey(name);
  const plain = [...folded.normalize('NFKD')]
    .filter((ch) => !dropped(ch.codePointAt(0) ?? 0))
    .join('')
    .normalize('NFC');
  return `${head(plain)}\u0001${head(folded)}`;
}
