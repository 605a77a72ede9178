import { type Bank, bankByCode } from './banks';
import { DomainValidationError } from './errors';
import { maskIban } from './mask';

/**
 * Kazakh IBAN (ISO 13616): `KZ` + 2 check digits + 3-digit bank code + 13 alphanumerics, 20 characters,
 * valid when the rearranged number is 1 mod 97. The strict functions take the electronic form only
 * (upper case, no spaces), as payment documents require; {@link normalizeIban} turns a printed form into it.
 */

/** The parts of a valid KZ IBAN. */
export interface KzIbanParts {
  checkDigits: string;
  bankCode: string;
  /** The 13-character account part (bank-internal account number). */
  account: string;
}

const KZ_IBAN_SHAPE = /^KZ\d{2}\d{3}[0-9A-Z]{13}$/;

/** Remainder mod 97 of the ISO 13616 rearranged string (letters A–Z count as 10–35); input is [0-9A-Z]. */
function mod97(rearranged: string): number {
  let r = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    // Letters add two decimal digits; r < 97 keeps r * 100 + 35 far below 2^53.
    r = c <= 57 ? (r * 10 + (c - 48)) % 97 : (r * 100 + (c - 55)) % 97;
  }
  return r;
}

/** Upper-cases an IBAN and removes all whitespace (a printed IBAN is grouped by 4); does not validate. */
export function normalizeIban(s: string): string {
  return typeof s === 'string' ? s.replace(/\s+/g, '').toUpperCase() : '';
}

/** True for a KZ IBAN in electronic form: exactly 20 characters, upper case, no spaces, mod 97 = 1. */
export function isValidKzIban(s: string): boolean {
  return typeof s === 'string' && KZ_IBAN_SHAPE.test(s) && mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/**
 * Splits a KZ IBAN (electronic form) into check digits, bank code and account.
 * @throws {DomainValidationError} IBAN_FORMAT or IBAN_CHECKSUM.
 */
export function parseKzIban(s: string): KzIbanParts {
  if (typeof s !== 'string' || !KZ_IBAN_SHAPE.test(s)) {
    throw new DomainValidationError(
      'IBAN_FORMAT',
      `Not a KZ IBAN: ${typeof s === 'string' ? maskIban(s) : typeof s}`,
      'A KZ IBAN is KZ + 2 check digits + 3-digit bank code + 13 letters or digits, upper case, no spaces; use normalizeIban first.',
    );
  }
  if (mod97(s.slice(4) + s.slice(0, 4)) !== 1) {
    throw new DomainValidationError(
      'IBAN_CHECKSUM',
      `KZ IBAN ${maskIban(s)} has wrong check digits`,
      'Check the account number for a typo.',
    );
  }
  return { checkDigits: s.slice(2, 4), bankCode: s.slice(4, 7), account: s.slice(7) };
}

/**
 * Builds a KZ IBAN with correct check digits from a 3-digit bank code and a 13-character account part.
 * @throws {DomainValidationError} IBAN_BANK_CODE or IBAN_ACCOUNT.
 */
export function generateKzIban(bankCode: string, accountNumber13: string): string {
  if (typeof bankCode !== 'string' || !/^\d{3}$/.test(bankCode)) {
    throw new DomainValidationError('IBAN_BANK_CODE', 'Bank code must be 3 digits');
  }
  if (typeof accountNumber13 !== 'string' || !/^[0-9A-Z]{13}$/.test(accountNumber13)) {
    throw new DomainValidationError('IBAN_ACCOUNT', 'Account part must be 13 upper-case letters or digits');
  }
  const bban = bankCode + accountNumber13;
  const check = 98 - mod97(`${bban}KZ00`);
  return `KZ${check < 10 ? '0' : ''}${check}${bban}`;
}

/**
 * The bank of a valid KZ IBAN, or undefined when its bank code is not in the table of {@link BANKS}.
 * @throws {DomainValidationError} IBAN_FORMAT or IBAN_CHECKSUM.
 */
export function bankOfIban(iban: string): Bank | undefined {
  return bankByCode(parseKzIban(iban).bankCode);
}
