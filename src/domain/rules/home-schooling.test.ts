import { DomainValidationError } from '../errors';
import {
  HOME_SCHOOLING_EXCLUSION_REASONS,
  homeSchoolingOfferForm,
  homeSchoolingRules,
} from './home-schooling';

const SEED_003 = '003_2f93f590f284f56c.txt';
const rules = homeSchoolingRules('2024-06-03');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('home schooling (seed 003)', () => {
  it('NOBD sends the children accepted for home schooling daily (seed 003 cl. 4)', () => {
    expect(rules.nobdFeed).toBe('daily');
  });

  it('after form 3, E-Sobes watches the banks for a new account for 3 working days (seed 003 cl. 10)', () => {
    expect(rules.bankAccountWatchWorkingDays).toBe(3);
    expect(rules.source.bankAccountWatchWorkingDays).toMatchObject({ seed: SEED_003, clause: '10' });
  });

  it('no reply within 3 working days ends the process with form 4 (seed 003 cl. 11)', () => {
    expect(rules.replyWindowWorkingDays).toBe(3);
    expect(rules.forms.find((f) => f.form === 4)?.templateId).toBe('hs.form4.kk');
  });

  it('one bank → form 1, several → form 2, none → form 3 (seed 003 cl. 9)', () => {
    expect([0, 1, 2, 7].map(homeSchoolingOfferForm)).toEqual([3, 1, 2, 2]);
    expect(codeOf(() => homeSchoolingOfferForm(-1))).toBe('RULES_INVALID_COUNT');
    expect(codeOf(() => homeSchoolingOfferForm(1.5))).toBe('RULES_INVALID_COUNT');
  });

  it('forms 1 and 2 ask for a reply, forms 3–5 do not (seed 003 Appendices 1–5)', () => {
    expect(rules.forms.map((f) => [f.form, f.replies])).toEqual([
      [1, ['agree', 'chooseAnotherBank']],
      [2, ['chooseBank', 'chooseAnotherBank']],
      [3, []],
      [4, []],
      [5, []],
    ]);
  });

  it('reply codes {code}#3#1, {code}#3#0 and {code}#3#1{n} (seed 003 Appendices 1–2)', () => {
    expect(rules.replyCodes).toEqual({
      agree: '{serviceCode}#3#1',
      chooseAnotherBank: '{serviceCode}#3#0',
      chooseBank: '{serviceCode}#3#1{n}',
    });
    expect(rules.callCentre).toBe('1414');
  });

  it('the benefit is assigned through an application with the chosen account, then form 5 (seed 003 cl. 12–13)', () => {
    expect(rules.forms.find((f) => f.form === 5)?.source.clause).toContain('13');
  });

  it('payments stop when NOBD reports the end of home schooling (seed 003 cl. 14)', () => {
    expect(rules.paymentsStop).toBe('whenNobdReportsEndOfHomeSchooling');
  });

  it('in force until 31 Dec 2024 inclusive, from 27 Feb 2024 at the earliest (seed 003 cl. 6)', () => {
    expect(rules.inForce).toEqual({ from: '2024-02-27', until: '2024-12-31' });
    expect(homeSchoolingRules('2024-12-31').asOf).toBe('2024-12-31');
    expect(homeSchoolingRules('2024-02-27').version).toBe('2024-02-27');
  });

  it.each(['2024-02-26', '2025-01-01', '2025-09-01'])(
    '%s is outside the order and throws (seed 003 cl. 6)',
    (d) => {
      expect(codeOf(() => homeSchoolingRules(d))).toBe('RULES_OUTSIDE_PILOT');
    },
  );

  it('rejects a malformed date', () => {
    expect(codeOf(() => homeSchoolingRules('31.12.2024'))).toBe('RULES_INVALID_DATE');
  });
});

describe('home-schooling exclusion reasons (seed 003 cl. 6–7)', () => {
  it('deceased, missing, incapable, no citizenship, no registration are named by the clause (seed 003 cl. 7)', () => {
    const explicit = HOME_SCHOOLING_EXCLUSION_REASONS.filter(
      (r) => r.source.clause === '7' && r.basis === 'explicit',
    );
    expect(explicit.map((r) => r.code)).toEqual([
      'deceased',
      'missing',
      'incapable',
      'noCitizenship',
      'noRegistration',
    ]);
  });

  it('an expired identity document is inferred from the validity check (seed 003 cl. 7)', () => {
    expect(HOME_SCHOOLING_EXCLUSION_REASONS.find((r) => r.code === 'identityDocumentExpired')).toMatchObject({
      basis: 'inferred',
      source: { clause: '7' },
    });
  });

  it('an existing application removes the child from the list (seed 003 cl. 6)', () => {
    expect(HOME_SCHOOLING_EXCLUSION_REASONS.find((r) => r.code === 'applicationExists')?.basis).toBe(
      'explicit',
    );
  });

  it('every reason has a unique code and Kazakh and Russian names (seed 003 cl. 7)', () => {
    const codes = HOME_SCHOOLING_EXCLUSION_REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of HOME_SCHOOLING_EXCLUSION_REASONS) {
      expect(r.nameKz).toMatch(/[\u0400-\u04FF]/);
      expect(r.nameRu).toMatch(/[\u0400-\u04FF]/);
      expect(r.source.seed).toBe(SEED_003);
    }
    expect(rules.exclusionReasons).toBe(HOME_SCHOOLING_EXCLUSION_REASONS);
  });
});
