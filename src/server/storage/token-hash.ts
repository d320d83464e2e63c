/**
 * API tokens: `krn_<id>_<secret>`. The id (12 hex digits) is public and names the owner; the secret is 32 random
 * bytes (256 bits, base64url). Only sha256(salt || secret) is stored, with a 16-byte salt per token. A fast hash
 * is enough here because the secret is random and long, not a password a person chose (the same reasoning as
 * GitHub's and Stripe's API keys); scrypt would cost tens of milliseconds on every write request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_RE = /^krn_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewToken {
  id: string;
  token: string;
  salt: Buffer;
  hash: Buffer;
}

export function hashSecret(salt: Buffer, secret: string): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest();
}

export function newToken(): NewToken {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  return { id, token: `krn_${id}_${secret}`, salt, hash: hashSecret(salt, secret) };
}

/** Splits a token into id and secret; undefined when it is not shaped like one. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const [, id, secret] = TOKEN_RE.exec(token) ?? [];
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}

/** Constant-time comparison of the secret's hash with the stored one. */
export function secretMatches(salt: Buffer, hash: Buffer, secret: string): boolean {
  const h = hashSecret(salt, secret);
  return h.length === hash.length && timingSafeEqual(h, hash);
}
