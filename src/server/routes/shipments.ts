/**
 * Shipments: create one on a chosen itinerary, record milestone events, and get a re-predicted arrival
 * distribution from the last known position, as of the server clock and conditioned on the time already spent
 * on the current step (core/shipments/conditioned-arrival.ts). Every call needs a token and sees only that
 * token's shipments.
 * Events are checked by core/shipments/tracking.ts: kept with warnings when odd, rejected (422) with a reason
 * when impossible; never dropped silently.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Itinerary, Milestone, MilestoneType } from '../../core/index.ts';
import {
  bookedItinerary,
  checkEvent,
  isoToHours,
  lastPosition,
  resolveNodeRef,
  resolveRoute,
} from '../../core/index.ts';
import { clientOf, ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { cancelOnClose } from '../heavy.ts';
import { EtaQuerySchema, IdParamsSchema, MilestoneRequestSchema, ShipmentRequestSchema } from '../schemas.ts';
import type { ShipmentEventRecord, ShipmentRecord } from '../storage/storage.ts';
import type { ZodApp } from '../zod-app.ts';

const iso = (h: number) => new Date(h * 3_600_000).toISOString();
const milestone = (e: ShipmentEventRecord): Milestone => ({
  type: e.type as MilestoneType,
  node: e.node,
  atH: isoToHours(e.at),
});

function view(s: ShipmentRecord, events?: ShipmentEventRecord[]) {
  const it = s.itinerary as Itinerary;
  const { timeline: _t, ...itinerary } = it;
  const out: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    createdAt: s.createdAt,
    deadline: s.deadline,
    request: s.request,
    itinerary,
  };
  if (events !== undefined) {
    const pos = lastPosition(it, events.map(milestone));
    out.events = events;
    out.position = {
      node: pos.node,
      at: iso(pos.atH),
      basedOn: events[pos.event]?.id ?? 'plan', // pos.event is -1 when no event placed the cargo
      delivered: pos.delivered,
    };
  }
  return out;
}

const tags = ['shipments'];
const security = [{ bearerAuth: [] }];
const notFound = (reply: Parameters<typeof sendError>[0], id: string) =>
  sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: `you have no shipment ${id}` });

/** POST /shipments: the route search is run again and the chosen itinerary frozen into the record. */
function createShipment(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/shipments',
    {
      schema: {
        tags,
        security,
        summary: 'Create a shipment on an itinerary of a route search',
        description:
          'The route search is run again and the itinerary named by `itineraryKey` (from a route answer) is frozen ' +
          'into the shipment; 409 itinerary_gone says what changed when the search no longer offers it. ' +
          'Without a key, `itinerary` is the index in the search.',
        body: ShipmentRequestSchema,
      },
    },
    async (req, reply) => {
      const { name, deadline, itinerary, itineraryKey, ...route } = req.body;
      const request = resolveRoute(deps.network, route, deps.now());
      const chosen = bookedItinerary(deps.engine.route(request), { itinerary, itineraryKey });
      if (!chosen.ok) {
        const { status, error, field, value, message, offered } = chosen;
        return sendError(reply, status, { error, field, value, message, offered });
      }
      const it = chosen.itinerary;
      const s = await deps.storage.createShipment(ownerOf(req), {
        name,
        request: request as unknown as Record<string, unknown>,
        itinerary: it,
        deadline: new Date(deadline).toISOString(),
      });
      return reply.code(201).send(view(s, []));
    },
  );
}

