/**
 * `keruen route`: Pareto itineraries between two places, as a table or JSON; with --samples, the arrival
 * distribution of each itinerary by Monte Carlo. Exit 2 with the cutting constraint when no route exists.
 */
import { type Command, Option } from 'commander';
import { KeruenError } from '../../core/errors.ts';
import { getNodeByName } from '../../core/network/names.ts';
import { MODES, type Mode } from '../../core/network/schema.ts';
import type { ArrivalDistribution } from '../../core/reliability/monte-carlo.ts';
import { simulateTimeline } from '../../core/reliability/monte-carlo.ts';
import type { Itinerary } from '../../core/routing/itinerary.ts';
import type { Cargo } from '../../core/routing/query.ts';
import { toHoursSinceEpoch } from '../../core/routing/timetable.ts';
import { loadContext } from '../../io/context.ts';
import { DEFAULT_DATA_DIR } from '../../io/dataset-dir.ts';

interface RouteOptions {
  from: string;
  to: string;
  depart?: string;
  avoidCountries?: string;
  avoidModes?: string;
  avoidNodes?: string;
  includePlanned?: string;
  maxTransfers?: string;
  teu?: string;
  feu?: string;
  tonnes?: string;
  cargo?: string;
  commodity?: string;
  risk?: boolean;
  samples?: string;
  seed?: string;
  deadline?: string;
  rankBy: 'mean' | 'p90';
  limit: string;
  json?: boolean;
  data: string;
}

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

function num(field: string, v: string | undefined, integer = false): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `--${field} = ${JSON.stringify(v)}: not ${integer ? 'an integer' : 'a number'}`,
      [],
      { field, value: v },
    );
  }
  return n;
}

function cargoOf(o: RouteOptions): Cargo {
  const kind = o.cargo ?? (o.tonnes !== undefined ? 'bulk' : 'containers');
  if (kind === 'containers') {
    if (o.tonnes !== undefined)
      throw new KeruenError('KERUEN_INVALID_INPUT', '--tonnes needs --cargo bulk, liquid or general', [], {
        field: 'tonnes',
      });
    const teu =
      (num('teu', o.teu) ?? 0) + 2 * (num('feu', o.feu) ?? 0) || (o.teu === undefined && o.feu === undefined ? 1 : 0);
    return { kind: 'containers', teu, commodity: o.commodity };
  }
  if (!['bulk', 'liquid', 'general'].includes(kind)) {
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `--cargo = ${JSON.stringify(kind)}: use containers, bulk, liquid or general`,
      [],
      { field: 'cargo', value: kind },
    );
  }
  return { kind: kind as 'bulk', tonnes: num('tonnes', o.tonnes) ?? Number.NaN, commodity: o.commodity };
}

