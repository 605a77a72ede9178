import { DomainValidationError } from './errors';
import { maskIin } from './mask';

/**
 * IIN (ЖСН / ИИН), the 12-digit individual identification number:
 * YYMMDD birth date, a century-and-gender digit, four serial digits and a check digit.
 */

export type Gender = 'male' | 'female';

/** What an IIN says about its holder. */
export interface IinInfo {
  /** Birth date as 'YYYY-MM-DD'. */
  birthDate: string;
  gender: Gender;
}

/** Options of {@link generateIin}: give either `serial` or `random`, not both. */
export interface GenerateIinOptions {
  /** Birth date as 'YYYY-MM-DD', year 1800–2099. */
  birthDate: string;
  gender: Gender;
  /** Serial number 0–9999; an unusable serial is skipped forward (see {@link generateIin}). Default 0. */
  serial?: number;
  /** PRNG returning floats in [0, 1), e.g. a seeded mulberry32; used to draw the serial. */
  random?: () => number;
}

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;
const SERIAL_COUNT = 10_000;
const CODE_0 = 48;

/** A bad value must never reach a message unmasked, nor flood it when it is huge. */
function shown(s: unknown): string {
  if (typeof s !== 'string') return typeof s;
  return s.length > 16 ? `${s.length} characters` : maskIin(s);
}

function isTwelveDigits(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = s.charCodeAt(i) - CODE_0;
    if (c < 0 || c > 9) return false;
  }
  return true;
}

/** Check digit from the two weighted sums, or null when both give 10 (such a number is never issued). */
function checkDigitFromSums(sum1: number, sum2: number): number | null {
  const c1 = sum1 % 11;
  if (c1 !== 10) return c1;
  const c2 = sum2 % 11;
  return c2 === 10 ? null : c2;
}

/**
 * Computes the check digit of the first 11 digits of an IIN or BIN (weighted mod 11, second weight set when
 * the first gives 10); null when the second set gives 10 too, which makes the number unusable.
 * @throws {DomainValidationError} IIN_FORMAT if `first11` is not 11 ASCII digits.
 */
export function computeIinCheckDigit(first11: string): number | null {
  if (typeof first11 !== 'string' || !/^\d{11}$/.test(first11)) {
    throw new DomainValidationError('IIN_FORMAT', 'Expected 11 digits to compute an IIN/BIN check digit');
  }
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 0; i < 11; i++) {
    const d = first11.charCodeAt(i) - CODE_0;
    sum1 += d * WEIGHTS_1[i]!;
    sum2 += d * WEIGHTS_2[i]!;
  }
  return checkDigitFromSums(sum1, sum2);
}

