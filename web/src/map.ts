/**
 * The map: an offline Natural Earth basemap, the network by mode and status (planned links dashed), nodes by
 * kind, itineraries as lines, and scenario differences as link colours. Hovering a node or link names it;
 * clicking one hands its full record (figures with their sources) to the caller, which shows it in a panel that
 * a screen reader can read, rather than in a map pop-up it cannot.
 */
import {
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MlMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { Itinerary, NetworkFeature, NetworkGeoJson } from './api.ts';
import { loadCountries } from './basemap.ts';
import { t } from './i18n.ts';

// MapLibre 6 finds its worker beside its own module; bundled, that file moves, so it is named here.
setWorkerUrl(workerUrl);

export const MODE_COLOURS: Readonly<Record<string, string>> = {
  rail: '#a3281b',
  road: '#7a5200',
  ferry: '#006d87',
  sea: '#24489b',
  inland_waterway: '#2e6f3e',
};
export const KIND_COLOURS: Readonly<Record<string, string>> = {
  sea_port: '#1b3f8b',
  dry_port: '#6a2c91',
  terminal: '#6a2c91',
  border_crossing: '#c05600',
  gauge_change: '#b0006d',
  junction: '#444444',
  city: '#444444',
  waypoint: '#777777',
};
const ROUTE_COLOUR = '#ffb000';
/** Utilisation colour stops (value, colour), shared with the legend of the scenario view. */
export const UTIL_STOPS: ReadonlyArray<readonly [number, string]> = [
  [0, '#1b7837'],
  [0.5, '#a6a600'],
  [0.8, '#e08214'],
  [1, '#b2182b'],
  [1.2, '#4d0019'],
];
const ROUTE_OTHER = '#3a3a3a';

const matchExpr = (prop: string, colours: Readonly<Record<string, string>>, fallback: string): unknown[] => [
  'match',
  ['get', prop],
  ...Object.entries(colours).flat(),
  fallback,
];

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface KeruenMap {
  map: MlMap;
  /** Network records by id (the full properties: MapLibre flattens nested objects in rendered features). */
  records: Map<string, NetworkFeature>;
  showItineraries(its: Itinerary[], selected: number): void;
  /** Colours links by a value in -1..1 (scenario difference); undefined clears. */
  showLinkValues(values: Map<string, number> | undefined): void;
  /** Colours links by utilisation (flow / capacity, 1 = full); undefined clears. */
  showLinkUtilisation(values: Map<string, number> | undefined): void;
  nodeCoords(id: string): [number, number] | undefined;
}

/**
 * Builds the map in `container` and resolves once the basemap and the network are drawn. Sets
 * `container.dataset.state` to loading / ready / error, and window.__keruenMapReady for the browser tests.
 */
export async function createMap(
  container: HTMLElement,
  network: Promise<NetworkGeoJson>,
  onSelect: (f: NetworkFeature) => void,
): Promise<KeruenMap> {
  container.dataset.state = 'loading';
  const countries = await loadCountries(atlasUrl);
  const map = new MlMap({
    container,
    style: {
      version: 8,
      sources: { countries: { type: 'geojson', data: countries } },
      layers: [
        { id: 'sea', type: 'background', paint: { 'background-color': '#cfdfea' } },
        { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f3ec' } },
        { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#b8b0a0', 'line-width': 0.7 } },
      ],
    },
    // From the North Sea to the Yellow Sea: both ends of the corridors in view on a laptop screen.
    bounds: [
      [2, 20],
      [122, 58],
    ],
    minZoom: 1,
    maxZoom: 12,
    attributionControl: { compact: false, customAttribution: 'Natural Earth · Keruen dataset' },
    // The canvas is focusable and MapLibre's keyboard handler pans and zooms with arrows and +/-.
    keyboard: true,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.getCanvas().setAttribute('aria-label', t('map.label'));

  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  const net = await network;
  const records = new Map<string, NetworkFeature>();
  for (const f of net.features) records.set(f.id, f);

  // promoteId: feature-state (scenario colours) needs ids; the records' own string ids serve.
  map.addSource('network', { type: 'geojson', data: net as unknown as GeoJSON.FeatureCollection, promoteId: 'id' });
  map.addSource('routes', { type: 'geojson', data: EMPTY });
  const isLink = ['==', ['get', 'recordType'], 'link'];
  const modeColour = matchExpr('mode', MODE_COLOURS, '#555555');
  map.addLayer({
    id: 'links',
    type: 'line',
    source: 'network',
    filter: ['all', isLink, ['==', ['get', 'status'], 'operational']] as never,
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': modeColour as never, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.6, 6, 3.5] },
  });
  map.addLayer({
    id: 'links-planned',
    type: 'line',
    source: 'network',
    filter: ['all', isLink, ['in', ['get', 'status'], ['literal', ['planned', 'under_construction']]]] as never,
    paint: {
      'line-color': modeColour as never,
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.6, 6, 3.5],
      'line-dasharray': [2, 2],
    },
  });
  map.addLayer({
    id: 'links-closed',
    type: 'line',
    source: 'network',
    filter: ['all', isLink, ['==', ['get', 'status'], 'closed']] as never,
    paint: { 'line-color': '#8a8a8a', 'line-width': 1.2, 'line-dasharray': [1, 2] },
  });
  // Scenario differences: same geometry, coloured by a feature-state value set per link.
  map.addLayer({
    id: 'links-delta',
    type: 'line',
    source: 'network',
    filter: isLink as never,
    layout: { visibility: 'none' },
    paint: {
      'line-width': 5,
      // Only links given a value are drawn; the others keep the network's own colours.
      'line-opacity': ['case', ['==', ['coalesce', ['feature-state', 'delta'], 99], 99], 0, 1],
      'line-color': [
        'interpolate',
        ['linear'],
        ['coalesce', ['feature-state', 'delta'], 0],
        -1,
        '#1a6fb0',
        0,
        '#9e9e9e',
        1,
        '#c62828',
      ],
    },
  });
  // Utilisation under a demand set: a sequential scale, green (idle) to dark red (past capacity).
  map.addLayer({
    id: 'links-util',
    type: 'line',
    source: 'network',
    filter: isLink as never,
    layout: { visibility: 'none', 'line-cap': 'round' },
    paint: {
      'line-width': 5,
      'line-opacity': ['case', ['==', ['coalesce', ['feature-state', 'util'], -1], -1], 0, 1],
      'line-color': ['interpolate', ['linear'], ['coalesce', ['feature-state', 'util'], 0], ...UTIL_STOPS.flat()],
    },
  });
  map.addLayer({
    id: 'route-other',
    type: 'line',
    source: 'routes',
    filter: ['!', ['get', 'selected']] as never,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ROUTE_OTHER, 'line-width': 3, 'line-opacity': 0.45, 'line-dasharray': [1, 1.5] },
  });
  map.addLayer({
    id: 'route-selected-casing',
    type: 'line',
    source: 'routes',
    filter: ['get', 'selected'] as never,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#1d1d1d', 'line-width': 8 },
  });
  map.addLayer({
    id: 'route-selected',
    type: 'line',
    source: 'routes',
    filter: ['get', 'selected'] as never,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ROUTE_COLOUR, 'line-width': 5 },
  });
  map.addLayer({
    id: 'links-hit',
    type: 'line',
    source: 'network',
    filter: isLink as never,
    paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': 10 },
  });
  map.addLayer({
    id: 'nodes',
    type: 'circle',
    source: 'network',
    filter: ['==', ['get', 'recordType'], 'node'] as never,
    paint: {
      'circle-color': matchExpr('kind', KIND_COLOURS, '#444444') as never,
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        2,
        ['match', ['get', 'kind'], ['sea_port', 'dry_port', 'terminal'], 3.5, ['waypoint'], 1.5, 2.5],
        6,
        ['match', ['get', 'kind'], ['sea_port', 'dry_port', 'terminal'], 7, ['waypoint'], 3, 5],
      ],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
      'circle-opacity': ['match', ['get', 'status'], 'operational', 1, 0.55],
    },
  });

  const hover = new Popup({ closeButton: false, closeOnClick: false, className: 'hover-popup', maxWidth: '280px' });
  for (const layer of ['nodes', 'links-hit']) {
    map.on('mousemove', layer, (e) => {
      const f = e.features?.[0];
      if (!f) return;
      map.getCanvas().style.cursor = 'pointer';
      const rec = records.get(String(f.properties.id));
      if (rec) hover.setLngLat(e.lngLat).setDOMContent(hoverContent(rec, records)).addTo(map);
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      hover.remove();
    });
  }
  map.on('click', (e) => {
    // Nodes win over links: they sit on links' ends and are the smaller target.
    const hits = map.queryRenderedFeatures(e.point, { layers: ['nodes', 'links-hit'] });
    const f = hits.find((h) => h.layer.id === 'nodes') ?? hits[0];
    const rec = f ? records.get(String(f.properties.id)) : undefined;
    if (rec) onSelect(rec);
  });

  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  container.dataset.state = 'ready';
  (window as unknown as { __keruenMapReady?: boolean }).__keruenMapReady = true;

  const nodeCoords = (id: string): [number, number] | undefined => {
    const r = records.get(id);
    return r?.geometry.type === 'Point' ? r.geometry.coordinates : undefined;
  };

  let deltaIds: string[] = [];
  let utilIds: string[] = [];
  return {
    map,
    records,
    nodeCoords,
    showItineraries(its, selected) {
      const features: GeoJSON.Feature[] = [];
      its.forEach((it, i) => {
        const coords: [number, number][] = [];
        for (const leg of it.legs) {
          const track = legTrack(leg, records, nodeCoords);
          if (track === undefined) continue;
          // Consecutive legs meet at a node: its position is not repeated.
          coords.push(...(coords.length === 0 ? track : track.slice(1)));
        }
        features.push({
          type: 'Feature',
          properties: { index: i, selected: i === selected, corridor: it.corridor },
          geometry: { type: 'LineString', coordinates: coords },
        });
      });
      // Draw the selected one last so it is on top within its layer too.
      features.sort((a, b) => Number(a.properties!.selected) - Number(b.properties!.selected));
      (map.getSource('routes') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
      const sel = features.find((f) => f.properties!.selected);
      if (sel && sel.geometry.type === 'LineString' && sel.geometry.coordinates.length > 1) {
        const xs = sel.geometry.coordinates.map((c) => c[0]!);
        const ys = sel.geometry.coordinates.map((c) => c[1]!);
        const bounds: LngLatBoundsLike = [
          [Math.min(...xs), Math.min(...ys)],
          [Math.max(...xs), Math.max(...ys)],
        ];
        map.fitBounds(bounds, { padding: 50, duration: 0, maxZoom: 6 });
      }
      container.dataset.routes = String(its.length);
    },
    showLinkValues(values) {
      for (const id of deltaIds) map.removeFeatureState({ source: 'network', id }, 'delta');
      deltaIds = [];
      if (values === undefined) {
        map.setLayoutProperty('links-delta', 'visibility', 'none');
        return;
      }
      for (const [id, v] of values) {
        map.setFeatureState({ source: 'network', id }, { delta: Math.max(-1, Math.min(1, v)) });
        deltaIds.push(id);
      }
      map.setLayoutProperty('links-delta', 'visibility', 'visible');
    },
    showLinkUtilisation(values) {
      for (const id of utilIds) map.removeFeatureState({ source: 'network', id }, 'util');
      utilIds = [];
      if (values === undefined) {
        map.setLayoutProperty('links-util', 'visibility', 'none');
        return;
      }
      for (const [id, v] of values) {
        map.setFeatureState({ source: 'network', id }, { util: Math.max(0, v) });
        utilIds.push(id);
      }
      map.setLayoutProperty('links-util', 'visibility', 'visible');
    },
  };
}

/**
 * A leg's line: its link's drawn geometry from the network GeoJSON (sea legs follow the shipping lanes there),
 * reversed when the leg runs against the link's direction; the chord between its end nodes when the link is not
 * found or does not end at the leg's nodes.
 */
export function legTrack(
  leg: { linkId: string; from: string; to: string },
  records: ReadonlyMap<string, NetworkFeature>,
  nodeCoords: (id: string) => [number, number] | undefined,
): [number, number][] | undefined {
  const a = nodeCoords(leg.from);
  const b = nodeCoords(leg.to);
  if (a === undefined || b === undefined) return undefined;
  const link = records.get(leg.linkId);
  if (link?.geometry.type === 'LineString' && link.geometry.coordinates.length > 2) {
    const { from, to } = link.properties;
    if (from === leg.from && to === leg.to) return link.geometry.coordinates;
    if (from === leg.to && to === leg.from) return [...link.geometry.coordinates].reverse();
  }
  return [a, b];
}

function hoverContent(rec: NetworkFeature, records: Map<string, NetworkFeature>): HTMLElement {
  const p = rec.properties;
  const div = document.createElement('div');
  const strong = document.createElement('strong');
  const small = document.createElement('div');
  if (p.recordType === 'node') {
    strong.textContent = String(p.name);
    small.textContent = `${t(`kind.${p.kind}`)} · ${p.country} · ${t(`status.${p.status}`)}`;
  } else {
    const a = records.get(String(p.from))?.properties.name ?? p.from;
    const b = records.get(String(p.to))?.properties.name ?? p.to;
    strong.textContent = `${a} – ${b}`;
    const km = (p.distanceKm as { value?: number } | undefined)?.value;
    small.textContent = `${t(`mode.${p.mode}`)} · ${t(`status.${p.status}`)}${km ? ` · ${Math.round(km)} km` : ''}`;
  }
  div.append(strong, small);
  return div;
}
