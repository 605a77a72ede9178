/**
 * Parsers for the SMS replies citizens type: gas (both versions), meals, home schooling.
 *
 * What is tolerated, and why each is safe:
 * - Spaces anywhere inside the code ("3 # 1"), case of the service code, a leading "+", quotes, trailing
 *   punctuation and words ("3#1.", "3#1 спасибо"): none of them changes which code was typed.
 * - Full-width and look-alike characters: NFKC folds full-width digits and "＃"/"＊"; "№" counts as "#" because it
 *   sits on Shift+3 of the Russian and Kazakh keyboard layouts, where "#" is on the Latin one; "∗", "×" and similar
 *   count as "*". No letter is ever read as a digit ("О" for "0", "З" for "3"): service codes may contain letters,
 *   and guessing a digit could turn one answer into another.
 * - USSD habits: one "*" before the code and one "#" after it ("*21*1#") are dropped.
 * - Cyrillic letters that look like Latin ones in a home-schooling service code ("А12" typed on a Russian layout
 *   for "A12"): both codes are compared by their look-alike skeleton. Only the service code is compared this way;
 *   the answer digits never are.
 *
 * What is refused (`{ kind: 'unrecognised', raw, reason }`), because a wrong guess costs more than asking again:
 * - two different codes, or any other digit or "#"/"*" left beside the code ("3#1 3#2", "3#1 2", "3#12");
 * - words that contradict the code: a consent code with a negation ("3#1 нет", "21*1 келіспеймін") or a refusal
 *   code with an affirmation ("3#2 да"); a refusal with a negation ("3#2 не согласен") is a refusal;
 * - the old gas codes under the amendment and the reverse: the SMS the person received named one code only;
 * - a home-schooling reply without the expected service code, with another one, with a bank number after form 1,
 *   without one (or outside the list) after form 2.
 */
import { DomainValidationError } from '../errors';
import { gasVoucherVersion, type GasRulesVersion } from '../rules/gas-voucher';
import { SCHOOL_MEALS_RULES } from '../rules/school-meals';

/** Why a reply was not understood; for logs and for choosing what to answer. */
export type UnrecognisedReason =
  | 'empty'
  | 'tooLong'
  | 'noCode'
  | 'unknownCode'
  | 'ambiguous'
  | 'conflictingText'
  | 'missingServiceCode'
  | 'wrongServiceCode'
  | 'bankNumberMissing'
  | 'unexpectedBankNumber'
  | 'bankNumberOutOfRange';

/** A reply that could not be read with certainty; `raw` is the text as received. */
export interface UnrecognisedReply {
  readonly kind: 'unrecognised';
  readonly raw: string;
  readonly reason: UnrecognisedReason;
}

/** Answer to a consent request (gas, meals); `code` is the code as the act writes it. */
export type ConsentReply =
  | { readonly kind: 'consent'; readonly code: string }
  | { readonly kind: 'refusal'; readonly code: string }
  | UnrecognisedReply;

/** Answer to home-schooling form 1 or 2. */
export type HomeSchoolingReply =
  | { readonly kind: 'agree' }
  | { readonly kind: 'chooseAnotherBank' }
  | { readonly kind: 'chooseBank'; readonly bankNumber: number }
  | UnrecognisedReply;

/** What the home-schooling parser must know about the SMS the person is answering. */
export type HomeSchoolingReplyContext =
  | { readonly serviceCode: string; readonly sentForm: 1 }
  | { readonly serviceCode: string; readonly sentForm: 2; readonly bankCount: number };

type Polarity = 'positive' | 'negative' | 'neutral';

/** Longer than any real reply (several concatenated SMS); also bounds the regex work. */
const MAX_REPLY_LENGTH = 1000;

// Replaced before NFKC, which would turn "№" into "No".
const HASH_LIKE = /[№♯⋕﹟＃]/gu;
const STAR_LIKE = /[∗⁎✱✲✳✻٭×﹡＊]/gu;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;

