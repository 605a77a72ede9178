import { DomainValidationError } from './errors';

/**
 * Money is an integer number of tiyn (1 tenge = 100 tiyn), never a float of tenge: benefit sums and gas
 * discounts must add up to the tiyn. A `Tiyn` is a safe integer (|t| ≤ 2^53 − 1, about 90 trillion tenge);
 * products go through bigint so that an intermediate result cannot lose precision.
 */

declare const tiynBrand: unique symbol;
/** An integer amount of tiyn; only {@link tiyn} and the functions of this module make one. */
export type Tiyn = number & { readonly [tiynBrand]: true };

/**
 * How a product that falls between two tiyn is rounded. `halfUp` rounds a half away from zero (2.5 → 3,
 * −2.5 → −3), the usual commercial rounding and the default; `halfEven` is banker's rounding; `down`
 * truncates toward zero; `up` rounds away from zero.
 */
export type Rounding = 'halfUp' | 'halfEven' | 'down' | 'up';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function fromBigInt(v: bigint): Tiyn {
  if (v > MAX || v < -MAX) {
    throw new DomainValidationError('MONEY_OVERFLOW', 'Amount is outside the safe integer range of tiyn');
  }
  return Number(v) as Tiyn;
}

/**
 * Makes a Tiyn from an integer number of tiyn (a number or a bigint).
 * @throws {DomainValidationError} MONEY_INVALID (not an integer) or MONEY_OVERFLOW (not a safe integer).
 */
export function tiyn(n: number | bigint): Tiyn {
  if (typeof n === 'bigint') return fromBigInt(n);
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new DomainValidationError(
      'MONEY_INVALID',
      `An amount in tiyn must be an integer (got ${String(n)})`,
      'Convert tenge with tengeToTiyn.',
    );
  }
  if (!Number.isSafeInteger(n)) {
    throw new DomainValidationError('MONEY_OVERFLOW', 'Amount is outside the safe integer range of tiyn');
  }
  // -0 would print as "-0,00 ₸".
  return (n === 0 ? 0 : n) as Tiyn;
}

const TENGE_DECIMAL = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Converts tenge to tiyn: a decimal string with at most 2 decimals ('1234.56', '1234,5', '-7') or a number
 * whose shortest decimal form has at most 2 decimals (1234.56; 0.1 + 0.2 is refused, not rounded).
 * @throws {DomainValidationError} MONEY_FORMAT or MONEY_OVERFLOW.
 */
export function tengeToTiyn(tenge: string | number): Tiyn {
  let text: string;
  if (typeof tenge === 'number') {
    if (!Number.isFinite(tenge))
      throw new DomainValidationError('MONEY_FORMAT', 'Tenge amount must be finite');
    // String() gives the shortest round-trip form, so a float that is not a whole number of tiyn shows it.
    text = String(tenge);
  } else if (typeof tenge === 'string') {
    text = tenge;
  } else {
    throw new DomainValidationError('MONEY_FORMAT', 'Tenge amount must be a string or a number');
  }
  const m = TENGE_DECIMAL.exec(text);
  if (!m) {
    throw new DomainValidationError(
      'MONEY_FORMAT',
      `Not a tenge amount with at most 2 decimals: ${text.slice(0, 40)}`,
      "Write it like '1234.56' (no thousands separators).",
    );
  }
  const whole = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return fromBigInt(m[1] === '-' ? -whole : whole);
}

