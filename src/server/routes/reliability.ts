/**
 * Reliability: the arrival-time distribution of each itinerary of a route search by Monte Carlo
 * (core/reliability/monte-carlo.ts), with the probability of meeting a deadline. Seeded: the same request gives
 * the same numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { simulateTimeline } from '../../core/reliability/monte-carlo.ts';
import { toHoursSinceEpoch } from '../../core/routing/timetable.ts';
import type { AppDeps } from '../deps.ts';
import { toRouteRequest } from '../route-request.ts';
import { ReliabilityBodySchema } from '../schemas.ts';

const iso = (h: number) => new Date(h * 3_600_000).toISOString();

export function reliabilityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reliability',
      {
        schema: {
          tags: ['reliability'],
          summary: 'Arrival-time distribution and on-time probability of each itinerary',
          body: ReliabilityBodySchema,
        },
      },
      async (req) => {
        const b = req.body;
        const r = deps.engine.route(toRouteRequest(deps.network, b, deps.now()));
        const deadlineH = b.deadline === undefined ? undefined : toHoursSinceEpoch(b.deadline);
        return {
          from: r.from,
          to: r.to,
          depart: r.depart,
          noRoute: r.noRoute,
          deadline: b.deadline,
          itineraries: r.itineraries.map((it) => {
            const d = simulateTimeline(it.timeline, { samples: b.samples, seed: b.seed, deadlineH });
            const t0 = it.timeline.departH;
            return {
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
      },
    );
  };
}
