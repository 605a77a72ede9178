import bundledCalendar from './data/kz-calendar.json';
import { DomainValidationError } from './errors';

/**
 * Kazakhstan's working-day calendar. Dates are 'YYYY-MM-DD' strings in and out (calendar dates, no time zone).
 *
 * A day is a day off when, in this order of precedence:
 * 1. a transfer decree says so (`kind: 'dayOff'`), or makes it a working day (`kind: 'workingDay'`, wins over all);
 * 2. it is a public holiday (including Orthodox Christmas and the first day of Kurban Ait);
 * 3. it is the substitute for a holiday that fell on a Saturday or Sunday: Law "On holidays" moves such a day
 *    off to the next Monday–Friday that is not itself a holiday, a decree day off or another substitute — so
 *    Nauryz on Sat 21 and Sun 22 March gives Tue 24 and Wed 25 off, Monday 23 being Nauryz too. Orthodox
 *    Christmas and Kurban Ait are never carried over;
 * 4. it is a Saturday or Sunday (a five-day working week).
 * The data (holidays, Kurban Ait dates, transfer decrees with their sources) lives in `data/kz-calendar.json`;
 * see its `notes` for what is verified.
 */

/** A holiday on the same day every year, e.g. 16 December. */
export interface AnnualHoliday {
  month: number;
  day: number;
  name: string;
  /** Whether a Saturday/Sunday occurrence gives the next working day off (false for religious days off). */
  movesOffWeekend: boolean;
  /** First year it applies (inclusive); absent = always. */
  fromYear?: number;
  /** Last year it applies (inclusive); absent = still in force. */
  toYear?: number;
  source: string;
}

/** A holiday on one date, e.g. the first day of Kurban Ait of a given year. */
export interface DatedHoliday {
  date: string;
  name: string;
  movesOffWeekend: boolean;
  source: string;
}

/** One side of a transfer decree: a working day made a day off, or a weekend day made a working day. */
export interface DayTransfer {
  date: string;
  kind: 'dayOff' | 'workingDay';
  /** The act that made the transfer, with its date. */
  source: string;
  /** Whether the entry was checked against the act or a report of it. */
  verified?: boolean;
}

/** Years whose Kurban Ait date and transfer decrees are in the data. */
export interface CalendarCoverage {
  fromYear: number;
  toYear: number;
}

/** Calendar data as kept in JSON; every section is optional so that a file can just add entries. */
export interface CalendarData {
  description?: string;
  notes?: string[];
  coverage?: CalendarCoverage;
  annualHolidays?: AnnualHoliday[];
  holidays?: DatedHoliday[];
  transfers?: DayTransfer[];
}

/** Options of {@link createCalendar}. */
export interface CalendarOptions {
  /** The data to start from; default {@link DEFAULT_CALENDAR_DATA}. */
  base?: CalendarData;
  extraHolidays?: readonly DatedHoliday[];
  /** Added on top of the base; an extra transfer replaces a base transfer on the same date. */
  extraTransfers?: readonly DayTransfer[];
  extraAnnualHolidays?: readonly AnnualHoliday[];
  /** Replaces the base coverage, e.g. after adding next year's Kurban Ait and decrees. */
  coverage?: CalendarCoverage;
}

/** Why a day is or is not a working day (see the module comment for the precedence). */
export type DayReason =
  'transferWorkingDay' | 'transferDayOff' | 'holiday' | 'substituteDayOff' | 'weekend' | 'weekday';

/** Everything the calendar knows about one date. */
export interface DayInfo {
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  working: boolean;
  reason: DayReason;
  /** Names of the holidays on this date (even when a transfer overrides them). */
  holidays: string[];
  /** For a substitute day off: the date of the weekend holiday it replaces. */
  substituteFor?: string;
  transfer?: DayTransfer;
}

