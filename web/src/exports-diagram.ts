/**
 * The Exports view's flow diagram: origins → corridors → EU entry points, drawn as an SVG of three columns
 * whose bands are as wide as the tonnes they carry (a plain drawing: d3-sankey is not a dependency). Flows priced
 * without a sourced tonnage are drawn as hairlines so that their route still shows.
 */
import type { ExportsAnswer } from './exports-api.ts';

const SVG = 'http://www.w3.org/2000/svg';
const W = 560;
const COL_X = [10, 230, 450];
const BOX_W = 100;
const PALETTE = ['#a3281b', '#24489b', '#2e6f3e', '#7a5200', '#6a2c91', '#006d87', '#b0006d', '#444444'];

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

interface Band {
  from: string;
  mid: string;
  to: string;
  tonnes: number;
  commodity: string;
}

/** The bands of the diagram: one per route of a flow, weighted by its tonnes (hairline when none). */
export function diagramBands(a: ExportsAnswer): Band[] {
  return a.flows.flatMap((f) =>
    f.routes.map((r) => ({
      from: f.fromName,
      mid: r.corridor,
      to: r.toName,
      tonnes: r.tonnes ?? 0,
      commodity: f.commodity,
    })),
  );
}

export function flowDiagram(a: ExportsAnswer, title: string): SVGSVGElement {
  const bands = diagramBands(a);
  const cols = [0, 1, 2].map((c) => [...new Set(bands.map((b) => (c === 0 ? b.from : c === 1 ? b.mid : b.to)))]);
  const rows = Math.max(1, ...cols.map((c) => c.length));
  const H = 30 + rows * 34;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'exports-diagram' });
  const t = svgEl('title', {});
  t.textContent = title;
  svg.append(t);
  const total = bands.reduce((s, b) => s + b.tonnes, 0) || 1;
  const yOf = (c: number, name: string) => 20 + (cols[c]?.indexOf(name) ?? 0) * 34 + 12;
  const colours = new Map<string, string>();
  for (const b of bands)
    if (!colours.has(b.commodity)) colours.set(b.commodity, PALETTE[colours.size % PALETTE.length] ?? '#444');
  for (const b of bands) {
    const w = Math.max(1, (b.tonnes / total) * 24);
    for (const [c, x1, x2, n1, n2] of [
      [0, COL_X[0], COL_X[1], b.from, b.mid],
      [1, COL_X[1], COL_X[2], b.mid, b.to],
    ] as const) {
      const y1 = yOf(c, n1);
      const y2 = yOf(c + 1, n2);
      const xa = (x1 ?? 0) + BOX_W;
      const xb = x2 ?? 0;
      const d = `M${xa},${y1} C${(xa + xb) / 2},${y1} ${(xa + xb) / 2},${y2} ${xb},${y2}`;
      const p = svgEl('path', {
        d,
        fill: 'none',
        stroke: colours.get(b.commodity) ?? '#444',
        'stroke-width': w,
        opacity: 0.55,
      });
      const tip = svgEl('title', {});
      tip.textContent = `${b.commodity}: ${b.from} → ${b.mid} → ${b.to}${b.tonnes > 0 ? `, ${Math.round(b.tonnes / 1000)} kt/yr` : ''}`;
      p.append(tip);
      svg.append(p);
    }
  }
  cols.forEach((names, c) => {
    for (const n of names) {
      const y = yOf(c, n);
      svg.append(
        svgEl('rect', {
          x: COL_X[c] ?? 0,
          y: y - 11,
          width: BOX_W,
          height: 22,
          rx: 3,
          fill: '#f4f4f4',
          stroke: '#999',
        }),
      );
      const label = svgEl('text', { x: (COL_X[c] ?? 0) + 4, y: y + 4, 'font-size': 10 });
      label.textContent = n.length > 18 ? `${n.slice(0, 17)}…` : n;
      svg.append(label);
    }
  });
  return svg;
}
