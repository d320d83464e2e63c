/**
 * Builds small networks in memory for tests: records go through the same zod schemas and reference checks as the
 * shipped data, so defaults and units are applied exactly as for YAML files.
 */

import { stringify } from 'yaml';
import { parseDatasetFiles, type RawDataset } from '../../src/core/network/load.ts';
import { buildNetwork, type Network } from '../../src/core/network/network.ts';

export interface Records {
  nodes: unknown[];
  links: unknown[];
  services?: unknown[];
  rates?: unknown[];
  sources?: unknown[];
}

export const TEST_SOURCE = { id: 'T1', title: 'Test fixture', date: '2026' };

export function networkFrom(r: Records): Network {
  const files = [
    { path: 'sources/t.yaml', text: stringify(r.sources ?? [TEST_SOURCE]) },
    { path: 'nodes/t.yaml', text: stringify(r.nodes) },
    { path: 'links/t.yaml', text: stringify(r.links) },
    { path: 'services/t.yaml', text: stringify(r.services ?? []) },
    { path: 'rates/t.yaml', text: stringify(r.rates ?? []) },
  ];
  const { raw, issues } = parseDatasetFiles(files);
  if (issues.length > 0) throw new Error(`fixture invalid: ${JSON.stringify(issues)}`);
  return buildNetwork(raw as RawDataset, { name: 'test', version: '0' });
}

/** A node record with sensible defaults. */
export function node(id: string, country: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: id, kind: 'junction', country, coords: { lat: 40, lon: 50, source: 'T1' }, ...extra };
}

export const fig = (value: number) => ({ value, source: 'T1' });
export const fixedH = (value: number) => ({ dist: 'fixed', value, unit: 'h', source: 'T1' });
