import * as fs from 'fs';
import * as path from 'path';
import { DomainValidationError } from '../errors';
import { gasVoucherVersion } from '../rules/gas-voucher';
import { HOME_SCHOOLING_RULES } from '../rules/home-schooling';
import { SCHOOL_MEALS_RULES } from '../rules/school-meals';
import { getSmsTemplate, listSmsTemplates, placeholderNamesIn, renderSms } from './render';
import { SMS_TEMPLATES, type SmsTemplate } from './templates';

const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const seedCache = new Map<string, string>();
function seed(file: string): string {
  if (!seedCache.has(file)) seedCache.set(file, collapse(fs.readFileSync(path.join(SEEDS, file), 'utf8')));
  return seedCache.get(file)!;
}

/** The fixed parts of a text: what lies between placeholders, split at line breaks, whitespace collapsed. */
function fixedParts(t: Pick<SmsTemplate, 'text' | 'placeholders'>): string[] {
  const names = t.placeholders.map((p) => p.name);
  const parts = names.length === 0 ? [t.text] : t.text.split(new RegExp(`\\{(?:${names.join('|')})\\}`));
  return parts
    .flatMap((p) => p.split('\n'))
    .map(collapse)
    .filter((p) => p !== '');
}

/** Fixed parts that do not occur verbatim in the template's seed file. */
function notInSeed(t: SmsTemplate): string[] {
  return fixedParts(t).filter((part) => !seed(t.source.seed).includes(part));
}

