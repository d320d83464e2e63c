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
import { addPlaceLabels } from './map-labels.ts';
import { NETWORK_LAYERS } from './map-layers.ts';

// MapLibre 6 finds its worker beside its own module; bundled, that file moves, so it is named here.
setWorkerUrl(workerUrl);

export { KIND_COLOURS, MODE_COLOURS, UTIL_STOPS } from './map-layers.ts';

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
  const map = baseMap(container, await loadCountries(atlasUrl));
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  const net = await network;
  const records = new Map<string, NetworkFeature>();
  for (const f of net.features) records.set(f.id, f);

  // promoteId: feature-state (scenario colours) needs ids; the records' own string ids serve.
  map.addSource('network', { type: 'geojson', data: net as unknown as GeoJSON.FeatureCollection, promoteId: 'id' });
  map.addSource('routes', { type: 'geojson', data: EMPTY });
  for (const layer of NETWORK_LAYERS) map.addLayer(layer);
  wirePointer(map, records, onSelect);
  addPlaceLabels(map, net.features);

  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  container.dataset.state = 'ready';
  (window as unknown as { __keruenMapReady?: boolean }).__keruenMapReady = true;

  const nodeCoords = (id: string): [number, number] | undefined => {
    const r = records.get(id);
    return r?.geometry.type === 'Point' ? r.geometry.coordinates : undefined;
  };
  return {
    map,
    records,
    nodeCoords,
    showItineraries(its, selected) {
      const features = itineraryFeatures(its, selected, records, nodeCoords);
      (map.getSource('routes') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
      fitToSelected(map, features);
      container.dataset.routes = String(its.length);
    },
    showLinkValues: linkColouring(map, 'links-delta', 'delta', (v) => Math.max(-1, Math.min(1, v))),
    showLinkUtilisation: linkColouring(map, 'links-util', 'util', (v) => Math.max(0, v)),
  };
}

/** The basemap (Natural Earth countries on a sea background) with navigation and scale controls. */
function baseMap(container: HTMLElement, countries: GeoJSON.FeatureCollection): MlMap {
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
  return map;
}

/** Hovering a node or link names it in a pop-up; clicking one hands its record to `onSelect`. */
function wirePointer(map: MlMap, records: Map<string, NetworkFeature>, onSelect: (f: NetworkFeature) => void): void {
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
}

/** One line per itinerary through its legs' tracks; the selected one last, so it is drawn on top. */
export function itineraryFeatures(
  its: readonly Pick<Itinerary, 'legs' | 'corridor'>[],
  selected: number,
  records: ReadonlyMap<string, NetworkFeature>,
  nodeCoords: (id: string) => [number, number] | undefined,
): GeoJSON.Feature[] {
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
  const selectedOf = (f: GeoJSON.Feature) => Number(f.properties?.selected === true);
  features.sort((a, b) => selectedOf(a) - selectedOf(b));
  return features;
}

/** Zooms to the selected itinerary's line, if it has one. */
function fitToSelected(map: MlMap, features: readonly GeoJSON.Feature[]): void {
  const sel = features.find((f) => f.properties?.selected === true);
  if (sel && sel.geometry.type === 'LineString' && sel.geometry.coordinates.length > 1) {
    const points = sel.geometry.coordinates.flatMap(([x, y]) => (x === undefined || y === undefined ? [] : [{ x, y }]));
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const bounds: LngLatBoundsLike = [
      [Math.min(...xs), Math.min(...ys)],
      [Math.max(...xs), Math.max(...ys)],
    ];
    map.fitBounds(bounds, { padding: 50, duration: 0, maxZoom: 6 });
  }
}

/**
 * A function that colours links of `layer` by a per-link feature-state `key` (values clamped by `clamp`), or
 * hides the layer and clears the states when given undefined.
 */
function linkColouring(
  map: MlMap,
  layer: string,
  key: string,
  clamp: (v: number) => number,
): (values: Map<string, number> | undefined) => void {
  let ids: string[] = [];
  return (values) => {
    for (const id of ids) map.removeFeatureState({ source: 'network', id }, key);
    ids = [];
    if (values === undefined) {
      map.setLayoutProperty(layer, 'visibility', 'none');
      return;
    }
    for (const [id, v] of values) {
      map.setFeatureState({ source: 'network', id }, { [key]: clamp(v) });
      ids.push(id);
    }
    map.setLayoutProperty(layer, 'visibility', 'visible');
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
