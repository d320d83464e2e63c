/**
 * The dataset's own scenarios and demand sets (public), and the capacity engine over HTTP: two runs of the
 * equilibrium assignment on one demand set, with their KPIs and differences, the utilisation of every
 * capacity-limited link and node in both runs, the bottleneck ranking, corridor shares and per-OD times.
 *
 * A run takes from about 0.1 s to 2 s, so answers are kept in memory: whole answers by request, and single runs
 * by (scenario, demand, value-of-time factor), so that many comparisons against the baseline run it once.
 * A caller's stored scenario is reachable with that caller's token only; its key includes the record's update
 * time, so an edited scenario is never answered from a stale run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KeruenError } from '../../core/errors.ts';
import { checkScenario } from '../../core/scenarios/apply-scenario.ts';
import { compareKpis } from '../../core/scenarios/compare.ts';
import type { DemandSet } from '../../core/scenarios/demand.ts';
import type { BottleneckKpi, ScenarioKpis } from '../../core/scenarios/kpis.ts';
import { BASELINE_ID, runScenario } from '../../core/scenarios/run-scenario.ts';
import { type Scenario, ScenarioSchema } from '../../core/scenarios/scenario-schema.ts';
import { DEFAULT_DATA_DIR } from '../../io/dataset-dir.ts';
import { DEFAULT_DEMAND_FILE, loadDemand, readScenarios } from '../../io/scenarios.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { type FlowsBody, FlowsBodySchema } from '../schemas.ts';

/** Monte Carlo samples per OD pair for the P50/P90 times, and the seed: the CLI's defaults. */
const SAMPLES = 2000;
const SEED = 1;
/** Bottlenecks listed in an answer (the utilisation tables list every element). */
const TOP_BOTTLENECKS = 15;

export interface FlowRoutesOptions {
  /** Dataset folder whose scenarios/ and demand/ make the library (default: the shipped data/). */
  dataDir?: string | undefined;
  /** Whole answers kept (default 50) and single runs kept (default 20); 0 turns a cache off. */
  answerCacheEntries?: number | undefined;
  runCacheEntries?: number | undefined;
}

interface Library {
  scenarios: Scenario[];
  /** Scenarios of the folder that do not apply to the served network, with their first problem. */
  rejected: Array<{ id: string; problem: string }>;
  demands: DemandSet[];
  defaultDemand: string;
}

/** A least-recently-used map: a hit moves the entry to the back, an insert past the cap drops the front. */
class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly cap: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    if (this.cap <= 0) return;
    this.m.delete(k);
    this.m.set(k, v);
    while (this.m.size > this.cap) this.m.delete(this.m.keys().next().value as string);
  }
}

/** One capacity-limited element in one run: the binding measure's flow and capacity, TEU (equivalents) a year. */
export interface ElementLoad {
  flowTeuPerYear: number;
  capacityTeuPerYear: number;
  /** Which capacity binds: container-only (TEU) or all-cargo (tonnes and trains, in TEU equivalents). */
  measure: 'containers' | 'all-cargo';
  utilisation: number;
  delayH: number;
}

function loadOf(b: BottleneckKpi): ElementLoad | null {
  const rc = b.capacityContainersTeu !== null ? b.loadContainersTeu / b.capacityContainersTeu : -1;
  const ra = b.capacityAllTeuEq !== null ? b.loadAllTeuEq / b.capacityAllTeuEq : -1;
  if (rc < 0 && ra < 0) return null;
  const containers = rc >= ra;
  return {
    flowTeuPerYear: containers ? b.loadContainersTeu : b.loadAllTeuEq,
    capacityTeuPerYear: (containers ? b.capacityContainersTeu : b.capacityAllTeuEq)!,
    measure: containers ? 'containers' : 'all-cargo',
    utilisation: b.utilisation,
    delayH: b.delayH,
  };
}

interface ResolvedScenario {
  id: string;
  name: string;
  origin: 'baseline' | 'library' | 'stored';
  scenario: Scenario | undefined;
  /** Cache key: stored scenarios carry their owner and update time. */
  key: string;
}

interface Run {
  id: string;
  name: string;
  kpis: ScenarioKpis;
  ms: number;
}

