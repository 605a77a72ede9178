import { DomainValidationError } from '../errors';
import {
  GAS_VOUCHER_VERSIONS,
  gasReminderDueOn,
  gasVoucherRules,
  gasVoucherVersion,
  gasVoucherVersionOn,
  type GasRuleField,
} from './gas-voucher';

const SEED_000 = '000_10c451d0a2d1ef22.txt';
const SEED_001 = '001_bdf7a56f0c09f3cb.txt';

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('gas vouchers, order of Dec 2024 (seed 000)', () => {
  const jan = gasVoucherRules('2025-01');

  it('activation window is 7th–25th inclusive (seed 000 cl. 7)', () => {
    expect([jan.activationFrom, jan.activationTo]).toEqual(['2025-01-07', '2025-01-25']);
    expect(jan.source.activationTo).toMatchObject({ seed: SEED_000, clause: '7' });
  });

  it('an unactivated voucher is valid until the 25th (seed 000 cl. 9)', () => {
    expect(jan.expiresOn).toBe('2025-01-25');
    expect(jan.source.expiresOn.clause).toBe('9');
  });

  it('first SMS goes out on the 7th (seed 000 cl. 16)', () => {
    expect(jan.firstSmsOn).toBe('2025-01-07');
  });

  it('SDU may update the list until the 14th inclusive (seed 000 cl. 17–18)', () => {
    expect(jan.listUpdatableUntil).toBe('2025-01-14');
  });

  it('one repeat SMS after 7 calendar days without a reply; replies count until the 25th (seed 000 cl. 19)', () => {
    expect(jan.reminderAfterDays).toBe(7);
    expect(jan.replyBy).toBe('2025-01-25');
    expect(gasReminderDueOn('2025-01-07', '2024-12-05')).toBe('2025-01-14');
    // Someone added to the list on the 14th gets the first SMS then and the reminder a week later.
    expect(gasReminderDueOn('2025-01-14', '2024-12-05')).toBe('2025-01-21');
  });

  it('the Wallet sends the activated list to billing on the 26th (seed 000 cl. 31)', () => {
    expect(jan.activatedListOn).toBe('2025-01-26');
  });

  it('consent 3#1, refusal 3#2, call centre 1414 (seed 000 Appendix, items 1–3)', () => {
    expect(jan).toMatchObject({
      consentCode: '3#1',
      refusalCode: '3#2',
      callCentre: '1414',
      version: '2024-12-05',
    });
  });

  it('pilot: Shymkent and West Kazakhstan region, 5 Dec 2024 – 30 Apr 2025 (seed 000 cl. 1, 3, 4)', () => {
    expect(jan.pilot.regions.map((r) => r.code)).toEqual(['shymkent', 'west-kazakhstan']);
    expect(jan.pilot.regions.map((r) => r.nameKz)).toEqual(['Шымкент қаласы', 'Батыс Қазақстан облысы']);
    expect([jan.pilot.from, jan.pilot.until]).toEqual(['2024-12-05', '2025-04-30']);
  });

  it('December 2024 and April 2025 are campaign months (seed 000 cl. 3: 5 Dec 2024 – 30 Apr 2025 inclusive)', () => {
    expect(gasVoucherRules('2024-12').firstSmsOn).toBe('2024-12-07');
    expect(gasVoucherRules('2025-04').activatedListOn).toBe('2025-04-26');
  });

  it('February 2025 has all the days of the order, nothing moves (seed 000 cl. 7, 31)', () => {
    const feb = gasVoucherRules('2025-02');
    expect([feb.activationTo, feb.activatedListOn, feb.monthEndAdjusted]).toEqual([
      '2025-02-25',
      '2025-02-26',
      false,
    ]);
  });
});

describe('gas vouchers, amendment in force from 25 Aug 2025 (seed 001)', () => {
  const sep = gasVoucherRules('2025-09');

  it('activation window is 7th–29th inclusive (seed 001 para. 4)', () => {
    expect([sep.activationFrom, sep.activationTo]).toEqual(['2025-09-07', '2025-09-29']);
    expect(sep.source.activationTo).toMatchObject({ seed: SEED_001, clause: 'para. 4' });
  });

  it('an unactivated voucher is valid until the 29th (seed 001 para. 5)', () => {
    expect(sep.expiresOn).toBe('2025-09-29');
  });

  it('repeat SMS after 7 calendar days; replies count until the 29th (seed 001 para. 6)', () => {
    expect([sep.reminderAfterDays, sep.replyBy]).toEqual([7, '2025-09-29']);
    expect(sep.source.reminderAfterDays.seed).toBe(SEED_001);
  });

  it('the Wallet sends the activated list to billing on the 30th (seed 001 para. 7)', () => {
    expect(sep.activatedListOn).toBe('2025-09-30');
    expect(sep.monthEndAdjusted).toBe(false);
  });

  it('consent code is 21*1 and no refusal code remains (seed 001 para. 10)', () => {
    expect(sep.consentCode).toBe('21*1');
    expect(sep.refusalCode).toBeUndefined();
    expect('refusalCode' in sep).toBe(false);
    expect(sep.source.refusalCode).toMatchObject({ seed: SEED_001, clause: 'para. 10' });
  });

  it('call centre is 5169 (seed 001 para. 10)', () => {
    expect(sep.callCentre).toBe('5169');
  });

  it('first SMS on the 7th and list updates until the 14th stay from the order (seed 000 cl. 16–18)', () => {
    expect([sep.firstSmsOn, sep.listUpdatableUntil]).toEqual(['2025-09-07', '2025-09-14']);
    expect(sep.source.firstSmsOn.seed).toBe(SEED_000);
  });

  it('regions unchanged; recipients counted as of the last day of the previous month (seed 001 para. 3)', () => {
    expect(sep.pilot.regions.map((r) => r.code)).toEqual(['shymkent', 'west-kazakhstan']);
    expect(sep.eligibility).toMatch(/last day of the month before/);
  });

  it('the amendment names no pilot end, so later months keep the amended rules (seed 001 para. 13)', () => {
    expect(sep.pilot).toMatchObject({ from: '2025-08-25', until: null });
    expect(gasVoucherRules('2030-01').version).toBe('2025-08-25');
  });
});

