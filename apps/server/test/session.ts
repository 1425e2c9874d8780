import { generateKeyValue, keyIdFrom, keyValueParts, nameSortKey, type Privilege } from '@keyward/domain';
import { randomBytes, sha256Hex } from '../src/crypto/tokens.ts';
import { ORG, type TestContext } from './harness.ts';

/** POST /rest/auth/login with a JSON body; `env` stands for @hono/node-server's bindings (the socket). */
export function postLogin(
  ctx: TestContext,
  body: unknown,
  opts: { url?: string; headers?: Record<string, string>; remoteAddress?: string } = {},
) {
  const env = opts.remoteAddress ? { incoming: { socket: { remoteAddress: opts.remoteAddress } } } : undefined;
  return ctx.app.request(
    opts.url ?? '/rest/auth/login',
    { method: 'POST', headers: { 'content-type': 'application/json', ...opts.headers }, body: JSON.stringify(body) },
    env,
  );
}

/** The value of the kw_session cookie set by a response. */
export function sessionCookieOf(res: Response): string | undefined {
  return /kw_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
}

/** Stores an enabled API key directly (the api-keys feature is not needed here); returns its value. */
export async function insertApiKey(
  ctx: TestContext,
  opts: { privileges?: Privilege[]; org?: string } = {},
): Promise<string> {
  const value = generateKeyValue('PRIVATE', randomBytes);
  const { prefix, last4 } = keyValueParts(value);
  const now = ctx.clock.now();
  await ctx.db.db
    .insertInto('api_keys')
    .values({
      id: keyIdFrom(randomBytes),
      organization_id: opts.org ?? ORG,
      display_name: 'Test key',
      name_sort: nameSortKey('Test key'),
      description: '',
      value_hash: sha256Hex(value),
      value_prefix: prefix,
      value_last4: last4,
      template_id: 'custom',
      privacy_level: 'PRIVATE',
      privileges_json: JSON.stringify(opts.privileges ?? []),
      allowed_ips_json: '[]',
      denied_ips_json: '[]',
      additional_configuration_json: '{}',
      enabled: 1,
      disabled_reason: null,
      disabled_date: null,
      created_by: 'test',
      created_date: now,
      activation_date: now,
      last_used_date: null,
      last_used_ip: null,
      expiration_date: null,
      inactivity_deadline: now + 365 * 86_400_000,
      scheduled_deactivation_date: null,
      rotated_to_key_id: null,
      exposure_json: null,
      exposure_deactivation_date: null,
      updated_date: now,
    })
    .execute();
  return value;
}

/** A response body, loosely typed: the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const bodyOf = async (res: Response): Promise<Json> => res.json();