function readLibrary(deps: AppDeps, dataDir: string): Library {
  const { scenarios: all } = readScenarios(dataDir);
  const scenarios: Scenario[] = [];
  const rejected: Library['rejected'] = [];
  for (const s of all) {
    const problems = checkScenario(deps.network, s);
    if (problems.length === 0) scenarios.push(s);
    else rejected.push({ id: s.id, problem: problems[0]!.message });
  }
  let names: string[] = [];
  try {
    names = readdirSync(join(dataDir, 'demand'))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
  } catch {
    names = [];
  }
  const demands: DemandSet[] = [];
  let defaultDemand = '';
  for (const n of names) {
    try {
      const d = loadDemand(join(dataDir, 'demand', n), dataDir);
      demands.push(d);
      if (`demand/${n}` === DEFAULT_DEMAND_FILE) defaultDemand = d.id;
    } catch (e) {
      rejected.push({ id: `demand/${n}`, problem: (e as Error).message });
    }
  }
  if (defaultDemand === '' && demands.length > 0) defaultDemand = demands[0]!.id;
  return { scenarios, rejected, demands, defaultDemand };
}

const unknownId = (field: string, id: string, known: string[], hint: string) =>
  new KeruenError(
    'KERUEN_UNKNOWN_ID',
    `unknown ${field === 'demand' ? 'demand set' : 'scenario'} ${JSON.stringify(id)}; known: ${known.join(', ')}${hint}`,
    [],
    { field: `body.${field}`, value: id },
  );

