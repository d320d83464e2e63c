/**
 * Parses one YAML file that holds a list of records, validating each record with a zod schema. Every problem is
 * collected as an Issue (file, record id, field, value, message); valid records come back tagged with their file.
 * Shared by the network, emission-factor, scenario and demand loaders so that all data files report errors alike.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Issue } from './errors.ts';

/** True when a text holds nothing but blank lines and comments (no YAML document). */
export function isBlankYaml(text: string): boolean {
  return text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l));
}

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

/** Parsed YAML, or `ok: false` when the text gave problems (already pushed). */
export type YamlParse = { ok: true; data: unknown } | { ok: false };

/**
 * Parses one YAML document from `text`, pushing one issue per problem, each naming `path`: every syntax error
 * (with its line), an alias bomb (the library stops expanding after 100 aliases and throws; caught here so the
 * file is named), and a file that holds no YAML document at all (empty, blank or only comments) unless
 * `allowEmpty` (then `data` is null).
 */
export function parseYamlText(
  path: string,
  text: string,
  issues: Issue[],
  opts: { allowEmpty?: boolean } = {},
): YamlParse {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? lineOf(text, e.pos[0]);
      issues.push({
        code: 'yaml_syntax',
        file: path,
        field: line ? `line ${line}` : undefined,
        message: e.message.split('\n')[0] ?? e.message,
      });
    }
    return { ok: false };
  }
  if (doc.contents === null) {
    if (opts.allowEmpty) return { ok: true, data: null };
    issues.push({
      code: 'empty_file',
      file: path,
      message: 'the file holds no YAML document (empty or only comments)',
    });
    return { ok: false };
  }
  try {
    return { ok: true, data: doc.toJS() };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const bomb = /alias/i.test(why);
    issues.push({
      code: bomb ? 'yaml_alias_limit' : 'yaml_syntax',
      file: path,
      message: bomb ? `too many YAML aliases: ${why}` : why,
    });
    return { ok: false };
  }
}

/**
 * Parses a YAML list of records from `text`; pushes problems to `issues`. A file that is empty (or only comments:
 * a placeholder) yields no records; a file that is not a list, or has a syntax error, yields none and one issue
 * per problem.
 */
export function parseRecordList<T>(
  path: string,
  text: string,
  kind: string,
  schema: z.ZodType<T>,
  issues: Issue[],
): Array<T & { file: string }> {
  const yaml = parseYamlText(path, text, issues, { allowEmpty: true });
  if (!yaml.ok) return [];
  const data = yaml.data;
  if (data === null) return [];
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