/** A code: digit groups joined by "#" or "*", with an optional USSD "*" before and "#" after. */
const CODE_TOKEN = /(?:\*\s*)?(\d+(?:\s*[#*]\s*\d+)+)(?:\s*#(?!\s*\d))?/g;
/** A home-schooling code: service code, "#", digits, "#", digits (the bank number may follow after a space). */
const HS_TOKEN = /(?:\*\s*)?([\p{L}\p{N}]*)\s*#\s*(\d+)\s*#\s*(\d+(?:\s+\d+)*)(?:\s*#(?!\s*\d))?/gu;
const LEFTOVER_CODE_CHARS = /[#*\p{N}]/u;

const NEGATIVE_WORDS = new Set([
  'не',
  'нет',
  'неа',
  'нету',
  'против',
  'стоп',
  'жоқ',
  'жок',
  'емес',
  'қарсымын',
  'карсымын',
  'no',
  'not',
  'nope',
  'stop',
]);
const NEGATIVE_PREFIXES = ['отказ', 'несоглас', 'келіспе', 'келиспе'];
const POSITIVE_WORDS = new Set([
  'да',
  'ага',
  'угу',
  'ок',
  'окей',
  'иә',
  'ия',
  'иа',
  'ие',
  'жарайды',
  'келісім',
  'yes',
  'yeah',
  'yep',
  'ok',
  'okay',
]);
const POSITIVE_PREFIXES = ['соглас', 'келісе', 'келіст', 'келисе'];

/** Folds what people type into one form: look-alikes, full-width, invisible characters, spaces, case. */
export function normaliseSmsReply(raw: string): string {
  return raw
    .replace(HASH_LIKE, '#')
    .replace(STAR_LIKE, '*')
    .normalize('NFKC')
    .replace(HASH_LIKE, '#')
    .replace(STAR_LIKE, '*')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Cyrillic letters (lower case) that look like Latin ones, folded for comparing service codes only. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
};

/** A service code reduced to the shape a reader sees, so "А12" (Cyrillic) equals "A12" (Latin). */
function skeleton(code: string): string {
  return [...code].map((ch) => LATIN_LOOKALIKES[ch] ?? ch).join('');
}

/** Whether the words beside a code say yes, no, or neither; a negation wins ("не согласен" is no). */
function polarityOf(text: string): Polarity {
  const words: readonly string[] = text.match(/\p{L}+/gu) ?? [];
  const negative =
    words.some((w) => NEGATIVE_WORDS.has(w) || NEGATIVE_PREFIXES.some((p) => w.startsWith(p))) ||
    (words.includes('бас') && words.some((w) => w.startsWith('тарт')));
  if (negative) return 'negative';
  const positive = words.some((w) => POSITIVE_WORDS.has(w) || POSITIVE_PREFIXES.some((p) => w.startsWith(p)));
  return positive ? 'positive' : 'neutral';
}

const unrecognised = (raw: string, reason: UnrecognisedReason): UnrecognisedReply => ({
  kind: 'unrecognised',
  raw,
  reason,
});

/** Rejects what cannot be a reply at all; returns the normalised text otherwise. */
function prepare(raw: unknown): { readonly text: string } | UnrecognisedReply {
  if (typeof raw !== 'string') return unrecognised('', 'empty');
  if (raw.length > MAX_REPLY_LENGTH) return unrecognised(raw, 'tooLong');
  const text = normaliseSmsReply(raw);
  return text === '' ? unrecognised(raw, 'empty') : { text };
}

interface CodeMeaning {
  readonly code: string;
  readonly kind: 'consent' | 'refusal';
}

function parseConsentCodes(raw: string, meanings: readonly CodeMeaning[]): ConsentReply {
  const prepared = prepare(raw);
  if ('kind' in prepared) return prepared;
  const { text } = prepared;
  const found = [...text.matchAll(CODE_TOKEN)].map((m) => m[1]!.replace(/\s+/g, ''));
  const rest = text.replace(CODE_TOKEN, ' ');
  if (found.length === 0) return unrecognised(raw, LEFTOVER_CODE_CHARS.test(text) ? 'unknownCode' : 'noCode');
  if (new Set(found).size > 1 || LEFTOVER_CODE_CHARS.test(rest)) return unrecognised(raw, 'ambiguous');
  const meaning = meanings.find((m) => m.code === found[0]);
  if (!meaning) return unrecognised(raw, 'unknownCode');
  const polarity = polarityOf(rest);
  if (
    (meaning.kind === 'consent' && polarity === 'negative') ||
    (meaning.kind === 'refusal' && polarity === 'positive')
  ) {
    return unrecognised(raw, 'conflictingText');
  }
  return { kind: meaning.kind, code: meaning.code };
}

/**
 * Reads a reply to the gas consent SMS under the given rules version: `3#1`/`3#2` under the Dec 2024 order,
 * `21*1` (consent only) under the amendment of 25 Aug 2025.
 * @throws DomainValidationError RULES_UNKNOWN_VERSION for an unknown version.
 */
export function parseGasReply(text: string, version: GasRulesVersion): ConsentReply {
  const rules = gasVoucherVersion(version);
  const meanings: CodeMeaning[] = [{ code: rules.consentCode, kind: 'consent' }];
  if (rules.refusalCode !== null) meanings.push({ code: rules.refusalCode, kind: 'refusal' });
  return parseConsentCodes(text, meanings);
}

/** Reads a reply to the school-meals consent SMS (`3#1` consent, `3#2` refusal; seed 002 Annex 1 Appendix 1). */
export function parseMealsReply(text: string): ConsentReply {
  return parseConsentCodes(text, [
    { code: SCHOOL_MEALS_RULES.consentCode, kind: 'consent' },
    { code: SCHOOL_MEALS_RULES.refusalCode, kind: 'refusal' },
  ]);
}

function checkContext(context: HomeSchoolingReplyContext): string {
  const code = typeof context?.serviceCode === 'string' ? normaliseSmsReply(context.serviceCode) : '';
  if (!/^[\p{L}\p{N}]+$/u.test(code)) {
    throw new DomainValidationError(
      'SMS_REPLY_BAD_CONTEXT',
      'serviceCode must be the non-empty service code named in the SMS (letters and digits only)',
    );
  }
  if (context.sentForm !== 1 && context.sentForm !== 2) {
    throw new DomainValidationError(
      'SMS_REPLY_BAD_CONTEXT',
      'sentForm must be 1 or 2: only forms 1 and 2 ask for a reply',
    );
  }
  if (context.sentForm === 2 && (!Number.isInteger(context.bankCount) || context.bankCount < 1)) {
    throw new DomainValidationError(
      'SMS_REPLY_BAD_CONTEXT',
      'bankCount must be the number of banks listed in form 2 (a whole number, 1 or more)',
    );
  }
  return code;
}

/**
 * Reads a reply to home-schooling form 1 (`{code}#3#1` agree, `{code}#3#0` another bank) or form 2
 * (`{code}#3#1{n}` bank n of the list, `{code}#3#0` another bank); seed 003 Appendices 1–2.
 * @throws DomainValidationError SMS_REPLY_BAD_CONTEXT when the context is not a valid form 1 or form 2 context.
 */
export function parseHomeSchoolingReply(
  text: string,
  context: HomeSchoolingReplyContext,
): HomeSchoolingReply {
  const expectedCode = checkContext(context);
  const prepared = prepare(text);
  if ('kind' in prepared) return prepared;
  const normalised = prepared.text;
  const tokens = [...normalised.matchAll(HS_TOKEN)].map((m) => ({
    serviceCode: m[1]!,
    group: m[2]!,
    choice: m[3]!.replace(/\s+/g, ''),
  }));
  const rest = normalised.replace(HS_TOKEN, ' ');
  if (tokens.length === 0) {
    return unrecognised(text, LEFTOVER_CODE_CHARS.test(normalised) ? 'unknownCode' : 'noCode');
  }
  const distinct = new Set(tokens.map((t) => `${t.serviceCode}#${t.group}#${t.choice}`));
  if (distinct.size > 1 || LEFTOVER_CODE_CHARS.test(rest)) return unrecognised(text, 'ambiguous');
  const { serviceCode, group, choice } = tokens[0]!;
  if (serviceCode === '') return unrecognised(text, 'missingServiceCode');
  if (skeleton(serviceCode) !== skeleton(expectedCode)) return unrecognised(text, 'wrongServiceCode');
  if (group !== '3') return unrecognised(text, 'unknownCode');
  if (choice === '0') return { kind: 'chooseAnotherBank' };
  if (!choice.startsWith('1')) return unrecognised(text, 'unknownCode');
  if (polarityOf(rest) === 'negative') return unrecognised(text, 'conflictingText');
  const bank = choice.slice(1);
  if (context.sentForm === 1) {
    return bank === '' ? { kind: 'agree' } : unrecognised(text, 'unexpectedBankNumber');
  }
  if (bank === '') return unrecognised(text, 'bankNumberMissing');
  const bankNumber = Number(bank);
  if (!/^[1-9]\d*$/.test(bank) || bankNumber > context.bankCount) {
    return unrecognised(text, 'bankNumberOutOfRange');
  }
  return { kind: 'chooseBank', bankNumber };
}
