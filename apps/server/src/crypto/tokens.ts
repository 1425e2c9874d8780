import crypto from 'node:crypto';

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function randomBytes(n: number): Uint8Array {
  return crypto.randomBytes(n);
}
