import { DomainValidationError } from '../errors';
import {
  mealsProcessEndsOn,
  mealsReminderDueOn,
  pickMealsSmsRecipient,
  schoolMealsRules,
  type MealsRecipientCandidate,
} from './school-meals';

const SEED_002 = '002_5ca116f3f5d21278.txt';
const rules = schoolMealsRules('2024-02-01');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('school meals (seed 002)', () => {
  it('repeat SMS after 3 calendar days without a reply (seed 002 Annex 1 cl. 10)', () => {
    expect(rules.reminderAfterDays).toBe(3);
    expect(mealsReminderDueOn('2024-02-27')).toBe('2024-03-01'); // across a leap February
    expect(rules.source.reminderAfterDays).toMatchObject({ seed: SEED_002, clause: 'Annex 1, cl. 10' });
  });

  it('the process ends 3 calendar days after the repeat SMS without a reply (seed 002 Annex 1 cl. 10)', () => {
    expect(rules.endAfterReminderDays).toBe(3);
    expect(mealsProcessEndsOn('2024-03-01')).toBe('2024-03-04');
  });

  it('consent 3#1, refusal 3#2, call centre 1414 (seed 002 Annex 1 Appendix 1, items 1–3)', () => {
    expect(rules).toMatchObject({ consentCode: '3#1', refusalCode: '3#2', callCentre: '1414' });
  });

  it('asks the mother first, then the father, then legal representatives (seed 002 Annex 1 cl. 9)', () => {
    expect(rules.smsRecipientPriority).toEqual(['mother', 'father', 'legalRepresentative']);
  });

  it.each<[string, MealsRecipientCandidate[], string | undefined]>([
    [
      'mother with a phone',
      [
        { role: 'father', hasMabPhone: true },
        { role: 'mother', hasMabPhone: true },
      ],
      'mother',
    ],
    [
      'mother without a phone',
      [
        { role: 'mother', hasMabPhone: false },
        { role: 'father', hasMabPhone: true },
      ],
      'father',
    ],
    [
      'no parent with a phone',
      [
        { role: 'legalRepresentative', hasMabPhone: true },
        { role: 'father', hasMabPhone: false },
      ],
      'legalRepresentative',
    ],
    ['nobody with a phone (process ends, cl. 8)', [{ role: 'mother', hasMabPhone: false }], undefined],
    ['nobody at all', [], undefined],
  ])('picks one SMS recipient: %s (seed 002 Annex 1 cl. 8–9)', (_, candidates, expected) => {
    expect(pickMealsSmsRecipient(candidates)?.role).toBe(expected);
  });

  it('three categories of pupils (seed 002 Annex 1 cl. 5)', () => {
    expect(rules.pupilCategories.map((c) => c.code)).toEqual([
      'aspFamily',
      'lowIncomeWithoutAsp',
      'orphanOrWithoutParentalCare',
    ]);
    for (const c of rules.pupilCategories) {
      expect(c.nameKz).not.toBe('');
      expect(c.nameRu).not.toBe('');
    }
  });

  it('one voucher per pupil (seed 002 Annex 2 cl. 9)', () => {
    expect(rules.vouchersPerPupil).toBe(1);
  });

  it('a voucher is valid for the school year as defined by decree No. 64, cl. 5 (seed 002 Annex 2 cl. 13)', () => {
    expect(rules.voucherValidity.period).toBe('schoolYear');
    expect(rules.voucherValidity.definedBy).toMatch(/No\. 64 of 25 Jan 2008/);
  });

  it('the Wallet reports to NOBD daily; statuses reach NOBD through SDU (seed 002 Annex 2 cl. 14, Annex 1 cl. 12)', () => {
    expect([rules.walletReportsToNobd, rules.statusesToNobd]).toEqual(['daily', 'viaSdu']);
  });

  it('nationwide pilot for 12 months from 17 Nov 2023, the day both ministers signed (seed 002 order cl. 1, 9)', () => {
    expect(rules.pilot).toEqual({
      scope: 'nationwide',
      from: '2023-11-17',
      until: '2024-11-16',
      durationMonths: 12,
    });
    expect(schoolMealsRules('2023-11-17').asOf).toBe('2023-11-17');
    expect(schoolMealsRules('2024-11-16').version).toBe('2023-11-17');
  });

  it.each(['2023-11-16', '2024-11-17', '2025-09-01'])(
    '%s is outside the pilot and throws (seed 002 order cl. 9)',
    (d) => {
      expect(codeOf(() => schoolMealsRules(d))).toBe('RULES_OUTSIDE_PILOT');
    },
  );

  it.each(['2024-02-30', '2024-13-01', '2024-1-1', '', 'today'])('rejects the date %p', (d) => {
    expect(codeOf(() => schoolMealsRules(d))).toBe('RULES_INVALID_DATE');
  });
});
