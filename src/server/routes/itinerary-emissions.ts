/**
 * POST /emissions/itinerary: one itinerary of a route answer as an ISO 14083 / iLEAP footprint. The route search
 * is run again (under its scenario, if any) and the itinerary with the given key is turned into its transport
 * chain (core/emissions/itinerary-chain.ts), whose total is the itinerary's CO2e; a key the search no longer
 * offers is a 409 itinerary_gone naming what changed, as for a booking.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EmissionFactors, RoutingEngine } from '../../core/index.ts';
import {
  bookedItinerary,
  ItineraryEmissionsRequestSchema,
  itineraryIleap,
  resolveRoute,
  routeRequestUnder,
  scenarioEngine,
} from '../../core/index.ts';
import { refuseBadToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { LruCache } from '../lru-cache.ts';
import { isStoredScenarioId, routeScenarioOf } from '../scenario-ids.ts';

/** Compiled scenario engines kept (a few MB each); exports are rare, so fewer than the route search keeps. */
const SCENARIO_ENGINES = 2;

export function itineraryEmissionsRoutes(deps: AppDeps, factors: EmissionFactors): FastifyPluginAsyncZod {
  const engines = new LruCache<RoutingEngine>(SCENARIO_ENGINES, SCENARIO_ENGINES, () => 1);
  return async (app) => {
    app.post(
      '/emissions/itinerary',
      {
        schema: {
          tags: ['emissions'],
          summary: 'One itinerary of a route answer as an ISO 14083 / iLEAP footprint',
          description:
            'The route search is run again with the same fields and the itinerary named by `itineraryKey` is ' +
            'exported: one TCE per leg and hub, with the factors the route search applied, so the total equals the ' +
            "itinerary's `totals.co2eKg`. 409 itinerary_gone when the search no longer offers the key.",
          body: ItineraryEmissionsRequestSchema,
        },
      },
      async (req, reply) => {
        const { itineraryKey, scenario, ...fields } = req.body;
        if (req.badToken !== undefined && isStoredScenarioId(deps, scenario)) return refuseBadToken(req, reply);
        const under = await routeScenarioOf(deps, 'body.scenario', scenario, req.owner);
        const engine = under === undefined ? deps.engine : scenarioEngine(deps.engine, under, deps.emissions, engines);
        const request =
          under === undefined
            ? resolveRoute(deps.network, fields, deps.now())
            : routeRequestUnder(engine, under, fields, deps.now());
        const chosen = bookedItinerary(engine.route(request), { itinerary: 0, itineraryKey });
        if (!chosen.ok) {
          const { status, error, field, value, message, offered } = chosen;
          return sendError(reply, status, { error, field: `body.${field}`, value, message, offered });
        }
        return itineraryIleap(engine.network, factors, chosen.itinerary, request.cargo);
      },
    );
  };
}
