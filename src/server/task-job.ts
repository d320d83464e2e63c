/**
 * Reliability runs, scenario flows and appraisals as jobs (issue 20, item 2): the route resolves the question into
 * its work-pool task (scenarios read and checked, the clock read, the appraisal's data and demand attached) and
 * stores that task as the job's request, so the job means one thing wherever it runs: this process's work pool or
 * a `keruen worker` on another machine, which runs the stored task as it is. An appraisal's runs are finished into
 * the answer (the HiGHS portfolio) where the job ran, as POST /appraisal and `keruen appraise` finish them.
 */
import { appraisalAnswer, type ProjectAppraisals } from '../core/index.ts';
import { highsSolver } from '../io/index.ts';
import type { JobRecord } from './storage/storage.ts';
import type { WorkTask } from './work-tasks.ts';

export const TASK_JOB_KINDS = ['reliability', 'flows', 'appraisal'] as const;
export type TaskJobKind = (typeof TASK_JOB_KINDS)[number];

/** The stored request of a task job. */
export interface TaskJobRequest {
  task: WorkTask & { kind: TaskJobKind };
}

export function taskOf(job: JobRecord): WorkTask & { kind: TaskJobKind } {
  const t = (job.request as Partial<TaskJobRequest>).task;
  if (t === undefined || !(TASK_JOB_KINDS as readonly string[]).includes(t.kind))
    throw new Error(`job ${job.id} holds no task of a known kind`);
  return t;
}

/** The job's result from the task's output: the answer itself, or for an appraisal its portfolio answer. */
export async function finishTask(task: WorkTask, output: unknown): Promise<unknown> {
  if (task.kind !== 'appraisal') return output;
  return appraisalAnswer(output as ProjectAppraisals, task.request, await highsSolver());
}
