import { describe, expect, it } from 'vitest';
import { bossFromEnv } from '../../../src/cli/commands/worker.ts';

describe('keruen worker: the job queue settings from the environment', () => {
  it('takes whole seconds within bounds and refuses anything else, naming the variable and the bound', () => {
    expect(bossFromEnv({ KERUEN_JOB_EXPIRE_S: '4', KERUEN_JOB_MAINTENANCE_S: '1', KERUEN_JOB_SCHEMA: 's' })).toEqual({
      expireInSeconds: 4,
      maintenanceIntervalSeconds: 1,
      schema: 's',
    });
    expect(bossFromEnv({})).toEqual({});
    for (const bad of ['NaN', '-1', '0', '1.5', '1e308', ''])
      expect(() => bossFromEnv({ KERUEN_JOB_EXPIRE_S: bad })).toThrow(/KERUEN_JOB_EXPIRE_S = .*from 1 to 86400/);
  });
});
