import { DomainValidationError } from './errors';
import { bankOfIban, generateKzIban, isValidKzIban, normalizeIban, parseKzIban } from './iban';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

// Published organisations' accounts: the National Bank's ISO 13616 example, Clearstream's tenge account at
// Citibank Kazakhstan, Kazpost's own account.
const PUBLISHED = ['KZ86125KZT5004100100', 'KZ6283201T0150269008', 'KZ71563D601200019058'];

describe('isValidKzIban', () => {
  it.each(PUBLISHED)('accepts the published IBAN %s', (iban) => {
    expect(isValidKzIban(iban)).toBe(true);
  });

  it.each([
    ['KZ86125KZT5004100101', 'wrong check (last digit)'],
    ['KZ68125KZT5004100100', 'swapped check digits'],
    ['KZ86125KZT500410010', '19 characters'],
    ['KZ86125KZT50041001000', '21 characters'],
    ['kz86125kzt5004100100', 'lower case'],
    ['KZ86 125K ZT50 0410 0100', 'spaces'],
    ['KZ8612AKZT5004100100', 'letter in the bank code'],
    ['GB82WEST12345698765432', 'another country'],
    ['KZ86125KZT50041001-0', 'punctuation'],
    ['', 'empty'],
  ])('rejects %s (%s)', (iban) => {
    expect(isValidKzIban(iban)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidKzIban(undefined as unknown as string)).toBe(false);
  });
});

describe('normalizeIban', () => {
  it('turns a printed, lower-case IBAN into the electronic form', () => {
    expect(normalizeIban(' kz86 125k zt50 0410 0100 ')).toBe('KZ86125KZT5004100100');
    expect(isValidKzIban(normalizeIban('kz86\t125KZT5004100100'))).toBe(true);
  });

  it('does not validate', () => {
    expect(normalizeIban('kz00 abc')).toBe('KZ00ABC');
  });
});

describe('generateKzIban', () => {
  it('computes the check digits of known IBANs', () => {
    expect(generateKzIban('125', 'KZT5004100100')).toBe('KZ86125KZT5004100100');
    expect(generateKzIban('832', '01T0150269008')).toBe('KZ6283201T0150269008');
    expect(generateKzIban('563', 'D601200019058')).toBe('KZ71563D601200019058');
  });

  it('always produces a valid IBAN, padding check digits below 10', () => {
    const checks = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const iban = generateKzIban('722', `KZT${String(i * 7919).padStart(10, '0')}`);
      expect(isValidKzIban(iban)).toBe(true);
      checks.add(iban.slice(2, 4));
    }
    expect([...checks].some((c) => c.startsWith('0'))).toBe(true);
  });

  it.each([
    ['12', 'KZT5004100100', 'IBAN_BANK_CODE'],
    ['12A', 'KZT5004100100', 'IBAN_BANK_CODE'],
    ['125', 'KZT500410010', 'IBAN_ACCOUNT'],
    ['125', 'kzt5004100100', 'IBAN_ACCOUNT'],
    ['125', 'KZT50041001-0', 'IBAN_ACCOUNT'],
  ])('rejects bank %s account %s with %s', (bank, account, code) => {
    expect(codeOf(() => generateKzIban(bank, account))).toBe(code);
  });
});

describe('parseKzIban / bankOfIban', () => {
  it('splits an IBAN', () => {
    expect(parseKzIban('KZ86125KZT5004100100')).toEqual({
      checkDigits: '86',
      bankCode: '125',
      account: 'KZT5004100100',
    });
  });

  it('finds the bank', () => {
    expect(bankOfIban(generateKzIban('601', '0000000000001'))?.nameEn).toContain('Halyk');
    expect(bankOfIban('KZ71563D601200019058')?.bic).toBe('KPSTKZKA');
    expect(bankOfIban(generateKzIban('000', '0000000000001'))).toBeUndefined();
  });

  it('throws on a bad IBAN and masks it in the message', () => {
    expect(codeOf(() => bankOfIban('KZ86125KZT5004100101'))).toBe('IBAN_CHECKSUM');
    expect(codeOf(() => parseKzIban('kz86125kzt5004100100'))).toBe('IBAN_FORMAT');
    expect(() => parseKzIban('KZ86125KZT5004100101')).toThrow('KZ86125*********0101');
    try {
      parseKzIban('KZ86125KZT5004100101');
    } catch (e) {
      expect((e as Error).message).not.toContain('KZT500410');
    }
  });
});
