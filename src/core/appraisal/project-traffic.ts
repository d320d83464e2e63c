/**
 * Traffic on a project's own elements: the yearly units (TEU and tonnes) of the with-project assignment whose
 * routes use a link, node or service the project's scenario opens, adds or changes. Answers "does the project
 * carry traffic?", which the acceptance check pairs with its benefits (a project with traffic and no benefit is
 * a capacity that does not bind, or a change the assignment does not see).
 */
import { edgeLink, edgeSourceNode, edgeTargetNode } from '../network/compiled-graph.ts';
import type { ScenarioRun } from '../scenarios/run-scenario.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';

/** Ids of the network elements a scenario changes (links, nodes, services). */
export function scenarioElementIds(s: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const c of s.changes) {
    if ('id' in c && typeof c.id === 'string') ids.add(c.id);
    if (c.kind === 'add_link') ids.add(c.link.id);
    if (c.kind === 'add_node') ids.add(c.node.id);
    if (c.kind === 'add_service') ids.add(c.service.id);
  }
  return ids;
}

export interface ProjectTraffic {
  teu: number;
  tonnes: number;
}

/**
 * Whether a scenario concerns containers only (every change sets a TEU capacity or a container service's
 * frequency): then only container routes count as its traffic, not the oil or bulk through the same port.
 */
export function containersOnly(s: Scenario): boolean {
  return (
    s.changes.length > 0 &&
    s.changes.every((c) => (c.kind === 'set_capacity' && /Teu/.test(c.field)) || c.kind === 'set_frequency')
  );
}

/** Units per year on routes that touch any of `ids` in a run (containers only when `onlyContainers`). */
export function trafficOn(run: ScenarioRun, ids: ReadonlySet<string>, onlyContainers = false): ProjectTraffic {
  const { network: net, graph: g } = run;
  const a = run.assignment;
  const touches = new Map<number, boolean>();
  const edgeTouches = (e: number): boolean => {
    let t = touches.get(e);
    if (t !== undefined) return t;
    const li = g.link[e] ?? -1;
    const si = g.service[e] ?? -1;
    t =
      ids.has(edgeSourceNode(net, g, e).id) ||
      ids.has(edgeTargetNode(net, g, e).id) ||
      (li >= 0 && ids.has(edgeLink(net, g, e).id)) ||
      (si >= 0 && ids.has(net.services[si]?.id ?? ''));
    touches.set(e, t);
    return t;
  };
  let teu = 0;
  let tonnes = 0;
  for (const od of a.ods) {
    const kind = a.demand.commodities.find((c) => c.id === od.commodity)?.kind;
    if (onlyContainers && kind !== 'containers') continue;
    for (const r of od.routes) {
      if (r.flow <= 0 || !r.edges.some(edgeTouches)) continue;
      if (kind === 'containers') teu += r.flow;
      else tonnes += r.flow;
    }
  }
  return { teu, tonnes };
}
