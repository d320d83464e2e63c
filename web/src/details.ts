/**
 * The facts panel of a node or link: its main fields, every figure with where it comes from (source ids or the
 * estimate's reasoning), and the cited sources with titles and links. Readable by keyboard and screen reader.
 */
import type { NetworkFeature } from './api.ts';
import { fmtNumber, t } from './i18n.ts';

interface FigureLike {
  value?: number;
  dist?: string;
  p50?: number;
  p90?: number;
  min?: number;
  max?: number;
  mode?: number;
  unit?: string;
  source?: string | string[];
  estimate?: string;
  year?: number;
  note?: string;
}

const isFigure = (v: unknown): v is FigureLike =>
  v !== null && typeof v === 'object' && ('value' in v || 'dist' in v) && !Array.isArray(v);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** A figure as readable text: "140 000", "lognormal P50 48 h, P90 168 h". */
function figureText(f: FigureLike): string {
  if (f.value !== undefined && f.dist === undefined) return fmtNumber(f.value, 2);
  switch (f.dist) {
    case 'fixed':
      return `${fmtNumber(f.value ?? Number.NaN, 1)} h`;
    case 'lognormal':
      return `P50 ${fmtNumber(f.p50 ?? Number.NaN, 1)} h, P90 ${fmtNumber(f.p90 ?? Number.NaN, 1)} h`;
    case 'uniform':
      return `${fmtNumber(f.min ?? Number.NaN, 1)}–${fmtNumber(f.max ?? Number.NaN, 1)} h`;
    case 'triangular':
      return `${fmtNumber(f.min ?? Number.NaN, 1)} / ${fmtNumber(f.mode ?? Number.NaN, 1)} / ${fmtNumber(f.max ?? Number.NaN, 1)} h`;
    default:
      return f.dist ?? '';
  }
}

function provenance(f: FigureLike): string {
  const parts: string[] = [];
  if (f.source !== undefined) parts.push((Array.isArray(f.source) ? f.source : [f.source]).join(', '));
  if (f.estimate !== undefined) parts.push(`${t('field.estimate')}: ${f.estimate}`);
  if (f.year !== undefined) parts.push(String(f.year));
  if (f.note !== undefined) parts.push(f.note);
  return parts.join(' · ');
}

/** Every figure in a record, with its dotted path ("facility.capacityTeuPerYear"). */
function figures(v: unknown, path: string, out: Array<[string, FigureLike]>): void {
  if (isFigure(v)) {
    out.push([path, v]);
    return;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'cited' || k === 'coordsProvenance') continue;
    figures(x, path === '' ? k : `${path}.${k}`, out);
  }
}

export function renderRecord(panel: HTMLElement, rec: NetworkFeature, records: Map<string, NetworkFeature>): void {
  const p = rec.properties;
  panel.replaceChildren();
  const name = (id: unknown) => String(records.get(String(id))?.properties.name ?? id);
  const title =
    p.recordType === 'node' ? String(p.name) : `${name(p.from)} – ${name(p.to)} (${t(`mode.${String(p.mode)}`)})`;
  const h = el('h3', title);
  h.id = 'details-title';
  h.tabIndex = -1;
  panel.append(h);

  const dl = el('dl', undefined, 'facts');
  const row = (k: string, v: string) => {
    if (v === '') return;
    dl.append(el('dt', k), el('dd', v));
  };
  row('id', p.id);
  if (p.recordType === 'node') {
    row(t('field.kind'), t(`kind.${String(p.kind)}`));
    row(t('field.country'), String(p.country));
    if (p.locode) row(t('field.locode'), String(p.locode));
    const aliases = (p.aliases as string[] | undefined) ?? [];
    if (aliases.length) row(t('field.aliases'), aliases.join(', '));
  } else {
    row(t('field.mode'), t(`mode.${String(p.mode)}`));
    if (p.gauge !== undefined) row(t('field.gauge'), `${p.gauge} mm`);
  }
  row(t('field.status'), `${t(`status.${String(p.status)}`)}${p.statusYear ? ` (${p.statusYear})` : ''}`);
  const corridors = (p.corridors as string[] | undefined) ?? [];
  if (corridors.length) row(t('field.corridors'), corridors.join(', '));
  panel.append(dl);

  const figs: Array<[string, FigureLike]> = [];
  figures(p, '', figs);
  if (figs.length) {
    const table = el('table', undefined, 'figures');
    const thead = el('thead');
    const tr = el('tr');
    tr.append(el('th', t('field.figure')), el('th', t('field.value')), el('th', t('map.sources')));
    for (const th of tr.children) th.setAttribute('scope', 'col');
    thead.append(tr);
    const tbody = el('tbody');
    for (const [path, f] of figs) {
      const r = el('tr');
      const th = el('th', path);
      th.scope = 'row';
      r.append(th, el('td', figureText(f)), el('td', provenance(f)));
      tbody.append(r);
    }
    table.append(thead, tbody);
    panel.append(table);
  }
  if (p.note) panel.append(el('p', `${t('field.note')}: ${String(p.note)}`, 'note'));

  panel.append(el('h4', t('map.sources')));
  const cited = (p.cited as Array<{ id: string; title: string; url?: string; date?: string }> | undefined) ?? [];
  if (cited.length === 0) panel.append(el('p', t('map.noSources')));
  else {
    const ul = el('ul', undefined, 'sources');
    for (const s of cited) {
      const li = el('li');
      li.append(el('strong', `${s.id} `));
      if (s.url) {
        const a = el('a', s.title);
        a.href = s.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.append(a);
      } else li.append(document.createTextNode(s.title));
      if (s.date) li.append(document.createTextNode(` (${s.date})`));
      ul.append(li);
    }
    panel.append(ul);
  }
  panel.hidden = false;
}
