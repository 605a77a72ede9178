import { generateKzIban } from '../../src/domain/iban';
import { generateIin, parseIin, type Gender } from '../../src/domain/iin';
import { dayNumber, dayOfIso, isoOfDay } from './dates';
import { Permutation, subKey } from './prng';

/**
 * Identifiers that are unique by construction and decodable without an index. A person is the pair (family
 * index, slot 0–7), i.e. the code `family × 8 + slot`; the generator draws the person's gender and a four-year
 * birth window, and a keyed permutation of the code picks the day inside the window and the IIN serial. Reading an
 * IIN back gives the window, the day and the serial, hence the code, hence the family, which is regenerated on
 * demand. Phones, gas personal accounts and IBANs encode the code (or the family) the same way.
 */

/** Family members per family at most; the slot is part of the person's code. */
export const SLOTS = 8;
/** Four years, with exactly one 29 February in any window between 1901 and 2099. */
export const WINDOW_DAYS = 1461;
/** Windows 0–21: 1936–1939 … 2020–2023. */
export const WINDOW_COUNT = 22;
const EPOCH = dayNumber(1936, 1, 1);
/** Serials 0–8999 carry the code; 9000–9999 stand in for the ~1/121 of them that are unusable on a date. */
const PRIMARY_SERIALS = 9000;
const IIN_SPACE = WINDOW_DAYS * PRIMARY_SERIALS;
/** The largest population the IIN encoding supports. */
export const MAX_FAMILIES = Math.floor(IIN_SPACE / SLOTS);

/** First year of window k. */
export function windowStartYear(k: number): number {
  return 1936 + 4 * k;
}

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Weighted sums of the first seven IIN digits (birth date and century/gender digit). */
function prefixSums(day: number, gender: Gender): [number, number] {
  const iso = isoOfDay(day);
  const year = Number(iso.slice(0, 4));
  const digits = [
    Math.floor((year % 100) / 10),
    year % 10,
    Number(iso[5]),
    Number(iso[6]),
    Number(iso[8]),
    Number(iso[9]),
    (Math.floor(year / 100) - 18) * 2 + (gender === 'male' ? 1 : 2),
  ];
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 7; i++) {
    s1 += digits[i]! * W1[i]!;
    s2 += digits[i]! * W2[i]!;
  }
  return [s1, s2];
}

/** Same test as the domain's isUsableIinSerial, without re-parsing the date for each of 10,000 serials. */
function usable(sums: [number, number], serial: number): boolean {
  const a = Math.floor(serial / 1000);
  const b = Math.floor(serial / 100) % 10;
  const c = Math.floor(serial / 10) % 10;
  const d = serial % 10;
  const s1 = (sums[0] + a * 8 + b * 9 + c * 10 + d * 11) % 11;
  const s2 = (sums[1] + a * 10 + b * 11 + c + d * 2) % 11;
  return !(s1 === 10 && s2 === 10);
}

/**
 * The stand-in for an unusable primary serial `a·1000 + r` (a ≤ 8) is `9000 + r`. It is usable and no other
 * unusable primary maps to it: changing the thousands digit by d moves the first weighted sum by 8·d, which is
 * never 0 mod 11 for d = 1…9, while both sums must be 10 mod 11 for a serial to be unusable.
 */
function fallbackSerial(primary: number): number {
  return PRIMARY_SERIALS + (primary % 1000);
}

function primaryOfFallback(sums: [number, number], serial: number): number | undefined {
  const r = serial - PRIMARY_SERIALS;
  for (let a = 0; a < 9; a++) if (!usable(sums, a * 1000 + r)) return a * 1000 + r;
  return undefined;
}

const PHONE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
const PHONE_SPACE = PHONE_PREFIXES.length * 10_000_000;
const GAS_SPACE = 100_000_000;
const IBAN_SPACE = 100_000_000;

/** Luhn check digit of a digit string. */
export function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The encoders and decoders of one seed. */
export class IdentityCodec {
  private readonly iinPerms: Permutation[] = [];
  private readonly phonePerm: Permutation;
  private readonly gasPerm: Permutation;
  private readonly ibanPerm: Permutation;

