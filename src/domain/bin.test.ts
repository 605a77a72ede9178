import { generateBin, isValidBin, parseBin } from './bin';
import { DomainValidationError } from './errors';
import { isValidIin } from './iin';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

describe('parseBin / isValidBin', () => {
  it.each([
    ['150340000129', { registeredYymm: '1503', entityType: 'resident', division: 'head' }],
    ['991240000003', { registeredYymm: '9912', entityType: 'resident', division: 'head' }],
    ['211051000015', { registeredYymm: '2110', entityType: 'nonResident', division: 'branch' }],
    ['200163000555', { registeredYymm: '2001', entityType: 'jointEntrepreneur', division: 'peasantFarm' }],
  ])('%s is a valid BIN', (bin, info) => {
    expect(parseBin(bin)).toEqual(info);
    expect(isValidBin(bin)).toBe(true);
  });

  it.each([
    ['15034000012', 'BIN_FORMAT'],
    ['15034000012a', 'BIN_FORMAT'],
    ['150040000129', 'BIN_DATE'],
    ['151340000129', 'BIN_DATE'],
    ['150370000129', 'BIN_TYPE'],
    ['150344000129', 'BIN_TYPE'],
    ['150340000128', 'BIN_CHECKSUM'],
  ])('%s → %s', (bin, code) => {
    expect(codeOf(() => parseBin(bin))).toBe(code);
    expect(isValidBin(bin)).toBe(false);
  });

  it('does not take an IIN for a BIN (5th digit is a day digit, not an entity type)', () => {
    expect(isValidIin('950101300125')).toBe(true);
    expect(codeOf(() => parseBin('950101300125'))).toBe('BIN_TYPE');
  });

  it('masks the BIN in error messages', () => {
    expect(() => parseBin('150340000128')).toThrow('1503******28');
    expect(() => parseBin('150340000128')).not.toThrow('150340000128');
  });
});

describe('generateBin', () => {
  it('builds a valid BIN from the registration month, type and serial', () => {
    expect(generateBin({ registered: '2015-03', serial: 12 })).toBe('150340000129');
    const bin = generateBin({
      registered: '2021-10',
      entityType: 'nonResident',
      division: 'branch',
      serial: 1,
    });
    expect(bin).toBe('211051000015');
  });

  it('produces valid BINs for every serial of a prefix and is deterministic with a PRNG', () => {
    for (let serial = 0; serial < 2000; serial++) {
      expect(isValidBin(generateBin({ registered: '2024-12', division: 'representative', serial }))).toBe(
        true,
      );
    }
    let i = 0;
    const random = (): number => [0.1, 0.7, 0.3][i++ % 3]!;
    const first = [1, 2, 3].map(() => generateBin({ registered: '2019-07', random }));
    i = 0;
    const second = [1, 2, 3].map(() => generateBin({ registered: '2019-07', random }));
    expect(first).toEqual(second);
    expect(first.every(isValidBin)).toBe(true);
  });

  it.each([
    [{ registered: '2015-13' }, 'BIN_DATE'],
    [{ registered: '201503' }, 'BIN_DATE'],
    [{ registered: '2015-03', entityType: 'toString' }, 'BIN_TYPE'],
    [{ registered: '2015-03', division: 'office' }, 'BIN_TYPE'],
    [{ registered: '2015-03', serial: 100_000 }, 'BIN_SERIAL'],
    [{ registered: '2015-03', serial: 1, random: (): number => 0 }, 'BIN_SERIAL'],
    [{ registered: '2015-03', random: (): number => -0.1 }, 'BIN_SERIAL'],
  ])('rejects %j with %s', (opts, code) => {
    expect(codeOf(() => generateBin(opts as never))).toBe(code);
  });
});
