/**
 * The fitted calibration on an itinerary's timeline: the router's timelines go through it when the network has a
 * fitted calibration (data/calibration), so every answer that simulates a timeline (reliability, route samples,
 * shipment ETAs, scenario comparisons) draws from the calibrated bands. Refitting reads a network without it.
 */
import type { Network } from '../network/network.ts';
import type { Timeline } from '../reliability/timeline.ts';
import { type CalibrationParams, calibrateTimeline } from './calibrated-timeline.ts';
import { classifySteps, journeyClassOf, type PlaceInfo } from './facility-class.ts';
import { placesOf } from './places.ts';

const placesCache = new WeakMap<Network, Map<string, PlaceInfo>>();

/** The timeline with each step of a calibrated type redrawn, and the journey factor it carries. */
export function calibrateItineraryTimeline<T extends Timeline>(net: Network, t: T): T {
  const cal = net.calibration;
  if (cal === undefined || t.steps.length === 0) return t;
  let places = placesCache.get(net);
  if (places === undefined) {
    places = placesOf(net);
    placesCache.set(net, places);
  }
  const params = cal.params as CalibrationParams;
  const classes = classifySteps(t.steps, places);
  const out = calibrateTimeline(t, classes, params);
  const sigma = params[journeyClassOf(classes)]?.sigma ?? 0;
  return { ...t, steps: out.steps, ...(sigma > 0 ? { journeySigma: sigma } : {}) };
}
