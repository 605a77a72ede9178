import { monthLength, parseIsoDate, parseYearMonth, plusCalendarDays, plusMonthsClamped } from './dates';

describe('rules/dates (private calendar-day arithmetic)', () => {
  it('knows month lengths, leap years included', () => {
    expect([monthLength(2024, 2), monthLength(2025, 2), monthLength(1900, 2), monthLength(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect(monthLength(2025, 12)).toBe(31);
  });

  it('adds calendar days across month and year ends', () => {
    expect(plusCalendarDays('2024-12-29', 7)).toBe('2025-01-05');
    expect(plusCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(plusMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(plusMonthsClamped('2025-11-30', 2)).toBe('2026-01-30');
    expect(plusMonthsClamped('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('parses only real dates and months', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseIsoDate('2025-02-29')).toThrow(/YYYY-MM-DD/);
    expect(parseYearMonth('2025-12')).toEqual({ year: 2025, month: 12 });
    expect(() => parseYearMonth('2025-13')).toThrow(/YYYY-MM/);
  });
});
