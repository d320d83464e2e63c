/**
 * The registry of response schemas: each named schema becomes one component of the OpenAPI document
 * (`#/components/schemas/<id>`), so that a schema used by several answers (an itinerary in a route answer and in
 * a shipment) is written once and referenced, and generated clients get one type per name.
 */
import { z } from 'zod';

export const responseRegistry = z.registry<{ id: string; description?: string }>();

/** Registers a schema under its component name; returns it, so a definition reads `named('X', z.object(...))`. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  // The registry's metadata type is not inferred through a generic T; the cast is the registry's own shape.
  (schema as z.ZodType).register(responseRegistry, description === undefined ? { id } : { id, description });
  return schema;
}

/** An ISO 8601 date-time as the server writes it (UTC, `Z`), or a date the client sent and the answer echoes. */
export const isoDate = z.string().describe('ISO 8601 date-time');
