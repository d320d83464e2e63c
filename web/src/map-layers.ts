/**
 * The map's colours and the MapLibre layers of the network, the scenario colourings and the itineraries, in
 * drawing order: a data table (MapLibre style specification), kept apart from the code that drives the map.
 */
import type { LayerSpecification } from 'maplibre-gl';

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

const isLink = ['==', ['get', 'recordType'], 'link'];
const modeColour = matchExpr('mode', MODE_COLOURS, '#555555');

/** Layers over the sources 'network' (links and nodes) and 'routes' (itinerary lines), bottom to top. */
export const NETWORK_LAYERS: LayerSpecification[] = [
  {
    id: 'links',
    type: 'line',
    source: 'network',
    filter: ['all', isLink, ['==', ['get', 'status'], 'operational']] as never,
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': modeColour as never, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.6, 6, 3.5] },
  },
  {
    id: 'links-planned',
    type: 'line',
    source: 'network',
    filter: ['all', isLink, ['in', ['get', 'status'], ['literal', ['planned', 'under_construction']]]] as never,
    paint: {
      'line-color': modeColour as never,
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.6, 6, 3.5],
      'line-dasharray': [2, 2],
    },
  },
  {
    id: 'links-closed',
    type: 'line',
    source: 'network',
    filter: ['all', isLink, ['==', ['get', 'status'], 'closed']] as never,
    paint: { 'line-color': '#8a8a8a', 'line-width': 1.2, 'line-dasharray': [1, 2] },
  },
  // Scenario differences: same geometry, coloured by a feature-state value set per link.
  {
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
  },
  // Utilisation under a demand set: a sequential scale, green (idle) to dark red (past capacity).
  {
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
  },
  {
    id: 'route-other',
    type: 'line',
    source: 'routes',
    filter: ['!', ['get', 'selected']] as never,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ROUTE_OTHER, 'line-width': 3, 'line-opacity': 0.45, 'line-dasharray': [1, 1.5] },
  },
  {
    id: 'route-selected-casing',
    type: 'line',
    source: 'routes',
    filter: ['get', 'selected'] as never,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#1d1d1d', 'line-width': 8 },
  },
  {
    id: 'route-selected',
    type: 'line',
    source: 'routes',
    filter: ['get', 'selected'] as never,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ROUTE_COLOUR, 'line-width': 5 },
  },
  {
    id: 'links-hit',
    type: 'line',
    source: 'network',
    filter: isLink as never,
    paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': 10 },
  },
  {
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
  },
] as LayerSpecification[];
