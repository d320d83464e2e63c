/**
 * Every answer Keruen's API gives, defined once as zod schemas beside the request schemas (src/core/requests):
 * the OpenAPI document publishes them as components (src/server/openapi.ts), the web page's client types are
 * generated from that document (scripts/gen-api.ts), and test/server/openapi-responses.test.ts checks that the
 * real answers of the shipped app are exactly what the schemas say.
 */
import { z } from 'zod';
import { responseRegistry } from './registry.ts';

export * from './emissions.ts';
export * from './exports.ts';
export * from './flows.ts';
export * from './jobs.ts';
export * from './network.ts';
export * from './registry.ts';
export * from './reliability.ts';
export * from './route.ts';
export * from './scenarios.ts';
export * from './shipments.ts';

/**
 * The registered response schemas as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), one per component
 * name, referring to each other by `#/components/schemas/<name>`.
 */
export function responseComponents(): Record<string, Record<string, unknown>> {
  const out = z.toJSONSchema(responseRegistry, { uri: (id) => `#/components/schemas/${id}` });
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const [id, s] of Object.entries(out.schemas)) {
    // Each component is a part of the document, not a standalone schema: no dialect, no identifier of its own.
    const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
    schemas[id] = rest;
  }
  return schemas;
}
