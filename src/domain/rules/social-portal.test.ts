import { DomainValidationError } from '../errors';
import { listSmsTemplates } from '../sms/render';
import { socialPortalRules, supplierChoiceBlockedSmsOn, supplierChoiceLastDay } from './social-portal';

const rules = socialPortalRules('2025-09-01');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('Social Services Portal (seed 004)', () => {
  it('two months to choose a supplier, counted from the notification (seed 004 Rules cl. 10)', () => {
    expect(rules.supplierChoice.window).toEqual({ amount: 2, unit: 'months' });
    expect(rules.supplierChoice.windowCountedFrom).toBe('notification');
    expect(supplierChoiceLastDay('2025-03-10')).toBe('2025-05-10');
    expect(supplierChoiceLastDay('2023-12-31')).toBe('2024-02-29'); // no 31 Feb: the month's last day
  });

  it('the blocking SMS goes out after two months from the IPR data reaching the portal (seed 004 Rules cl. 10)', () => {
    expect(rules.supplierChoice.blockingSmsCountedFrom).toBe('iprDataSentToPortal');
    expect(supplierChoiceBlockedSmsOn('2025-03-10')).toBe('2025-05-11');
    expect(supplierChoiceBlockedSmsOn('2024-12-31')).toBe('2025-03-01');
  });

  it('reactivation goes through E-Sobes in the general queue (seed 004 Rules cl. 10)', () => {
    expect(rules.supplierChoice.reactivation).toBe('buttonInPersonalCabinetThenEsobesGeneralQueue');
  });

  it('without a MAB phone the local executive body notifies by other means (seed 004 Rules cl. 9)', () => {
    expect(rules.supplierChoice.withoutMabPhone).toBe('localExecutiveBodyNotifiesByOtherMeans');
  });

  it('failure handling: register 3 h, analyse 1 working day, escalate 3 h, notify 30 min (seed 004 Rules cl. 15)', () => {
    const within = Object.fromEntries(rules.failureHandling.map((s) => [s.step, s.within]));
    expect(within).toEqual({
      registerRequest: { amount: 3, unit: 'hours' },
      analyseRequest: { amount: 1, unit: 'workingDays' },
      escalateToAdministrator: { amount: 3, unit: 'hours' },
      notifyFailureRejected: { amount: 30, unit: 'minutes' },
      notifyFailureConfirmed: { amount: 30, unit: 'minutes' },
      administratorStartsFix: { amount: 1, unit: 'workingDays' },
      notifyFailureFixed: { amount: 3, unit: 'hours' },
    });
    expect(rules.failureHandling.map((s) => s.source.clause)).toEqual([
      'Rules cl. 15(1)',
      'Rules cl. 15(2)',
      'Rules cl. 15(3)',
      'Rules cl. 15(4)',
      'Rules cl. 15(5)',
      'Rules cl. 15, last para.',
      'Rules cl. 15, last para.',
    ]);
  });

  it('contact centre on working days 9:00–18:30 Astana time, out-of-hours requests next working day (seed 004 Rules cl. 16)', () => {
    expect(rules.contactCentre).toMatchObject({
      days: 'workingDays',
      opens: '09:00',
      closes: '18:30',
      timeZone: 'Asia/Almaty',
      outOfHoursDigitalRequests: 'registeredNextWorkingDay',
    });
  });

  it('the seed gives no SMS texts, so the portal has no templates (seed 004 Rules cl. 9–10)', () => {
    expect(rules.smsTemplates).toEqual([]);
    expect(listSmsTemplates().map((t) => t.service)).not.toContain('socialPortal');
  });

  it('in force from 5 Sep 2023 at the earliest, with no end (seed 004 order cl. 5)', () => {
    expect(rules.inForce).toEqual({ from: '2023-09-05', until: null });
    expect(codeOf(() => socialPortalRules('2023-09-04'))).toBe('RULES_OUTSIDE_PILOT');
    expect(socialPortalRules('2040-01-01').version).toBe('2023-09-05');
  });

  it('rejects malformed dates', () => {
    expect(codeOf(() => socialPortalRules('2025-02-29'))).toBe('RULES_INVALID_DATE');
    expect(codeOf(() => supplierChoiceLastDay('2025-3-1'))).toBe('RULES_INVALID_DATE');
  });
});