/** A working-day calendar; all methods are pure and validate their date arguments. */
export interface WorkingCalendar {
  readonly coverage: CalendarCoverage;
  /**
   * True when `date` is a working day (five-day week).
   * @throws {DomainValidationError} CALENDAR_DATE.
   */
  isWorkingDay(date: string): boolean;
  /**
   * True when `date` is a public holiday, whatever its weekday.
   * @throws {DomainValidationError} CALENDAR_DATE.
   */
  isHoliday(date: string): boolean;
  /**
   * The n-th working day after `date`; see {@link addWorkingDays}.
   * @throws {DomainValidationError} CALENDAR_DATE or CALENDAR_ARGUMENT.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * Why `date` is or is not a working day.
   * @throws {DomainValidationError} CALENDAR_DATE.
   */
  describeDay(date: string): DayInfo;
  /**
   * True when `date`'s year is inside {@link WorkingCalendar.coverage}.
   * @throws {DomainValidationError} CALENDAR_DATE.
   */
  isCovered(date: string): boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Date strings. Integer day numbers (days since 1970-01-01) instead of Date objects: no time zone can leak in,
// and years below 100 are not reinterpreted as 19xx as Date.UTC does.

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (H. Hinnant's civil_from_days). */
function civil(z: number): CalendarDateParts {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function fromDayNumber(z: number): string {
  const { year: y, month: m, day: d } = civil(z);
  if (y < 1 || y > 9999) {
    throw new DomainValidationError('CALENDAR_DATE', 'Resulting date is outside the years 0001–9999');
  }
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function isoWeekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** A validated calendar date. */
export interface CalendarDateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses a 'YYYY-MM-DD' calendar date (years 0001–9999, real day of month incl. 29 Feb in leap years only).
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function parseCalendarDate(date: string): CalendarDateParts {
  const m = typeof date === 'string' ? DATE_SHAPE.exec(date) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)) {
      return { year, month, day };
    }
  }
  throw new DomainValidationError(
    'CALENDAR_DATE',
    `Not a calendar date: ${typeof date === 'string' ? JSON.stringify(date.slice(0, 40)) : typeof date}`,
    'Write dates as YYYY-MM-DD, e.g. 2025-03-21.',
  );
}

/** True when `date` is a valid 'YYYY-MM-DD' calendar date. */
export function isCalendarDate(date: string): boolean {
  try {
    parseCalendarDate(date);
    return true;
  } catch {
    return false;
  }
}

function dayNumberOf(date: string): number {
  const { year, month, day } = parseCalendarDate(date);
  return toDayNumber(year, month, day);
}

/**
 * ISO weekday of a date: 1 = Monday … 7 = Sunday.
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function isoWeekday(date: string): number {
  return isoWeekdayOf(dayNumberOf(date));
}

/**
 * Adds `n` calendar days (negative goes back).
 * @throws {DomainValidationError} CALENDAR_DATE or CALENDAR_ARGUMENT (n not a safe integer).
 */
export function addCalendarDays(date: string, n: number): string {
  const start = dayNumberOf(date);
  if (!Number.isSafeInteger(n)) {
    throw new DomainValidationError('CALENDAR_ARGUMENT', 'Number of days must be an integer');
  }
  return fromDayNumber(start + n);
}

/**
 * Number of days in a month given as 'YYYY-MM' (29 for February of a leap year).
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function daysInMonth(yearMonth: string): number {
  const m = typeof yearMonth === 'string' ? /^(\d{4})-(\d{2})$/.exec(yearMonth) : null;
  const year = m ? Number(m[1]) : 0;
  const month = m ? Number(m[2]) : 0;
  if (year < 1 || month < 1 || month > 12) {
    throw new DomainValidationError('CALENDAR_DATE', 'Not a month: write it as YYYY-MM, e.g. 2024-02');
  }
  return monthLength(year, month);
}

// ---------------------------------------------------------------------------------------------------------------
// Data validation: the bundled file and users' files go through the same checks.

function dataError(path: string, problem: string): DomainValidationError {
  return new DomainValidationError('CALENDAR_DATA', `Calendar data ${path}: ${problem}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw dataError(path, `unknown field "${k}"`);
}

function str(o: Record<string, unknown>, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0)
    throw dataError(`${path}.${key}`, 'must be a non-empty string');
  return v;
}

function bool(o: Record<string, unknown>, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw dataError(`${path}.${key}`, 'must be true or false');
  return v;
}

function year(o: Record<string, unknown>, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 9999) {
    throw dataError(`${path}.${key}`, 'must be a year 1–9999');
  }
  return v;
}

function date(o: Record<string, unknown>, key: string, path: string): string {
  const v = str(o, key, path);
  if (!isCalendarDate(v)) throw dataError(`${path}.${key}`, 'must be a date YYYY-MM-DD');
  return v;
}

function list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): T[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw dataError(path, 'must be an array');
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

function annualHoliday(x: unknown, p: string): AnnualHoliday {
  if (!isObject(x)) throw dataError(p, 'must be an object');
  checkKeys(x, p, ['month', 'day', 'name', 'movesOffWeekend', 'fromYear', 'toYear', 'source']);
  const month = x.month;
  const day = x.day;
  // 29 February is allowed: it then applies in leap years only.
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
    throw dataError(`${p}.month`, 'must be 1–12');
  }
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > monthLength(2000, month)) {
    throw dataError(`${p}.day`, 'must be a day of that month');
  }
  const h: AnnualHoliday = {
    month,
    day,
    name: str(x, 'name', p),
    movesOffWeekend: bool(x, 'movesOffWeekend', p),
    source: str(x, 'source', p),
  };
  const fromYear = year(x, 'fromYear', p);
  const toYear = year(x, 'toYear', p);
  if (fromYear !== undefined) h.fromYear = fromYear;
  if (toYear !== undefined) h.toYear = toYear;
  if (fromYear !== undefined && toYear !== undefined && fromYear > toYear)
    throw dataError(p, 'fromYear > toYear');
  return h;
}

function datedHoliday(x: unknown, p: string): DatedHoliday {
  if (!isObject(x)) throw dataError(p, 'must be an object');
  checkKeys(x, p, ['date', 'name', 'movesOffWeekend', 'source']);
  return {
    date: date(x, 'date', p),
    name: str(x, 'name', p),
    movesOffWeekend: bool(x, 'movesOffWeekend', p),
    source: str(x, 'source', p),
  };
}

function dayTransfer(x: unknown, p: string): DayTransfer {
  if (!isObject(x)) throw dataError(p, 'must be an object');
  checkKeys(x, p, ['date', 'kind', 'source', 'verified']);
  const kind = x.kind;
  if (kind !== 'dayOff' && kind !== 'workingDay')
    throw dataError(`${p}.kind`, "must be 'dayOff' or 'workingDay'");
  const t: DayTransfer = { date: date(x, 'date', p), kind, source: str(x, 'source', p) };
  if (x.verified !== undefined) t.verified = bool(x, 'verified', p);
  return t;
}

function coverageOf(x: unknown, p: string): CalendarCoverage {
  if (!isObject(x)) throw dataError(p, 'must be an object');
  checkKeys(x, p, ['fromYear', 'toYear']);
  const fromYear = year(x, 'fromYear', p);
  const toYear = year(x, 'toYear', p);
  if (fromYear === undefined || toYear === undefined || fromYear > toYear) {
    throw dataError(p, 'needs fromYear ≤ toYear');
  }
  return { fromYear, toYear };
}

/**
 * Validates calendar data (an object or its JSON text), e.g. a file that adds next year's Kurban Ait and decrees.
 * @throws {DomainValidationError} CALENDAR_DATA naming the offending field.
 */
export function parseCalendarData(json: unknown): CalendarData {
  let v = json;
  if (typeof json === 'string') {
    try {
      v = JSON.parse(json);
    } catch {
      throw dataError('(text)', 'is not valid JSON');
    }
  }
  if (!isObject(v)) throw dataError('(root)', 'must be an object');
  checkKeys(v, '(root)', ['description', 'notes', 'coverage', 'annualHolidays', 'holidays', 'transfers']);
  const out: CalendarData = {};
  if (v.description !== undefined) out.description = str(v, 'description', '(root)');
  const notes = list(v.notes, 'notes', (x, p) => {
    if (typeof x !== 'string') throw dataError(p, 'must be a string');
    return x;
  });
  if (notes) out.notes = notes;
  if (v.coverage !== undefined) out.coverage = coverageOf(v.coverage, 'coverage');
  const annual = list(v.annualHolidays, 'annualHolidays', annualHoliday);
  if (annual) out.annualHolidays = annual;
  const holidays = list(v.holidays, 'holidays', datedHoliday);
  if (holidays) out.holidays = holidays;
  const transfers = list(v.transfers, 'transfers', dayTransfer);
  if (transfers) {
    const seen = new Set<string>();
    for (const t of transfers) {
      if (seen.has(t.date)) throw dataError('transfers', `two transfers on ${t.date}`);
      seen.add(t.date);
    }
    out.transfers = transfers;
  }
  return out;
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** The bundled data: Kazakhstan's holidays and the transfer decrees of 2023–2026 (frozen). */
export const DEFAULT_CALENDAR_DATA: Readonly<CalendarData> = deepFreeze(parseCalendarData(bundledCalendar));

// ---------------------------------------------------------------------------------------------------------------
// The calendar.

interface HolidayOnDay {
  names: string[];
  moves: boolean;
}

interface YearIndex {
  holidays: Map<number, HolidayOnDay>;
}

const MAX_WORKING_DAYS = 100_000;
// A calendar without a single working day in a year is misconfigured; stop instead of looping forever.
const MAX_DAYS_OFF_IN_A_ROW = 366;

/**
 * Builds a calendar from the bundled data plus extra holidays and transfers, without code changes.
 * @throws {DomainValidationError} CALENDAR_DATA when an extra entry is malformed.
 */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const base = options.base === undefined ? DEFAULT_CALENDAR_DATA : parseCalendarData(options.base);
  const extra = parseCalendarData({
    holidays: options.extraHolidays ? [...options.extraHolidays] : undefined,
    transfers: options.extraTransfers ? [...options.extraTransfers] : undefined,
    annualHolidays: options.extraAnnualHolidays ? [...options.extraAnnualHolidays] : undefined,
    coverage: options.coverage,
  });
  const coverage: CalendarCoverage = { ...(extra.coverage ?? base.coverage ?? { fromYear: 1, toYear: 0 }) };
  const annual = [...(base.annualHolidays ?? []), ...(extra.annualHolidays ?? [])];
  const dated = [...(base.holidays ?? []), ...(extra.holidays ?? [])];
  const transfers = new Map<number, DayTransfer>();
  for (const t of [...(base.transfers ?? []), ...(extra.transfers ?? [])]) {
    transfers.set(dayNumberOf(t.date), Object.freeze({ ...t }));
  }
  const datedByYear = new Map<number, { day: number; name: string; moves: boolean }[]>();
  for (const h of dated) {
    const { year: y } = parseCalendarDate(h.date);
    const entries = datedByYear.get(y) ?? [];
    entries.push({ day: dayNumberOf(h.date), name: h.name, moves: h.movesOffWeekend });
    datedByYear.set(y, entries);
  }

  // Memoised per year: the calendar is immutable, so the caches are invisible from outside.
  const yearIndexes = new Map<number, YearIndex>();
  const substitutesByYear = new Map<number, Map<number, number>>();

  function yearIndex(y: number): YearIndex {
    let idx = yearIndexes.get(y);
    if (idx) return idx;
    const holidays = new Map<number, HolidayOnDay>();
    const add = (day: number, name: string, moves: boolean): void => {
      const h = holidays.get(day);
      if (h) {
        h.names.push(name);
        h.moves = h.moves || moves;
      } else {
        holidays.set(day, { names: [name], moves });
      }
    };
    for (const h of annual) {
      if ((h.fromYear !== undefined && y < h.fromYear) || (h.toYear !== undefined && y > h.toYear)) continue;
      if (h.day > monthLength(y, h.month)) continue;
      add(toDayNumber(y, h.month, h.day), h.name, h.movesOffWeekend);
    }
    for (const h of datedByYear.get(y) ?? []) add(h.day, h.name, h.moves);
    idx = { holidays };
    yearIndexes.set(y, idx);
    return idx;
  }

  function holidayOn(day: number): HolidayOnDay | undefined {
    return yearIndex(yearOfDay(day)).holidays.get(day);
  }

  /**
   * Substitute days off falling in year y: substitute day → the weekend holiday it replaces. The weekend
   * holidays of y − 1 are replayed first because a late-December one can push its substitute into January.
   */
  function substitutesIn(y: number): Map<number, number> {
    let subs = substitutesByYear.get(y);
    if (subs) return subs;
    subs = new Map();
    const weekendHolidays: number[] = [];
    for (const yy of y > 1 ? [y - 1, y] : [y]) {
      for (const [day, h] of yearIndex(yy).holidays) {
        if (h.moves && isoWeekdayOf(day) >= 6) weekendHolidays.push(day);
      }
    }
    weekendHolidays.sort((a, b) => a - b);
    for (const h of weekendHolidays) {
      let c = h + 1;
      while (
        isoWeekdayOf(c) >= 6 ||
        holidayOn(c) !== undefined ||
        transfers.get(c)?.kind === 'dayOff' ||
        subs.has(c)
      ) {
        c++;
      }
      subs.set(c, h);
    }
    substitutesByYear.set(y, subs);
    return subs;
  }

  function substituteFor(day: number): number | undefined {
    return substitutesIn(yearOfDay(day)).get(day);
  }

  function describe(day: number): DayInfo {
    const isoWeekday = isoWeekdayOf(day);
    const holiday = holidayOn(day);
    const transfer = transfers.get(day);
    const info: DayInfo = {
      date: fromDayNumber(day),
      isoWeekday,
      working: false,
      reason: 'weekday',
      holidays: holiday ? [...holiday.names] : [],
    };
    if (transfer) info.transfer = transfer;
    const sub = holiday === undefined ? substituteFor(day) : undefined;
    if (sub !== undefined) info.substituteFor = fromDayNumber(sub);
    if (transfer) {
      info.reason = transfer.kind === 'workingDay' ? 'transferWorkingDay' : 'transferDayOff';
    } else if (holiday) {
      info.reason = 'holiday';
    } else if (sub !== undefined) {
      info.reason = 'substituteDayOff';
    } else if (isoWeekday >= 6) {
      info.reason = 'weekend';
    }
    info.working = info.reason === 'weekday' || info.reason === 'transferWorkingDay';
    return info;
  }

  function working(day: number): boolean {
    const t = transfers.get(day);
    if (t) return t.kind === 'workingDay';
    if (isoWeekdayOf(day) >= 6) return false;
    return holidayOn(day) === undefined && substituteFor(day) === undefined;
  }

  const calendar: WorkingCalendar = {
    coverage: Object.freeze(coverage),
    isWorkingDay: (d) => working(dayNumberOf(d)),
    isHoliday: (d) => holidayOn(dayNumberOf(d)) !== undefined,
    describeDay: (d) => describe(dayNumberOf(d)),
    isCovered: (d) => {
      const { year: y } = parseCalendarDate(d);
      return y >= coverage.fromYear && y <= coverage.toYear;
    },
    addWorkingDays: (d, n) => {
      let day = dayNumberOf(d);
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
        throw new DomainValidationError(
          'CALENDAR_ARGUMENT',
          `Number of working days must be an integer from 0 to ${MAX_WORKING_DAYS}`,
        );
      }
      let remaining = n;
      let offInARow = 0;
      // n = 0 rolls forward to the first working day on or after d; n > 0 counts only days after d.
      if (n > 0) day++;
      for (;;) {
        if (working(day)) {
          offInARow = 0;
          if (remaining <= 1) return fromDayNumber(day);
          remaining--;
        } else if (++offInARow > MAX_DAYS_OFF_IN_A_ROW) {
          throw new DomainValidationError(
            'CALENDAR_ARGUMENT',
            'The calendar has no working day for a whole year',
          );
        }
        day++;
      }
    },
  };
  return Object.freeze(calendar);
}

