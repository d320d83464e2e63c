/**
 * The web page's API types are generated, not written by hand (issue 17, item 9): web/src/api-types.ts is what
 * `npm run gen:api` writes from the app's current OpenAPI document, so a schema changed without regenerating
 * fails here, and the types name every documented answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiDocument, generateApiTypes } from '../../scripts/gen-api.ts';
import { OPERATION_IDS } from '../../src/server/openapi.ts';

describe('generated API types', () => {
  it('are what a fresh generation from the document writes (run `npm run gen:api` after a schema change)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    expect(committed === fresh, 'web/src/api-types.ts is stale: run `npm run gen:api`').toBe(true);
  }, 60_000);

  it('cover every operation and every documented answer of the document', async () => {
    const text = readFileSync(API_TYPES_FILE, 'utf8');
    for (const id of Object.values(OPERATION_IDS)) expect(text, id).toContain(`    ${id}: {`);
    const doc = (await apiDocument()) as { components: { schemas: Record<string, unknown> } };
    for (const name of Object.keys(doc.components.schemas)) expect(text, name).toContain(`\n        ${name}: `);
  }, 60_000);
});
