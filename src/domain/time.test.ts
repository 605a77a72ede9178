import { DomainValidationError } from './errors';
import {
  astanaEndOfDay,
  astanaInstant,
  astanaMidnight,
  astanaOffsetMinutes,
  toAstanaDate,
  toAstanaDateTime,
  toAstanaTime,
} from './time';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

const utc = (iso: string): Date => new Date(iso);

describe('the switch from UTC+6 to UTC+5 on 1 March 2024', () => {
  it('29 Feb 2024 23:30 +06:00 is still UTC+6', () => {
    const t = utc('2024-02-29T23:30:00+06:00');
    expect(astanaOffsetMinutes(t)).toBe(360);
    expect(toAstanaDateTime(t)).toBe('2024-02-29T23:30:00+06:00');
    expect(toAstanaDate(t)).toBe('2024-02-29');
  });

  it('the last second of UTC+6 and the first instant of UTC+5', () => {
    expect(toAstanaDateTime(utc('2024-02-29T17:59:59Z'))).toBe('2024-02-29T23:59:59+06:00');
    expect(astanaOffsetMinutes(utc('2024-02-29T18:00:00Z'))).toBe(300);
    // Clocks went back: 00:00 +06 became 23:00 +05 of the same 29 February.
    expect(toAstanaDateTime(utc('2024-02-29T18:00:00Z'))).toBe('2024-02-29T23:00:00+05:00');
    expect(toAstanaDate(utc('2024-02-29T18:30:00Z'))).toBe('2024-02-29');
  });

  it('1 March 2024 00:00 local is 19:00 UTC on 29 February', () => {
    expect(astanaMidnight('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(toAstanaDateTime(astanaMidnight('2024-03-01'))).toBe('2024-03-01T00:00:00+05:00');
    expect(astanaOffsetMinutes(astanaMidnight('2024-03-01'))).toBe(300);
  });

  it('resolves the repeated 23:xx of 29 February 2024 to its first, UTC+6, occurrence', () => {
    expect(astanaInstant('2024-02-29', '23:30').toISOString()).toBe('2024-02-29T17:30:00.000Z');
    expect(astanaInstant('2024-02-29', '22:59').toISOString()).toBe('2024-02-29T16:59:00.000Z');
  });

  it('makes 29 February 2024 a 25-hour day', () => {
    const start = astanaMidnight('2024-02-29');
    const end = astanaEndOfDay('2024-02-29');
    expect(end.getTime() - start.getTime()).toBe(25 * 3_600_000);
    expect(astanaEndOfDay('2024-03-01').getTime() - astanaMidnight('2024-03-01').getTime()).toBe(
      24 * 3_600_000,
    );
  });
});

describe('conversions', () => {
  it('formats with the offset of the time and drops milliseconds', () => {
    expect(toAstanaDateTime(utc('2025-06-06T03:04:05.999Z'))).toBe('2025-06-06T08:04:05+05:00');
    expect(toAstanaDateTime(utc('2023-06-06T03:04:05Z'))).toBe('2023-06-06T09:04:05+06:00');
    expect(toAstanaTime(utc('2025-06-06T13:30:00Z'))).toBe('18:30');
  });

  it('gives the Astana date, which differs from the UTC date in the evening', () => {
    expect(toAstanaDate(utc('2025-12-31T18:59:59Z'))).toBe('2025-12-31');
    expect(toAstanaDate(utc('2025-12-31T19:00:00Z'))).toBe('2026-01-01');
    expect(toAstanaDate(utc('2023-12-31T17:59:59Z'))).toBe('2023-12-31');
    expect(toAstanaDate(utc('2023-12-31T18:00:00Z'))).toBe('2024-01-01');
  });

  it('round-trips astanaInstant and toAstanaDateTime', () => {
    for (const [d, t] of [
      ['2025-03-07', '09:00'],
      ['2024-02-28', '00:00'],
      ['2024-03-01', '00:30'],
      ['2023-07-01', '23:59:59'],
      ['2026-01-01', '00:00'],
    ] as const) {
      const instant = astanaInstant(d, t);
      expect(toAstanaDateTime(instant)).toMatch(
        new RegExp(`^${d}T${t.length === 5 ? `${t}:00` : t}\\+0[56]:00$`),
      );
    }
    expect(astanaInstant('2025-03-07', '09:00').toISOString()).toBe('2025-03-07T04:00:00.000Z');
    expect(astanaMidnight('2023-01-01').toISOString()).toBe('2022-12-31T18:00:00.000Z');
  });

  it('handles years below 100 without turning them into 19xx', () => {
    expect(astanaMidnight('0050-06-01').getUTCFullYear()).toBe(50);
  });
});

describe('cross-check against Intl.DateTimeFormat with Asia/Almaty', () => {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const viaIntl = (t: Date): string => {
    const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${String(p.timeZoneName).replace('GMT', '')}`;
  };

  it('agrees every 15 minutes around the switch', () => {
    for (let ms = Date.UTC(2024, 1, 29, 0); ms <= Date.UTC(2024, 2, 1, 12); ms += 15 * 60_000) {
      expect(toAstanaDateTime(new Date(ms))).toBe(viaIntl(new Date(ms)));
    }
  });

  it('agrees on instants spread over 2005–2035', () => {
    // Steps of 25 h 13 min 17 s drift through every hour of the day and many minutes across the years.
    const mismatches: string[] = [];
    for (let ms = Date.UTC(2005, 0, 1); ms < Date.UTC(2035, 0, 1); ms += (25 * 3600 + 13 * 60 + 17) * 1000) {
      const ours = toAstanaDateTime(new Date(ms));
      const intl = viaIntl(new Date(ms));
      if (ours !== intl) mismatches.push(`${new Date(ms).toISOString()}: ${ours} vs ${intl}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees on every local midnight of 2023–2026', () => {
    const fmtDate = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Almaty',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const midnight = astanaMidnight(date);
      expect(fmtDate.format(midnight)).toBe('00:00');
      expect(toAstanaDate(midnight)).toBe(date);
      expect(toAstanaDate(new Date(midnight.getTime() - 1))).not.toBe(date);
    }
  });
});

describe('bad input', () => {
  it.each([
    () => astanaOffsetMinutes(new Date(Number.NaN)),
    () => toAstanaDate(new Date('not a date')),
    () => toAstanaDateTime('2025-01-01' as unknown as Date),
    () => toAstanaTime(undefined as unknown as Date),
  ])('rejects an invalid instant (%#)', (fn) => {
    expect(codeOf(fn)).toBe('TIME_INSTANT');
  });

  it.each(['24:00', '9:00', '09:60', '09:00:60', '0900', '', '09:00 '])('rejects time %j', (t) => {
    expect(codeOf(() => astanaInstant('2025-01-01', t))).toBe('TIME_FORMAT');
  });

  it('rejects a bad date', () => {
    expect(codeOf(() => astanaMidnight('2025-02-29'))).toBe('CALENDAR_DATE');
    expect(codeOf(() => astanaInstant('29.02.2024', '10:00'))).toBe('CALENDAR_DATE');
  });
});
