import { DomainValidationError } from '../../src/domain/errors';
import type { Population } from './population';

/** Which families {@link populationToJson} prints. */
export interface PopulationJsonOptions {
  /** First family index (default 0). */
  readonly from?: number;
  /** How many families at most (default: all from `from` on). */
  readonly limit?: number;
}

function range(pop: Population, options: PopulationJsonOptions): [number, number] {
  const from = options.from ?? 0;
  const limit = options.limit ?? pop.size;
  if (!Number.isInteger(from) || from < 0) {
    throw new DomainValidationError('POPULATION_OPTIONS', 'from must be an integer ≥ 0');
  }
  if (!Number.isInteger(limit) || limit < 0) {
    throw new DomainValidationError('POPULATION_OPTIONS', 'limit must be an integer ≥ 0');
  }
  return [Math.min(from, pop.size), Math.min(pop.size, from + limit)];
}

/**
 * The population as JSON text in pieces, so that a CLI can write a million families without holding them: a
 * header, then one family per piece, then the closing brackets. Joined, the pieces are {@link populationToJson}.
 * @throws {DomainValidationError} POPULATION_OPTIONS on a bad `from` or `limit`.
 */
export function* populationJsonChunks(
  pop: Population,
  options: PopulationJsonOptions = {},
): Generator<string> {
  const [from, to] = range(pop, options);
  const header = {
    seed: pop.seed,
    size: pop.size,
    referenceDate: pop.config.referenceDate,
    from,
    count: to - from,
  };
  yield `${JSON.stringify(header).slice(0, -1)},"families":[`;
  let first = true;
  for (const f of pop.families(from, to)) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(f)}`;
    first = false;
  }
  yield '\n]}\n';
}

/**
 * The families `from`…`from + limit − 1` as one JSON document
 * `{ seed, size, referenceDate, from, count, families: [...] }`, one family per line; what
 * `kz-proactive population --seed S --families N --json` prints. Byte-identical for the same seed, size and config.
 * @throws {DomainValidationError} POPULATION_OPTIONS on a bad `from` or `limit`.
 */
export function populationToJson(pop: Population, options: PopulationJsonOptions = {}): string {
  let out = '';
  for (const chunk of populationJsonChunks(pop, options)) out += chunk;
  return out;
}
