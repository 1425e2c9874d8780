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
