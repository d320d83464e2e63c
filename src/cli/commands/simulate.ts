/**
 * `keruen simulate port`: the queue at a port whose cargo leaves on the scheduled sailings of the network
 * (discrete-event simulation, src/core/reliability/port-queue.ts). Demand is a Poisson stream of TEU per week;
 * the output gives waits, throughput, utilisation and the queue week by week, so a demand above the sailing
 * capacity shows as a backlog that grows every week. Long runs draw a progress bar on standard error.
 */
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import {
  KeruenError,
  listPortSailings,
  type PortSimulationResult,
  PortSimulationTextSchema,
  parseRequest,
  resolveNodeRef,
  simulatePort,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, loadNetwork } from '../../io/index.ts';

/** Runs above this many expected arrivals draw a progress bar (about a second of work). */
const PROGRESS_MIN_TEU = 2_000_000;

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};

interface PortOptions {
  node: string;
  demandTeuPerWeek: string;
  weeks: string;
  seed: string;
  json?: boolean;
  data: string;
  progress?: boolean;
}

export function register(program: Command): void {
  const simulate = program.command('simulate').description('discrete-event simulation of facilities');
  simulate
    .command('port')
    .description('queue of containers at a port waiting for its scheduled sailings (capacity, cancellations)')
    .requiredOption('-n, --node <node>', 'port: node id or name')
    .requiredOption('--demand-teu-per-week <teu>', 'mean TEU arriving per week (Poisson)')
    .option('-w, --weeks <weeks>', 'weeks to simulate', '52')
    .option('-s, --seed <seed>', 'random seed (same seed, same numbers)', '1')
    .option('--json', 'print the result as JSON')
    .option('--no-progress', 'never draw the progress bar')
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .action((opts: PortOptions) => portCommand(opts));
}

function portCommand(opts: PortOptions): void {
  // The API's request schema (POST /simulations/port), read from text: the same bounds and messages.
  const req = parseRequest(
    PortSimulationTextSchema,
    {
      node: opts.node,
      teuPerWeek: opts.demandTeuPerWeek,
      weeks: opts.weeks,
      seed: opts.seed,
    },
    { label: (f) => (f === 'teuPerWeek' ? '--demand-teu-per-week' : `--${f}`) },
  );
  const { teuPerWeek: demand, weeks, seed } = req;
  const net = loadNetwork(opts.data);
  const node = resolveNodeRef(net, 'node', req.node);
  const ps = listPortSailings(net, node.id);
  if (ps.sailings.length === 0) {
    const why = ps.skipped.map((s) => `${s.id}: ${s.reason}`).join('; ');
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `no scheduled sailing with a TEU capacity leaves ${node.name} (${node.id})${why ? `; skipped ${why}` : ''}`,
      [],
      { node: node.id },
    );
  }
  const showBar = opts.progress !== false && !opts.json && process.stderr.isTTY && demand * weeks >= PROGRESS_MIN_TEU;
  const bar = showBar
    ? new SingleBar({ format: 'simulating [{bar}] {percentage}% | week {value}/{total}' })
    : undefined;
  bar?.start(weeks, 0);
  const r = simulatePort({
    sailings: ps.sailings,
    arrivals: { kind: 'poisson', teuPerWeek: demand },
    weeks,
    seed,
    onProgress: bar ? (f) => bar.update(Math.floor(f * weeks)) : undefined,
  });
  bar?.stop();
  const capacityTeuPerWeek = ps.sailings.reduce((a, s) => a + s.capacityTeu * (1 - s.cancellationProbability), 0);
  if (opts.json) {
    out(
      JSON.stringify(
        {
          node: { id: node.id, name: node.name },
          demandTeuPerWeek: demand,
          expectedCapacityTeuPerWeek: capacityTeuPerWeek,
          services: ps.services,
          skippedServices: ps.skipped,
          ...r,
        },
        (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
        2,
      ),
    );
    return;
  }
  printReport(node.name, node.id, demand, capacityTeuPerWeek, ps.services, r);
}

function f1(x: number): string {
  return Number.isFinite(x) ? x.toFixed(1) : '-';
}

function printReport(
  name: string,
  id: string,
  demand: number,
  capacity: number,
  services: { id: string; departuresPerWeek: number; capacityTeu: number; cancellationProbability: number }[],
  r: PortSimulationResult,
): void {
  out(`${name} (${id}): ${r.weeks} weeks, demand ${demand} TEU/week, seed ${r.seed}`);
  for (const s of services) {
    out(
      `  ${s.id}: ${s.departuresPerWeek}/week x ${s.capacityTeu} TEU, cancelled ${(s.cancellationProbability * 100).toFixed(0)}%`,
    );
  }
  out(`expected sailing capacity ${f1(capacity)} TEU/week (utilisation of demand ${f1((100 * demand) / capacity)}%)`);
  out(`arrived ${r.arrivedTeu} TEU, shipped ${r.shippedTeu} TEU (${f1(r.throughputTeuPerWeek)} TEU/week)`);
  out(
    `sailings ${r.scheduledSailings}, cancelled ${r.cancelledSailings}; utilisation of sailed capacity ${f1(100 * r.utilisation)}%`,
  );
  out(
    `wait h: mean ${f1(r.wait.meanH)}  p50 ${f1(r.wait.p50H)}  p90 ${f1(r.wait.p90H)}  p95 ${f1(r.wait.p95H)}  max ${f1(r.wait.maxH)}`,
  );
  out(
    `queue: mean ${f1(r.meanQueueTeu)} TEU, at the end ${r.queueEndTeu} TEU, oldest waiting ${f1(r.oldestWaitingH / 24)} d`,
  );
  if (demand > capacity) out('demand exceeds sailing capacity: the backlog grows every week');
  out('week  arrived  shipped  cancelled  queue_end  queue_max  mean_wait_h');
  const stride = Math.max(1, Math.ceil(r.weekly.length / 26));
  for (const w of r.weekly.filter((_, i) => i % stride === 0)) {
    out(
      `${String(w.week + 1).padStart(4)}  ${String(w.arrivedTeu).padStart(7)}  ${String(w.shippedTeu).padStart(7)}  ${String(w.cancelledSailings).padStart(9)}  ${String(w.queueEndTeu).padStart(9)}  ${String(w.queueMaxTeu).padStart(9)}  ${f1(w.meanWaitH).padStart(11)}`,
    );
  }
}
