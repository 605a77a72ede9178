import { DomainValidationError } from './errors';
import {
  type Tiyn,
  addTiyn,
  formatTenge,
  maxTiyn,
  minTiyn,
  multiplyTiyn,
  subTiyn,
  sumTiyn,
  tengeToTiyn,
  tiyn,
  tiynToTengeString,
} from './money';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

const MAX = Number.MAX_SAFE_INTEGER;

describe('tiyn', () => {
  it('accepts safe integers and bigints', () => {
    expect(tiyn(0)).toBe(0);
    expect(tiyn(-150)).toBe(-150);
    expect(tiyn(MAX)).toBe(MAX);
    expect(tiyn(123n)).toBe(123);
    expect(Object.is(tiyn(-0), 0)).toBe(true);
  });

  it.each([
    [1.5, 'MONEY_INVALID'],
    [Number.NaN, 'MONEY_INVALID'],
    [Number.POSITIVE_INFINITY, 'MONEY_INVALID'],
    ['100', 'MONEY_INVALID'],
    [MAX + 1, 'MONEY_OVERFLOW'],
    [-(2 ** 60), 'MONEY_OVERFLOW'],
    [2n ** 53n, 'MONEY_OVERFLOW'],
  ])('rejects %p with %s', (n, code) => {
    expect(codeOf(() => tiyn(n as number))).toBe(code);
  });
});

describe('tengeToTiyn', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0.01', 1],
    ['-7', -700],
    ['-0.05', -5],
    ['007.10', 710],
    ['90071992547409.91', MAX],
  ])('string %j → %d tiyn', (tenge, expected) => {
    expect(tengeToTiyn(tenge)).toBe(expected);
  });

  it.each([
    [1234.56, 123456],
    [0.1, 10],
    [19.99, 1999],
    [-3, -300],
    [1.15, 115],
  ])('number %p → %d tiyn (no float error)', (tenge, expected) => {
    expect(tengeToTiyn(tenge)).toBe(expected);
  });

  it.each([
    ['1234.567', 'MONEY_FORMAT'],
    ['1 234,56', 'MONEY_FORMAT'],
    ['1,234.56', 'MONEY_FORMAT'],
    ['.5', 'MONEY_FORMAT'],
    ['12.', 'MONEY_FORMAT'],
    ['+12', 'MONEY_FORMAT'],
    ['1e3', 'MONEY_FORMAT'],
    ['', 'MONEY_FORMAT'],
    ['₸100', 'MONEY_FORMAT'],
    [0.1 + 0.2, 'MONEY_FORMAT'],
    [1.005, 'MONEY_FORMAT'],
    [1e21, 'MONEY_FORMAT'],
    [Number.NaN, 'MONEY_FORMAT'],
    [null, 'MONEY_FORMAT'],
    ['90071992547409.92', 'MONEY_OVERFLOW'],
  ])('rejects %p with %s', (tenge, code) => {
    expect(codeOf(() => tengeToTiyn(tenge as string))).toBe(code);
  });
});

describe('formatting', () => {
  it.each([
    [123456, '1 234,56 ₸'],
    [0, '0,00 ₸'],
    [5, '0,05 ₸'],
    [100, '1,00 ₸'],
    [99999, '999,99 ₸'],
    [100000, '1 000,00 ₸'],
    [123456789012, '1 234 567 890,12 ₸'],
    [-123456, '-1 234,56 ₸'],
    [-5, '-0,05 ₸'],
  ])('formatTenge(%d) = %j', (t, text) => {
    expect(formatTenge(tiyn(t))).toBe(text);
  });

  it.each([
    [123456, '1234.56'],
    [-5, '-0.05'],
    [0, '0.00'],
    [MAX, '90071992547409.91'],
  ])('tiynToTengeString(%d) = %j and back', (t, text) => {
    expect(tiynToTengeString(tiyn(t))).toBe(text);
    expect(tengeToTiyn(text)).toBe(t);
  });
});

