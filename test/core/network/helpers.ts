/** Small helpers to build datasets from inline YAML in tests. */
import type { Issue } from '../../../src/core/errors.ts';
import { type DatasetFile, parseDatasetFiles } from '../../../src/core/network/load.ts';
import { type Network, tryBuildNetwork } from '../../../src/core/network/network.ts';

export const FIXTURE_SOURCES = `
- id: T1
  title: Keruen test fixture
  date: n.d.
`;

/** Two valid nodes a and b (kz-a, kz-b) that tests add links to. */
export const TWO_NODES = `
- id: kz-a
  name: A
  kind: city
  country: KZ
  coords: { lat: 43, lon: 51, source: T1 }
- id: kz-b
  name: B
  kind: city
  country: KZ
  coords: { lat: 44, lon: 52, source: T1 }
`;

/** Parses the files and runs the cross-record checks: every issue, as `keruen network validate` sees them. */
export function check(files: Record<string, string>): { issues: Issue[]; warnings: Issue[]; network?: Network } {
  const list: DatasetFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  const { raw, issues } = parseDatasetFiles(list);
  if (issues.length > 0) return { issues, warnings: [] };
  const r = tryBuildNetwork(raw, { name: 'test', version: '0' });
  return r.network === undefined
    ? { issues: r.issues, warnings: r.warnings }
    : { issues: r.issues, warnings: r.warnings, network: r.network };
}

/** Builds a network from inline YAML, failing the test with the issues when it does not validate. */
export function build(files: Record<string, string>): Network {
  const r = check(files);
  if (r.network === undefined) throw new Error(`fixture does not validate: ${JSON.stringify(r.issues, null, 2)}`);
  return r.network;
}
