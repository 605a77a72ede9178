import { addCalendarDays, parseCalendarDate } from './calendar';
import { DomainValidationError } from './errors';

/**
 * Astana time. The whole country keeps one time zone: UTC+6 until 2024-03-01 00:00 local time, UTC+5 from then
 * on (clocks went from 00:00 back to 23:00 on 29 February 2024, so 23:00–23:59 of that evening happened twice).
 * Modelled from 2005 on, after daylight saving time was abolished; earlier instants are given +06:00 too,
 * which is wrong for the summers before 2005. Nothing here reads the clock: instants are always passed in.
 */

/** 2024-03-01T00:00:00+06:00, the first instant of UTC+5. */
const SWITCH_TO_UTC5_MS = Date.UTC(2024, 1, 29, 18, 0, 0);
const MINUTE_MS = 60_000;

function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new DomainValidationError('TIME_INSTANT', 'Expected a valid Date instant');
  return ms;
}

function offsetAt(ms: number): 300 | 360 {
  return ms < SWITCH_TO_UTC5_MS ? 360 : 300;
}

/**
 * Astana's UTC offset in minutes at `instant`: 360 before 2024-03-01 00:00 +06:00, 300 from then on.
 * @throws {DomainValidationError} TIME_INSTANT for an invalid Date.
 */
export function astanaOffsetMinutes(instant: Date): 300 | 360 {
  return offsetAt(instantMs(instant));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Wall-clock fields of an instant in Astana, read from a Date shifted by the offset (never the host's zone). */
function astanaFields(instant: Date): { shifted: Date; offset: 300 | 360 } {
  const ms = instantMs(instant);
  const offset = offsetAt(ms);
  const shifted = new Date(ms + offset * MINUTE_MS);
  const y = shifted.getUTCFullYear();
  if (y < 1 || y > 9999)
    throw new DomainValidationError('TIME_INSTANT', 'Instant is outside the years 0001–9999');
  return { shifted, offset };
}

/**
 * The calendar date in Astana at `instant`, 'YYYY-MM-DD'.
 * @throws {DomainValidationError} TIME_INSTANT.
 */
export function toAstanaDate(instant: Date): string {
  const { shifted } = astanaFields(instant);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/**
 * The Astana wall-clock time at `instant`, 'HH:mm' (e.g. to check the contact centre's 9:00–18:30 hours).
 * @throws {DomainValidationError} TIME_INSTANT.
 */
export function toAstanaTime(instant: Date): string {
  const { shifted } = astanaFields(instant);
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/**
 * `instant` as an ISO 8601 local date-time with Astana's offset, 'YYYY-MM-DDTHH:mm:ss+05:00' (or +06:00 before
 * the switch); milliseconds are dropped, not rounded.
 * @throws {DomainValidationError} TIME_INSTANT.
 */
export function toAstanaDateTime(instant: Date): string {
  const { shifted, offset } = astanaFields(instant);
  const date = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  return `${date}T${time}+0${offset / 60}:00`;
}

const TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * The instant at which Astana's clocks show `date` `time` ('HH:mm' or 'HH:mm:ss'). For the repeated hour of
 * 29 Feb 2024 (23:00–23:59) the first occurrence, still UTC+6, is returned — the earlier instant, as
 * ECMAScript Temporal's default disambiguation does.
 * @throws {DomainValidationError} CALENDAR_DATE or TIME_FORMAT.
 */
export function astanaInstant(date: string, time: string): Date {
  const { year, month, day } = parseCalendarDate(date);
  const m = typeof time === 'string' ? TIME_SHAPE.exec(time) : null;
  if (!m) {
    throw new DomainValidationError('TIME_FORMAT', 'Time of day must be HH:mm or HH:mm:ss (00:00–23:59)');
  }
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const midnightUtc = new Date(0);
  midnightUtc.setUTCFullYear(year, month - 1, day);
  const wallMs =
    midnightUtc.getTime() + (Number(m[1]) * 60 + Number(m[2])) * MINUTE_MS + Number(m[3] ?? 0) * 1000;
  const asUtc6 = wallMs - 360 * MINUTE_MS;
  // No wall time was skipped at the switch (clocks went back), so one of the two offsets always fits.
  return new Date(asUtc6 < SWITCH_TO_UTC5_MS ? asUtc6 : wallMs - 300 * MINUTE_MS);
}

/**
 * The instant of 00:00 in Astana on `date`.
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function astanaMidnight(date: string): Date {
  return astanaInstant(date, '00:00');
}

/**
 * The instant of the end of `date` in Astana, i.e. the next day's midnight (exclusive bound of the day).
 * @throws {DomainValidationError} CALENDAR_DATE.
 */
export function astanaEndOfDay(date: string): Date {
  // Not midnight + 24 h: 29 Feb 2024 lasted 25 hours.
  return astanaMidnight(addCalendarDays(date, 1));
}
