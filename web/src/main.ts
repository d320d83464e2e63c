/**
 * The page's entry: language, tabs, the map with the network, and the four views (route planner, scenarios,
 * shipments, exports). The network is fetched once and shared by the map and the place search.
 */
import './style.css';
import { must } from '../../src/core/browser.ts';
import { getNetworkGeoJson, type NetworkFeature } from './api.ts';
import { renderRecord } from './details.ts';
import { initExports } from './exports-view.ts';
import { applyStatic, initialLang, isLang, type Lang, onLangChange, setLang, t } from './i18n.ts';
import { initInvestments } from './investments-view.ts';
import { registerPlaces } from './local-names.ts';
import { createMap, type KeruenMap, KIND_COLOURS, MODE_COLOURS } from './map.ts';
import { PlaceIndex } from './place-search.ts';
import { initPlanner } from './planner.ts';
import { initScenarios } from './scenarios.ts';
import { initShipments } from './shipments.ts';
import { browserZone, currentZone, initialZone, setZone, zoneChoices } from './time-zone.ts';

const $ = <T extends HTMLElement>(sel: string): T => must(document.querySelector<T>(sel), `page element ${sel}`);

function initTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const show = (tab: HTMLButtonElement, focus: boolean) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      must(document.getElementById(t.getAttribute('aria-controls') ?? ''), `panel of tab ${t.id}`).hidden = !on;
    }
    if (focus) tab.focus();
  };
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => show(tab, false));
    // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab leaves the tab list.
    tab.addEventListener('keydown', (e) => {
      const j =
        e.key === 'ArrowRight'
          ? i + 1
          : e.key === 'ArrowLeft'
            ? i - 1
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? tabs.length - 1
                : -1;
      if (j === -1 && !['ArrowRight', 'ArrowLeft'].includes(e.key)) return;
      e.preventDefault();
      const next = tabs[(j + tabs.length) % tabs.length];
      if (next) show(next, true);
    });
  }
}

/** The map's legend, foldable: open on wide screens, folded on phones; re-rendering keeps the user's choice. */
function renderLegend(box: HTMLElement): void {
  const was = box.querySelector('details');
  const details = document.createElement('details');
  details.open = was ? was.open : window.innerWidth > 900;
  box.replaceChildren(details);
  const h = document.createElement('summary');
  h.textContent = t('map.legend');
  const ul = document.createElement('ul');
  const item = (swatch: HTMLElement, label: string) => {
    const li = document.createElement('li');
    swatch.setAttribute('aria-hidden', 'true');
    li.append(swatch, document.createTextNode(label));
    ul.append(li);
  };
  for (const [mode, colour] of Object.entries(MODE_COLOURS)) {
    const s = document.createElement('span');
    s.className = 'sw-line';
    s.style.borderColor = colour;
    item(s, t(`mode.${mode}`));
  }
  const dashed = document.createElement('span');
  dashed.className = 'sw-line dashed';
  item(dashed, t('map.planned'));
  const route = document.createElement('span');
  route.className = 'sw-line route';
  item(route, t('map.route'));
  const seen = new Set<string>();
  for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
    if (seen.has(colour + kind) || kind === 'city') continue;
    seen.add(colour + kind);
    const s = document.createElement('span');
    s.className = 'sw-dot';
    s.style.background = colour;
    item(s, t(`kind.${kind}`));
  }
  details.append(h, ul);
}

/** The time-zone choice: its options named in the current language; a change re-renders every view. */
function initZoneSelect(select: HTMLSelectElement): void {
  setZone(initialZone());
  const fill = () => {
    const mine = browserZone();
    select.replaceChildren(
      ...zoneChoices().map((z) => new Option(z === mine && z !== 'UTC' ? t('tz.mine', { zone: z }) : z, z)),
    );
    select.value = currentZone();
  };
  fill();
  onLangChange(fill);
  select.addEventListener('change', () => {
    setZone(select.value);
    setLang(document.documentElement.lang as Lang);
  });
}

function main(): void {
  setLang(initialLang());
  const langSelect = $<HTMLSelectElement>('#lang');
  langSelect.value = document.documentElement.lang;
  langSelect.addEventListener('change', () => {
    if (isLang(langSelect.value)) setLang(langSelect.value);
  });
  initZoneSelect($<HTMLSelectElement>('#tz'));
  initTabs();
  applyStatic(document);

  const legend = $<HTMLElement>('.legend');
  renderLegend(legend);
  onLangChange(() => renderLegend(legend));

  const detailsBox = $<HTMLElement>('#details');
  const detailsBody = $<HTMLElement>('#details .details-body');
  let shown: NetworkFeature | undefined;
  let records = new Map<string, NetworkFeature>();
  const showRecord = (f: NetworkFeature) => {
    shown = f;
    renderRecord(detailsBody, f, records);
    detailsBox.hidden = false;
  };
  $<HTMLButtonElement>('#details .close').addEventListener('click', () => {
    detailsBox.hidden = true;
    shown = undefined;
  });
  onLangChange(() => {
    if (shown) renderRecord(detailsBody, shown, records);
  });

  const network = getNetworkGeoJson();
  const loading = $<HTMLElement>('.map-loading');
  const mapBox = $<HTMLElement>('#map');
  const mapReady: Promise<KeruenMap> = createMap(mapBox, network, showRecord);
  mapReady.then(
    (m) => {
      records = m.records;
      loading.hidden = true;
      // For the browser tests and for debugging from the console: the MapLibre map.
      (window as unknown as { keruenMap: unknown }).keruenMap = m.map;
      onLangChange(() => m.map.getCanvas().setAttribute('aria-label', t('map.label')));
    },
    (err: unknown) => {
      mapBox.dataset.state = 'error';
      loading.removeAttribute('data-i18n');
      loading.textContent = t('map.failed', { msg: (err as Error).message });
      loading.classList.add('error');
    },
  );

  network.then(
    (net) => {
      const places = new PlaceIndex(net.features);
      registerPlaces(places.byId.values());
      if (records.size === 0) for (const f of net.features) records.set(f.id, f);
      const ctx = {
        places,
        map: mapReady,
        showPlace: (id: string) => {
          const f = records.get(id);
          if (f) showRecord(f);
        },
      };
      initPlanner($('#view-plan'), ctx);
      initScenarios($('#view-scenarios'), ctx);
      initShipments($('#view-shipments'), ctx);
      initExports($('#view-exports'), ctx);
      initInvestments($('#view-investments'), ctx);
    },
    (err: unknown) => {
      $('#view-plan .plan-status').textContent = t('common.error', { msg: (err as Error).message });
    },
  );
}

main();
