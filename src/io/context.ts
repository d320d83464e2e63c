/**
 * Loads everything a front end (CLI, server) needs once: the validated network from a dataset folder, the
 * emission factors, the compiled graph with CO2e per edge, and the routing engine.
 */
import { join } from 'node:path';
import type { EmissionFactors, EmissionsModel, Network } from '../core/index.ts';
import { type CompiledGraph, compileNetwork, createEmissionsModel, RoutingEngine } from '../core/index.ts';
import { loadEmissionFactorsCached, loadNetworkCached } from './cached-dataset.ts';
import { DEFAULT_DATA_DIR, loadNetwork } from './dataset-dir.ts';
import { defaultSnapshotOptions } from './dataset-snapshot.ts';
import { loadEmissionFactorsDir } from './emission-factors.ts';

export interface KeruenContext {
  dataDir: string;
  network: Network;
  factors: EmissionFactors;
  /** The model the graph was compiled with; scenario networks are compiled with it too. */
  emissions: EmissionsModel;
  graph: CompiledGraph;
  engine: RoutingEngine;
}

export function loadContext(dataDir: string = DEFAULT_DATA_DIR): KeruenContext {
  // the compiled CLI reads the validated dataset from a snapshot keyed by the files' content (dataset-snapshot.ts)
  const snapshot = defaultSnapshotOptions();
  const network = snapshot ? loadNetworkCached(dataDir, snapshot) : loadNetwork(dataDir);
  const factors = snapshot
    ? loadEmissionFactorsCached(dataDir, snapshot)
    : loadEmissionFactorsDir(join(dataDir, 'emissions'));
  const emissions = createEmissionsModel(factors);
  const graph = compileNetwork(network, { emissions });
  return { dataDir, network, factors, emissions, graph, engine: new RoutingEngine(network, graph) };
}
