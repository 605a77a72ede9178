/**
 * Day arithmetic on plain integers (days since 1970-01-01), so that generating a million families creates no
 * Date objects. Algorithms from Howard Hinnant's "chrono-compatible low-level date algorithms".
 */

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number as [year, month, day]. */
export function civil(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDay(n: number): string {
  const [y, m, d] = civil(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days 1930-01-01 … 2039-12-31 are formatted once: a family needs dozens of dates. */
const CACHE_FROM = dayNumber(1930, 1, 1);
const CACHE_TO = dayNumber(2040, 1, 1);
const isoCache: (string | undefined)[] = new Array<string | undefined>(CACHE_TO - CACHE_FROM);

/** 'YYYY-MM-DD' of a day number. */
export function isoOfDay(n: number): string {
  if (n < CACHE_FROM || n >= CACHE_TO) return formatDay(n);
  return (isoCache[n - CACHE_FROM] ??= formatDay(n));
}

/** Day number of 'YYYY-MM-DD' (the caller has validated the shape). */
export function dayOfIso(date: string): number {
  return dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** 'YYYY-MM' of a day number. */
export function monthOfDay(n: number): string {
  return isoOfDay(n).slice(0, 7);
}

/** Whole years between a birth day and a later day (the person's age on that day). */
export function ageOn(birth: number, on: number): number {
  const [by, bm, bd] = civil(birth);
  const [y, m, d] = civil(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Adds whole years, clamping 29 February to the 28th. */
export function plusYears(n: number, years: number): number {
  const [y, m, d] = civil(n);
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return dayNumber(target, m, m === 2 && d === 29 && !leap ? 28 : d);
}

/** 'YYYY-MM' plus n months. */
export function plusMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`;
}

/** Last day of the month before 'YYYY-MM', as a day number. */
export function lastDayOfPreviousMonth(month: string): number {
  return dayNumber(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) - 1;
}
