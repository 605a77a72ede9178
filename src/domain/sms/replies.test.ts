import fc from 'fast-check';
import { DomainValidationError } from '../errors';
import {
  normaliseSmsReply,
  parseGasReply,
  parseHomeSchoolingReply,
  parseMealsReply,
  type HomeSchoolingReplyContext,
  type UnrecognisedReason,
} from './replies';

type Expected = string | UnrecognisedReason;

/** The kind of an understood reply, or the reason of an unrecognised one. */
const outcome = (r: { kind: string; reason?: string; bankNumber?: number }): string =>
  r.kind === 'unrecognised' ? r.reason! : r.kind === 'chooseBank' ? `chooseBank:${r.bankNumber}` : r.kind;

describe('normaliseSmsReply', () => {
  it.each([
    ['３＃１', '3#1'],
    ['3№1', '3#1'],
    ['２１＊１', '21*1'],
    ['21∗1', '21*1'],
    ['  3\u00a0#\u200b1\n', '3 #1'],
    ['A12 #3#1', 'a12 #3#1'],
  ])('%p → %p', (raw, expected) => {
    expect(normaliseSmsReply(raw)).toBe(expected);
  });
});

describe('gas replies under the order of Dec 2024: 3#1 consent, 3#2 refusal (seed 000 Appendix, items 1–3)', () => {
  it.each<[string, Expected]>([
    // consent, as people type it
    ['3#1', 'consent'],
    [' 3#1 ', 'consent'],
    ['3 # 1', 'consent'],
    ['3# 1', 'consent'],
    ['3 #1', 'consent'],
    ['+3#1', 'consent'],
    ['3#1.', 'consent'],
    ['3#1!!!', 'consent'],
    ['3#1)', 'consent'],
    ['"3#1"', 'consent'],
    ['«3#1»', 'consent'],
    ['３＃１', 'consent'],
    ['3＃1', 'consent'],
    ['3№1', 'consent'],
    ['3♯1', 'consent'],
    ['3\u200b#1', 'consent'],
    ['3\u00a0#\u00a01', 'consent'],
    ['3#1\n', 'consent'],
    ['3#1#', 'consent'],
    ['3#1 спасибо', 'consent'],
    ['3#1 Рахмет!', 'consent'],
    ['3#1 согласна', 'consent'],
    ['3#1 келісемін', 'consent'],
    ['Да 3#1', 'consent'],
    ['Иә, 3#1', 'consent'],
    ['3#1, 3#1', 'consent'],
    // refusal
    ['3#2', 'refusal'],
    ['3 # 2', 'refusal'],
    ['3#2.', 'refusal'],
    ['３＃２', 'refusal'],
    ['3№2', 'refusal'],
    ['3#2 нет', 'refusal'],
    ['3#2 не согласен', 'refusal'],
    ['3#2 несогласна', 'refusal'],
    ['3#2 жоқ', 'refusal'],
    ['3#2 отказываюсь', 'refusal'],
    ['3#2 келіспеймін', 'refusal'],
    ['3#2 бас тартамын', 'refusal'],
    ['3#2 No', 'refusal'],
    // not understood
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u200b', 'empty'],
    ['да', 'noCode'],
    ['Согласен', 'noCode'],
    ['ok', 'noCode'],
    ['31', 'unknownCode'],
    ['3 1', 'unknownCode'],
    ['1', 'unknownCode'],
    ['#1', 'unknownCode'],
    ['З#1', 'unknownCode'], // Cyrillic Ze is not read as 3
    ['3#О', 'unknownCode'], // Cyrillic O is not read as 0
    ['3#3', 'unknownCode'],
    ['3*1', 'unknownCode'],
    ['21*1', 'unknownCode'],
    ['3#12', 'unknownCode'],
    ['3#1#2', 'unknownCode'],
    ['13#1', 'unknownCode'],
    ['3#1 3#2', 'ambiguous'],
    ['3#2 3#1', 'ambiguous'],
    ['3#1 или 3#2', 'ambiguous'],
    ['3#1 2', 'ambiguous'],
    ['3#1 ИИН 850312400019', 'ambiguous'],
    ['3#1 нет', 'conflictingText'],
    ['3#1 не согласен', 'conflictingText'],
    ['Нет, 3#1', 'conflictingText'],
    ['3#1 келіспеймін', 'conflictingText'],
    ['3#1 бас тартамын', 'conflictingText'],
    ['3#1 отказ', 'conflictingText'],
    ['3#2 да', 'conflictingText'],
    ['3#2 согласен', 'conflictingText'],
    ['3#2 келісемін', 'conflictingText'],
    ['3'.repeat(1001), 'tooLong'],
  ])('%p → %s', (text, expected) => {
    expect(outcome(parseGasReply(text, '2024-12-05'))).toBe(expected);
  });

  it('returns the raw text of an unrecognised reply and the act code of an understood one', () => {
    expect(parseGasReply(' 3 # 1 ', '2024-12-05')).toEqual({ kind: 'consent', code: '3#1' });
    expect(parseGasReply('3#1 нет', '2024-12-05')).toEqual({
      kind: 'unrecognised',
      raw: '3#1 нет',
      reason: 'conflictingText',
    });
  });
});

