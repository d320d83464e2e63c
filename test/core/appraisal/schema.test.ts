import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAppraisalData } from '../../../src/core/appraisal/schema.ts';
import { KeruenError } from '../../../src/core/errors.ts';
import { loadAppraisalData, unknownAppraisalSources } from '../../../src/io/appraisal.ts';
import { loadContext } from '../../../src/io/context.ts';

const read = (f: string) => readFileSync(new URL(`../../../data/appraisal/${f}`, import.meta.url), 'utf8');
const texts = () => ({
  parameters: read('parameters.yaml'),
  growth: read('growth.yaml'),
  projects: read('projects.yaml'),
});

function issuesOf(f: () => unknown): KeruenError['issues'] {
  try {
    f();
  } catch (e) {
    if (e instanceof KeruenError) return e.issues;
    throw e;
  }
  throw new Error('expected a KeruenError');
}

describe('appraisal data files', () => {
  it('load, and cite only sources that exist', () => {
    const data = loadAppraisalData();
    expect(data.projects.length).toBeGreaterThanOrEqual(5);
    expect(unknownAppraisalSources(loadContext().network, data)).toEqual([]);
  });

  it('refuse phasing that does not sum to 1, naming the field', () => {
    const t = texts();
    t.projects = t.projects.replace('phasing: [0.5, 0.5]', 'phasing: [0.5, 0.6]');
    const issues = issuesOf(() => parseAppraisalData(t));
    expect(issues.some((i) => i.field?.endsWith('phasing'))).toBe(true);
  });

  it('refuse a dependency on an unknown project and a project without capex that does not say why', () => {
    const t = texts();
    t.projects = t.projects.replace('dependsOn: [aktau-hub-phase-2]', 'dependsOn: [no-such-project]');
    expect(issuesOf(() => parseAppraisalData(t))[0]).toMatchObject({ code: 'unknown_id', value: 'no-such-project' });
    const u = texts();
    // the Kuryk hub has a capex but no network change, and says why in `missing`: without it, refused
    u.projects = u.projects.replace(/ {2}missing: >-\n {4}Kuryk has no container[\s\S]*?are known\.\n/, '');
    expect(u.projects).not.toMatch(/Kuryk has no container/);
    expect(issuesOf(() => parseAppraisalData(u)).some((i) => i.field?.endsWith('missing'))).toBe(true);
  });

  it('refuse an out-of-range discount rate with its value', () => {
    const t = texts();
    t.parameters = t.parameters.replace(/socialDiscountRate:\n {2}value: 0.05/, 'socialDiscountRate:\n  value: 5');
    expect(issuesOf(() => parseAppraisalData(t))[0]).toMatchObject({ field: 'socialDiscountRate.value', value: 5 });
  });

  it('refuse a project with both a scenario and changes, and a change of an unknown kind, naming the field', () => {
    const t = texts();
    t.projects = t.projects.replace(
      'scenario: bakhty-ayagoz\n',
      'scenario: bakhty-ayagoz\n  changes: [{ kind: open, target: link, id: kz-bakhty-ayagoz }]\n',
    );
    expect(issuesOf(() => parseAppraisalData(t)).some((i) => i.field?.endsWith('changes'))).toBe(true);
    const u = texts();
    u.projects = u.projects.replace('{ kind: open, target: link, id: kz-darbaza-maktaaral }', '{ kind: demolish }');
    expect(issuesOf(() => parseAppraisalData(u)).some((i) => /changes\.1/.test(i.field ?? ''))).toBe(true);
  });

  it('refuse an added catchment flow with a negative volume, naming the field and the value', () => {
    const t = texts();
    t.growth = t.growth.replace('value: 27840000', 'value: -5');
    const issues = issuesOf(() => parseAppraisalData(t));
    const i = issues.find((x) => x.field?.startsWith('addedFlows.0.volumePerYear'));
    expect(i?.value).toBe(-5);
  });
});
