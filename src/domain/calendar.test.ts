import {
  DEFAULT_CALENDAR_DATA,
  addCalendarDays,
  addWorkingDays,
  calendarFromJson,
  createCalendar,
  daysInMonth,
  defaultCalendar,
  isCalendarDate,
  isHoliday,
  isWorkingDay,
  isoWeekday,
  parseCalendarData,
  parseCalendarDate,
} from './calendar';
import { DomainValidationError } from './errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

function workingDaysIn(year: number, calendar = defaultCalendar): number {
  let n = 0;
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    if (calendar.isWorkingDay(d)) n++;
  }
  return n;
}

describe('date strings', () => {
  it('validates calendar dates, 29 February only in leap years', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isCalendarDate('2000-02-29')).toBe(true);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
    ]) {
      expect(codeOf(() => parseCalendarDate(bad))).toBe('CALENDAR_DATE');
    }
    for (const bad of [
      '2024-1-01',
      '24-01-01',
      '2024/01/01',
      '2024-01-01T00:00',
      ' 2024-01-01',
      '',
      '0000-01-01',
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
    expect(isCalendarDate(20240101 as unknown as string)).toBe(false);
  });

  it('counts days in a month', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2023-02')).toBe(28);
    expect(daysInMonth('1900-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('2025-04')).toBe(30);
    expect(daysInMonth('2025-12')).toBe(31);
    for (const bad of ['2025-13', '2025-00', '2025-1', '2025-01-01', '']) {
      expect(codeOf(() => daysInMonth(bad))).toBe('CALENDAR_DATE');
    }
  });

  it('adds calendar days across month, leap day and year ends, backwards too', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addCalendarDays('2025-06-15', 0)).toBe('2025-06-15');
    expect(addCalendarDays('0001-01-01', 0)).toBe('0001-01-01');
    expect(addCalendarDays('1970-01-01', -1)).toBe('1969-12-31');
  });

  it('agrees with Date for every day of 1999–2031', () => {
    const mismatches: string[] = [];
    let d = '1999-01-01';
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2032, 0, 1); ms += 86_400_000) {
      const viaDate = new Date(ms);
      if (d !== viaDate.toISOString().slice(0, 10)) mismatches.push(`${d} vs ${viaDate.toISOString()}`);
      if (isoWeekday(d) !== ((viaDate.getUTCDay() + 6) % 7) + 1) mismatches.push(`weekday of ${d}`);
      d = addCalendarDays(d, 1);
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects bad arguments', () => {
    expect(codeOf(() => addCalendarDays('2024-02-30', 1))).toBe('CALENDAR_DATE');
    expect(codeOf(() => addCalendarDays('2024-02-01', 1.5))).toBe('CALENDAR_ARGUMENT');
    expect(codeOf(() => addCalendarDays('9999-12-31', 1))).toBe('CALENDAR_DATE');
    expect(codeOf(() => isoWeekday('2024-02-30'))).toBe('CALENDAR_DATE');
  });
});

describe('holidays (Law "On holidays")', () => {
  it.each([
    '2025-01-01',
    '2025-01-02',
    '2025-01-07',
    '2025-03-08',
    '2025-03-21',
    '2025-03-22',
    '2025-03-23',
    '2025-05-01',
    '2025-05-07',
    '2025-05-09',
    '2025-06-06',
    '2025-07-06',
    '2025-08-30',
    '2025-10-25',
    '2025-12-16',
  ])('%s is a holiday in 2025', (d) => {
    expect(isHoliday(d)).toBe(true);
    expect(isWorkingDay(d)).toBe(false);
  });

  it('has Kurban Ait as data per year', () => {
    expect(isHoliday('2023-06-28')).toBe(true);
    expect(isHoliday('2024-06-16')).toBe(true);
    expect(isHoliday('2024-06-17')).toBe(false);
    expect(isHoliday('2026-05-27')).toBe(true);
    expect(isWorkingDay('2026-05-27')).toBe(false);
    expect(defaultCalendar.describeDay('2026-05-27').holidays).toEqual(['Kurban Ait']);
  });

  it('has Republic Day from 2022, and Independence Day on 16 December only from 2022', () => {
    expect(isHoliday('2021-10-25')).toBe(false);
    expect(isHoliday('2022-10-25')).toBe(true);
    expect(isHoliday('2021-12-17')).toBe(true);
    expect(isHoliday('2022-12-17')).toBe(false);
    expect(isHoliday('2025-12-17')).toBe(false);
    expect(isWorkingDay('2025-12-17')).toBe(true);
    expect(isHoliday('2021-12-01')).toBe(true);
    expect(isHoliday('2022-12-01')).toBe(false);
  });

  it('does not count a substitute day off as a holiday', () => {
    expect(isHoliday('2025-03-24')).toBe(false);
    expect(isWorkingDay('2025-03-24')).toBe(false);
  });
});