describe('gas replies under the amendment: 21*1 consent only (seed 001 para. 10–11)', () => {
  it.each<[string, Expected]>([
    ['21*1', 'consent'],
    ['21 * 1', 'consent'],
    ['21*1.', 'consent'],
    ['+21*1', 'consent'],
    ['*21*1#', 'consent'],
    ['21*1#', 'consent'],
    ['２１＊１', 'consent'],
    ['21∗1', 'consent'],
    ['21×1', 'consent'],
    ['21*1 Согласен', 'consent'],
    ['21*1 согласие', 'consent'],
    ['3#1', 'unknownCode'], // the old code: the SMS the person got named 21*1 only
    ['3#2', 'unknownCode'], // no refusal code survives the amendment
    ['21*2', 'unknownCode'],
    ['21#1', 'unknownCode'],
    ['211', 'unknownCode'],
    ['21*11', 'unknownCode'],
    ['2 1*1', 'ambiguous'],
    ['21*1 21*2', 'ambiguous'],
    ['21*1 нет', 'conflictingText'],
    ['21*1 не согласен', 'conflictingText'],
    ['Согласен', 'noCode'],
  ])('%p → %s', (text, expected) => {
    expect(outcome(parseGasReply(text, '2025-08-25'))).toBe(expected);
  });

  it('never yields a refusal, since the amendment has no refusal code (seed 001 para. 10)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('2', '1', '*', '#', '3', ' ', 'нет', 'да', '.') }),
        (s) => {
          expect(parseGasReply(s, '2025-08-25').kind).not.toBe('refusal');
        },
      ),
      { seed: 20250825, numRuns: 500 },
    );
  });

  it('throws on an unknown rules version', () => {
    expect(() => parseGasReply('21*1', '2030-01-01' as never)).toThrow(DomainValidationError);
  });
});

describe('meals replies: 3#1 consent, 3#2 refusal (seed 002 Annex 1 Appendix 1, items 1–3)', () => {
  it.each<[string, Expected]>([
    ['3#1', 'consent'],
    ['3 #1 рахмет', 'consent'],
    ['3№1', 'consent'],
    ['3#2', 'refusal'],
    ['3#2 не надо', 'refusal'],
    ['3#1 3#2', 'ambiguous'],
    ['3#2 иә', 'conflictingText'],
    ['21*1', 'unknownCode'],
    ['да', 'noCode'],
  ])('%p → %s', (text, expected) => {
    expect(outcome(parseMealsReply(text))).toBe(expected);
  });
});

