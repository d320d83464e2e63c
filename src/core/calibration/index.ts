/**
 * Calibration of the transit-time distributions against observed journeys: facility types, the calibration
 * layer that rescales a timeline, the maximum a posteriori fit, k-fold cross-validation and the coverage, PIT
 * and sharpness scores. Pure; see docs/validation.md.
 */
export {
  applyJourneyFactor,
  type CalibrationParams,
  type ClassParams,
  calibrateTimeline,
  medianOf,
} from './calibrated-timeline.ts';
export {
  type BandPrediction,
  type CoverageSummary,
  calibrationCurve,
  median,
  pitHistogram,
  summariseCoverage,
} from './coverage.ts';
export { bandOf, type CasePrediction, type CrossValidation, crossValidate, foldsOf } from './cross-validation.ts';
export {
  classifySteps,
  FACILITY_CLASSES,
  type FacilityClass,
  journeyClassOf,
  onBlackSea,
  onCaspian,
  type PlaceInfo,
  WAIT_CLASSES,
} from './facility-class.ts';
export { type CalibrationCase, type FitOptions, type FitResult, fitCalibration, predictCase } from './fit.ts';
export { placesOf } from './places.ts';
export { logDensity, pitOf, sortedQuantile } from './scores.ts';
