/**
 * A masked key (prefix, asterisks, last 4) in a column-friendly width: the run of asterisks is
 * shortened on screen; the full masked value stays in the title.
 */
export function MaskedKey({ value }: { value: string }) {
  const match = /^(kw(?:pub|prv)_)\*+(.{4})$/.exec(value);
  const short = match ? `${match[1]}********${match[2]}` : value;
  return (
    <code className="masked-key" title={value}>
      {short}
    </code>
  );
}
