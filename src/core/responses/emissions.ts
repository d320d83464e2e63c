/**
 * Emissions answers: a chain's ISO 14083 / GLEC emissions per element (POST /emissions, core/emissions/chain.ts)
 * and an itinerary's iLEAP export (POST /emissions/itinerary, core/emissions/ileap.ts and itinerary-chain.ts).
 */
import { z } from 'zod';
import { named } from './registry.ts';

/** iLEAP Decimal: a number written as a JSON string, no exponent. */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

const FactorUsedSchema = z.looseObject({ id: z.string(), kind: z.string(), dataType: z.string() });

export const ElementEmissionsSchema = named(
  'ElementEmissions',
  z.looseObject({
    id: z.string(),
    type: z.enum(['leg', 'hub']),
    label: z.string(),
    wttKg: z.number().nullable(),
    ttwKg: z.number().nullable(),
    wtwKg: z.number(),
    massTonnes: z.number(),
    distanceKm: z.number(),
    factor: FactorUsedSchema,
    fallbacks: z.array(z.string()),
  }),
);

export const ChainEmissionsSchema = named(
  'ChainEmissions',
  z.object({
    shipmentId: z.string(),
    massTonnes: z.number(),
    elements: z.array(ElementEmissionsSchema),
    totals: z.object({
      wttKg: z.number(),
      ttwKg: z.number(),
      wtwKg: z.number(),
      wtwUnsplitKg: z.number(),
      distanceKm: z.number(),
      tkm: z.number(),
      primaryWtwKg: z.number(),
    }),
    fallbacks: z.array(z.string()),
  }),
);

const carrier = z.object({
  energyCarrier: z.enum(['Diesel', 'HFO', 'Electric']),
  emissionFactorWTW: decimal,
  emissionFactorTTW: decimal,
});

export const IleapExportSchema = named(
  'IleapExport',
  z.object({
    shipmentFootprint: z.object({
      shipmentId: z.string(),
      mass: decimal,
      numberOfItems: decimal.optional(),
      typeOfItems: z.string().optional(),
      tces: z.array(
        z.object({
          tceId: z.string(),
          prevTceIds: z.array(z.string()).optional(),
          shipmentId: z.string(),
          tocId: z.string().optional(),
          hocId: z.string().optional(),
          mass: decimal,
          packagingOrTrEqType: z.literal('Container').optional(),
          packagingOrTrEqAmount: z.number().optional(),
          distance: z.union([z.object({ sfd: decimal }), z.object({ actual: decimal })]),
          transportActivity: decimal,
          co2eWTW: decimal,
          co2eTTW: decimal,
        }),
      ),
    }),
    tocs: z.array(
      z.object({
        tocId: z.string(),
        isVerified: z.literal(false),
        isAccredited: z.literal(false),
        description: z.string(),
        mode: z.enum(['Road', 'Rail', 'Sea', 'InlandWaterway']),
        loadFactor: decimal.optional(),
        emptyDistanceFactor: decimal.optional(),
        energyCarriers: z.array(carrier),
        co2eIntensityWTW: decimal,
        co2eIntensityTTW: decimal,
        co2eIntensityThroughput: z.enum(['tkm', 'TEUkm']),
      }),
    ),
    hocs: z.array(
      z.object({
        hocId: z.string(),
        isVerified: z.literal(false),
        isAccredited: z.literal(false),
        description: z.string(),
        hubType: z.string(),
        temperatureControl: z.enum(['ambient', 'refrigerated', 'mixed']),
        energyCarriers: z.array(carrier),
        co2eIntensityWTW: decimal,
        co2eIntensityTTW: decimal,
        co2eIntensityThroughput: z.enum(['TEU', 'tonnes']),
      }),
    ),
    notes: z.array(z.string()),
  }),
  'a ShipmentFootprint of the iLEAP data model with its TOCs and HOCs; `notes` (Keruen) says what each figure assumed',
);
