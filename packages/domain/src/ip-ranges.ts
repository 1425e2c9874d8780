import ipaddr from 'ipaddr.js';

export type IpRange = {
  /** The address as written (IPv4 when it was IPv4-mapped). */
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  /** The address with the host bits cleared. */
  network: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
  /** 32 or 128. */
  bits: number;
  hostBitsSet: boolean;
};

const PREFIX = /^(0|[1-9]\d{0,2})$/;

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!text.includes(':')) return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
  if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return null;
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(tail)) return null; // no hex/octal IPv4 parts
  return ipaddr.IPv6.parse(text);
}

function networkOf(addr: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = addr.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  return ipaddr.fromByteArray(bytes);
}

/** Strict parse of `address[/prefix]` (four-part decimal IPv4, IPv6 without zone id); null if invalid. */
export function parseRange(text: string): IpRange | null {
  const parts = text.split('/');
  if (parts.length > 2 || parts[0] === undefined) return null;
  let addr = parseAddress(parts[0]);
  if (!addr) return null;
  let bits = addr.kind() === 'ipv4' ? 32 : 128;
  const prefixText = parts[1];
  if (prefixText !== undefined && !PREFIX.test(prefixText)) return null;
  let prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
    prefix -= 96;
    bits = 32;
  }
  const network = networkOf(addr, prefix);
  const hostBitsSet = network.toNormalizedString() !== addr.toNormalizedString();
  return { addr, network, prefix, bits, hostBitsSet };
}

export type NonPublicRange = { cidr: string; label: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

const NON_PUBLIC: readonly (readonly [string, string])[] = [
  ['0.0.0.0/8', '"this" network'],
  ['10.0.0.0/8', 'private network, RFC 1918'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private network, RFC 1918'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.168.0.0/16', 'private network, RFC 1918'],
  ['198.18.0.0/15', 'benchmarking'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved, including broadcast'],
  ['::/128', 'unspecified address'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'IPv4-mapped space'],
  ['100::/64', 'discard-only'],
  ['fc00::/7', 'unique local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local (deprecated)'],
  ['ff00::/8', 'multicast'],
];

export const NON_PUBLIC_RANGES: readonly NonPublicRange[] = NON_PUBLIC.map(([cidr, label]) => ({
  cidr,
  label,
  range: ipaddr.parseCIDR(cidr),
}));

/** Two prefixes overlap iff they agree on the shorter prefix's bits. */
export function overlappingNonPublic(range: IpRange): NonPublicRange | undefined {
  return NON_PUBLIC_RANGES.find(({ range: [net, len] }) => {
    if (net.kind() !== range.network.kind()) return false;
    return range.network.match(net, Math.min(len, range.prefix));
  });
}
