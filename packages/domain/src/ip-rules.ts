import ipaddr from 'ipaddr.js';
import { NON_PUBLIC_RANGES, type IpRange, overlappingNonPublic, parseRange } from './ip-ranges.ts';

export type IpEntryReason = 'INVALID' | 'SPACES' | 'HOST_BITS_SET' | 'NON_PUBLIC';
export type IpEntryResult = { ok: true; value: string } | { ok: false; reason: IpEntryReason; message: string };

export { NON_PUBLIC_RANGES };

/** Canonical text: dotted IPv4 or RFC 5952 IPv6, `/prefix` only when narrower than one address. */
export function formatRange(range: IpRange): string {
  const text = range.addr.kind() === 'ipv4' ? range.addr.toString() : (range.addr as ipaddr.IPv6).toRFC5952String();
  return range.prefix === range.bits ? text : `${text}/${range.prefix}`;
}

/**
 * One entry of `allowedIps`/`deniedIps`: an address (= /32 or /128) or a CIDR range, no spaces,
 * no host bits, and (unless allowPrivate) not overlapping any non-public range.
 * `::ffff:a.b.c.d[/96+n]` is treated as the IPv4 `a.b.c.d[/n]`.
 */
export function parseIpEntry(text: string, options: { allowPrivate: boolean }): IpEntryResult {
  if (typeof text !== 'string') return invalid(String(text));
  if (/\s/.test(text)) return { ok: false, reason: 'SPACES', message: `"${text.trim()}" must not contain spaces.` };
  const parsed = parseRange(text);
  if (!parsed) return invalid(text);
  if (parsed.hostBitsSet) {
    const network = formatRange({ ...parsed, addr: parsed.network });
    return {
      ok: false,
      reason: 'HOST_BITS_SET',
      message: `"${text}" has bits set after the /${parsed.prefix} prefix; did you mean "${network}"?`,
    };
  }
  const clash = options.allowPrivate ? undefined : overlappingNonPublic(parsed);
  if (clash) {
    return {
      ok: false,
      reason: 'NON_PUBLIC',
      message: `"${text}" overlaps ${clash.cidr} (${clash.label}); private and reserved ranges can't be used for API keys.`,
    };
  }
  return { ok: true, value: formatRange(parsed) };
}

function invalid(text: string): IpEntryResult {
  return { ok: false, reason: 'INVALID', message: `"${text}" is not an IPv4 or IPv6 address or CIDR range.` };
}

export const MAX_IP_ENTRIES = 500;

export type IpListError = { path: string; index: number | null; rule: IpEntryReason | 'MAX_ENTRIES'; message: string };
export type IpListResult = { ok: true; value: string[] } | { ok: false; errors: IpListError[] };

/** Validates every entry (errors carry `${field}[i]`); on success, canonical and de-duplicated. */
export function validateIpList(
  list: readonly string[],
  options: { allowPrivate: boolean; field: string },
): IpListResult {
  const errors: IpListError[] = [];
  if (list.length > MAX_IP_ENTRIES) {
    const message = `At most ${MAX_IP_ENTRIES} entries are allowed.`;
    errors.push({ path: options.field, index: null, rule: 'MAX_ENTRIES', message });
  }
  const value: string[] = [];
  list.forEach((entry, index) => {
    const result = parseIpEntry(entry, options);
    if (!result.ok)
      errors.push({ path: `${options.field}[${index}]`, index, rule: result.reason, message: result.message });
    else if (!value.includes(result.value)) value.push(result.value);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

type V4Rule = { net: number; mask: number };
type RuleSet = { v4: V4Rule[]; v6: IpRange[] };

export type CompiledIpRules = {
  readonly unrestricted: boolean;
  readonly hasAllowed: boolean;
  readonly allowed: RuleSet;
  readonly denied: RuleSet;
};

function v4Int(addr: ipaddr.IPv4): number {
  const [a = 0, b = 0, c = 0, d = 0] = addr.octets;
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
}

function compileSet(entries: readonly string[]): RuleSet {
  const set: RuleSet = { v4: [], v6: [] };
  for (const entry of entries) {
    const range = parseRange(entry);
    if (!range) continue; // an unparsable entry matches nothing
    if (range.addr.kind() === 'ipv4') {
      const mask = maskOf(range.prefix);
      set.v4.push({ net: (v4Int(range.addr as ipaddr.IPv4) & mask) >>> 0, mask });
    } else set.v6.push(range);
  }
  return set;
}

/**
 * Precompiles a key's IP lists. An allowed list whose entries are all unparsable still counts as
 * non-empty, so it denies everyone rather than silently allowing everyone.
 */
export function compileIpRules(lists: {
  allowedIps: readonly string[];
  deniedIps: readonly string[];
}): CompiledIpRules {
  return {
    unrestricted: lists.allowedIps.length === 0 && lists.deniedIps.length === 0,
    hasAllowed: lists.allowedIps.length > 0,
    allowed: compileSet(lists.allowedIps),
    denied: compileSet(lists.deniedIps),
  };
}

/** Parses a caller address (IPv4-mapped IPv6 becomes IPv4; a zone id is ignored); null if garbage. */
export function parseCallerAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (typeof address !== 'string') return null;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return ipaddr.IPv4.parse(address);
  if (!address.includes(':') || !ipaddr.IPv6.isValid(address)) return null;
  const v6 = ipaddr.IPv6.parse(address);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** Canonical text of a caller address (for "last used IP"); null if garbage. */
export function normalizeAddress(address: string): string | null {
  const addr = parseCallerAddress(address);
  if (!addr) return null;
  return addr.kind() === 'ipv4' ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
}

function matches(set: RuleSet, addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (addr.kind() === 'ipv4') {
    const ip = v4Int(addr as ipaddr.IPv4);
    return set.v4.some((r) => (ip & r.mask) >>> 0 === r.net);
  }
  return set.v6.some((r) => addr.match(r.addr, r.prefix));
}

/**
 * DENIED when the address matches deniedIps, or allowedIps is non-empty and it matches none.
 * A key without any IP rule allows every caller, even one whose address is unknown; with rules,
 * an unparsable address is DENIED.
 */
export function ipVerdict(compiled: CompiledIpRules, address: string): 'ALLOWED' | 'DENIED' {
  if (compiled.unrestricted) return 'ALLOWED';
  const addr = parseCallerAddress(address);
  if (!addr) return 'DENIED';
  if (matches(compiled.denied, addr)) return 'DENIED';
  if (compiled.hasAllowed && !matches(compiled.allowed, addr)) return 'DENIED';
  return 'ALLOWED';
}
