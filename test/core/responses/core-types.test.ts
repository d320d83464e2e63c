/**
 * The response schemas and the core's answer types describe the same values, checked by the compiler: each
 * answer type the core computes (as JSON carries it) is assignable to its schema's output, so a field the schema
 * requires that the core may leave out, or a field of another type, is a type error here. A field the core adds
 * that the schema does not name is not a type error (TypeScript allows extra fields): the runtime check of real
 * answers (test/server/openapi-responses.test.ts) catches that one.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  ArrivalDistribution,
  ArrivalDistributionSchema,
  ChainEmissions,
  ChainEmissionsSchema,
  IleapExport,
  IleapExportSchema,
  Itinerary,
  ItinerarySchema,
  RouteResult,
  RouteResultSchema,
} from '../../../src/core/index.ts';

/** Compiles only when A is assignable to B. */
const fits = <A, B>(_check: (a: A) => B): true => true;
/** The JSON of a value: undefined values are left out (a field set to undefined is an absent field). */
type Wire<T> = T extends object ? { [K in keyof T]: Wire<Exclude<T[K], undefined>> } : T;
type Out<S extends z.ZodType> = z.output<S>;

describe('core answer types and response schemas', () => {
  it('agree for itineraries, route answers, distributions, chains and iLEAP exports', () => {
    expect(fits((a: Wire<Omit<Itinerary, 'timeline'>>): Out<typeof ItinerarySchema> => a)).toBe(true);
    type Route = Omit<Out<typeof RouteResultSchema>, 'itineraries'>;
    expect(fits((a: Wire<Omit<RouteResult, 'itineraries'>>): Route => a)).toBe(true);
    expect(fits((a: Wire<ArrivalDistribution>): Out<typeof ArrivalDistributionSchema> => a)).toBe(true);
    expect(fits((a: Wire<ChainEmissions>): Out<typeof ChainEmissionsSchema> => a)).toBe(true);
    expect(fits((a: Wire<IleapExport>): Out<typeof IleapExportSchema> => a)).toBe(true);
  });
});
