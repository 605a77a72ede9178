/**
 * The deterministic synthetic population that every mock reads: families, people, identifiers, statuses and
 * the simulated citizens' behaviour, generated lazily from a seed. See README.md in this folder.
 */
export { createPopulation, normalizeSeed, checkSize } from './population';
export type {
  Population,
  PopulationOptions,
  PupilEntry,
  PupilFilter,
  HomeSchoolingEntry,
  PopulationIndexStats,
} from './population';
export { DEFAULT_POPULATION_CONFIG, resolveConfig } from './config';
export type { PopulationConfig, PopulationConfigOverrides } from './config';
export { populationToJson, populationJsonChunks } from './json';
export type { PopulationJsonOptions } from './json';
export { MAX_FAMILIES, SLOTS } from './identity';
export { REGIONS, regionByCode } from './reference';
export type { RegionInfo } from './reference';
export type * from './types';
