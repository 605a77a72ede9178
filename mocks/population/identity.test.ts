import { isUsableIinSerial, isValidIin, parseIin } from '../../src/domain/iin';
import { isValidKzIban } from '../../src/domain/iban';
import { normalizeKzPhone } from '../../src/domain/phone';
import { dayOfIso } from './dates';
import { IdentityCodec, MAX_FAMILIES, SLOTS, WINDOW_COUNT, luhnDigit, windowStartYear } from './identity';
import { Permutation, Rng, hashString } from './prng';

describe('Permutation', () => {
  it.each([1, 7, 100, 1000, 4097])('is a bijection of [0, %i) and invert undoes apply', (size) => {
    const p = new Permutation(size, 12345);
    const images = Array.from({ length: size }, (_, x) => p.apply(x));
    expect(images.filter((y) => !(y >= 0 && y < size))).toEqual([]);
    expect(new Set(images).size).toBe(size);
    expect(images.filter((y, x) => p.invert(y) !== x)).toEqual([]);
  });
});

describe('Rng', () => {
  it('gives the same stream for the same words and stream number, and different streams otherwise', () => {
    const words = hashString('seed');
    const a = new Rng(words, 5);
    const b = new Rng(words, 5);
    const c = new Rng(words, 6);
    const xs = Array.from({ length: 20 }, () => a.nextU32());
    expect(Array.from({ length: 20 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('draws floats in [0, 1) with a plausible mean', () => {
    const r = new Rng(hashString('mean'), 0);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 20000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 20000).toBeCloseTo(0.5, 1);
  });
});

describe('IdentityCodec', () => {
  const codec = new IdentityCodec(hashString('codec-test'));

  it('encodes IINs that are valid, in the window, and decode back to the code', () => {
    const problems: string[] = [];
    for (let window = 0; window < WINDOW_COUNT; window++) {
      for (const gender of ['male', 'female'] as const) {
        for (let k = 0; k < 300; k++) {
          const code = (k * 104_729 + window) % (MAX_FAMILIES * SLOTS);
          const { iin, birthDay } = codec.iin(code, window, gender);
          if (!isValidIin(iin)) {
            problems.push(`invalid ${iin}`);
            continue;
          }
          const info = parseIin(iin);
          const year = Number(info.birthDate.slice(0, 4));
          if (info.gender !== gender) problems.push(`gender ${iin}`);
          if (year < windowStartYear(window) || year >= windowStartYear(window) + 4)
            problems.push(`year ${iin}`);
          if (dayOfIso(info.birthDate) !== birthDay) problems.push(`day ${iin}`);
          if (codec.codeOfIin(iin) !== code) problems.push(`decode ${iin}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses a fallback serial (9000–9999) when the drawn one is unusable, and still decodes', () => {
    let fallbacks = 0;
    const problems: string[] = [];
    for (let code = 0; code < 20_000; code++) {
      const { iin } = codec.iin(code, 10, 'female');
      const serial = Number(iin.slice(7, 11));
      if (serial >= 9000) {
        fallbacks++;
        if (!isUsableIinSerial(parseIin(iin).birthDate, 'female', serial)) problems.push(`unusable ${iin}`);
      }
      if (codec.codeOfIin(iin) !== code) problems.push(`decode ${iin}`);
    }
    expect(problems).toEqual([]);
    // About 1 in 121 serials is unusable.
    expect(fallbacks).toBeGreaterThan(50);
    expect(fallbacks).toBeLessThan(400);
  });

  it('refuses IINs it cannot have made', () => {
    expect(codec.codeOfIin('not an iin')).toBeUndefined();
    expect(codec.codeOfIin('850312400010')).toBeUndefined(); // wrong check digit
  });

  it('encodes unique mobile phones that decode back', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (let code = 0; code < 5000; code++) {
      const phone = codec.phone(code * 31);
      if (normalizeKzPhone(phone) !== phone || codec.codeOfPhone(phone) !== code * 31) problems.push(phone);
      seen.add(phone);
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(5000);
    expect(codec.codeOfPhone('+77172000000')).toBeUndefined();
  });

  it('makes gas account numbers whose one-digit typos fail the check digit', () => {
    const no = codec.gasAccount(4242, '79');
    expect(no).toMatch(/^79\d{9}$/);
    expect(codec.familyOfGasAccount(no)).toBe(4242);
    for (let pos = 0; pos < 11; pos++) {
      const wrong = `${no.slice(0, pos)}${(Number(no[pos]) + 3) % 10}${no.slice(pos + 1)}`;
      expect(codec.familyOfGasAccount(wrong)).toBeUndefined();
    }
    expect(luhnDigit('7992739871')).toBe(3);
  });

  it('makes valid KZ IBANs that decode to the person', () => {
    const iban = codec.iban(777, 2, '601', 12);
    expect(isValidKzIban(iban)).toBe(true);
    expect(iban.slice(4, 7)).toBe('601');
    expect(codec.codeOfIban(iban)).toBe(777);
  });
});
