import { DomainValidationError } from './errors';
import {
  computeIinCheckDigit,
  generateIin,
  hasValidIinChecksum,
  isUsableIinSerial,
  isValidIin,
  parseIin,
} from './iin';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

/** Deterministic PRNG for the tests (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseIin / isValidIin: known vectors', () => {
  it.each([
    ['950101300125', '1995-01-01', 'male'],
    ['881231400007', '1988-12-31', 'female'],
    ['000229500018', '2000-02-29', 'male'],
    ['000229600004', '2000-02-29', 'female'],
    ['180731100007', '1818-07-31', 'male'],
    ['991231601239', '2099-12-31', 'female'],
    ['111111111110', '1811-11-11', 'male'],
  ])('%s → %s %s', (iin, birthDate, gender) => {
    expect(parseIin(iin)).toEqual({ birthDate, gender });
    expect(isValidIin(iin)).toBe(true);
  });

  it('accepts an IIN whose first weighted sum gives 10 and the second weight set gives the digit', () => {
    // 95010130070: weights 1..11 give 10, weights 3..11,1,2 give 7.
    expect(computeIinCheckDigit('95010130070')).toBe(7);
    expect(parseIin('950101300707')).toEqual({ birthDate: '1995-01-01', gender: 'male' });
  });

  it('never accepts a number whose two weight sets both give 10', () => {
    expect(computeIinCheckDigit('95010130077')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`95010130077${d}`)).toBe(false);
  });
});

describe('parseIin: bad input', () => {
  it.each([
    ['', 'IIN_FORMAT'],
    ['95010130012', 'IIN_FORMAT'],
    ['9501013001250', 'IIN_FORMAT'],
    ['9501013OO125', 'IIN_FORMAT'],
    [' 950101300125', 'IIN_FORMAT'],
    ['950101 300125', 'IIN_FORMAT'],
    ['９５０１０１３００１２５', 'IIN_FORMAT'],
    ['950101000125', 'IIN_CENTURY'],
    ['950101700125', 'IIN_CENTURY'],
    ['950101900125', 'IIN_CENTURY'],
    ['190002300008', 'IIN_DATE'],
    ['951301300125', 'IIN_DATE'],
    ['950132300125', 'IIN_DATE'],
    ['950431300125', 'IIN_DATE'],
    ['010229500004', 'IIN_DATE'],
    ['000229300005', 'IIN_DATE'],
    ['950101300126', 'IIN_CHECKSUM'],
    ['950101300124', 'IIN_CHECKSUM'],
  ])('%j → %s', (s, code) => {
    expect(codeOf(() => parseIin(s))).toBe(code);
    expect(isValidIin(s)).toBe(false);
  });

  it('rejects non-strings without throwing from isValidIin', () => {
    expect(isValidIin(950101300125 as unknown as string)).toBe(false);
    expect(isValidIin(undefined as unknown as string)).toBe(false);
    expect(codeOf(() => parseIin(null as unknown as string))).toBe('IIN_FORMAT');
  });

  it('accepts exactly one check digit for a given body', () => {
    // Not every typo is caught: digit 11 has weight 11 ≡ 0 (mod 11) in the first set, and a typo that makes the
    // first sum 10 switches to the second set. Only the uniqueness of the check digit is a guarantee.
    for (const body of ['95010130012', '88123140000', '95010130070']) {
      const valid = Array.from({ length: 10 }, (_, d) => body + d).filter(hasValidIinChecksum);
      expect(valid).toHaveLength(1);
    }
  });

  it('never shows the full IIN in an error message', () => {
    for (const bad of ['950101300126', '950132300125', '950101700125', '9501013001250']) {
      try {
        parseIin(bad);
        throw new Error('expected a DomainValidationError');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainValidationError);
        const err = e as DomainValidationError;
        expect(err.message).not.toContain(bad);
        expect(`${err.message} ${err.hint ?? ''}`).not.toMatch(/\d{7}/);
      }
    }
    expect(() => parseIin('950101300126')).toThrow('9501******26');
  });
});

describe('computeIinCheckDigit', () => {
  it('refuses anything but 11 digits', () => {
    expect(codeOf(() => computeIinCheckDigit('9501013001'))).toBe('IIN_FORMAT');
    expect(codeOf(() => computeIinCheckDigit('9501013001a'))).toBe('IIN_FORMAT');
  });
});

describe('generateIin', () => {
  it('encodes birth date, century and gender and gives a valid IIN', () => {
    expect(generateIin({ birthDate: '1995-01-01', gender: 'male', serial: 12 })).toBe('950101300125');
    for (const [birthDate, gender, digit] of [
      ['1850-06-15', 'male', '1'],
      ['1850-06-15', 'female', '2'],
      ['1999-12-31', 'male', '3'],
      ['1999-12-31', 'female', '4'],
      ['2000-02-29', 'male', '5'],
      ['2024-02-29', 'female', '6'],
    ] as const) {
      const iin = generateIin({ birthDate, gender, serial: 4321 });
      expect(iin[6]).toBe(digit);
      expect(parseIin(iin)).toEqual({ birthDate, gender });
    }
  });

  it('is deterministic for a serial and for a seeded PRNG', () => {
    const opts = { birthDate: '2010-05-17', gender: 'female' } as const;
    expect(generateIin({ ...opts, serial: 1234 })).toBe(generateIin({ ...opts, serial: 1234 }));
    const a = mulberry32(42);
    const b = mulberry32(42);
    const fromA = Array.from({ length: 50 }, () => generateIin({ ...opts, random: a }));
    const fromB = Array.from({ length: 50 }, () => generateIin({ ...opts, random: b }));
    expect(fromA).toEqual(fromB);
    expect(new Set(fromA).size).toBeGreaterThan(40);
    for (const iin of fromA) expect(parseIin(iin)).toEqual({ birthDate: '2010-05-17', gender: 'female' });
  });

  it('skips a serial whose checksum is 10 under both weight sets', () => {
    expect(isUsableIinSerial('1995-01-01', 'male', 77)).toBe(false);
    expect(isUsableIinSerial('1995-01-01', 'male', 78)).toBe(true);
    expect(generateIin({ birthDate: '1995-01-01', gender: 'male', serial: 77 })).toBe('950101300781');
  });

  it('gives a valid IIN for every serial, keeping the digits of usable serials', () => {
    const opts = { birthDate: '1995-01-01', gender: 'male' } as const;
    const problems: string[] = [];
    let unusable = 0;
    for (let s = 0; s < 10_000; s++) {
      const iin = generateIin({ ...opts, serial: s });
      if (!hasValidIinChecksum(iin)) problems.push(`serial ${s}: invalid ${iin}`);
      if (isUsableIinSerial(opts.birthDate, opts.gender, s)) {
        if (iin.slice(7, 11) !== String(s).padStart(4, '0')) problems.push(`serial ${s}: changed to ${iin}`);
      } else {
        unusable++;
      }
    }
    expect(problems).toEqual([]);
    // About 1 serial in 121 is unusable.
    expect(unusable).toBeGreaterThan(20);
    expect(unusable).toBeLessThan(200);
  });

  it('wraps past serial 9999 when 9999 is unusable', () => {
    expect(isUsableIinSerial('1990-03-22', 'male', 9999)).toBe(false);
    expect(generateIin({ birthDate: '1990-03-22', gender: 'male', serial: 9999 })).toBe('900322300009');
  });

  it('draws again when the PRNG lands on an unusable serial', () => {
    const draws = [77.5 / 10_000, 12.5 / 10_000];
    const random = (): number => draws.shift() ?? 0;
    expect(generateIin({ birthDate: '1995-01-01', gender: 'male', random })).toBe('950101300125');
  });

  it('still returns a valid IIN from a PRNG stuck on an unusable serial', () => {
    const iin = generateIin({ birthDate: '1995-01-01', gender: 'male', random: (): number => 77.5 / 10_000 });
    expect(iin).toBe('950101300781');
  });

  it('defaults to serial 0', () => {
    expect(generateIin({ birthDate: '1995-01-01', gender: 'male' })).toBe(
      generateIin({ birthDate: '1995-01-01', gender: 'male', serial: 0 }),
    );
  });

  it.each([
    [{ birthDate: '1995-02-29', gender: 'male' }, 'IIN_DATE'],
    [{ birthDate: '1995-1-1', gender: 'male' }, 'IIN_DATE'],
    [{ birthDate: '1799-12-31', gender: 'male' }, 'IIN_CENTURY'],
    [{ birthDate: '2100-01-01', gender: 'female' }, 'IIN_CENTURY'],
    [{ birthDate: '1995-01-01', gender: 'other' }, 'IIN_GENDER'],
    [{ birthDate: '1995-01-01', gender: 'male', serial: 10_000 }, 'IIN_SERIAL'],
    [{ birthDate: '1995-01-01', gender: 'male', serial: -1 }, 'IIN_SERIAL'],
    [{ birthDate: '1995-01-01', gender: 'male', serial: 1.5 }, 'IIN_SERIAL'],
    [{ birthDate: '1995-01-01', gender: 'male', serial: 1, random: (): number => 0.5 }, 'IIN_SERIAL'],
    [{ birthDate: '1995-01-01', gender: 'male', random: (): number => 1 }, 'IIN_SERIAL'],
    [{ birthDate: '1995-01-01', gender: 'male', random: (): number => Number.NaN }, 'IIN_SERIAL'],
  ])('rejects %j with %s', (opts, code) => {
    expect(codeOf(() => generateIin(opts as never))).toBe(code);
  });
});
