/**
 * Parses one YAML file that holds a list of records, validating each record with a zod schema. Every problem is
 * collected as an Issue (file, record id, field, value, message); valid records come back tagged with their file.
 * Shared by the network, emission-factor and scenario loaders so that all data files report errors alike.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Issue } from './errors.ts';

/** 1-based line of a character offset. */
function lineOf(text: string, pos: number | undefined): number | undefined {
  if (pos === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function valueAt(rec: unknown, path: PropertyKey[]): unknown {
  let v: unknown = rec;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Parses a YAML list of records from `text`; pushes problems to `issues`. A file that is empty yields no records;
 * a file that is not a list, or has a syntax error, yields none and one issue per problem.
 */
export function parseRecordList<T>(
  path: string,
  text: string,
  kind: string,
  schema: z.ZodType<T>,
  issues: Issue[],
): Array<T & { file: string }> {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? lineOf(text, e.pos[0]);
      issues.push({
        code: 'yaml_syntax',
        file: path,
        field: line ? `line ${line}` : undefined,
        message: e.message.split('\n')[0]!,
      });
    }
    return [];
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    issues.push({ code: 'not_a_list', file: path, message: `a ${kind} file holds a YAML list of records` });
    return [];
  }
  const out: Array<T & { file: string }> = [];
  data.forEach((rec: unknown, index: number) => {
    const id =
      typeof rec === 'object' && rec !== null && 'id' in rec ? String((rec as { id: unknown }).id) : `#${index + 1}`;
    const parsed = schema.safeParse(rec);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        issues.push({
          code: zi.code === 'custom' ? 'invalid_value' : zi.code,
          file: path,
          id,
          field: zi.path.map(String).join('.'),
          value: valueAt(rec, zi.path),
          message: zi.message,
        });
      }
      return;
    }
    out.push({ ...(parsed.data as object), file: path } as T & { file: string });
  });
  return out;
}
