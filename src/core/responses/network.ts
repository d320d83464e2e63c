/**
 * Network answers (/health, /network/*): the dataset's counts, its GeoJSON, its records and the name search.
 * Records keep every field of data/ (figures with their sources), so their schemas name the fields clients read
 * and let the others through.
 */
import { z } from 'zod';
import { named } from './registry.ts';

export const HealthSchema = named(
  'Health',
  z.object({
    status: z.literal('ok'),
    dataset: z.object({ name: z.string(), version: z.string() }),
    nodes: z.number(),
    links: z.number(),
  }),
);

export const NetworkSummarySchema = named(
  'NetworkSummary',
  z.object({
    manifest: z.looseObject({ name: z.string(), version: z.string() }),
    counts: z.object({
      nodes: z.number(),
      links: z.number(),
      services: z.number(),
      rates: z.number(),
      sources: z.number(),
    }),
  }),
);

const position = z.tuple([z.number(), z.number()]);

export const NetworkFeatureSchema = named(
  'NetworkFeature',
  z.object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: z.union([
      z.object({ type: z.literal('Point'), coordinates: position }),
      z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
    ]),
    properties: z.looseObject({ recordType: z.enum(['node', 'link']), id: z.string() }),
  }),
  'a node (Point) or link (LineString) with every field of its record and the sources it cites',
);

export const NetworkGeoJsonSchema = named(
  'NetworkGeoJson',
  z.object({ type: z.literal('FeatureCollection'), features: z.array(NetworkFeatureSchema) }),
);

/** A figure: a value with its source or marked as an estimate. */
const figure = z.looseObject({ value: z.number() });

export const NetworkLinkSchema = named(
  'NetworkLink',
  z.looseObject({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    mode: z.string(),
    status: z.string(),
    statusYear: z.number().optional(),
    service: z.string().optional(),
    capacity: z
      .looseObject({ teuPerYear: figure.optional(), trainsPerDay: figure.optional(), tonnesPerYear: figure.optional() })
      .optional(),
  }),
);

export const NetworkServiceSchema = named(
  'NetworkService',
  z.looseObject({
    id: z.string(),
    name: z.string(),
    departuresPerWeek: figure.optional(),
    capacityTeuPerDeparture: figure.optional(),
  }),
);

export const NodeSearchSchema = named(
  'NodeSearch',
  z.object({
    matches: z.array(
      z.object({ id: z.string(), name: z.string(), field: z.string(), text: z.string(), tier: z.string() }),
    ),
    closest: z.array(z.object({ id: z.string(), name: z.string(), matched: z.string(), similarity: z.number() })),
  }),
  'nodes matching by id, name, alias or UN/LOCODE; when none, the closest names',
);

export const NetworkLinksSchema = named('NetworkLinks', z.array(NetworkLinkSchema));
export const NetworkServicesSchema = named('NetworkServices', z.array(NetworkServiceSchema));
