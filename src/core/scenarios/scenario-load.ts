/**
 * Parses scenario files (data/scenarios/*.yaml: one scenario a file, or a list) into validated scenarios. Pure:
 * it takes file texts, src/io reads the folder. Every problem in every file is collected, like the dataset loader.
 */
import { type Issue, KeruenError } from '../errors.ts';
import { parseYamlText } from '../yaml-records.ts';
import { type Scenario, ScenarioSchema } from './scenario-schema.ts';

export interface TextFile {
  path: string;
  text: string;
}

function valueAt(rec: unknown, path: PropertyKey[]): unknown {
  let v: unknown = rec;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Validates one scenario object (from a file or the API); issues name the file and the field. */
export function parseScenario(rec: unknown, file = 'scenario'): { scenario?: Scenario; issues: Issue[] } {
  const parsed = ScenarioSchema.safeParse(rec);
  const id = typeof rec === 'object' && rec !== null && 'id' in rec ? String((rec as { id: unknown }).id) : undefined;
  if (parsed.success) return { scenario: { ...parsed.data, file }, issues: [] };
  return {
    issues: parsed.error.issues.map((zi) => ({
      code: zi.code === 'custom' ? 'invalid_value' : zi.code,
      file,
      id,
      field: zi.path.map(String).join('.'),
      value: valueAt(rec, zi.path),
      message: zi.message,
    })),
  };
}

export function parseScenarioFiles(files: TextFile[]): { scenarios: Scenario[]; issues: Issue[] } {
  const scenarios: Scenario[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const yaml = parseYamlText(f.path, f.text, issues);
    if (!yaml.ok) continue;
    const data = yaml.data;
    if (data === null || data === undefined) continue;
    for (const rec of Array.isArray(data) ? data : [data]) {
      const r = parseScenario(rec, f.path);
      issues.push(...r.issues);
      if (!r.scenario) continue;
      const prev = seen.get(r.scenario.id);
      if (prev !== undefined) {
        issues.push({
          code: 'duplicate_id',
          file: f.path,
          id: r.scenario.id,
          field: 'id',
          value: r.scenario.id,
          message: `duplicate scenario id (first defined in ${prev})`,
        });
        continue;
      }
      seen.set(r.scenario.id, f.path);
      scenarios.push(r.scenario);
    }
  }
  return { scenarios, issues };
}

/** Returns the scenario with this id; throws KERUEN_UNKNOWN_ID listing the known ids when there is none. */
export function getScenario(scenarios: readonly Scenario[], id: string): Scenario {
  const s = scenarios.find((x) => x.id === id);
  if (!s) {
    throw new KeruenError(
      'KERUEN_UNKNOWN_ID',
      `unknown scenario ${JSON.stringify(id)}; known: baseline, ${scenarios.map((x) => x.id).join(', ')}`,
      [],
      { id },
    );
  }
  return s;
}
