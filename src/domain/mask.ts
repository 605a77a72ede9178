/**
 * Masking of personal data before it reaches a log line or an error message. Every function here is total:
 * it never throws, whatever it is given, because it runs inside error and logging paths.
 */

const STAR = '*';

function isAsciiDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isAsciiAlnum(c: string): boolean {
  return isAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/** Masks an IIN (or any identifier) as `9501******23`: first 4 and last 2 characters kept, 6 or fewer → all stars. */
export function maskIin(iin: string): string {
  if (typeof iin !== 'string') return '';
  if (iin.length <= 6) return STAR.repeat(iin.length);
  return iin.slice(0, 4) + STAR.repeat(iin.length - 6) + iin.slice(-2);
}

/**
 * Masks a phone in place, keeping its separators: the country prefix and operator code stay, and so do the last
 * two digits (`+7 701 *** ** 78`, `8 (701) ***-**-78`). With fewer than 9 digits every digit is masked.
 */
export function maskPhone(phone: string): string {
  if (typeof phone !== 'string') return '';
  let digits = 0;
  for (const c of phone) if (isAsciiDigit(c)) digits++;
  const keepHead = digits >= 9 ? digits - 7 : 0;
  const keepTailFrom = digits >= 9 ? digits - 2 : digits;
  let i = 0;
  let out = '';
  for (const c of phone) {
    if (!isAsciiDigit(c)) {
      out += c;
      continue;
    }
    out += i < keepHead || i >= keepTailFrom ? c : STAR;
    i++;
  }
  return out;
}

/**
 * Masks an IBAN in place, keeping spaces: country, check digits and bank code (7 characters) and the last 4
 * stay (`KZ86125*********0100`); the bank is not personal, the account is. Shorter strings keep only 2.
 */
export function maskIban(iban: string): string {
  if (typeof iban !== 'string') return '';
  let total = 0;
  for (const c of iban) if (isAsciiAlnum(c)) total++;
  const keepHead = total >= 12 ? 7 : Math.min(2, total);
  const keepTailFrom = total >= 12 ? total - 4 : total;
  let i = 0;
  let out = '';
  for (const c of iban) {
    if (!isAsciiAlnum(c)) {
      out += c;
      continue;
    }
    out += i < keepHead || i >= keepTailFrom ? c : STAR;
    i++;
  }
  return out;
}

const NAME_WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

/** Masks a person's name word by word, keeping each first letter: `Әсел Иванова-Ким` → `Ә*** И***-К***`. */
export function maskName(name: string): string {
  if (typeof name !== 'string') return '';
  // A fixed number of stars, so that the mask does not leak the length of the name.
  return name.replace(NAME_WORD, (word) => `${Array.from(word)[0]}***`);
}

// One pass, leftmost match first; at the same position the IBAN wins over the IIN, and the IIN over the phone.
// Matching is deliberately loose (no checksum): a false positive costs a masked number, a false negative a leak.
const PERSONAL_DATA = new RegExp(
  [
    // KZ IBAN, any case, optionally grouped by spaces: KZ86 125K ZT50 0410 0100.
    String.raw`(?<iban>(?<![0-9A-Za-z])[Kk][Zz]\d{2}(?: ?[0-9A-Za-z]){16}(?![0-9A-Za-z]))`,
    // IIN (and BIN): a run of exactly 12 digits.
    String.raw`(?<iin>(?<!\d)\d{12}(?!\d))`,
    // KZ phone: optional +7 / 7 / 8, then 10 digits starting with 7, at most two of ' -()' between digits.
    String.raw`(?<phone>(?<!\d)(?:\+ ?7|7|8)?[ \-(]{0,2}7(?:[ \-()]{0,2}\d){9}(?!\d))`,
  ].join('|'),
  'g',
);

/**
 * Returns `text` with every KZ IBAN, IIN/BIN (12-digit run) and KZ phone number (+7 7XX… in any common format)
 * masked in place. Loose on purpose: 12-digit amounts or 10-digit numbers starting with 7 are masked too.
 */
export function maskPersonalData(text: string): string {
  const s = typeof text === 'string' ? text : String(text);
  return s.replace(PERSONAL_DATA, (match: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Record<string, string | undefined>;
    if (groups.iban !== undefined) return maskIban(match);
    if (groups.iin !== undefined) return maskIin(match);
    return maskPhone(match);
  });
}
