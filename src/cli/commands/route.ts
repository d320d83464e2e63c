/**
 * `keruen route`: Pareto itineraries between two places, as a table or JSON; with --samples, the arrival
 * distribution of each itinerary by Monte Carlo. Exit 2 with the cutting constraint when no route exists.
 */
import { type Command, Option } from 'commander';
import { z } from 'zod';
import type { ArrivalDistribution, Itinerary, RouteEnd, RouteResult } from '../../core/index.ts';
import {
  isoToHours,
  KeruenError,
  libraryScenario,
  MODES,
  MonteCarloTextFields,
  parseRequest,
  type RouteRequest,
  type RouteScenario,
  RouteTextSchema,
  type RoutingEngine,
  resolveRoute,
  routeRequestUnder,
  scenarioEcho,
  scenarioEngine,
  simulateTimeline,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, type KeruenContext, loadContext, loadScenarios } from '../../io/index.ts';
import { evidenceReport } from './route-evidence.ts';
import { writeIleap } from './route-ileap.ts';

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
  scenario?: string;
  samples?: string;
  seed?: string;
  deadline?: string;
  rankBy: 'mean' | 'p90';
  limit: string;
  json?: boolean;
  wide?: boolean;
  evidence?: boolean;
  ileap?: string;
  itinerary?: string;
  data: string;
}

/** The flags as the API's text fields (GET /routes): one schema reads both, with the same bounds and messages. */
function routeText(o: RouteOptions): Record<string, string | undefined> {
  return {
    from: o.from,
    to: o.to,
    depart: o.depart,
    cargo: o.cargo,
    teu: o.teu,
    feu: o.feu,
    tonnes: o.tonnes,
    commodity: o.commodity,
    avoidCountries: o.avoidCountries,
    avoidModes: o.avoidModes,
    avoidNodes: o.avoidNodes,
    includePlannedUpTo: o.includePlanned,
    maxTransfers: o.maxTransfers,
    useRisk: o.risk === true ? 'true' : undefined,
    scenario: o.scenario,
  };
}

const MonteCarloText = z.strictObject(MonteCarloTextFields);

/** The flag a request field came from, for messages: includePlannedUpTo is --include-planned. */
const FLAG_OF: Record<string, string> = { includePlannedUpTo: 'include-planned', useRisk: 'risk' };
export const flagOf = (field: string): string =>
  `--${FLAG_OF[field] ?? field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const days = (h: number) => (h / 24).toFixed(1);
const money = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
/** A share as a whole percentage, '-' when there is nothing to weigh. */
const share = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

/** Rows as left-aligned columns two spaces apart, without trailing spaces. */
export function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
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
    .option('--depart <iso>', 'ready date-time, ISO 8601 (default: now); a past date is searched at its prices')
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
    .option(
      '--risk',
      'add risk as a fourth criterion: the chance that a risk event on the way (sanctions, the Red Sea) cuts the route',
    )
    .option('--scenario <id>', 'route under a scenario of data/scenarios (default: baseline, the network as loaded)')
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
    .option('--wide', 'list every key node in the via column (default: cut at about 70 characters, marked …)')
    .option('--evidence', 'list the first itinerary by leg: cost and time parts with their provenance')
    .option('--ileap <file>', 'write one itinerary as an ISO 14083 / iLEAP footprint (JSON) to this file')
    .option('--itinerary <n|key>', 'the itinerary --ileap writes: its row in the table or its key (default 1)')
    .option('--data <dir>', 'dataset folder', DEFAULT_DATA_DIR)
    .action(runRoute);
}

/** An itinerary as printed: without its timeline, with its arrival distribution when --samples is given. */
export type RouteOutput = Omit<Itinerary, 'timeline'> & { arrival?: ArrivalDistribution };

/** The Monte Carlo settings of the command: samples (none: no Monte Carlo), seed, deadline in hours. */
export interface ArrivalSampling {
  samples: number | undefined;
  seed: number;
  deadlineH: number | undefined;
}

/** `keruen route`: reads the flags, routes, samples the arrivals, ranks, prints. */
function runRoute(o: RouteOptions): void {
  const route = parseRequest(RouteTextSchema, routeText(o), { label: flagOf });
  const mc = parseRequest(
    MonteCarloText,
    { samples: o.samples, seed: o.seed, deadline: o.deadline },
    { label: flagOf },
  );
  const ctx = loadContext(o.data);
  const { engine, request, under } = searchUnder(ctx, route, o.scenario);
  const result = engine.route(request);
  const sampling: ArrivalSampling = {
    samples: mc.samples,
    seed: mc.seed ?? 1,
    deadlineH: mc.deadline === undefined ? undefined : isoToHours(mc.deadline),
  };
  let its = withArrivals(result.itineraries, sampling);
  if (o.rankBy === 'p90') its = rankByP90(its, sampling.samples);
  const echo = under === undefined ? {} : { scenario: scenarioEcho(under) };
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ ...result, itineraries: its, ...echo }, null, 2)}\n`);
  } else if (its.length > 0) {
    if (under !== undefined) process.stdout.write(`${scenarioLine(under, request)}\n`);
    process.stdout.write(itineraryReport(result, its, sampling, Number(o.limit), o.wide === true));
    const first = its[0];
    if (o.evidence && first !== undefined) process.stdout.write(evidenceReport(first));
  }
  if (o.ileap !== undefined && its.length > 0) {
    const line = writeIleap(engine.network, ctx.factors, result, its, { file: o.ileap, itinerary: o.itinerary });
    process.stderr.write(`${line}\n`);
  }
  if (!o.json) for (const n of result.notes ?? []) process.stderr.write(`note: ${n.message}\n`);
  if (!o.json && result.tolerance !== undefined) process.stderr.write(`note: ${result.tolerance.note}\n`);
  if (result.noRoute) {
    if (!o.json) process.stderr.write(`${result.noRoute.message}\n`);
    process.exitCode = 2;
  }
}

