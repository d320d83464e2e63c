/** How `keruen scenario` prints numbers and a comparison of two scenario runs as text. */
import type { Comparison, DemandSet, Pair } from '../core/index.ts';

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};

export function fmt(x: number | null, digits = 0): string {
  if (x === null || !Number.isFinite(x)) return '-';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
export function fmtMoney(x: number): string {
  if (Math.abs(x) >= 1e9) return `${fmt(x / 1e9, 2)} bn`;
  if (Math.abs(x) >= 1e6) return `${fmt(x / 1e6, 1)} m`;
  return fmt(x);
}
export function signed(x: number | null, digits = 0): string {
  if (x === null || !Number.isFinite(x)) return '-';
  const s = fmt(x, digits);
  return x > 0 ? `+${s}` : s;
}
const row = (label: string, p: Pair<number | null>, digits = 0, scale = 1) =>
  `  ${label.padEnd(34)} ${fmt(p.base === null ? null : p.base * scale, digits).padStart(14)} ${fmt(
    p.other === null ? null : p.other * scale,
    digits,
  ).padStart(14)} ${signed(p.delta === null ? null : p.delta * scale, digits).padStart(14)}`;

export function printComparison(c: Comparison, d: DemandSet): void {
  const head = (t: string) =>
    `${t.padEnd(36)} ${c.base.id.slice(0, 14).padStart(14)} ${c.other.id.slice(0, 14).padStart(14)} ${'difference'.padStart(14)}`;
  out(`${c.base.id}: ${c.base.name}`);
  out(`${c.other.id}: ${c.other.name}`);
  out(`demand: ${d.id} (${d.name}, ${d.year})`);
  out('');
  out(head('Totals per year'));
  out(row("shippers' cost (logsum), USD m", c.totals.userCostUsd, 1, 1e-6));
  out(row('generalised cost, USD m', c.totals.generalisedCostUsd, 1, 1e-6));
  out(row('transport cost, USD m', c.totals.costUsd, 1, 1e-6));
  out(row('CO2e, kt', c.totals.co2eTonnes, 1, 1e-3));
  for (const k of c.commodities) {
    if ((k.served.base ?? 0) + (k.unserved.base ?? 0) === 0) continue;
    out(row(`${k.commodity}: served, ${k.unit}`, k.served));
    out(row(`${k.commodity}: unserved, ${k.unit}`, k.unserved));
    out(row(`${k.commodity}: ${k.unit}-days in transit, m`, k.unitDays, 2, 1e-6));
  }
  out('');
  out(head('Corridor shares of served volume, %'));
  for (const k of c.corridors) out(row(`${k.commodity}: ${k.corridor}`, k.share, 1, 100));
  out('');
  out(head('OD pairs'));
  for (const o of c.ods) {
    out(`  ${o.from} -> ${o.to}, ${o.commodity}, ${fmt(o.demand)} ${o.unit}/yr`);
    out(row('  mean time, days', o.meanTimeH, 1, 1 / 24));
    out(row('  P90 time, days', o.p90TimeH, 1, 1 / 24));
    out(row(`  cost, USD/${o.unit}`, o.costUsdPerUnit));
    out(row(`  CO2e, kg/${o.unit}`, o.co2eKgPerUnit));
    out(row(`  unserved, ${o.unit}`, o.unserved));
    out(`    main corridor: ${o.mainCorridor.base ?? '-'} -> ${o.mainCorridor.other ?? '-'}`);
  }
  out('');
  out(head('Bottlenecks: utilisation, %'));
  for (const e of c.elements.slice(0, 12)) {
    const name = `${e.kind} ${e.id}${e.direction === 'reverse' ? ' (reverse)' : ''}`;
    out(row(name.slice(0, 34), e.utilisation, 1, 100));
  }
  out('');
  out(
    `equilibrium: ${c.base.id} ${c.solver.base.iterations} iterations, gap ${c.solver.base.relativeGap.toExponential(1)}; ` +
      `${c.other.id} ${c.solver.other.iterations} iterations, gap ${c.solver.other.relativeGap.toExponential(1)}`,
  );
}
