/**
 * Reliability runs and scenario flows as jobs (issue 20, item 2): the route resolves the question into its
 * work-pool task (scenarios read and checked, the clock read) and stores that task as the job's request, so the
 * job means one thing wherever it runs: this process's work pool or a `keruen worker` on another machine, which
 * runs the stored task as it is. The kinds a task job may hold are listed once here.
 */
import type { JobRecord } from './storage/storage.ts';
import type { WorkTask } from './work-tasks.ts';

export const TASK_JOB_KINDS = ['reliability', 'flows'] as const;
export type TaskJobKind = (typeof TASK_JOB_KINDS)[number];

/** The stored request of a task job. */
export interface TaskJobRequest {
  task: WorkTask & { kind: TaskJobKind };
}

export function taskOf(job: JobRecord): WorkTask {
  const t = (job.request as Partial<TaskJobRequest>).task;
  if (t === undefined || !(TASK_JOB_KINDS as readonly string[]).includes(t.kind))
    throw new Error(`job ${job.id} holds no task of a known kind`);
  return t;
}