/** Each line with the seed's own placeholder text put back must be a verbatim line of the seed. */
function linesNotInSeed(t: SmsTemplate): string[] {
  return t.text
    .split('\n')
    .map((line) => t.placeholders.reduce((l, p) => l.split(`{${p.name}}`).join(p.seedText), line))
    .map(collapse)
    .filter((line) => !seed(t.source.seed).includes(line));
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

const byId = (id: string): SmsTemplate => getSmsTemplate(id);

describe('SMS templates are the seeds word for word', () => {
  it.each(SMS_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: every fixed part occurs verbatim in its seed',
    (_, t) => {
      expect(fixedParts(t).length).toBeGreaterThan(0);
      expect(notInSeed(t)).toEqual([]);
    },
  );

  it.each(SMS_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: every line, with the seed placeholder restored, occurs verbatim in its seed',
    (_, t) => {
      expect(linesNotInSeed(t)).toEqual([]);
    },
  );

  it('the check catches a changed character, a dropped quote and a retyped look-alike letter', () => {
    const t = byId('gas.consentRequest.kk');
    const mutate = (text: string): SmsTemplate => ({ ...t, text });
    expect(notInSeed(mutate(t.text.replace('25-күніне', '29-күніне')))).toHaveLength(1);
    expect(notInSeed(mutate(t.text.replace('"Дербес', 'Дербес')))).toHaveLength(1);
    expect(notInSeed(mutate(t.text.replace('Call-орталыққа', 'Call-opталыққа')))).toHaveLength(1); // Latin o, p
  });

  it.each(SMS_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: placeholders in the text and in the list are the same, in order',
    (_, t) => {
      expect(placeholderNamesIn(t.text)).toEqual(t.placeholders.map((p) => p.name));
      for (const p of t.placeholders) expect(p.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
    },
  );

  it('ids are unique and follow service.purpose.language', () => {
    const ids = SMS_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of SMS_TEMPLATES) expect(t.id.endsWith(`.${t.language}`)).toBe(true);
  });
});

describe('SMS templates per seed', () => {
  it('seed 000 appendix: gas consent request, refusal and consent replies in Kazakh (seed 000 Appendix, items 1–3)', () => {
    expect(
      listSmsTemplates({ service: 'gas', rulesVersion: '2024-12-05' }).map((t) => [t.id, t.language]),
    ).toEqual([
      ['gas.consentRequest.kk', 'kk'],
      ['gas.refusalReply.kk', 'kk'],
      ['gas.consentReply.kk', 'kk'],
    ]);
  });

  it('seed 001: amended gas consent request and consent reply in Russian, no refusal reply (seed 001 para. 9–12)', () => {
    expect(listSmsTemplates({ service: 'gas', rulesVersion: '2025-08-25' }).map((t) => t.id)).toEqual([
      'gas.amended.consentRequest.ru',
      'gas.amended.consentReply.ru',
    ]);
  });

  it('seed 002: meals consent request, refusal and consent replies in Kazakh (seed 002 Annex 1 Appendix 1)', () => {
    expect(listSmsTemplates({ service: 'meals' }).map((t) => t.id)).toEqual([
      'meals.consentRequest.kk',
      'meals.refusalReply.kk',
      'meals.consentReply.kk',
    ]);
  });

  it('seed 003: home-schooling forms 1–5 in Kazakh (seed 003 Appendices 1–5)', () => {
    expect(listSmsTemplates({ service: 'homeSchooling', language: 'kk' }).map((t) => t.id)).toEqual(
      HOME_SCHOOLING_RULES.forms.map((f) => f.templateId),
    );
    expect(listSmsTemplates({ service: 'homeSchooling', language: 'ru' })).toEqual([]);
  });

  it('the gas texts carry the codes, deadline and call centre of their rules version (seed 000 Appendix; seed 001 para. 10)', () => {
    const old = gasVoucherVersion('2024-12-05');
    const request = byId('gas.consentRequest.kk').text;
    for (const s of [old.consentCode, old.refusalCode!, old.callCentre, `${old.replyByDay}-күніне`]) {
      expect(request).toContain(s);
    }
    const amended = gasVoucherVersion('2025-08-25');
    const requestRu = byId('gas.amended.consentRequest.ru').text;
    for (const s of [amended.consentCode, amended.callCentre, `до ${amended.replyByDay} числа`]) {
      expect(requestRu).toContain(s);
    }
    expect(requestRu).not.toContain('3#');
  });

  it('the meals text carries 3#1, 3#2, 1414 and the 3-day reply window (seed 002 Annex 1 cl. 10, Appendix 1)', () => {
    const text = byId('meals.consentRequest.kk').text;
    for (const s of [
      SCHOOL_MEALS_RULES.consentCode,
      SCHOOL_MEALS_RULES.refusalCode,
      '1414',
      '3 күнтізбелік күн',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('forms 1–2 carry the reply codes and the 3-working-day window (seed 003 cl. 11, Appendices 1–2)', () => {
    expect(byId('hs.form1.kk').text).toContain('{serviceCode} #3#1 мәтінімен');
    expect(byId('hs.form1.kk').text).toContain('{serviceCode} #3#0 мәтінімен');
    expect(byId('hs.form2.kk').text).toContain('{serviceCode} #3#1{Банктің реттік нөмірі} мәтінімен');
    expect(byId('hs.form2.kk').text).toContain('3 жұмыс күні ішінде');
  });

  it('records the seed placeholder each name stands for (seed 003 Appendices 1–5)', () => {
    const seedTexts = (id: string): Record<string, string> =>
      Object.fromEntries(byId(id).placeholders.map((p) => [p.name, p.seedText]));
    expect(seedTexts('hs.form1.kk')).toEqual({
      payNameBankRu: '{payNameBankRu}',
      serviceCode: '{қызмет коды}',
    });
    expect(seedTexts('hs.form2.kk')).toEqual({
      bankListKz: '{реттік нөмірі бар банктердің тізімі}',
      bankListRu: '{bankListRu}',
      serviceCode: '{қызмет коды}',
    });
    expect(seedTexts('hs.form5.kk')).toEqual({
      fullName: '{ТАӘ}',
      serviceName: '{code_service}',
      payNameBankKz: '{payNameBankKz}',
    });
    expect(byId('meals.consentRequest.kk').placeholders.map((p) => p.seedNote)).toEqual([
      '(тегі, аты, әкесінің аты (бар болса)',
      '(тегі, аты, әкесінің аты (бар болса)',
    ]);
  });
});

describe('renderSms', () => {
  it('fills every placeholder, including one used twice (seed 003 Appendix 1)', () => {
    const text = renderSms('hs.form1.kk', { payNameBankRu: 'АО «Банк»', serviceCode: 'A12' });
    expect(text).toContain('Сіздің АО «Банк» банктік шотыңызға түседі.');
    expect(text).toContain('1414 нөміріне A12 #3#1 мәтінімен');
    expect(text).toContain('1414 нөміріне A12 #3#0 мәтінімен');
    expect(text).not.toMatch(/\{[a-z][A-Za-z0-9]*\}/);
  });

  it('keeps the literal instruction {Банктің реттік нөмірі} of form 2 (seed 003 Appendix 2)', () => {
    const text = renderSms('hs.form2.kk', {
      bankListKz: '1. Halyk 2. Kaspi',
      bankListRu: '1. Халык 2. Каспи',
      serviceCode: 77,
    });
    expect(text).toContain('77 #3#1{Банктің реттік нөмірі} мәтінімен');
    expect(text).toContain('таңдаңыз: 1. Halyk 2. Kaspi / 1. Халык 2. Каспи');
  });

  it('renders a text without placeholders as it is (seed 001 para. 12)', () => {
    expect(renderSms('gas.amended.consentReply.ru', {})).toBe(byId('gas.amended.consentReply.ru').text);
  });

  it('never reads braces inside a value as a placeholder', () => {
    const text = renderSms('hs.form5.kk', {
      fullName: '{serviceName}',
      serviceName: 'жәрдемақы',
      payNameBankKz: 'Банк',
    });
    expect(text.startsWith('Құрметті {serviceName}!')).toBe(true);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['an unknown template', 'gas.consentRequest.en', {}, 'SMS_UNKNOWN_TEMPLATE'],
    ['a missing value', 'gas.consentRequest.kk', {}, 'SMS_MISSING_VALUE'],
    [
      'an extra value',
      'gas.consentRequest.kk',
      { fullName: 'Ахметова Айгүл', iin: '1' },
      'SMS_UNKNOWN_VALUE',
    ],
    [
      'an extra value for a text without placeholders',
      'gas.refusalReply.kk',
      { fullName: 'x' },
      'SMS_UNKNOWN_VALUE',
    ],
    ['a blank value', 'gas.consentRequest.kk', { fullName: '  ' }, 'SMS_EMPTY_VALUE'],
    ['a non-finite number', 'hs.form1.kk', { payNameBankRu: 'Банк', serviceCode: NaN }, 'SMS_BAD_VALUE'],
    ['a value of the wrong type', 'gas.consentRequest.kk', { fullName: null }, 'SMS_BAD_VALUE'],
  ])('throws DomainValidationError on %s', (_, id, values, code) => {
    expect(errorCode(() => renderSms(id, values as Record<string, string>))).toBe(code);
  });

  it('never echoes a value in its errors', () => {
    try {
      renderSms('gas.consentRequest.kk', { fullName: 'Ахметова Айгүл', iin: '850312400019' });
    } catch (e) {
      expect((e as Error).message).not.toContain('850312400019');
      expect((e as Error).message).not.toContain('Ахметова');
    }
    expect.assertions(2);
  });

  it('lists templates with a filter on purpose', () => {
    expect(listSmsTemplates({ purpose: 'refusalReply' }).map((t) => t.id)).toEqual([
      'gas.refusalReply.kk',
      'meals.refusalReply.kk',
    ]);
    expect(listSmsTemplates()).toHaveLength(13);
  });
});
