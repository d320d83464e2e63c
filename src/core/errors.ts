/**
 * Typed errors with stable codes (after Fastify's FST_ERR_*): each carries the bad value and where it was found.
 * Callers (CLI, server) map codes to exit codes and HTTP statuses; tests check codes, not wording.
 */

export type ErrorCode =
  | 'KERUEN_INVALID_DATASET'
  | 'KERUEN_UNKNOWN_NODE'
  | 'KERUEN_UNKNOWN_LINK'
  | 'KERUEN_UNKNOWN_ID'
  | 'KERUEN_INVALID_INPUT'
  | 'KERUEN_NO_ROUTE'
  | 'KERUEN_INVALID_SCENARIO';

/** One problem found in input data: which file, which record, which field, which value, and what is wrong. */
export interface Issue {
  code: string;
  file?: string | undefined;
  id?: string | undefined;
  field?: string | undefined;
  value?: unknown;
  message: string;
}

export class KeruenError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, issues: Issue[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'KeruenError';
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

/** Formats an issue as one line: `file: id: field = value: message`. */
export function formatIssue(i: Issue): string {
  const where = [i.file, i.id, i.field].filter((x) => x !== undefined && x !== '').join(': ');
  // NaN and infinities print as themselves (JSON would say null, hiding the very problem being reported).
  const shown = typeof i.value === 'number' && !Number.isFinite(i.value) ? String(i.value) : JSON.stringify(i.value);
  const value = i.value === undefined ? '' : ` = ${truncate(shown)}`;
  return `${where}${value}: ${i.message}`;
}

function truncate(s: string | undefined, n = 80): string {
  if (s === undefined) return 'undefined';
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
