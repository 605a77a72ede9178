import { DomainValidationError } from './errors';
import { computeIinCheckDigit, hasValidIinChecksum } from './iin';
import { maskIin } from './mask';

/**
 * BIN (БСН / БИН), the 12-digit business identification number of an organisation:
 * YYMM of registration, the entity type digit, the division digit, five serial digits and a check digit
 * computed like the IIN's (weighted mod 11 with a second weight set).
 */

/** 5th digit: 4 resident legal entity, 5 non-resident legal entity, 6 joint individual entrepreneurship. */
export type BinEntityType = 'resident' | 'nonResident' | 'jointEntrepreneur';
/** 6th digit: 0 head office, 1 branch, 2 representative office, 3 peasant (farm) enterprise in joint form. */
export type BinDivision = 'head' | 'branch' | 'representative' | 'peasantFarm';

const ENTITY_DIGIT: Readonly<Record<BinEntityType, number>> = {
  resident: 4,
  nonResident: 5,
  jointEntrepreneur: 6,
};
const DIVISION_DIGIT: Readonly<Record<BinDivision, number>> = {
  head: 0,
  branch: 1,
  representative: 2,
  peasantFarm: 3,
};
const ENTITY_BY_DIGIT = invert(ENTITY_DIGIT);
const DIVISION_BY_DIGIT = invert(DIVISION_DIGIT);

function invert<K extends string>(o: Readonly<Record<K, number>>): ReadonlyMap<number, K> {
  return new Map((Object.entries(o) as [K, number][]).map(([k, v]) => [v, k]));
}

// Guards against inherited keys such as 'toString' coming from untyped callers.
function ownValue(o: Readonly<Record<string, number>>, key: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** What a BIN says about the organisation. */
export interface BinInfo {
  /** Two-digit year and month of registration, 'YYMM' (the century is not encoded). */
  registeredYymm: string;
  entityType: BinEntityType;
  division: BinDivision;
}

/** Options of {@link generateBin}: give either `serial` or `random`, not both. */
export interface GenerateBinOptions {
  /** Registration month, 'YYYY-MM'. */
  registered: string;
  /** Default 'resident'. */
  entityType?: BinEntityType;
  /** Default 'head'. */
  division?: BinDivision;
  /** Serial 0–99999; an unusable serial is skipped forward (wrapping). Default 0. */
  serial?: number;
  /** PRNG returning floats in [0, 1), used to draw the serial. */
  random?: () => number;
}

/**
 * Parses a BIN: 12 digits, month 01–12, known entity type and division digits, correct check digit.
 * @throws {DomainValidationError} BIN_FORMAT, BIN_DATE, BIN_TYPE or BIN_CHECKSUM.
 */
export function parseBin(s: string): BinInfo {
  if (typeof s !== 'string' || !/^\d{12}$/.test(s)) {
    throw new DomainValidationError(
      'BIN_FORMAT',
      `BIN must be exactly 12 digits (got ${typeof s === 'string' ? maskIin(s) : typeof s})`,
    );
  }
  const month = Number(s.slice(2, 4));
  if (month < 1 || month > 12) {
    throw new DomainValidationError('BIN_DATE', `BIN ${maskIin(s)} does not start with a registration YYMM`);
  }
  const entityType = ENTITY_BY_DIGIT.get(Number(s[4]));
  const division = DIVISION_BY_DIGIT.get(Number(s[5]));
  if (entityType === undefined || division === undefined) {
    throw new DomainValidationError(
      'BIN_TYPE',
      `BIN ${maskIin(s)} has an unknown entity type (5th digit, 4–6) or division (6th digit, 0–3)`,
      'A 12-digit number with another 5th digit is usually an IIN, not a BIN.',
    );
  }
  if (!hasValidIinChecksum(s)) {
    throw new DomainValidationError('BIN_CHECKSUM', `BIN ${maskIin(s)} has a wrong check digit`);
  }
  return { registeredYymm: s.slice(0, 4), entityType, division };
}

/** True when `s` is a well-formed BIN (see {@link parseBin}). */
export function isValidBin(s: string): boolean {
  try {
    parseBin(s);
    return true;
  } catch {
    return false;
  }
}

const BIN_SERIALS = 100_000;

/**
 * Generates a valid synthetic BIN, deterministic for a given serial or PRNG state.
 * @throws {DomainValidationError} BIN_DATE, BIN_TYPE or BIN_SERIAL.
 */
export function generateBin(options: GenerateBinOptions): string {
  const m = typeof options.registered === 'string' ? /^\d{2}(\d{2})-(\d{2})$/.exec(options.registered) : null;
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new DomainValidationError('BIN_DATE', 'registered must be a month written YYYY-MM');
  }
  const entity = ownValue(ENTITY_DIGIT, options.entityType ?? 'resident');
  const division = ownValue(DIVISION_DIGIT, options.division ?? 'head');
  if (entity === undefined || division === undefined) {
    throw new DomainValidationError('BIN_TYPE', 'Unknown entityType or division');
  }
  const prefix = `${m[1]}${m[2]}${entity}${division}`;
  const { serial, random } = options;
  if (serial !== undefined && random !== undefined) {
    throw new DomainValidationError('BIN_SERIAL', 'Give either serial or random, not both');
  }
  let start = serial ?? 0;
  if (random !== undefined) {
    const r = random();
    if (typeof r !== 'number' || !(r >= 0 && r < 1)) {
      throw new DomainValidationError('BIN_SERIAL', 'random() must return a number in [0, 1)');
    }
    start = Math.floor(r * BIN_SERIALS);
  } else if (!Number.isInteger(start) || start < 0 || start >= BIN_SERIALS) {
    throw new DomainValidationError('BIN_SERIAL', 'serial must be an integer from 0 to 99999');
  }
  for (let k = 0; k < BIN_SERIALS; k++) {
    const first11 = prefix + String((start + k) % BIN_SERIALS).padStart(5, '0');
    const check = computeIinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
  // Unreachable in practice: the tenth digit alone moves the first sum through ten residues mod 11.
  throw new DomainValidationError('BIN_SERIAL', 'No usable serial for this prefix');
}