  constructor(seedHash: readonly number[]) {
    for (let i = 0; i < WINDOW_COUNT * 2; i++) {
      this.iinPerms.push(new Permutation(IIN_SPACE, subKey(seedHash, `iin/${i}`)));
    }
    this.phonePerm = new Permutation(PHONE_SPACE, subKey(seedHash, 'phone'));
    this.gasPerm = new Permutation(GAS_SPACE, subKey(seedHash, 'gas'));
    this.ibanPerm = new Permutation(IBAN_SPACE, subKey(seedHash, 'iban'));
  }

  /** The IIN and birth day (day number) of person `code` born in window k. */
  iin(code: number, window: number, gender: Gender): { iin: string; birthDay: number } {
    const x = this.iinPerms[window * 2 + (gender === 'male' ? 0 : 1)]!.apply(code);
    const birthDay = EPOCH + window * WINDOW_DAYS + (x % WINDOW_DAYS);
    const primary = Math.floor(x / WINDOW_DAYS);
    const sums = prefixSums(birthDay, gender);
    const serial = usable(sums, primary) ? primary : fallbackSerial(primary);
    return { iin: generateIin({ birthDate: isoOfDay(birthDay), gender, serial }), birthDay };
  }

  /** The person code an IIN encodes, or undefined when it cannot be one of ours (the caller checks the family). */
  codeOfIin(iin: string): number | undefined {
    let info;
    try {
      info = parseIin(iin);
    } catch {
      return undefined;
    }
    const day = dayOfIso(info.birthDate);
    const window = Math.floor((day - EPOCH) / WINDOW_DAYS);
    if (window < 0 || window >= WINDOW_COUNT) return undefined;
    const serial = Number(iin.slice(7, 11));
    const sums = prefixSums(day, info.gender);
    const primary = serial < PRIMARY_SERIALS ? serial : primaryOfFallback(sums, serial);
    if (primary === undefined) return undefined;
    const x = primary * WINDOW_DAYS + (day - EPOCH - window * WINDOW_DAYS);
    return this.iinPerms[window * 2 + (info.gender === 'male' ? 0 : 1)]!.invert(x);
  }

  /** The MAB phone of person `code`: `+77XXXXXXXXX`. */
  phone(code: number): string {
    const y = this.phonePerm.apply(code);
    return `+7${PHONE_PREFIXES[Math.floor(y / 10_000_000)]!}${String(y % 10_000_000).padStart(7, '0')}`;
  }

  /** The person code of a phone in the `+77XXXXXXXXX` form, or undefined. */
  codeOfPhone(phone: string): number | undefined {
    if (typeof phone !== 'string' || !/^\+7\d{10}$/.test(phone)) return undefined;
    const p = PHONE_PREFIXES.indexOf(phone.slice(2, 5));
    if (p < 0) return undefined;
    return this.phonePerm.invert(p * 10_000_000 + Number(phone.slice(5)));
  }

  /** The gas personal account number of a family: KATO prefix, 8 digits, Luhn digit. */
  gasAccount(family: number, regionCode: string): string {
    const body = `${regionCode}${String(this.gasPerm.apply(family)).padStart(8, '0')}`;
    return `${body}${luhnDigit(body)}`;
  }

  /** The family a gas account number encodes, or undefined when it is malformed or fails its check digit. */
  familyOfGasAccount(no: string): number | undefined {
    if (typeof no !== 'string' || !/^\d{11}$/.test(no)) return undefined;
    if (luhnDigit(no.slice(0, 10)) !== Number(no[10])) return undefined;
    return this.gasPerm.invert(Number(no.slice(2, 10)));
  }

  /** The IBAN of account `ordinal` (1–9) of person `code` in a bank; `branch` is 3 free digits. */
  iban(code: number, ordinal: number, bankCode: string, branch: number): string {
    const account13 = `${ordinal}0${String(this.ibanPerm.apply(code)).padStart(8, '0')}${String(branch).padStart(3, '0')}`;
    return generateKzIban(bankCode, account13);
  }

  /** The person code of one of our IBANs, or undefined. */
  codeOfIban(iban: string): number | undefined {
    if (typeof iban !== 'string' || !/^KZ\d{2}\d{3}\d{13}$/.test(iban)) return undefined;
    return this.ibanPerm.invert(Number(iban.slice(9, 17)));
  }
}
