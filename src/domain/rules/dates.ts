/**
 * Small calendar-day arithmetic on 'YYYY-MM-DD' / 'YYYY-MM' strings, private to rules/.
 *
 * Why not src/domain/calendar.ts: it is being written at the same time and owns working days and holidays; the
 * rules only need calendar days and month ends, so they keep their own few lines (all UTC, so no local time zone
 * or daylight-saving shift can move a date). Not exported from rules/index.ts, so it never clashes with calendar.ts.
 */
import { DomainValidationError } from '../errors';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** A validated calendar date. */
export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Number of days in a month (1–12) of a Gregorian year. */
export function monthLength(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats year, month and day as 'YYYY-MM-DD'. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses a 'YYYY-MM' month string.
 * @throws DomainValidationError RULES_INVALID_MONTH when it is not a real month.
 */
export function parseYearMonth(value: unknown, what = 'month'): { year: number; month: number } {
  const m = typeof value === 'string' ? ISO_MONTH.exec(value) : null;
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || year < 1900 || month < 1 || month > 12) {
    // The raw value is not echoed: a caller could pass anything, including personal data.
    throw new DomainValidationError(
      'RULES_INVALID_MONTH',
      `${what} must be a month written 'YYYY-MM' with MM from 01 to 12`,
      "Pass e.g. '2025-09'.",
    );
  }
  return { year, month };
}

/**
 * Parses a 'YYYY-MM-DD' date string and checks that the day exists.
 * @throws DomainValidationError RULES_INVALID_DATE when it is not a real date.
 */
export function parseIsoDate(value: unknown, what = 'date'): YearMonthDay {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  const day = m ? Number(m[3]) : NaN;
  if (!m || year < 1900 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
    throw new DomainValidationError(
      'RULES_INVALID_DATE',
      `${what} must be a calendar date written 'YYYY-MM-DD'`,
      "Pass e.g. '2025-09-07'.",
    );
  }
  return { year, month, day };
}

/** Adds (or subtracts) calendar days to a 'YYYY-MM-DD' date. */
export function plusCalendarDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Adds whole months to a 'YYYY-MM-DD' date; a day the target month lacks becomes its last day (31 Dec + 2
 * months = 28/29 Feb), the usual rule for a term counted in months.
 */
export function plusMonthsClamped(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate(y, m, Math.min(day, monthLength(y, m)));
}