describe('arithmetic', () => {
  const a = tiyn(1050);
  const b = tiyn(-75);

  it('adds, subtracts and sums exactly', () => {
    expect(addTiyn(a, b)).toBe(975);
    expect(subTiyn(a, b)).toBe(1125);
    expect(sumTiyn([a, b, tiyn(25)])).toBe(1000);
    expect(sumTiyn([])).toBe(0);
    // 0.1 + 0.2 tenge as tiyn is exactly 0.3 tenge.
    expect(addTiyn(tengeToTiyn('0.1'), tengeToTiyn('0.2'))).toBe(tengeToTiyn('0.3'));
  });

  it('detects overflow instead of losing precision', () => {
    expect(codeOf(() => addTiyn(tiyn(MAX), tiyn(1)))).toBe('MONEY_OVERFLOW');
    expect(codeOf(() => subTiyn(tiyn(-MAX), tiyn(1)))).toBe('MONEY_OVERFLOW');
    expect(codeOf(() => sumTiyn([tiyn(MAX), tiyn(MAX), tiyn(-MAX)]))).toBeUndefined();
    expect(sumTiyn([tiyn(MAX), tiyn(MAX), tiyn(-MAX)])).toBe(MAX);
  });

  it('refuses values that did not come from tiyn()', () => {
    expect(codeOf(() => addTiyn(1.5 as Tiyn, a))).toBe('MONEY_INVALID');
    expect(codeOf(() => sumTiyn([a, Number.NaN as Tiyn]))).toBe('MONEY_INVALID');
  });

  it('finds the smallest and largest amount', () => {
    expect(minTiyn(a, b, tiyn(0))).toBe(-75);
    expect(maxTiyn(a, b, tiyn(0))).toBe(1050);
    expect(minTiyn(a)).toBe(1050);
    expect(codeOf(() => minTiyn(undefined as unknown as Tiyn))).toBe('MONEY_INVALID');
  });
});

describe('multiplyTiyn', () => {
  it('multiplies by an integer exactly, even beyond 2^53 in between', () => {
    expect(multiplyTiyn(tiyn(1999), 3)).toBe(5997);
    expect(multiplyTiyn(tiyn(-1999), 3)).toBe(-5997);
    expect(multiplyTiyn(tiyn(MAX), '0.5', 'down')).toBe(Math.floor(MAX / 2));
  });

  it('multiplies by a decimal string: a gas volume times a price difference', () => {
    // 12.345 m³ × 31.17 tenge/m³ = 384.79365 tenge → 384.79 tenge.
    expect(multiplyTiyn(tengeToTiyn('31.17'), '12.345')).toBe(38479);
    expect(multiplyTiyn(tiyn(100), '0.125')).toBe(13);
    expect(multiplyTiyn(tiyn(100), '-0.125')).toBe(-13);
    expect(multiplyTiyn(tiyn(100), '+2')).toBe(200);
  });

  it.each([
    // amount, factor, halfUp, halfEven, down, up
    [5, '0.5', 3, 2, 2, 3],
    [7, '0.5', 4, 4, 3, 4],
    [-5, '0.5', -3, -2, -2, -3],
    [-7, '0.5', -4, -4, -3, -4],
    [10, '0.14', 1, 1, 1, 2],
    [10, '0.16', 2, 2, 1, 2],
    [10, '0.15', 2, 2, 1, 2],
    [10, '0.25', 3, 2, 2, 3],
    [-10, '0.25', -3, -2, -2, -3],
    [100, '0.3', 30, 30, 30, 30],
  ])('%d × %s rounds halfUp %d, halfEven %d, down %d, up %d', (t, f, halfUp, halfEven, down, up) => {
    expect(multiplyTiyn(tiyn(t), f)).toBe(halfUp);
    expect(multiplyTiyn(tiyn(t), f, 'halfUp')).toBe(halfUp);
    expect(multiplyTiyn(tiyn(t), f, 'halfEven')).toBe(halfEven);
    expect(multiplyTiyn(tiyn(t), f, 'down')).toBe(down);
    expect(multiplyTiyn(tiyn(t), f, 'up')).toBe(up);
  });

  it.each([
    [1.5, 'MONEY_FACTOR'],
    [Number.NaN, 'MONEY_FACTOR'],
    ['1,5', 'MONEY_FACTOR'],
    ['1.', 'MONEY_FACTOR'],
    ['1e2', 'MONEY_FACTOR'],
    ['', 'MONEY_FACTOR'],
  ])('rejects factor %p', (f, code) => {
    expect(codeOf(() => multiplyTiyn(tiyn(100), f))).toBe(code);
  });

  it('rejects an unknown rounding mode and an overflowing product', () => {
    expect(codeOf(() => multiplyTiyn(tiyn(5), '0.5', 'bankers' as never))).toBe('MONEY_ROUNDING');
    expect(codeOf(() => multiplyTiyn(tiyn(4), '0.5', 'bankers' as never))).toBe('MONEY_ROUNDING');
    expect(codeOf(() => multiplyTiyn(tiyn(MAX), 2))).toBe('MONEY_OVERFLOW');
  });
});
