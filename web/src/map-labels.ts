/**
 * Place labels on the map, as HTML markers (the page ships no glyph fonts for MapLibre's text layers): the
 * busiest nodes (most links) are named from the first zoom, the others as the user zooms in, so the corridors'
 * hubs read at a glance and the map never fills with names. Labels repeat what the nodes' own names say, so
 * they are hidden from screen readers, which reach every node through the panel.
 */
import { Marker, type Map as MlMap } from 'maplibre-gl';
import type { NetworkFeature } from './api.ts';
import { onLangChange } from './i18n.ts';
import { placeName } from './place-search.ts';

interface Label {
  marker: Marker;
  minZoom: number;
}

/** Zoom from which a node with `degree` links is named: hubs first, border posts and waypoints last. */
export function labelMinZoom(kind: string, degree: number): number {
  if (kind === 'waypoint' || kind === 'junction') return 7;
  if (degree >= 4) return 2;
  if (degree >= 3) return 3.5;
  return kind === 'border_crossing' ? 6.5 : 5.5;
}

/** Number of links at each node id. */
export function nodeDegrees(features: readonly NetworkFeature[]): Map<string, number> {
  const d = new Map<string, number>();
  for (const f of features) {
    if (f.properties.recordType !== 'link') continue;
    for (const end of [f.properties.from, f.properties.to]) d.set(String(end), (d.get(String(end)) ?? 0) + 1);
  }
  return d;
}

export function addPlaceLabels(map: MlMap, features: readonly NetworkFeature[]): void {
  const degrees = nodeDegrees(features);
  const labels: Label[] = [];
  for (const f of features) {
    if (f.properties.recordType !== 'node' || f.geometry.type !== 'Point') continue;
    const el = document.createElement('div');
    el.className = 'place-label';
    const names = f.properties.names as Partial<Record<string, string>> | undefined;
    const label = () => placeName({ name: String(f.properties.name), names });
    el.textContent = label();
    onLangChange(() => {
      el.textContent = label();
    });
    el.setAttribute('aria-hidden', 'true');
    const marker = new Marker({ element: el, anchor: 'left', offset: [6, 0] }).setLngLat(f.geometry.coordinates);
    labels.push({ marker, minZoom: labelMinZoom(String(f.properties.kind), degrees.get(f.properties.id) ?? 0) });
  }
  const shown = new Set<Label>();
  const update = () => {
    const z = map.getZoom();
    for (const l of labels) {
      const on = z >= l.minZoom;
      if (on && !shown.has(l)) {
        l.marker.addTo(map);
        shown.add(l);
      } else if (!on && shown.has(l)) {
        l.marker.remove();
        shown.delete(l);
      }
    }
  };
  map.on('zoomend', update);
  update();
}
