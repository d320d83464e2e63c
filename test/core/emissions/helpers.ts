/** Shared fixtures: the shipped factor files, optionally with extra records for worked examples. */
import {
  type EmissionFactorFile,
  type EmissionFactors,
  loadEmissionFactors,
} from '../../../src/core/emissions/index.ts';
import { readEmissionFactorFiles } from '../../../src/io/emission-factors.ts';

export const shippedFiles: EmissionFactorFile[] = readEmissionFactorFiles();

export function factorsWith(...extra: EmissionFactorFile[]): EmissionFactors {
  return loadEmissionFactors([...shippedFiles, ...extra]);
}

export const shipped: EmissionFactors = loadEmissionFactors(shippedFiles);