function yearOfDay(day: number): number {
  return civil(day).year;
}

/** The calendar of Kazakhstan built from the bundled data. */
export const defaultCalendar: WorkingCalendar = createCalendar();

/**
 * Builds a calendar from a JSON file's text (or parsed object) laid over the bundled data: its holidays,
 * transfers and annual holidays are added, its coverage replaces the bundled one.
 * @throws {DomainValidationError} CALENDAR_DATA.
 */
export function calendarFromJson(json: unknown, base: CalendarData = DEFAULT_CALENDAR_DATA): WorkingCalendar {
  const ext = parseCalendarData(json);
  const options: CalendarOptions = { base };
  if (ext.holidays) options.extraHolidays = ext.holidays;
  if (ext.transfers) options.extraTransfers = ext.transfers;
  if (ext.annualHolidays) options.extraAnnualHolidays = ext.annualHolidays;
  if (ext.coverage) options.coverage = ext.coverage;
  return createCalendar(options);
}

/**
 * True when `date` is a working day in the default calendar.
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function isWorkingDay(date: string): boolean {
  return defaultCalendar.isWorkingDay(date);
}

/**
 * True when `date` is a public holiday in the default calendar (a substitute day off is not a holiday).
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function isHoliday(date: string): boolean {
  return defaultCalendar.isHoliday(date);
}

/**
 * The n-th working day after `date` in the default calendar (n ≥ 0). For n = 0 it is `date` itself when that is
 * a working day, else the next working day — the usual "a deadline falling on a day off moves to the next
 * working day". For n ≥ 1 `date` itself never counts, working or not.
 * @throws {DomainValidationError} CALENDAR_DATE or CALENDAR_ARGUMENT.
 */
export function addWorkingDays(date: string, n: number): string {
  return defaultCalendar.addWorkingDays(date, n);
}