/** GET /shipments, GET and DELETE /shipments/:id, GET /shipments/:id/events. */
function readShipments(app: ZodApp, deps: AppDeps): void {
  app.get('/shipments', { schema: { tags, security, summary: 'Your shipments' } }, async (req) => ({
    shipments: (await deps.storage.listShipments(ownerOf(req))).map((s) => view(s)),
  }));
  const params = IdParamsSchema;
  app.get(
    '/shipments/:id',
    { schema: { tags, security, summary: 'A shipment with its events and last known position', params } },
    async (req, reply) => {
      const owner = ownerOf(req);
      const s = await deps.storage.findShipment(owner, req.params.id);
      if (s === undefined) return notFound(reply, req.params.id);
      return view(s, (await deps.storage.listShipmentEvents(owner, s.id)) ?? []);
    },
  );
  app.delete(
    '/shipments/:id',
    { schema: { tags, security, summary: 'Delete a shipment and its events', params } },
    async (req, reply) => {
      const ok = await deps.storage.deleteShipment(ownerOf(req), req.params.id);
      return ok ? reply.code(204).send() : notFound(reply, req.params.id);
    },
  );
  app.get(
    '/shipments/:id/events',
    { schema: { tags, security, summary: 'Events of a shipment in recording order', params } },
    async (req, reply) => {
      const ev = await deps.storage.listShipmentEvents(ownerOf(req), req.params.id);
      return ev === undefined ? notFound(reply, req.params.id) : { events: ev };
    },
  );
}

/** POST /shipments/:id/events: a milestone, kept with warnings when odd, 422 with the reason when impossible. */
function recordMilestone(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/shipments/:id/events',
    {
      schema: {
        tags,
        security,
        summary: 'Record a milestone (departed, arrived, border_crossed, ferry_loaded)',
        description:
          'Answers 201 with the stored event and its warnings (out of order, off the itinerary...), or 422 with ' +
          'the reason when the event cannot be true (in the future).',
        params: IdParamsSchema,
        body: MilestoneRequestSchema,
      },
    },
    async (req, reply) => {
      const owner = ownerOf(req);
      const s = await deps.storage.findShipment(owner, req.params.id);
      if (s === undefined) return notFound(reply, req.params.id);
      const node = resolveNodeRef(deps.network, 'node', req.body.node).id;
      const at = new Date(req.body.at).toISOString();
      const e: Milestone = { type: req.body.type, node, atH: isoToHours(at) };
      const recorded = ((await deps.storage.listShipmentEvents(owner, s.id)) ?? []).map(milestone);
      const verdict = checkEvent(s.itinerary as Itinerary, recorded, e, deps.now().getTime() / 3_600_000);
      if (!verdict.accepted) {
        const { reason, field, value, message } = verdict;
        return sendError(reply, 422, { error: 'event_rejected', reason, field, value, message });
      }
      const warnings = verdict.warnings;
      const rec = await deps.storage.addShipmentEvent(owner, s.id, {
        type: e.type,
        node,
        at,
        note: req.body.note,
        warnings,
      });
      if (rec === undefined) return notFound(reply, req.params.id);
      return reply.code(201).send(rec);
    },
  );
}

/** GET /shipments/:id/eta: the arrival re-predicted in the work pool (core/answers/shipment-eta.ts). */
function predictArrival(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/shipments/:id/eta',
    {
      schema: {
        tags,
        security,
        summary: 'Re-predicted arrival distribution from the last known position, and P(meet the deadline)',
        params: IdParamsSchema,
        querystring: EtaQuerySchema,
      },
    },
    async (req, reply) => {
      const owner = ownerOf(req);
      const s = await deps.storage.findShipment(owner, req.params.id);
      if (s === undefined) return notFound(reply, req.params.id);
      const events = (await deps.storage.listShipmentEvents(owner, s.id)) ?? [];
      const question = {
        shipment: s.id,
        itinerary: s.itinerary as Itinerary,
        events: events.map((e) => ({ ...milestone(e), id: e.id })),
        deadline: s.deadline,
        asOfH: deps.now().getTime() / 3_600_000,
        samples: req.query.samples,
        seed: req.query.seed,
      };
      return deps.work.run({ kind: 'eta', question }, { client: clientOf(req), signal: cancelOnClose(reply) });
    },
  );
}

export function shipmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', requireToken);
    createShipment(app, deps);
    readShipments(app, deps);
    recordMilestone(app, deps);
    predictArrival(app, deps);
  };
}
