import { describe, expect, it } from 'vitest';
import { applyScenario, ScenarioSchema } from '../../src/core/index.ts';
import { loadContext } from '../../src/io/index.ts';
import { changeOf, DRAFT_KINDS, type DraftPick, scenarioIdOf, scenarioOf } from '../../web/src/scenario-draft.ts';

const picks: DraftPick[] = [
  { kind: 'set_frequency', id: 'asco-kuryk-alat-ferry', value: 10 },
  { kind: 'close_node', id: 'ge-poti' },
  { kind: 'close_country', id: 'ir' },
];

describe('scenario drafts from the page', () => {
  it('are scenarios the core accepts and applies to the shipped network', () => {
    const doc = ScenarioSchema.parse(scenarioOf('Kuryk ferry doubled', '', picks));
    expect(doc.id).toBe('my-kuryk-ferry-doubled');
    expect(doc.description.length).toBeGreaterThanOrEqual(10);
    const { network } = loadContext();
    const applied = applyScenario(network, doc);
    const ferry = applied.services.find((s) => s.id === 'asco-kuryk-alat-ferry');
    expect(ferry?.departuresPerWeek?.value).toBe(10);
  });

  it('mark every figure as the user’s estimate, and refuse a change that needs a number without one', () => {
    const c = changeOf({ kind: 'set_link_capacity', id: 'x', value: 5000 }, 'Test');
    expect(c).toMatchObject({ kind: 'set_capacity', target: 'link', field: 'teuPerYear', value: { value: 5000 } });
    expect(JSON.stringify(c)).toMatch(/set by the user in the page/);
    for (const kind of ['open_link', 'set_frequency', 'set_link_capacity', 'set_service_capacity'] as const)
      expect(() => changeOf({ kind, id: 'x' }, 'T')).toThrow(/needs a number/);
    expect(DRAFT_KINDS.length).toBe(7);
  });

  it('make ids that never take a library id and survive any name', () => {
    expect(scenarioIdOf('Red Sea closed')).toBe('my-red-sea-closed');
    expect(scenarioIdOf('Ünïcödé / «ferry» x2')).toBe('my-unicode-ferry-x2');
    expect(scenarioIdOf('***')).toBe('my-scenario');
  });
});