const days = (h: number) => (h / 24).toFixed(1);
const money = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('route')
    .description('Pareto-optimal itineraries (time, cost, CO2e, optionally risk) between two places')
    .requiredOption('--from <name>', 'origin: node id, UN/LOCODE or any spelling')
    .requiredOption('--to <name>', 'destination')
    .option('--depart <iso>', 'ready date-time, ISO 8601 (default: now)')
    .option('--avoid-countries <list>', 'ISO 3166 codes to avoid, e.g. RU,BY,IR')
    .option('--avoid-modes <list>', `modes to avoid: ${MODES.join(', ')}`)
    .option('--avoid-nodes <list>', 'node names or ids to avoid')
    .option('--include-planned <year>', 'include planned links expected to open by this year')
    .option('--max-transfers <n>', 'at most this many changes of vehicle (gauge changes included)')
    .option('--teu <n>', 'containers, in TEU')
    .option('--feu <n>', 'containers, in FEU (2 TEU each)')
    .option('--tonnes <n>', 'bulk, liquid or general cargo in tonnes (with --cargo)')
    .option('--cargo <kind>', 'containers | bulk | liquid | general')
    .option('--commodity <name>', 'commodity (e.g. grain, copper concentrate), echoed in the output')
    .option('--risk', 'add risk as a fourth criterion')
    .option('--samples <n>', 'Monte Carlo samples for the arrival distribution of each itinerary')
    .option('--seed <n>', 'seed of the Monte Carlo (default 1)')
    .option('--deadline <iso>', 'due date-time: adds the on-time probability')
    .addOption(
      new Option('--rank-by <what>', 'order itineraries by expected arrival or P90')
        .choices(['mean', 'p90'])
        .default('mean'),
    )
    .option('--limit <n>', 'show at most this many itineraries in the table', '12')
    .option('--json', 'print JSON')
    .option('--data <dir>', 'dataset folder', DEFAULT_DATA_DIR)
    .action((o: RouteOptions) => {
      const ctx = loadContext(o.data);
      const from = getNodeByName(ctx.network, o.from);
      const to = getNodeByName(ctx.network, o.to);
      const avoidModes = list(o.avoidModes) as Mode[] | undefined;
      const samples = num('samples', o.samples, true);
      const result = ctx.engine.route({
        from: from.id,
        to: to.id,
        depart: o.depart ?? new Date().toISOString(),
        cargo: cargoOf(o),
        avoidCountries: list(o.avoidCountries)?.map((c) => c.toUpperCase()),
        avoidModes,
        avoidNodes: list(o.avoidNodes)?.map((n) => getNodeByName(ctx.network, n).id),
        includePlannedUpTo: num('include-planned', o.includePlanned, true),
        maxTransfers: num('max-transfers', o.maxTransfers, true),
        useRisk: o.risk,
      });
      let deadlineH: number | undefined;
      if (o.deadline !== undefined) {
        deadlineH = toHoursSinceEpoch(o.deadline);
        if (!Number.isFinite(deadlineH))
          throw new KeruenError(
            'KERUEN_INVALID_INPUT',
            `--deadline = ${JSON.stringify(o.deadline)}: not an ISO 8601 date-time`,
            [],
            { field: 'deadline' },
          );
      }
      const seed = num('seed', o.seed, true) ?? 1;
      type Out = Omit<Itinerary, 'timeline'> & { arrival?: ArrivalDistribution };
      let its: Out[] = result.itineraries.map((it) => {
        const { timeline, ...rest } = it;
        return samples === undefined
          ? rest
          : { ...rest, arrival: simulateTimeline(timeline, { samples, seed, deadlineH }) };
      });
      if (o.rankBy === 'p90') {
        if (samples === undefined)
          throw new KeruenError('KERUEN_INVALID_INPUT', '--rank-by p90 needs --samples', [], { field: 'rank-by' });
        its = [...its].sort((a, b) => a.arrival!.p90 - b.arrival!.p90);
      }
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ...result, itineraries: its }, null, 2)}\n`);
      } else if (its.length > 0) {
        const header = [
          '#',
          'corridor',
          'via',
          'days',
          ...(samples ? ['P50 d', 'P90 d'] : []),
          ...(deadlineH ? ['on time'] : []),
          'cost',
          'CO2e t',
          'transfers',
        ];
        const rows = its
          .slice(0, Number(o.limit))
          .map((it, i) => [
            String(i + 1),
            it.corridor,
            it.keyNodes.slice(1, -1).join(' > ').slice(0, 70),
            days(it.totals.durationH),
            ...(it.arrival ? [days(it.arrival.p50), days(it.arrival.p90)] : []),
            ...(deadlineH ? [`${Math.round((it.arrival?.onTimeProbability ?? 0) * 100)}%`] : []),
            `${money(it.totals.costUsd)}${it.totals.costComplete ? '' : '+'}`,
            it.totals.co2eKg === null ? 'n/a' : (it.totals.co2eKg / 1000).toFixed(2),
            String(it.totals.transfers),
          ]);
        process.stdout.write(
          `${result.from.name} -> ${result.to.name}, ready ${result.depart}, ${its.length} Pareto itinerar${its.length === 1 ? 'y' : 'ies'}\n`,
        );
        process.stdout.write(`${table([header, ...rows])}\n`);
        if (its.some((it) => !it.totals.costComplete))
          process.stdout.write('+ some legs have no published tariff: cost is a lower bound\n');
        if (samples) process.stdout.write(`Monte Carlo: ${samples} samples, seed ${seed}\n`);
      }
      if (result.noRoute) {
        if (!o.json) process.stderr.write(`${result.noRoute.message}\n`);
        process.exitCode = 2;
      }
    });
}
