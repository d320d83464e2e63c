/**
 * Dangerous-goods rules as routing constraints (issue 18). A rule (data/exports/dangerous-goods.yaml) names what it
 * checks (sea legs, ferry legs, sea ports): those carry the class only where the rule lists them under `accept`
 * with a source; anything under `deny` is refused whatever its mode. The result is a set of link and node indices
 * the router cuts with its own bit (routing/query.ts CUT_DANGEROUS), so a blocked route is explained as such.
 *
 * Class 7 (UOC, UN 2912): few carriers and ports take it and each port adds licences to the IMDG Code (XR57,
 * XP7), so the default for ships and ports is "no" until a source says "yes"; rail and road carry it under the
 * IAEA rules unless a source says otherwise (the 2012 Ust-Kamenogorsk–Shar line, XR54). Crude and ammonia are
 * handled by the cargo kind `liquid` (tank wagons, tankers, pipelines only) in routing/query.ts.
 */
import { type Issue, KeruenError } from '../errors.ts';
import type { Network } from '../network/network.ts';
import type { DangerousGoodsClass, DangerousGoodsRule, ExportsDataset } from './catalogue.ts';

export interface DangerousGoodsCut {
  rule: DangerousGoodsClass;
  deniedLinks: number[];
  deniedNodes: number[];
}

/**
 * The links and nodes of `net` that do not accept `cls` under its rule; undefined when the class has no rule that
 * cuts anything (crude and ammonia, whose rule is the cargo kind). Pure.
 * @example
 *   const cut = dangerousGoodsCut(net, dataset.rules, 'class7');
 *   router.search({ ...query, dangerousGoods: cut });
 */
export function dangerousGoodsCut(
  net: Network,
  rules: readonly DangerousGoodsRule[],
  cls: DangerousGoodsClass,
): DangerousGoodsCut | undefined {
  const rule = rules.find((r) => r.id === cls);
  if (rule === undefined) return undefined;
  const accepted = new Set(rule.accept.map((e) => `${e.target}:${e.id}`));
  const denied = new Set(rule.deny.map((e) => `${e.target}:${e.id}`));
  const checks = new Set(rule.checks);
  const countries = rule.countries === undefined ? undefined : new Set(rule.countries.accept);
  const outside = (nodeId: string) =>
    countries !== undefined && !countries.has(net.nodes[net.nodeIndex.get(nodeId) ?? -1]?.country ?? '');
  const deniedLinks: number[] = [];
  net.links.forEach((l, i) => {
    const checked = (l.mode === 'sea' && checks.has('sea_legs')) || (l.mode === 'ferry' && checks.has('ferry_legs'));
    const key = `link:${l.id}`;
    if (denied.has(key) || (checked && !accepted.has(key)) || outside(l.from) || outside(l.to)) deniedLinks.push(i);
  });
  const deniedNodes: number[] = [];
  net.nodes.forEach((n, i) => {
    const key = `node:${n.id}`;
    const port = n.kind === 'sea_port' && checks.has('sea_ports') && !accepted.has(key);
    if (denied.has(key) || port || outside(n.id)) deniedNodes.push(i);
  });
  if (deniedLinks.length === 0 && deniedNodes.length === 0) return undefined;
  return { rule: cls, deniedLinks, deniedNodes };
}

/**
 * Checks the exports dataset against a network: every node, link and commodity it names exists. Throws
 * KERUEN_INVALID_DATASET listing every problem.
 */
export function checkExportsDataset(net: Network, d: ExportsDataset): void {
  const issues: Issue[] = [];
  const commodities = new Set(d.commodities.map((c) => c.id));
  const node = (id: string, where: string, field: string) => {
    if (!net.nodeIndex.has(id))
      issues.push({ code: 'unknown_node', id: where, field, value: id, message: 'no such node' });
  };
  const commodity = (id: string, where: string) => {
    if (!commodities.has(id))
      issues.push({
        code: 'unknown_commodity',
        id: where,
        field: 'commodity',
        value: id,
        message: 'not in the catalogue',
      });
  };
  for (const s of d.sites) {
    node(s.node, s.id, 'node');
    commodity(s.commodity, s.id);
  }
  const flowIds = new Set<string>();
  for (const f of d.flows) {
    if (flowIds.has(f.id)) issues.push({ code: 'duplicate_id', id: f.id, message: 'flow id used twice' });
    flowIds.add(f.id);
    node(f.from, f.id, 'from');
    for (const t of f.to) node(t, f.id, 'to');
    commodity(f.commodity, f.id);
  }
  for (const r of d.rules)
    for (const e of [...r.accept, ...r.deny]) {
      const ok = e.target === 'link' ? net.linkIndex.has(e.id) : net.nodeIndex.has(e.id);
      if (!ok) issues.push({ code: `unknown_${e.target}`, id: r.id, value: e.id, message: `no such ${e.target}` });
      if (e.source === undefined && e.estimate === undefined)
        issues.push({ code: 'unsourced', id: r.id, value: e.id, message: 'an accept/deny entry needs a source' });
    }
  if (issues.length > 0)
    throw new KeruenError('KERUEN_INVALID_DATASET', `exports dataset has ${issues.length} problem(s)`, issues);
}