/** Writes tiyn as a plain decimal tenge string for wire formats: 123456 → '1234.56', −5 → '-0.05'. */
export function tiynToTengeString(t: Tiyn): string {
  const abs = Math.abs(t);
  const sign = t < 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats tiyn for people: 123456 → '1 234,56 ₸' (space-grouped thousands, decimal comma, sign in front). */
export function formatTenge(t: Tiyn): string {
  const abs = Math.abs(t);
  const sign = t < 0 ? '-' : '';
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} ₸`;
}

function checked(t: Tiyn, what: string): bigint {
  if (typeof t !== 'number' || !Number.isSafeInteger(t)) {
    throw new DomainValidationError(
      'MONEY_INVALID',
      `${what} is not an amount in tiyn`,
      'Make it with tiyn().',
    );
  }
  return BigInt(t);
}

/**
 * a + b.
 * @throws {DomainValidationError} MONEY_INVALID or MONEY_OVERFLOW.
 */
export function addTiyn(a: Tiyn, b: Tiyn): Tiyn {
  return fromBigInt(checked(a, 'a') + checked(b, 'b'));
}

/**
 * a − b.
 * @throws {DomainValidationError} MONEY_INVALID or MONEY_OVERFLOW.
 */
export function subTiyn(a: Tiyn, b: Tiyn): Tiyn {
  return fromBigInt(checked(a, 'a') - checked(b, 'b'));
}

/**
 * Sum of amounts (0 for none).
 * @throws {DomainValidationError} MONEY_INVALID or MONEY_OVERFLOW.
 */
export function sumTiyn(amounts: readonly Tiyn[]): Tiyn {
  let total = 0n;
  for (const a of amounts) total += checked(a, 'An item');
  return fromBigInt(total);
}

const ROUNDINGS: readonly Rounding[] = ['halfUp', 'halfEven', 'down', 'up'];
const DECIMAL_FACTOR = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Multiplies an amount by an integer (number) or an exact decimal string such as '12.345' (a gas volume) or
 * '0.5', rounding the result to whole tiyn with `rounding` (default `halfUp`, see {@link Rounding}).
 * A fractional number factor is refused because it is already a rounded binary float.
 * @throws {DomainValidationError} MONEY_INVALID, MONEY_FACTOR, MONEY_ROUNDING or MONEY_OVERFLOW.
 */
export function multiplyTiyn(t: Tiyn, factor: number | string, rounding: Rounding = 'halfUp'): Tiyn {
  const amount = checked(t, 'The amount');
  if (!ROUNDINGS.includes(rounding)) {
    throw new DomainValidationError('MONEY_ROUNDING', `Unknown rounding mode: ${String(rounding)}`);
  }
  let numerator: bigint;
  let denominator = 1n;
  if (typeof factor === 'number') {
    if (!Number.isSafeInteger(factor)) {
      throw new DomainValidationError(
        'MONEY_FACTOR',
        `A number factor must be a safe integer (got ${String(factor)})`,
        "Pass a fractional factor as a decimal string, e.g. '1.5'.",
      );
    }
    numerator = BigInt(factor);
  } else {
    const m = typeof factor === 'string' ? DECIMAL_FACTOR.exec(factor) : null;
    if (!m) {
      throw new DomainValidationError(
        'MONEY_FACTOR',
        "Factor must be an integer or a decimal string like '12.345'",
      );
    }
    const frac = m[3] ?? '';
    numerator = BigInt(m[2]! + frac) * (m[1] === '-' ? -1n : 1n);
    denominator = 10n ** BigInt(frac.length);
  }
  return fromBigInt(divideRounded(amount * numerator, denominator, rounding));
}

/** num / den (den > 0) rounded to an integer. */
function divideRounded(num: bigint, den: bigint, rounding: Rounding): bigint {
  const q = num / den; // truncates toward zero
  const r = num % den; // has the sign of num
  if (r === 0n) return q;
  const away = num < 0n ? q - 1n : q + 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (rounding) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'halfUp':
      return twice >= den ? away : q;
    case 'halfEven':
      if (twice === den) return q % 2n === 0n ? q : away;
      return twice > den ? away : q;
  }
}

/**
 * The smallest of one or more amounts (e.g. a discount capped by the consumption norm).
 * @throws {DomainValidationError} MONEY_INVALID when called with no amount or a non-amount.
 */
export function minTiyn(first: Tiyn, ...rest: Tiyn[]): Tiyn {
  let min = Number(checked(first, 'An amount'));
  for (const t of rest) min = Math.min(min, Number(checked(t, 'An amount')));
  return min as Tiyn;
}

/**
 * The largest of one or more amounts (e.g. clamping a result at zero).
 * @throws {DomainValidationError} MONEY_INVALID when called with no amount or a non-amount.
 */
export function maxTiyn(first: Tiyn, ...rest: Tiyn[]): Tiyn {
  let max = Number(checked(first, 'An amount'));
  for (const t of rest) max = Math.max(max, Number(checked(t, 'An amount')));
  return max as Tiyn;
}