describe('gas vouchers: which version governs a month (seed 000 cl. 3, 8, 16; seed 001 para. 13)', () => {
  it('the version is the one in force on a day; none between 1 May and 24 Aug 2025 (seed 000 cl. 8, seed 001 para. 13)', () => {
    expect(gasVoucherVersionOn('2024-12-04')).toBeUndefined();
    expect(gasVoucherVersionOn('2024-12-05')).toBe('2024-12-05');
    expect(gasVoucherVersionOn('2025-04-30')).toBe('2024-12-05');
    expect(gasVoucherVersionOn('2025-05-01')).toBeUndefined();
    expect(gasVoucherVersionOn('2025-08-24')).toBeUndefined();
    expect(gasVoucherVersionOn('2025-08-25')).toBe('2025-08-25');
  });

  it('August 2025 follows the version in force on its first-SMS day, 7 Aug, which is none (seed 000 cl. 16)', () => {
    const e = errorOf(() => gasVoucherRules('2025-08'));
    expect(e.code).toBe('RULES_OUTSIDE_PILOT');
    expect(e.message).toContain('2025-08-07');
    expect(e.hint).toMatch(/August 2025/);
  });

  it('September 2025 is the first month under the amendment (seed 001 para. 13)', () => {
    expect(gasVoucherRules('2025-09').version).toBe('2025-08-25');
  });

  it.each(['2024-11', '2025-05', '2025-06', '2025-07', '2020-01'])(
    '%s is outside every pilot period and throws (seed 000 cl. 3; seed 001 para. 13)',
    (month) => {
      expect(errorOf(() => gasVoucherRules(month)).code).toBe('RULES_OUTSIDE_PILOT');
    },
  );
});

describe('gas vouchers in February under the amendment (seed 001 para. 4–7)', () => {
  it('a 28-day February ends activation, expiry and replies on the 28th and sends the list on 1 March (seed 001 para. 4–7, seed 000 cl. 31)', () => {
    const feb = gasVoucherRules('2026-02');
    expect(feb).toMatchObject({
      activationTo: '2026-02-28',
      expiresOn: '2026-02-28',
      replyBy: '2026-02-28',
      activatedListOn: '2026-03-01',
      monthEndAdjusted: true,
    });
  });

  it('a leap February keeps the 29th for activation and sends the list on 1 March (seed 001 para. 4, 7)', () => {
    const feb = gasVoucherRules('2028-02');
    expect([feb.activationTo, feb.expiresOn, feb.activatedListOn]).toEqual([
      '2028-02-29',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(feb.monthEndAdjusted).toBe(true);
  });

  it('30-day months keep the 30th as list day (seed 001 para. 7)', () => {
    expect(gasVoucherRules('2025-11').activatedListOn).toBe('2025-11-30');
    expect(gasVoucherRules('2026-04').monthEndAdjusted).toBe(false);
  });
});

describe('gas vouchers: bad input', () => {
  it.each([
    '2025-13',
    '2025-00',
    '2025-9',
    '25-09',
    '2025-09-01',
    '',
    'abc',
    ' 2025-09',
    '2025/09',
    '1899-12',
  ])('rejects month %p with RULES_INVALID_MONTH', (month) => {
    expect(errorOf(() => gasVoucherRules(month)).code).toBe('RULES_INVALID_MONTH');
  });

  it('rejects a non-string month', () => {
    expect(errorOf(() => gasVoucherRules(202509 as unknown as string)).code).toBe('RULES_INVALID_MONTH');
  });

  it('does not echo the rejected input', () => {
    expect(errorOf(() => gasVoucherRules('850312400019')).message).not.toContain('850312400019');
  });

  it('rejects a bad date and an unknown version', () => {
    expect(errorOf(() => gasVoucherVersionOn('2025-02-30')).code).toBe('RULES_INVALID_DATE');
    expect(errorOf(() => gasVoucherVersion('2026-01-01' as never)).code).toBe('RULES_UNKNOWN_VERSION');
  });
});

describe('gas vouchers: rules are data with sources', () => {
  const fields: GasRuleField[] = [
    'firstSmsOn',
    'listUpdatableUntil',
    'reminderAfterDays',
    'replyBy',
    'activationFrom',
    'activationTo',
    'expiresOn',
    'activatedListOn',
    'consentCode',
    'refusalCode',
    'callCentre',
    'pilot',
    'eligibility',
  ];

  it.each(GAS_VOUCHER_VERSIONS.map((v) => [v.version, v] as const))(
    'version %s cites every field',
    (_, v) => {
      for (const f of fields) {
        expect(v.source[f]).toEqual(
          expect.objectContaining({ seed: expect.any(String), clause: expect.any(String) }),
        );
      }
    },
  );

  it('the data cannot be changed by a caller', () => {
    const rules = gasVoucherRules('2025-09');
    expect(() => {
      (rules.pilot as { until: string | null }).until = '2025-12-31';
    }).toThrow(TypeError);
    expect(gasVoucherRules('2025-09').pilot.until).toBeNull();
  });
});