describe('weekend holidays move to the next working day (except religious days off)', () => {
  it('moves Nauryz: Sat 22 and Sun 23 March 2025 give Mon 24 and Tue 25 off', () => {
    expect(isWorkingDay('2025-03-24')).toBe(false);
    expect(isWorkingDay('2025-03-25')).toBe(false);
    expect(isWorkingDay('2025-03-26')).toBe(true);
    expect(defaultCalendar.describeDay('2025-03-24')).toMatchObject({
      reason: 'substituteDayOff',
      substituteFor: '2025-03-22',
    });
    expect(defaultCalendar.describeDay('2025-03-25')).toMatchObject({
      reason: 'substituteDayOff',
      substituteFor: '2025-03-23',
    });
  });

  it('skips the Monday that is Nauryz itself: Sat 21 and Sun 22 March 2026 give Tue 24 and Wed 25', () => {
    expect(isWorkingDay('2026-03-23')).toBe(false);
    expect(defaultCalendar.describeDay('2026-03-23').reason).toBe('holiday');
    expect(isWorkingDay('2026-03-24')).toBe(false);
    expect(isWorkingDay('2026-03-25')).toBe(false);
    expect(isWorkingDay('2026-03-26')).toBe(true);
  });

  it('moves Nauryz Saturday 23 March 2024 to Monday 25 March', () => {
    expect(isWorkingDay('2024-03-25')).toBe(false);
    expect(isWorkingDay('2024-03-26')).toBe(true);
  });

  it.each([
    ['2023-01-01', '2023-01-03'],
    ['2023-05-07', '2023-05-08'],
    ['2023-12-16', '2023-12-18'],
    ['2024-07-06', '2024-07-08'],
    ['2025-03-08', '2025-03-10'],
    ['2025-07-06', '2025-07-07'],
    ['2025-08-30', '2025-09-01'],
    ['2025-10-25', '2025-10-27'],
    ['2026-03-08', '2026-03-09'],
    ['2026-05-09', '2026-05-11'],
    ['2026-08-30', '2026-08-31'],
    ['2026-10-25', '2026-10-26'],
  ])('holiday %s gives %s off', (holiday, substitute) => {
    expect(isWorkingDay(substitute)).toBe(false);
    expect(defaultCalendar.describeDay(substitute).substituteFor).toBe(holiday);
  });

  it('moves New Year 2023 (Sun 1 Jan) to Tue 3 Jan, Mon 2 Jan being New Year too', () => {
    expect(isWorkingDay('2023-01-02')).toBe(false);
    expect(isWorkingDay('2023-01-03')).toBe(false);
    expect(isWorkingDay('2023-01-04')).toBe(true);
  });

  it('does not move Orthodox Christmas on a Sunday (7 Jan 2024) or a Saturday (7 Jan 2023)', () => {
    expect(isHoliday('2024-01-07')).toBe(true);
    expect(isWorkingDay('2024-01-08')).toBe(true);
    expect(isWorkingDay('2023-01-09')).toBe(true);
  });

  it('does not move Kurban Ait on a Sunday (16 Jun 2024)', () => {
    expect(isWorkingDay('2024-06-17')).toBe(true);
    expect(defaultCalendar.describeDay('2024-06-17').reason).toBe('weekday');
  });
});

describe('transfer decrees (data)', () => {
  it('2023: Saturday 1 July worked, Friday 7 July off', () => {
    expect(isWorkingDay('2023-07-01')).toBe(true);
    expect(isWorkingDay('2023-07-07')).toBe(false);
    expect(defaultCalendar.describeDay('2023-07-07').transfer?.source).toMatch(/25 Apr 2023/);
  });

  it('2024: Saturday 4 May worked, Wednesday 8 May off', () => {
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2024-05-08')).toBe(false);
  });

  it('2025: Sunday 5 January worked, Friday 3 January off', () => {
    expect(isWorkingDay('2025-01-03')).toBe(false);
    expect(isWorkingDay('2025-01-04')).toBe(false);
    expect(isWorkingDay('2025-01-05')).toBe(true);
    expect(defaultCalendar.describeDay('2025-01-05').reason).toBe('transferWorkingDay');
  });

  it('keeps every transfer with its source, in pairs of one day off and one working day per year', () => {
    const transfers = DEFAULT_CALENDAR_DATA.transfers ?? [];
    for (const t of transfers) expect(t.source.length).toBeGreaterThan(20);
    for (const year of ['2023', '2024', '2025']) {
      const kinds = transfers
        .filter((t) => t.date.startsWith(year))
        .map((t) => t.kind)
        .sort();
      expect(kinds).toEqual(['dayOff', 'workingDay']);
    }
  });

  it('matches the official yearly totals: 2025 has 119 days off, 2026 has 246 working days', () => {
    expect(365 - workingDaysIn(2025)).toBe(119);
    expect(workingDaysIn(2026)).toBe(246);
    expect(workingDaysIn(2024)).toBe(249);
  });
});

