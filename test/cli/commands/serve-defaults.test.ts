/** `keruen serve`'s flag defaults are the server's own (serve.ts keeps a copy so the CLI starts without the server). */
import { describe, expect, it } from 'vitest';
import { SERVE_DEFAULTS } from '../../../src/cli/commands/serve.ts';
import { DEFAULT_PORT, DEFAULT_WORK_POOL } from '../../../src/server/index.ts';

describe('serve defaults', () => {
  it('equal the server defaults', () => {
    expect(SERVE_DEFAULTS.port).toBe(DEFAULT_PORT);
    const { maxHeapMb: _heap, ...pool } = DEFAULT_WORK_POOL;
    expect(SERVE_DEFAULTS.workPool).toEqual(pool);
  });
});
