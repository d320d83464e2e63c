/**
 * The answer to "how likely is each itinerary to arrive by when": a route search, then the Monte Carlo of each
 * itinerary's timeline. The CLI (`route --samples`), the API (POST /reliability) and the worker pool call this.
 */
import { simulateTimeline } from '../reliability/monte-carlo.ts';
import { isoToHours } from '../requests/dates.ts';
import type { ReliabilityRequest } from '../requests/reliability.ts';
import { resolveRoute } from '../requests/route.ts';
import type { RoutingEngine } from '../routing/plan.ts';
import { plannedYearUnder, type RouteScenario, scenarioEcho } from './route-under-scenario.ts';

const iso = (h: number) => new Date(h * 3_600_000).toISOString();

/**
 * Under a scenario, `engine` is the scenario's (scenarioEngine) and the answer echoes `scenario`; without one the
 * answer is the baseline's, with no `scenario` field.
 */
export function answerReliability(engine: RoutingEngine, req: ReliabilityRequest, now: Date, under?: RouteScenario) {
  const r = engine.route(plannedYearUnder(resolveRoute(engine.network, req, now), under?.scenario));
  const deadlineH = req.deadline === undefined ? undefined : isoToHours(req.deadline);
  return {
    ...(under === undefined ? {} : { scenario: scenarioEcho(under) }),
    from: r.from,
    to: r.to,
    depart: r.depart,
    noRoute: r.noRoute,
    notes: r.notes,
    deadline: req.deadline,
    itineraries: r.itineraries.map((it) => {
      const d = simulateTimeline(it.timeline, { samples: req.samples, seed: req.seed, deadlineH });
      const t0 = it.timeline.departH;
      return {
        key: it.key,
        corridor: it.corridor,
        keyNodes: it.keyNodes,
        plannedArrive: it.totals.arrive,
        plannedDurationH: it.totals.durationH,
        transitH: d,
        arrive: { p5: iso(t0 + d.p5), p50: iso(t0 + d.p50), p95: iso(t0 + d.p95) },
        onTimeProbability: d.onTimeProbability,
      };
    }),
  };
}
export type ReliabilityAnswer = ReturnType<typeof answerReliability>;
