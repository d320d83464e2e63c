/**
 * Bearer-token authentication for writes and for a user's own records. Public network data needs no token. The
 * owner of a request is the token's public id; storage calls take it so one token never reaches another's data.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';
import type { Storage } from './storage/storage.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Id of the verified token, set by requireToken. */
    owner?: string;
  }
}

export function requireToken(storage: Storage) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const h = req.headers.authorization;
    const m = typeof h === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
    if (m === null) {
      await sendError(reply.header('www-authenticate', 'Bearer'), 401, {
        error: 'unauthorized',
        message: 'this endpoint needs an API token: Authorization: Bearer <token> (keruen token create)',
      });
      return reply;
    }
    const info = await storage.verifyToken(m[1]!);
    if (info === undefined) {
      await sendError(reply.header('www-authenticate', 'Bearer error="invalid_token"'), 401, {
        error: 'unauthorized',
        message: 'unknown or revoked API token',
      });
      return reply;
    }
    req.owner = info.id;
  };
}

/** The owner set by requireToken (routes that use it run after the hook). */
export function ownerOf(req: FastifyRequest): string {
  if (req.owner === undefined) throw new Error('route needs the requireToken hook');
  return req.owner;
}