/**
 * The engine and request of the search: the baseline's, or a library scenario's (core/answers/
 * route-under-scenario.ts, as the API does); an unknown id exits 1 naming --scenario with the known ids.
 */
function searchUnder(
  ctx: KeruenContext,
  route: ReturnType<typeof RouteTextSchema.parse>,
  id: string | undefined,
): { engine: RoutingEngine; request: RouteRequest; under: RouteScenario | undefined } {
  const now = new Date();
  const under = id === undefined ? undefined : libraryScenario(loadScenarios(ctx.dataDir), id, '--scenario');
  if (under === undefined) return { engine: ctx.engine, request: resolveRoute(ctx.network, route, now), under };
  const engine = scenarioEngine(ctx.engine, under, ctx.emissions);
  return { engine, request: routeRequestUnder(engine, under, route, now), under };
}

/** The scenario a table was searched under, and the planning year it opened planned links to. */
function scenarioLine(s: RouteScenario, request: RouteRequest): string {
  const year = request.includePlannedUpTo === undefined ? '' : `, planned links open by ${request.includePlannedUpTo}`;
  return `Scenario: ${s.id} (${s.name})${year}`;
}

/** Each itinerary without its timeline, with the Monte Carlo of its arrival when samples are asked for. */
export function withArrivals(itineraries: readonly Itinerary[], s: ArrivalSampling): RouteOutput[] {
  const { samples, seed, deadlineH } = s;
  return itineraries.map((it) => {
    const { timeline, ...rest } = it;
    return samples === undefined
      ? rest
      : { ...rest, arrival: simulateTimeline(timeline, { samples, seed, deadlineH }) };
  });
}

/** The itineraries by P90 of arrival, earliest first (stable); needs the Monte Carlo. */
export function rankByP90(its: readonly RouteOutput[], samples: number | undefined): RouteOutput[] {
  if (samples === undefined)
    throw new KeruenError('KERUEN_INVALID_INPUT', '--rank-by p90 needs --samples', [], { field: 'rank-by' });
  // every itinerary has its arrival distribution once --samples is given
  const p90 = (x: RouteOutput) => x.arrival?.p90 ?? Number.POSITIVE_INFINITY;
  return [...its].sort((a, b) => p90(a) - p90(b));
}

