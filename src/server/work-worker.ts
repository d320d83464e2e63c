/** A worker thread of the work pool: builds its context once from workerData, then answers tasks. */
import { workerData } from 'node:worker_threads';
import { runTask, type WorkData, type WorkTask, workContext } from './work-tasks.ts';

const ctx = workContext(workerData as WorkData);

export default function run(task: WorkTask): unknown {
  return runTask(ctx, task);
}
