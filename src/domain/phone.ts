import { DomainValidationError } from './errors';
import { maskPhone } from './mask';

/** A Kazakh mobile number in E.164 form, `+77XXXXXXXXX`. */
export type KzMobilePhone = string;

// Separators people and systems put into phone numbers; anything else (letters, '#', '*') is a format error.
const SEPARATORS = /[\s\-().]/g;

/**
 * Normalizes a Kazakh mobile number to `+77XXXXXXXXX`. Accepts `+7 701 234 56 78`, `+77012345678`,
 * `87012345678`, `77012345678`, `7012345678`, `8 (701) 234-56-78` and other groupings with spaces, dashes,
 * dots and brackets. Kazakh mobile numbers are +7 7XX; 71X and 72X are the country's landline area codes
 * (e.g. Astana 7172, Almaty 727), so they are refused as well.
 * @throws {DomainValidationError} PHONE_FORMAT (not a +7 number of 10 national digits) or PHONE_NOT_MOBILE.
 */
export function normalizeKzPhone(s: string): KzMobilePhone {
  if (typeof s !== 'string') {
    throw new DomainValidationError('PHONE_FORMAT', 'Phone number must be a string');
  }
  const compact = s.replace(SEPARATORS, '');
  let national: string | undefined;
  if (/^\+7\d{10}$/.test(compact)) national = compact.slice(2);
  else if (/^[78]\d{10}$/.test(compact)) national = compact.slice(1);
  else if (/^\d{10}$/.test(compact)) national = compact;
  if (national === undefined) {
    throw new DomainValidationError(
      'PHONE_FORMAT',
      `Not a Kazakh phone number: ${maskPhone(s)}`,
      'Expected +7 7XX XXX XX XX, 8 7XX XXX XX XX or 7XX XXX XX XX.',
    );
  }
  if (!/^7[03-9]/.test(national)) {
    throw new DomainValidationError(
      'PHONE_NOT_MOBILE',
      `Not a Kazakh mobile number: ${maskPhone(s)}`,
      'Kazakh mobile numbers start with +7 7XX (landlines 71X/72X and other +7 numbers cannot receive the SMS).',
    );
  }
  return `+7${national}`;
}

/** True when `s` is a Kazakh mobile number in any format that {@link normalizeKzPhone} accepts. */
export function isKzMobilePhone(s: string): boolean {
  try {
    normalizeKzPhone(s);
    return true;
  } catch {
    return false;
  }
}
