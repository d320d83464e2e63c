/**
 * One table from error codes to HTTP statuses, and the error handler that answers every failure with a JSON body
 * naming what was wrong: `{ error, field, value, message }`. Bad input of any kind (malformed JSON, wrong types,
 * unknown ids, oversized bodies) is a 4xx; a 5xx means a fault of the server and is logged with its stack.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, echoValue, KeruenError, valueAt } from '../core/index.ts';
import { WorkRefused } from './work-pool.ts';

/** HTTP status of each KeruenError code. KERUEN_NO_ROUTE never reaches here: a route search answers 200 with noRoute. */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  KERUEN_INVALID_INPUT: 400,
  // A node or link named in a request body or query is a bad field of that request, not a missing resource.
  KERUEN_UNKNOWN_NODE: 400,
  KERUEN_UNKNOWN_LINK: 400,
  KERUEN_UNKNOWN_ID: 400,
  KERUEN_INVALID_SCENARIO: 400,
  KERUEN_NO_ROUTE: 200,
  // The dataset is loaded and checked at start-up; meeting this later is a server fault.
  KERUEN_INVALID_DATASET: 500,
};

export interface ErrorBody {
  error: string;
  message: string;
  field?: string | undefined;
  value?: unknown;
  statusCode: number;
  [k: string]: unknown;
}

export function sendError(reply: FastifyReply, statusCode: number, body: Omit<ErrorBody, 'statusCode'>): FastifyReply {
  return reply.code(statusCode).send({ ...body, statusCode });
}

/** Echoed values are cut short and never serialised whole: a hostile body can be deep or huge. */
const echo = echoValue;

const PART_OF_CONTEXT: Record<string, 'body' | 'query' | 'params' | 'headers'> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = PART_OF_CONTEXT[err.validationContext ?? 'body'] ?? 'body';
    const issues = err.validation.map((v) => {
      // instancePath is `/a/b/0`; keys are strings, array indices work as strings too.
      const path = v.instancePath.split('/').filter((k) => k !== '');
      const field = [part, ...path].join('.');
      const value = echo(valueAt(req[part], path));
      const shown = value === undefined ? '' : ` = ${JSON.stringify(value)}`;
      return { field, value, message: `${field}${shown}: ${v.message}` };
    });
    const first = issues[0] ?? { field: part, value: undefined, message: 'invalid request' };
    return sendError(reply, 400, { error: 'invalid_request', ...first, issues: issues.slice(0, 20) });
  }
  if (err instanceof WorkRefused) {
    return sendError(reply.header('retry-after', String(err.retryAfterS)), err.statusCode, {
      error: err.code,
      message: err.message,
    });
  }
  if (err instanceof KeruenError) {
    const status = STATUS_OF_CODE[err.code] ?? 500;
    if (status >= 500) req.log.error(err);
    const d = err.details;
    const issue = err.issues[0];
    const field = (d.field as string | undefined) ?? issue?.field;
    const value = 'value' in d ? d.value : 'id' in d ? d.id : 'query' in d ? d.query : issue?.value;
    const extra: Record<string, unknown> = {};
    if (d.closest !== undefined) extra.closest = d.closest;
    if (d.candidates !== undefined) extra.candidates = d.candidates;
    return sendError(reply, status, { error: err.code, message: err.message, field, value: echo(value), ...extra });
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx: malformed JSON, empty body, unsupported media type, body too large, rate limit...
    return sendError(reply, status, { error: err.code ?? 'bad_request', message: err.message });
  }
  req.log.error(err);
  return sendError(reply, 500, { error: 'internal_error', message: 'internal server error' });
}
