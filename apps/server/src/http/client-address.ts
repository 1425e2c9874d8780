import type { Context } from 'hono';
import { compileIpRules, ipVerdict, normalizeAddress, type CompiledIpRules } from '@keyward/domain';

type Trust = (address: string) => boolean;
const compiled = new WeakMap<readonly string[], CompiledIpRules>();

function trustOf(trustProxy: readonly string[]): Trust {
  if (trustProxy.length === 0) return () => false;
  let rules = compiled.get(trustProxy);
  if (!rules) {
    rules = compileIpRules({ allowedIps: trustProxy, deniedIps: [] });
    compiled.set(trustProxy, rules);
  }
  const r = rules;
  return (address) => ipVerdict(r, address) === 'ALLOWED';
}

/** The TCP peer, when served by @hono/node-server (absent under app.request in tests). */
export function remoteAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/**
 * The caller's address: the connection's, or, when the connection comes from a trusted proxy
 * (KEYWARD_TRUST_PROXY), the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 */
export function clientAddress(c: Context, trustProxy: readonly string[]): string | null {
  return callerAddress(remoteAddress(c), c.req.header('x-forwarded-for'), trustProxy);
}

/** clientAddress from the parts of a request (the verification fast path reads them off node:http directly). */
export function callerAddress(
  remote: string | null,
  forwardedFor: string | undefined,
  trustProxy: readonly string[],
): string | null {
  if (!remote) return null;
  const trusted = trustOf(trustProxy);
  let address = remote;
  if (trusted(remote)) {
    const hops = (forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      address = hops[i] ?? address;
      if (!trusted(address)) break;
    }
  }
  return normalizeAddress(address) ?? address;
}

/** Whether X-Forwarded-For from this peer is trusted (otherwise the caller's address is the peer's). */
export function isTrustedProxy(remote: string, trustProxy: readonly string[]): boolean {
  return trustOf(trustProxy)(remote);
}

/** https on the connection itself, or X-Forwarded-Proto: https set by a trusted proxy. */
export function isHttps(c: Context, trustProxy: readonly string[]): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const remote = remoteAddress(c);
  if (!remote || !trustOf(trustProxy)(remote)) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
