/**
 * Parsing a request outside the HTTP layer (the CLI, the worker protocol, stored records): the schema's issues
 * become one KeruenError whose message names each field, the value given and the bound it breaks.
 */
import type { z } from 'zod';
import { type ErrorCode, type Issue, KeruenError } from '../errors.ts';

/** The value at a path inside the input (for naming the bad value). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Keeps an echoed value small: long strings and big or deep objects are cut, never fully serialised. */
export function echoValue(v: unknown): unknown {
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 199)}…` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v !== null && typeof v === 'object') return Array.isArray(v) ? `[array of ${v.length}]` : '[object]';
  return v;
}

/** Issues of a failed parse, each with its dotted field (prefixed), its value and the schema's message. */
export function issuesOf(error: z.ZodError, input: unknown, prefix = ''): Issue[] {
  return error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter((x) => x !== '').join('.');
    const value = 'input' in i && i.input !== undefined ? i.input : valueAt(input, i.path);
    return { code: 'invalid_input', field, value: echoValue(value), message: i.message };
  });
}

/** Parses `input` with `schema`, or throws a KeruenError listing every problem (first one in the message). */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  input: unknown,
  opts: { prefix?: string; code?: ErrorCode; what?: string; label?: (field: string) => string } = {},
): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const label = opts.label ?? ((f: string) => f);
  const issues = issuesOf(r.error, input, opts.prefix).map((i) => ({ ...i, field: label(i.field ?? '') }));
  const first = issues[0] as Issue;
  const shown = first.value === undefined ? '' : ` = ${JSON.stringify(first.value)}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
  throw new KeruenError(
    opts.code ?? 'KERUEN_INVALID_INPUT',
    `${opts.what === undefined ? '' : `${opts.what}: `}${first.field}${shown}: ${first.message}${more}`,
    issues,
    { field: first.field, value: first.value },
  );
}
