/**
 * Piscina worker for the parallel Monte Carlo benchmark: samples a range of reproducibility blocks of a compiled
 * timeline and hands the transit times back as a transferred buffer (no copy).
 */
import { move } from 'piscina';
import { type CompiledTimeline, sampleBlocks } from '../../src/core/index.ts';

export interface McTask {
  compiled: CompiledTimeline;
  seed: number;
  firstBlock: number;
  blockCount: number;
  total: number;
  count: number;
}

export default function sampleRange(task: McTask): unknown {
  const out = new Float64Array(task.count);
  sampleBlocks(task.compiled, task.seed, task.firstBlock, task.blockCount, task.total, out, 0);
  return move(out);
}
