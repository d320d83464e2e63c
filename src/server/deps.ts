/** What the server's routes share: the loaded dataset, the routing engine, storage, the work pool and caches. */

import type {
  EmissionFactors,
  EmissionsModel,
  ExportsDataset,
  Network,
  RoutingEngine,
  ScenarioLibrary,
} from '../core/index.ts';
import type { JobQueue } from './job-runner.ts';
import type { Storage } from './storage/storage.ts';
import type { WorkPool } from './work-pool.ts';

export interface AppDeps {
  network: Network;
  engine: RoutingEngine;
  storage: Storage;
  /** Emissions model the graph was compiled with; scenario networks are compiled with it too. */
  emissions?: EmissionsModel | undefined;
  /** Emission factors for POST /emissions; the endpoint is absent without them. */
  emissionFactors?: EmissionFactors | undefined;
  /** The dataset's own scenarios and demand sets (public). */
  library: ScenarioLibrary;
  /** Kazakhstan's exports dataset (data/exports) for GET /exports; without it the endpoint answers 404. */
  exports?: ExportsDataset | undefined;
  /** Heavy questions run here, off the event loop. */
  work: WorkPool;
  /** Where simulation jobs run: default, this process's work pool; or a queue shared by `keruen worker`s. */
  jobs?: JobQueue | undefined;
  /** Server clock (tests fix it). */
  now: () => Date;
}
