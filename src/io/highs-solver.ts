/**
 * The MILP solver the appraisal's portfolio uses (core/appraisal/portfolio.ts): HiGHS compiled to WebAssembly
 * (npm `highs`). Loaded once per process (the module instantiates a few MB of Wasm); each solve creates a model
 * and disposes it (withModel). The gap is HiGHS's own `mip_gap` info after the run; mip_rel_gap 0 asks for proved
 * optimality, and a 30 s limit keeps a request bounded (the status then says so and the gap is reported).
 */
import highsModule from 'highs';
import type { MilpSolution, MilpSolver } from '../core/index.ts';

/** HiGHS model status codes (types.d.ts ModelStatusCode) that the portfolio reports. */
const STATUS: Record<number, string> = { 7: 'Optimal', 8: 'Infeasible', 10: 'Unbounded', 13: 'Time limit reached' };

/** The package is CommonJS: Node's default import is the loader itself, TypeScript sees the namespace. */
type Loader = typeof highsModule.default;
const highsLoader: Loader =
  typeof highsModule === 'function' ? (highsModule as unknown as Loader) : highsModule.default;

let loading: Promise<MilpSolver> | undefined;

/** The HiGHS-backed solver (loaded once, then synchronous). */
export function highsSolver(): Promise<MilpSolver> {
  loading ??= highsLoader().then(
    (highs) =>
      (lp: string): MilpSolution =>
        highs.withModel({ format: 'lp', data: lp }, (model) => {
          model.options.set({ output_flag: false, mip_rel_gap: 0, time_limit: 30 });
          model.run();
          const code = model.getModelStatus();
          const status = STATUS[code] ?? `HiGHS status ${code}`;
          const x = model.getSolution().colValue;
          const values: Record<string, number> = {};
          for (let j = 0; j < x.length; j++) values[model.getColName(j)] = x[j] as number;
          const info = (k: string): number | null => {
            try {
              const v = Number(model.info.get(k));
              return Number.isFinite(v) ? v : null;
            } catch {
              return null;
            }
          };
          return {
            status,
            objective: code === 7 || code === 13 ? model.getObjectiveValue() : Number.NaN,
            values,
            mipGap: info('mip_gap'),
            dualBound: info('mip_dual_bound'),
          };
        }),
  );
  return loading as Promise<MilpSolver>;
}