describe('addWorkingDays', () => {
  it('counts working days after the date', () => {
    expect(addWorkingDays('2025-06-02', 1)).toBe('2025-06-03');
    expect(addWorkingDays('2025-06-02', 3)).toBe('2025-06-05');
    // Friday 6 June 2025 is Kurban Ait.
    expect(addWorkingDays('2025-06-04', 2)).toBe('2025-06-09');
  });

  it('does not count the start date even when it is a working day, and skips weekends', () => {
    expect(addWorkingDays('2025-06-13', 1)).toBe('2025-06-16');
    expect(addWorkingDays('2025-06-14', 1)).toBe('2025-06-16');
  });

  it('with n = 0 returns the date itself when working, else rolls forward', () => {
    expect(addWorkingDays('2025-06-13', 0)).toBe('2025-06-13');
    expect(addWorkingDays('2025-06-14', 0)).toBe('2025-06-16');
    expect(addWorkingDays('2025-03-21', 0)).toBe('2025-03-26');
  });

  it('crosses New Year 2025: 31 Dec 2024 + 1 is 6 Jan 2025, working Sunday 5 Jan aside', () => {
    // 1–2 Jan holidays, 3 Jan transferred day off, 4 Jan Saturday, 5 Jan a working Sunday.
    expect(addWorkingDays('2024-12-31', 1)).toBe('2025-01-05');
    expect(addWorkingDays('2024-12-31', 2)).toBe('2025-01-06');
    // 7 January is Orthodox Christmas.
    expect(addWorkingDays('2024-12-31', 3)).toBe('2025-01-08');
  });

  it('crosses New Year 2026', () => {
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-31', 3)).toBe('2026-01-08');
  });

  it('gives the three-working-day deadline of the home-schooling flow across Nauryz 2026', () => {
    // Thu 19 → Fri 20, then 21–25 March off, Thu 26, Fri 27.
    expect(addWorkingDays('2026-03-19', 3)).toBe('2026-03-27');
  });

  it('rejects bad arguments', () => {
    expect(codeOf(() => addWorkingDays('2025-02-29', 1))).toBe('CALENDAR_DATE');
    expect(codeOf(() => addWorkingDays('2025-03-01', -1))).toBe('CALENDAR_ARGUMENT');
    expect(codeOf(() => addWorkingDays('2025-03-01', 1.5))).toBe('CALENDAR_ARGUMENT');
    expect(codeOf(() => addWorkingDays('2025-03-01', Number.NaN))).toBe('CALENDAR_ARGUMENT');
    expect(codeOf(() => addWorkingDays('2025-03-01', 1e9))).toBe('CALENDAR_ARGUMENT');
    expect(codeOf(() => isWorkingDay('01.03.2025'))).toBe('CALENDAR_DATE');
    expect(codeOf(() => isHoliday('2025-3-1'))).toBe('CALENDAR_DATE');
  });
});