/** The text report: a title line, the table of the first `limit` itineraries, and its notes. */
export function itineraryReport(
  result: Pick<RouteResult, 'from' | 'to' | 'depart'>,
  its: readonly RouteOutput[],
  s: ArrivalSampling,
  limit: number,
  wide = false,
): string {
  const n = its.length;
  const ends = { from: 'candidates' in result.from, to: 'candidates' in result.to };
  const lines = [
    `${endTitle(result.from)} -> ${endTitle(result.to)}, ready ${result.depart}, ${n} Pareto itinerar${n === 1 ? 'y' : 'ies'}`,
    table(itineraryRows(its.slice(0, limit), s, ends, wide)),
  ];
  if (its.some((it) => !it.totals.costComplete))
    lines.push('+ some legs have no published tariff: cost is a lower bound');
  const year = its[0]?.totals.priceYear;
  if (year !== undefined)
    lines.push(`Costs in USD of ${year}; sourced: share of cost / time resting on sourced figures (--evidence by leg)`);
  if (s.samples) lines.push(`Monte Carlo: ${s.samples} samples, seed ${s.seed}`);
  const events = [...new Set(its.slice(0, limit).flatMap((it) => it.totals.riskEvents))];
  if (events.length > 0)
    lines.push(
      `risk: the chance that an event on the way cuts the route, each event once; events met: ${events.join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Characters of the via column in the default table (a terminal line stays readable). */
const VIA_CHARS = 70;

/** The key nodes joined by " > ", cut after the last whole name that fits in `max` characters, marked "…". */
export function viaCell(nodes: readonly string[], max: number): string {
  const all = nodes.join(' > ');
  if (all.length <= max) return all;
  let out = '';
  for (const n of nodes) {
    const next = out === '' ? n : `${out} > ${n}`;
    if (next.length + 4 > max) break;
    out = next;
  }
  return out === '' ? `${(nodes[0] ?? '').slice(0, Math.max(0, max - 1))}…` : `${out} > …`;
}

/** A route end in the title: the node's name, or the city and how many terminals it has. */
function endTitle(end: RouteEnd): string {
  return 'candidates' in end ? `${end.name} (${end.candidates.length} terminals)` : end.name;
}

/**
 * The table's header and one row per itinerary: P50/P90 with samples, the on-time share with a deadline; the
 * terminal each itinerary starts from (ends at) when the origin (destination) is a city with several.
 */
export function itineraryRows(
  its: readonly RouteOutput[],
  s: ArrivalSampling,
  ends: { from: boolean; to: boolean } = { from: false, to: false },
  wide = false,
): string[][] {
  const { samples, deadlineH } = s;
  // the chance of a cut, when some route meets a risk event
  const risky = its.some((it) => it.totals.riskEvents.length > 0);
  const header = [
    '#',
    ...(ends.from ? ['from'] : []),
    ...(ends.to ? ['to'] : []),
    'corridor',
    'via',
    'days',
    ...(samples ? ['P50 d', 'P90 d'] : []),
    ...(deadlineH ? ['on time'] : []),
    'cost',
    'sourced',
    'CO2e t',
    'transfers',
    ...(risky ? ['risk'] : []),
  ];
  const rows = its.map((it, i) => [
    String(i + 1),
    ...(ends.from ? [it.legs[0]?.fromName ?? ''] : []),
    ...(ends.to ? [it.legs.at(-1)?.toName ?? ''] : []),
    it.corridor,
    viaCell(it.keyNodes.slice(1, -1), wide ? Number.POSITIVE_INFINITY : VIA_CHARS),
    days(it.totals.durationH),
    ...(it.arrival ? [days(it.arrival.p50), days(it.arrival.p90)] : []),
    ...(deadlineH ? [`${Math.round((it.arrival?.onTimeProbability ?? 0) * 100)}%`] : []),
    `${money(it.totals.costUsd)}${it.totals.costComplete ? '' : '+'}`,
    `${share(it.totals.costSourcedShare)}/${share(it.totals.timeSourcedShare)}`,
    it.totals.co2eKg === null ? 'n/a' : (it.totals.co2eKg / 1000).toFixed(2),
    String(it.totals.transfers),
    ...(risky ? [`${Math.round(it.totals.riskProbability * 100)}%`] : []),
  ]);
  return [header, ...rows];
}
