/**
 * Who is asking, decided once per request before anything else reads it: `identify` (an onRequest hook, so it
 * runs before the body is parsed, validated or rate-limited) verifies a bearer token and sets `req.owner`; the
 * rate limit and the work pool's quotas key on that verified identity, or on the client address without one.
 * `requireToken` then refuses writes and private reads without a valid token: 401 comes before any 400.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';
import type { Storage } from './storage/storage.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Id of the verified token, set by identify. */
    owner?: string;
    /** Set by identify when an Authorization header was sent but holds no valid token. */
    badToken?: 'malformed' | 'invalid';
  }
}

/** The one reader of the Authorization header: the bearer token, or why there is none. */
export function bearerToken(h: string | undefined): { token: string } | { problem: 'missing' | 'malformed' } {
  if (h === undefined || h === '') return { problem: 'missing' };
  const m = /^Bearer +(\S{1,200})\s*$/i.exec(h);
  return m?.[1] === undefined ? { problem: 'malformed' } : { token: m[1] };
}

export function identify(storage: Storage) {
  return async (req: FastifyRequest): Promise<void> => {
    const b = bearerToken(req.headers.authorization);
    if ('problem' in b) {
      if (b.problem === 'malformed') req.badToken = 'malformed';
      return;
    }
    const info = await storage.verifyToken(b.token);
    if (info === undefined) req.badToken = 'invalid';
    else req.owner = info.id;
  };
}

/** The key of a client's rate limit and quotas: its verified token, else its address. */
export function clientOf(req: FastifyRequest): string {
  return req.owner !== undefined ? `token:${req.owner}` : `ip:${req.ip}`;
}

export function refuseBadToken(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply.header('www-authenticate', 'Bearer error="invalid_token"'), 401, {
    error: 'unauthorized',
    message:
      req.badToken === 'malformed'
        ? 'the Authorization header must be "Bearer <token>"'
        : 'unknown or revoked API token',
  });
}

/** onRequest hook of the routes that need a token. */
export async function requireToken(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.owner !== undefined) return;
  if (req.badToken !== undefined) {
    await refuseBadToken(req, reply);
    return;
  }
  await sendError(reply.header('www-authenticate', 'Bearer'), 401, {
    error: 'unauthorized',
    message: 'this endpoint needs an API token: Authorization: Bearer <token> (keruen token create)',
  });
}

/** The owner set by identify (routes behind requireToken). */
export function ownerOf(req: FastifyRequest): string {
  if (req.owner === undefined) throw new Error('route needs the requireToken hook');
  return req.owner;
}