describe('extending the calendar without code', () => {
  const kurbanAit2027 = { date: '2027-05-16', name: 'Kurban Ait', movesOffWeekend: false, source: 'test' };

  it('adds holidays and transfers, leaving the default calendar untouched', () => {
    const cal = createCalendar({
      extraHolidays: [
        kurbanAit2027,
        { date: '2027-06-05', name: 'Test holiday', movesOffWeekend: true, source: 'test' },
      ],
      extraTransfers: [
        { date: '2027-05-17', kind: 'dayOff', source: 'test decree' },
        { date: '2027-05-22', kind: 'workingDay', source: 'test decree' },
      ],
      coverage: { fromYear: 2023, toYear: 2027 },
    });
    expect(cal.isHoliday('2027-05-16')).toBe(true);
    expect(cal.isWorkingDay('2027-05-17')).toBe(false);
    expect(cal.isWorkingDay('2027-05-22')).toBe(true);
    // Saturday 5 June 2027 moves to Monday 7 June.
    expect(cal.isWorkingDay('2027-06-07')).toBe(false);
    expect(cal.isCovered('2027-01-01')).toBe(true);
    expect(defaultCalendar.isHoliday('2027-05-16')).toBe(false);
    expect(defaultCalendar.isWorkingDay('2027-05-17')).toBe(true);
    expect(defaultCalendar.isCovered('2027-01-01')).toBe(false);
    expect(defaultCalendar.isCovered('2023-06-01')).toBe(true);
  });

  it('lets an extra transfer replace a bundled one on the same date', () => {
    const cal = createCalendar({
      extraTransfers: [{ date: '2025-01-03', kind: 'workingDay', source: 'correction' }],
    });
    expect(cal.isWorkingDay('2025-01-03')).toBe(true);
  });

  it('carries a late-December weekend holiday into January', () => {
    const cal = createCalendar({
      extraHolidays: [{ date: '2022-12-31', name: 'Test', movesOffWeekend: true, source: 'test' }],
    });
    // Sat 31 Dec 2022 comes first and takes Tue 3 Jan (Mon 2 Jan is New Year); Sun 1 Jan then takes Wed 4 Jan.
    expect(cal.describeDay('2023-01-03')).toMatchObject({
      reason: 'substituteDayOff',
      substituteFor: '2022-12-31',
    });
    expect(cal.describeDay('2023-01-04')).toMatchObject({
      reason: 'substituteDayOff',
      substituteFor: '2023-01-01',
    });
    expect(cal.isWorkingDay('2023-01-05')).toBe(true);
    expect(defaultCalendar.isWorkingDay('2023-01-04')).toBe(true);
  });

  it('loads a JSON file laid over the bundled data', () => {
    const json = JSON.stringify({
      coverage: { fromYear: 2023, toYear: 2027 },
      holidays: [kurbanAit2027],
      transfers: [{ date: '2027-01-08', kind: 'dayOff', source: 'Order of ... 2026', verified: false }],
    });
    const cal = calendarFromJson(json);
    expect(cal.isHoliday('2027-05-16')).toBe(true);
    expect(cal.isWorkingDay('2027-01-08')).toBe(false);
    expect(cal.isHoliday('2027-03-22')).toBe(true);
    expect(cal.coverage).toEqual({ fromYear: 2023, toYear: 2027 });
  });

  it('can start from other base data', () => {
    const cal = createCalendar({ base: { annualHolidays: [], holidays: [], transfers: [] } });
    expect(cal.isWorkingDay('2025-01-01')).toBe(true);
    expect(cal.isWorkingDay('2025-01-04')).toBe(false);
  });

  it('refuses a calendar without working days instead of looping forever', () => {
    const transfers = Array.from({ length: 800 }, (_, i) => ({
      date: addCalendarDays('2030-01-01', i),
      kind: 'dayOff' as const,
      source: 'test',
    }));
    const cal = createCalendar({ extraTransfers: transfers });
    expect(codeOf(() => cal.addWorkingDays('2030-01-01', 1))).toBe('CALENDAR_ARGUMENT');
  });

  it.each([
    ['not json', '(text)'],
    ['[]', '(root)'],
    ['{"transfer": []}', 'unknown field "transfer"'],
    ['{"transfers": [{"date": "2027-02-30", "kind": "dayOff", "source": "x"}]}', 'transfers[0].date'],
    ['{"transfers": [{"date": "2027-02-01", "kind": "holiday", "source": "x"}]}', 'transfers[0].kind'],
    ['{"transfers": [{"date": "2027-02-01", "kind": "dayOff"}]}', 'transfers[0].source'],
    [
      '{"transfers": [{"date": "2027-02-01", "kind": "dayOff", "source": "x"}, {"date": "2027-02-01", "kind": "workingDay", "source": "y"}]}',
      'two transfers on 2027-02-01',
    ],
    ['{"holidays": [{"date": "2027-05-16", "name": "K", "source": "x"}]}', 'holidays[0].movesOffWeekend'],
    [
      '{"annualHolidays": [{"month": 2, "day": 30, "name": "X", "movesOffWeekend": true, "source": "x"}]}',
      'day',
    ],
    [
      '{"annualHolidays": [{"month": 1, "day": 1, "name": "X", "movesOffWeekend": true, "source": "x", "fromYear": 2030, "toYear": 2020}]}',
      'fromYear > toYear',
    ],
    ['{"coverage": {"fromYear": 2027}}', 'coverage'],
  ])('rejects calendar data %s', (json, where) => {
    expect(codeOf(() => calendarFromJson(json))).toBe('CALENDAR_DATA');
    expect(() => parseCalendarData(json)).toThrow(where);
  });

  it('rejects malformed extra entries passed in code', () => {
    expect(
      codeOf(() => createCalendar({ extraTransfers: [{ date: '2027-1-1', kind: 'dayOff', source: 'x' }] })),
    ).toBe('CALENDAR_DATA');
  });

  it('ships frozen default data with its own notes on what is verified', () => {
    expect(Object.isFrozen(DEFAULT_CALENDAR_DATA)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR_DATA.transfers)).toBe(true);
    expect(DEFAULT_CALENDAR_DATA.coverage).toEqual({ fromYear: 2023, toYear: 2026 });
    expect((DEFAULT_CALENDAR_DATA.notes ?? []).join(' ')).toMatch(/Not verified/);
  });
});