/** True when the 12 digits carry a correct check digit (shared by IIN and BIN). */
export function hasValidIinChecksum(s: string): boolean {
  if (!isTwelveDigits(s)) return false;
  return computeIinCheckDigit(s.slice(0, 11)) === s.charCodeAt(11) - CODE_0;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const CENTURY_BY_DIGIT: Readonly<Record<number, number>> = {
  1: 1800,
  2: 1800,
  3: 1900,
  4: 1900,
  5: 2000,
  6: 2000,
};

type IinProblem = 'IIN_FORMAT' | 'IIN_CENTURY' | 'IIN_DATE' | 'IIN_CHECKSUM';

/** Checks without throwing, so that isValidIin stays cheap on the invalid numbers a mock population feeds it. */
function inspectIin(s: string): IinInfo | IinProblem {
  if (!isTwelveDigits(s)) return 'IIN_FORMAT';
  const digit = (i: number): number => s.charCodeAt(i) - CODE_0;
  const centuryDigit = digit(6);
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return 'IIN_CENTURY';
  const year = century + digit(0) * 10 + digit(1);
  const month = digit(2) * 10 + digit(3);
  const day = digit(4) * 10 + digit(5);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return 'IIN_DATE';
  if (!hasValidIinChecksum(s)) return 'IIN_CHECKSUM';
  return {
    birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
    gender: centuryDigit % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Parses an IIN into birth date and gender, checking format, century digit, date and checksum in that order.
 * @throws {DomainValidationError} IIN_FORMAT, IIN_CENTURY, IIN_DATE or IIN_CHECKSUM.
 */
export function parseIin(s: string): IinInfo {
  const result = inspectIin(s);
  switch (result) {
    case 'IIN_FORMAT':
      throw new DomainValidationError(
        result,
        `IIN must be exactly 12 digits (got ${shown(s)})`,
        'Remove spaces and other characters; an IIN has 12 digits.',
      );
    case 'IIN_CENTURY':
      throw new DomainValidationError(
        result,
        `IIN ${shown(s)} has century/gender digit ${s[6]}; expected 1–6`,
      );
    case 'IIN_DATE':
      throw new DomainValidationError(result, `IIN ${shown(s)} does not start with a valid birth date`);
    case 'IIN_CHECKSUM':
      throw new DomainValidationError(
        result,
        `IIN ${shown(s)} has a wrong check digit`,
        'Check the number for a typo.',
      );
    default:
      return result;
  }
}

/** True when `s` is a well-formed IIN: 12 digits, century digit 1–6, a real birth date and a correct checksum. */
export function isValidIin(s: string): boolean {
  return typeof inspectIin(s) !== 'string';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parseBirthDate(birthDate: string): { year: number; month: number; day: number } {
  const m = typeof birthDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) return { year, month, day };
  }
  throw new DomainValidationError('IIN_DATE', 'Birth date must be a real date written YYYY-MM-DD');
}

/**
 * Generates a valid synthetic IIN. Deterministic: the same options (or the same PRNG state) give the same IIN.
 * About 1 serial in 121 is unusable (both weight sets give 10); such a serial is skipped forward to the next
 * usable one (wrapping after 9999), so with `serial` two neighbouring serials can give the same IIN — check
 * with {@link isUsableIinSerial} when enumerating. With `random`, the serial is drawn again instead.
 * @throws {DomainValidationError} IIN_DATE, IIN_CENTURY (year outside 1800–2099), IIN_GENDER or IIN_SERIAL.
 */
export function generateIin(options: GenerateIinOptions): string {
  const { prefixSum1, prefixSum2, prefix } = iinPrefix(options.birthDate, options.gender);
  const { serial, random } = options;
  if (serial !== undefined && random !== undefined) {
    throw new DomainValidationError('IIN_SERIAL', 'Give either serial or random, not both');
  }
  let start: number;
  if (random !== undefined) {
    if (typeof random !== 'function')
      throw new DomainValidationError('IIN_SERIAL', 'random must be a function');
    // A fresh draw keeps the distribution uniform over usable serials; the scan below only guards a PRNG
    // that keeps returning the same unusable value.
    for (let attempt = 0; attempt < 16; attempt++) {
      const candidate = drawSerial(random);
      const iin = iinWithSerial(prefix, prefixSum1, prefixSum2, candidate);
      if (iin !== null) return iin;
    }
    start = drawSerial(random);
  } else {
    start = serial ?? 0;
    if (!Number.isInteger(start) || start < 0 || start >= SERIAL_COUNT) {
      throw new DomainValidationError('IIN_SERIAL', 'serial must be an integer from 0 to 9999');
    }
  }
  for (let k = 0; k < SERIAL_COUNT; k++) {
    const iin = iinWithSerial(prefix, prefixSum1, prefixSum2, (start + k) % SERIAL_COUNT);
    if (iin !== null) return iin;
  }
  // Unreachable in practice: the tenth digit alone moves the first sum through ten residues mod 11.
  throw new DomainValidationError('IIN_SERIAL', 'No usable serial for this birth date and gender');
}

/**
 * True when `serial` gives a valid IIN for this birth date and gender (false for the ~1/121 unusable ones).
 * @throws {DomainValidationError} IIN_DATE, IIN_CENTURY, IIN_GENDER or IIN_SERIAL.
 */
export function isUsableIinSerial(birthDate: string, gender: Gender, serial: number): boolean {
  if (!Number.isInteger(serial) || serial < 0 || serial >= SERIAL_COUNT) {
    throw new DomainValidationError('IIN_SERIAL', 'serial must be an integer from 0 to 9999');
  }
  const { prefixSum1, prefixSum2, prefix } = iinPrefix(birthDate, gender);
  return iinWithSerial(prefix, prefixSum1, prefixSum2, serial) !== null;
}

function drawSerial(random: () => number): number {
  const r = random();
  if (typeof r !== 'number' || !(r >= 0 && r < 1)) {
    throw new DomainValidationError('IIN_SERIAL', 'random() must return a number in [0, 1)');
  }
  return Math.floor(r * SERIAL_COUNT);
}

function iinPrefix(
  birthDate: string,
  gender: Gender,
): { prefix: string; prefixSum1: number; prefixSum2: number } {
  const { year, month, day } = parseBirthDate(birthDate);
  if (gender !== 'male' && gender !== 'female') {
    throw new DomainValidationError('IIN_GENDER', "gender must be 'male' or 'female'");
  }
  if (year < 1800 || year > 2099) {
    throw new DomainValidationError('IIN_CENTURY', 'An IIN can encode birth years 1800–2099 only');
  }
  const centuryDigit = (Math.floor(year / 100) - 18) * 2 + (gender === 'male' ? 1 : 2);
  const yy = year % 100;
  const digits = [
    Math.floor(yy / 10),
    yy % 10,
    Math.floor(month / 10),
    month % 10,
    Math.floor(day / 10),
    day % 10,
  ];
  digits.push(centuryDigit);
  let prefixSum1 = 0;
  let prefixSum2 = 0;
  for (let i = 0; i < 7; i++) {
    prefixSum1 += digits[i]! * WEIGHTS_1[i]!;
    prefixSum2 += digits[i]! * WEIGHTS_2[i]!;
  }
  return { prefix: digits.join(''), prefixSum1, prefixSum2 };
}

function iinWithSerial(prefix: string, sum1: number, sum2: number, serial: number): string | null {
  const s8 = Math.floor(serial / 1000);
  const s9 = Math.floor(serial / 100) % 10;
  const s10 = Math.floor(serial / 10) % 10;
  const s11 = serial % 10;
  // Weights of positions 8–11: 8, 9, 10, 11 in the first set; 10, 11, 1, 2 in the second.
  const check = checkDigitFromSums(
    sum1 + s8 * 8 + s9 * 9 + s10 * 10 + s11 * 11,
    sum2 + s8 * 10 + s9 * 11 + s10 * 1 + s11 * 2,
  );
  if (check === null) return null;
  return `${prefix}${s8}${s9}${s10}${s11}${check}`;
}
