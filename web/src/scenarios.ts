/**
 * Scenario comparison, two ways.
 *
 * Flows (flows-section.ts): two of {baseline, the dataset's library, the user's stored scenarios} and a demand
 * set, assigned at equilibrium by the server (POST /scenarios/flows). A table gives the KPIs of both runs and
 * their differences; the map colours links by utilisation in either run or by its change; the top bottlenecks
 * are listed.
 *
 * Many variants (sweep-panel.ts): scenarios × demand growth × seeds as a job, with its spread per scenario.
 *
 * One route question (route-compare.ts): two of {baseline, stored scenarios} compared by a route search
 * (POST /scenarios/compare); the map colours the links each scenario changes.
 */
import { type ApiError, getToken, listScenarios, type ScenarioRecord } from './api.ts';
import { el } from './dom.ts';
import { flowsSection } from './flows-section.ts';
import { onLangChange, t } from './i18n.ts';
import type { PlannerContext } from './planner.ts';
import { routeCompareSection } from './route-compare.ts';
import { scenarioBuilder } from './scenario-builder.ts';
import { sweepPanel } from './sweep-panel.ts';
import { onTokenChange, tokenField } from './token.ts';

export { linkChange, linkUtilisation, touchedLinks } from './scenario-links.ts';

export function initScenarios(root: HTMLElement, ctx: PlannerContext): void {
  root.replaceChildren();
  const h = el('h2', t('sc.heading'));
  h.dataset.i18n = 'sc.heading';
  const intro = el('p', t('sc.intro'), 'hint');
  intro.dataset.i18n = 'sc.intro';
  let scenarios: ScenarioRecord[] = [];
  const flows = flowsSection(ctx, () => scenarios);
  const sweep = sweepPanel();
  // A scenario saved in the builder is listed at once in both comparisons.
  const builder = scenarioBuilder(ctx, () => void load());
  const route = routeCompareSection(
    ctx,
    () => scenarios,
    root,
    (heading, form, status, out) =>
      root.append(
        h,
        intro,
        tokenField('sc-token'),
        builder.element,
        flows.element,
        heading,
        form,
        status,
        out,
        sweep.element,
      ),
  );

  const load = async () => {
    // Private records: without a token the answer is a 401 anyway; say what is needed instead.
    if (getToken() === undefined) return route.setStatus(t('sh.tokenHint'));
    route.setStatus(t('common.loading'), 'busy');
    try {
      scenarios = (await listScenarios()).scenarios;
      route.fillSelects();
      flows.refresh();
      route.setStatus(scenarios.length === 0 ? t('sc.none') : '');
    } catch (e) {
      scenarios = [];
      route.fillSelects();
      route.setStatus(...loadFailure(e as ApiError));
    }
  };

  route.fillSelects();
  onTokenChange(() => void load());
  // Scenarios are private: ask only once a token is there, and when the view is first opened. The library is
  // public: fetched when the view is first shown (by click, keyboard or otherwise).
  const tab = document.getElementById('tab-scenarios');
  tab?.addEventListener('click', () => void load(), { once: true });
  const shown = () => {
    if (root.hidden) return;
    void flows.load();
    sweep.refresh();
  };
  new MutationObserver(shown).observe(root, { attributes: true, attributeFilter: ['hidden'] });
  shown();
  onLangChange(() => {
    const a = route.selA.value;
    const b = route.selB.value;
    route.fillSelects();
    route.selA.value = a;
    route.selB.value = b;
    void route.render();
    flows.refresh();
  });
}

/** Status text and kind after the stored scenarios failed to load: a missing token is a hint, not an error. */
function loadFailure(err: ApiError): [string, 'info' | 'error'] {
  const text = err.unauthorized
    ? t('sh.tokenHint')
    : err.notAvailable
      ? t('common.notAvailable', { what: '/scenarios' })
      : t('common.error', { msg: err.message });
  return [text, err.unauthorized ? 'info' : 'error'];
}
