/**
 * Loads everything a front end (CLI, server) needs once: the validated network from a dataset folder, the
 * compiled graph with emissions, and the routing engine.
 */
import type { EmissionsModel } from '../core/network/compile.ts';
import { type CompiledGraph, compileNetwork } from '../core/network/compile.ts';
import type { Network } from '../core/network/network.ts';
import { RoutingEngine } from '../core/routing/plan.ts';
import { DEFAULT_DATA_DIR, loadNetwork } from './dataset-dir.ts';

export interface KeruenContext {
  dataDir: string;
  network: Network;
  graph: CompiledGraph;
  engine: RoutingEngine;
  emissions: EmissionsModel | undefined;
}

/** Emissions model provider, set by the emissions module's loader when it is available. */
export type EmissionsProvider = (dataDir: string, network: Network) => EmissionsModel | undefined;
let provider: EmissionsProvider | undefined;
export function setEmissionsProvider(p: EmissionsProvider): void {
  provider = p;
}

export function loadContext(dataDir: string = DEFAULT_DATA_DIR): KeruenContext {
  const network = loadNetwork(dataDir);
  const emissions = provider?.(dataDir, network);
  const graph = compileNetwork(network, { emissions });
  return { dataDir, network, graph, engine: new RoutingEngine(network, graph), emissions };
}