export function scenarioFlowRoutes(deps: AppDeps, opts: FlowRoutesOptions = {}): FastifyPluginAsyncZod {
  const tags = ['scenarios'];
  const dataDir = opts.dataDir ?? DEFAULT_DATA_DIR;
  let library: Library | undefined;
  const lib = () => {
    library ??= readLibrary(deps, dataDir);
    return library;
  };
  const answers = new Lru<Record<string, unknown>>(opts.answerCacheEntries ?? 50);
  const runs = new Lru<Run>(opts.runCacheEntries ?? 20);

  /** The token's owner when a valid token is sent; undefined without one; 401 for a bad one. */
  const ownerIfAny = async (req: FastifyRequest): Promise<string | undefined | 'invalid'> => {
    const h = req.headers.authorization;
    if (h === undefined) return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    const info = m ? await deps.storage.verifyToken(m[1]!) : undefined;
    return info === undefined ? 'invalid' : info.id;
  };

  const resolve = async (field: 'base' | 'other', id: string, owner: string | undefined) => {
    if (id === BASELINE_ID)
      return {
        id,
        name: 'Baseline (the network as loaded)',
        origin: 'baseline',
        scenario: undefined,
        key: 'baseline',
      } satisfies ResolvedScenario;
    const l = lib();
    const s = l.scenarios.find((x) => x.id === id);
    if (s) return { id, name: s.name, origin: 'library', scenario: s, key: `library:${id}` } satisfies ResolvedScenario;
    if (owner !== undefined) {
      const rec = await deps.storage.findScenario(owner, id);
      if (rec !== undefined) {
        const sc = ScenarioSchema.parse(rec.document);
        return {
          id,
          name: sc.name,
          origin: 'stored',
          scenario: sc,
          key: `stored:${owner}:${id}:${rec.updatedAt}`,
        } satisfies ResolvedScenario;
      }
    }
    const known = [BASELINE_ID, ...l.scenarios.map((x) => x.id)];
    throw unknownId(
      field,
      id,
      known,
      owner === undefined ? ' (your stored scenarios need a token)' : ', or one of your stored scenarios',
    );
  };

  const run = (sc: ResolvedScenario, demand: DemandSet, votFactor: number): Run => {
    const key = JSON.stringify([sc.key, demand.id, votFactor]);
    const hit = runs.get(key);
    if (hit) return { ...hit, ms: 0 };
    const t0 = performance.now();
    const r = runScenario(deps.network, sc.scenario, demand, {
      emissions: deps.emissions,
      assignment: {
        valueOfTimeFactor: votFactor,
        // A scenario set in a year opens what is planned by then, as in the route comparison.
        includePlannedUpTo: sc.scenario?.year,
      },
      kpis: { samples: SAMPLES, seed: SEED },
    });
    const out: Run = { id: sc.id, name: sc.name, kpis: r.kpis, ms: performance.now() - t0 };
    runs.set(key, out);
    return out;
  };

  const answer = (body: FlowsBody, a: ResolvedScenario, b: ResolvedScenario, demand: DemandSet) => {
    const ra = run(a, demand, body.votFactor);
    const rb = run(b, demand, body.votFactor);
    const c = compareKpis(ra, rb);
    const ek = (e: { kind: string; id: string; direction?: string | undefined }) =>
      `${e.kind} ${e.id} ${e.direction ?? ''}`;
    const byKey = (k: ScenarioKpis) => new Map(k.bottlenecks.map((e) => [ek(e), e]));
    const A = byKey(ra.kpis);
    const B = byKey(rb.kpis);
    const links: Array<Record<string, unknown>> = [];
    const nodes: Array<Record<string, unknown>> = [];
    for (const k of new Set([...A.keys(), ...B.keys()])) {
      const e = (A.get(k) ?? B.get(k))!;
      const x = A.has(k) ? loadOf(A.get(k)!) : null;
      const y = B.has(k) ? loadOf(B.get(k)!) : null;
      if (x === null && y === null) continue;
      const change = x !== null && y !== null ? y.utilisation - x.utilisation : null;
      if (e.kind === 'link') links.push({ id: e.id, direction: e.direction, base: x, other: y, change });
      else nodes.push({ id: e.id, kind: e.kind, base: x, other: y, change });
    }
    return {
      demand: { id: demand.id, name: demand.name, year: demand.year },
      votFactor: body.votFactor,
      base: { id: a.id, name: a.name, origin: a.origin },
      other: { id: b.id, name: b.name, origin: b.origin },
      totals: c.totals,
      commodities: c.commodities,
      corridors: c.corridors,
      ods: c.ods,
      bottlenecks: c.elements.slice(0, TOP_BOTTLENECKS),
      utilisation: { links, nodes },
      solver: c.solver,
      reliability: { samplesPerOd: SAMPLES, seed: SEED },
      timingsMs: { base: Math.round(ra.ms), other: Math.round(rb.ms) },
    };
  };

  return async (app) => {
    app.get(
      '/scenarios/library',
      { schema: { tags, summary: "The dataset's own scenarios and demand sets (public)" } },
      async () => {
        const l = lib();
        return {
          baseline: { id: BASELINE_ID, name: 'Baseline (the network as loaded)' },
          scenarios: l.scenarios.map((s) => ({
            id: s.id,
            name: s.name,
            description: s.description,
            tags: s.tags,
            sources: s.sources,
            year: s.year ?? null,
            changes: s.changes.length,
            investment: s.investment
              ? {
                  cost: s.investment.cost,
                  currency: s.investment.currency,
                  comparedWith: s.investment.comparedWith ?? BASELINE_ID,
                }
              : null,
          })),
          demands: l.demands.map((d) => ({
            id: d.id,
            name: d.name,
            description: d.description,
            year: d.year,
            sources: d.sources,
            flows: d.flows.length,
            default: d.id === l.defaultDemand,
          })),
          rejected: l.rejected,
        };
      },
    );

    app.post(
      '/scenarios/flows',
      {
        schema: {
          tags,
          summary:
            'Assign a demand set at equilibrium under two scenarios: KPIs and differences, utilisation, bottlenecks',
          description:
            'Public for library scenarios and the baseline; a stored scenario of yours needs your bearer token. ' +
            'Answers are cached in memory by request.',
          body: FlowsBodySchema,
        },
      },
      async (req, reply) => {
        const owner = await ownerIfAny(req);
        if (owner === 'invalid')
          return sendError(reply.header('www-authenticate', 'Bearer error="invalid_token"'), 401, {
            error: 'unauthorized',
            message: 'unknown or revoked API token',
          });
        const body = req.body;
        const l = lib();
        const demandId = body.demand ?? l.defaultDemand;
        const demand = l.demands.find((d) => d.id === demandId);
        if (demand === undefined)
          throw unknownId(
            'demand',
            demandId,
            l.demands.map((d) => d.id),
            '',
          );
        const a = await resolve('base', body.base, owner);
        const b = await resolve('other', body.other, owner);
        const key = JSON.stringify([a.key, b.key, demand.id, body.votFactor]);
        const hit = answers.get(key);
        if (hit) return { ...hit, cached: true };
        const out = answer(body, a, b, demand);
        answers.set(key, out);
        return { ...out, cached: false };
      },
    );
  };
}
