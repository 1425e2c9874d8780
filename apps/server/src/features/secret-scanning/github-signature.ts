import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { z } from 'zod';

/** GitHub's format for its secret-scanning public keys (`/meta/public_keys/secret_scanning`). */
const KeyFileSchema = z.object({
  public_keys: z.array(
    z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean().optional() }),
  ),
});
export type GithubKeyFile = z.infer<typeof KeyFileSchema>;

export type SignatureCheck = { ok: true } | { ok: false; status: 400 | 401; detail: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export async function readGithubKeyFile(file: string | undefined): Promise<GithubKeyFile | null> {
  if (!file) return null;
  try {
    const parsed = KeyFileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * ECDSA P-256 / SHA-256 over the raw body: `signature` is the base64 of the DER signature,
 * `keyId` picks the public key (PEM) in GitHub's key file.
 */
export function verifyGithubSignature(
  keys: GithubKeyFile | null,
  keyId: string | undefined,
  signature: string | undefined,
  body: Uint8Array,
): SignatureCheck {
  if (keys === null)
    return {
      ok: false,
      status: 401,
      detail: 'Secret scanning is not configured on this server (KEYWARD_SECRET_SCANNING_KEYS).',
    };
  if (!keyId || !signature) {
    return {
      ok: false,
      status: 401,
      detail: 'Missing Github-Public-Key-Identifier or Github-Public-Key-Signature header.',
    };
  }
  if (!BASE64.test(signature.trim()))
    return { ok: false, status: 400, detail: 'Github-Public-Key-Signature is not base64.' };
  const entry = keys.public_keys.find((k) => k.key_identifier === keyId);
  if (!entry) return { ok: false, status: 401, detail: 'Unknown Github-Public-Key-Identifier.' };
  try {
    const valid = crypto.verify(
      'sha256',
      body,
      { key: entry.key, dsaEncoding: 'der' },
      Buffer.from(signature.trim(), 'base64'),
    );
    return valid ? { ok: true } : { ok: false, status: 401, detail: 'The signature does not match the body.' };
  } catch {
    return { ok: false, status: 401, detail: 'The signature could not be verified with that key.' };
  }
}