describe('consent and refusal never swap (seed 000 Appendix; seed 002 Annex 1 Appendix 1)', () => {
  const noise = fc.string({
    unit: fc.constantFrom(
      '3',
      '1',
      '2',
      '#',
      '*',
      '№',
      '＃',
      ' ',
      '+',
      '.',
      'да',
      'нет',
      'не',
      'a',
      '0',
      '\n',
    ),
    maxLength: 12,
  });

  it('text around a refusal code never reads as consent', () => {
    fc.assert(
      fc.property(noise, noise, (before, after) => {
        expect(parseGasReply(`${before}3#2${after}`, '2024-12-05').kind).not.toBe('consent');
        expect(parseMealsReply(`${before}3#2${after}`).kind).not.toBe('consent');
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('text around a consent code never reads as refusal', () => {
    fc.assert(
      fc.property(noise, noise, (before, after) => {
        expect(parseGasReply(`${before}3#1${after}`, '2024-12-05').kind).not.toBe('refusal');
        expect(parseMealsReply(`${before}3#1${after}`).kind).not.toBe('refusal');
      }),
      { seed: 43, numRuns: 1000 },
    );
  });
});

describe('home-schooling replies (seed 003 Appendices 1–2)', () => {
  const form1: HomeSchoolingReplyContext = { serviceCode: 'A12', sentForm: 1 };
  const form2: HomeSchoolingReplyContext = { serviceCode: 'A12', sentForm: 2, bankCount: 3 };

  it.each<[string, Expected]>([
    ['A12#3#1', 'agree'],
    ['a12#3#1', 'agree'],
    ['A12 #3#1', 'agree'],
    ['A12 # 3 # 1', 'agree'],
    ['+A12#3#1', 'agree'],
    ['A12#3#1.', 'agree'],
    ['А12#3#1', 'agree'], // Cyrillic А typed on a Russian layout
    ['A12＃3＃1', 'agree'],
    ['A12№3№1', 'agree'],
    ['A12#3#1 келісемін', 'agree'],
    ['A12#3#0', 'chooseAnotherBank'],
    ['A12 #3#0 другой банк', 'chooseAnotherBank'],
    ['A12#3#0 нет', 'chooseAnotherBank'],
    ['A12#3#12', 'unexpectedBankNumber'],
    ['A12#3#1 2', 'unexpectedBankNumber'],
    ['B12#3#1', 'wrongServiceCode'],
    ['A123#3#1', 'wrongServiceCode'],
    ['#3#1', 'missingServiceCode'],
    ['3#1', 'unknownCode'],
    ['A12#3#2', 'unknownCode'],
    ['A12#4#1', 'unknownCode'],
    ['A12#3#01', 'unknownCode'],
    ['A12#3#1 нет', 'conflictingText'],
    ['A12#3#1 A12#3#0', 'ambiguous'],
    ['A12#3#1 3', 'unexpectedBankNumber'],
    ['A12#3#1 ИИН 850312400019', 'ambiguous'],
    ['да', 'noCode'],
    ['', 'empty'],
  ])('form 1: %p → %s (seed 003 Appendix 1)', (text, expected) => {
    expect(outcome(parseHomeSchoolingReply(text, form1))).toBe(expected);
  });

  it.each<[string, Expected]>([
    ['A12#3#11', 'chooseBank:1'],
    ['A12#3#13', 'chooseBank:3'],
    ['A12#3#1 2', 'chooseBank:2'],
    ['a12 # 3 # 1 2', 'chooseBank:2'],
    ['A12#3#12.', 'chooseBank:2'],
    ['+A12#3#12 Kaspi', 'chooseBank:2'],
    ['А12＃3＃12', 'chooseBank:2'],
    ['A12#3#0', 'chooseAnotherBank'],
    ['A12#3#14', 'bankNumberOutOfRange'],
    ['A12#3#10', 'bankNumberOutOfRange'],
    ['A12#3#102', 'bankNumberOutOfRange'],
    ['A12#3#1', 'bankNumberMissing'],
    ['A12#3#12 нет', 'conflictingText'],
    ['A12#3#11 A12#3#12', 'ambiguous'],
    ['B12#3#12', 'wrongServiceCode'],
  ])('form 2 with 3 banks: %p → %s (seed 003 Appendix 2)', (text, expected) => {
    expect(outcome(parseHomeSchoolingReply(text, form2))).toBe(expected);
  });

  it('accepts a numeric service code and a list longer than nine banks (seed 003 Appendix 2)', () => {
    expect(parseHomeSchoolingReply('505#3#112', { serviceCode: '505', sentForm: 2, bankCount: 12 })).toEqual({
      kind: 'chooseBank',
      bankNumber: 12,
    });
    expect(outcome(parseHomeSchoolingReply('505 #3#1', { serviceCode: '505', sentForm: 1 }))).toBe('agree');
  });

  it('"choose another bank" never reads as agreeing (seed 003 Appendices 1–2)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '#', ' ', '.', 'да', 'a12', '3') }), (s) => {
        for (const context of [form1, form2]) {
          expect(['agree', 'chooseBank']).not.toContain(parseHomeSchoolingReply(`A12#3#0${s}`, context).kind);
          expect(['agree', 'chooseBank']).not.toContain(parseHomeSchoolingReply(`${s}A12#3#0`, context).kind);
        }
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it.each<[string, unknown]>([
    ['an empty service code', { serviceCode: '', sentForm: 1 }],
    ['a service code with punctuation', { serviceCode: 'A-12', sentForm: 1 }],
    ['a form that asks for no reply', { serviceCode: 'A12', sentForm: 3 }],
    ['form 2 without banks', { serviceCode: 'A12', sentForm: 2, bankCount: 0 }],
    ['form 2 with a fractional bank count', { serviceCode: 'A12', sentForm: 2, bankCount: 1.5 }],
  ])('throws SMS_REPLY_BAD_CONTEXT on %s', (_, context) => {
    let code = '';
    try {
      parseHomeSchoolingReply('A12#3#1', context as HomeSchoolingReplyContext);
    } catch (e) {
      code = e instanceof DomainValidationError ? e.code : 'other';
    }
    expect(code).toBe('SMS_REPLY_BAD_CONTEXT');
  });
});
