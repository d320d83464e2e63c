/** Worker thread of a port-simulation job: runs the discrete-event simulation and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { type PortModel, simulatePort } from '../core/reliability/port-queue.ts';

const model = workerData as PortModel;
try {
  const result = simulatePort({ ...model, onProgress: (f) => parentPort?.postMessage({ progress: f }) });
  parentPort?.postMessage({ result });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
