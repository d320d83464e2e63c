/** What the server's routes share: the loaded network, the routing engine, storage and optional models. */

import type { EmissionFactors } from '../core/emissions/load-factors.ts';
import type { EmissionsModel } from '../core/network/compile.ts';
import type { Network } from '../core/network/network.ts';
import type { RoutingEngine } from '../core/routing/plan.ts';
import type { Storage } from './storage/storage.ts';

export interface AppDeps {
  network: Network;
  engine: RoutingEngine;
  storage: Storage;
  /** Emissions model the graph was compiled with; scenario networks are compiled with it too. */
  emissions?: EmissionsModel | undefined;
  /** Emission factors for POST /emissions; the endpoint is absent without them. */
  emissionFactors?: EmissionFactors | undefined;
  /** Server clock (tests fix it). */
  now: () => Date;
}
