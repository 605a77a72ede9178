import { BadInput, ContractViolation, NotFound } from './errors';
import { HttpTransport } from './http';
import { createLogger } from './logging';
import {
  InputChecks,
  allItems,
  defined,
  isSystemNotFound,
  otherRecord,
  transportFor,
  type CursorPage,
} from './support';

const IIN = '850312400019';
const op = 'someOperation';
const checks = new InputChecks('mab');

/** The BadInput that `fn` throws (fails the test when it throws nothing or something else). */
function badInput(fn: () => void): BadInput {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadInput);
    return err as BadInput;
  }
  throw new Error('expected a BadInput');
}

describe('InputChecks', () => {
  it('fails with a BadInput of its system and the operation', () => {
    const err = checks.fail(op, 'x is wrong');
    expect(err).toBeInstanceOf(BadInput);
    expect(err).toMatchObject({ code: 'BAD_INPUT', system: 'mab', operation: op });
    expect(err.message).toContain('x is wrong');
  });

  it('checks an IIN and never puts the value in the message', () => {
    expect(() => checks.iin(op, 'iin', IIN)).not.toThrow();
    for (const bad of ['850312400018', '85031240001', 850312400019, undefined]) {
      const err = badInput(() => checks.iin(op, 'iin', bad));
      expect(err.message).toMatch(/iin is not a valid IIN/);
      expect(err.message).not.toContain('85031240001');
    }
  });

  it('checks dates, date-times and months', () => {
    expect(() => checks.date(op, 'd', '2024-02-29')).not.toThrow();
    expect(badInput(() => checks.date(op, 'd', '2023-02-29')).message).toMatch(/d must be a calendar date/);
    expect(() => checks.dateTime(op, 't', '2024-05-01T10:00:00Z')).not.toThrow();
    expect(() => checks.dateTime(op, 't', '2024-05-01T10:00:00.123+05:00')).not.toThrow();
    for (const bad of ['2024-05-01T10:00:00', '2024-05-01', '2024-13-01T10:00:00Z', 5]) {
      expect(badInput(() => checks.dateTime(op, 't', bad)).message).toMatch(
        /t must be an RFC 3339 date-time/,
      );
    }
    expect(() => checks.month(op, 'm', '2024-12')).not.toThrow();
    for (const bad of ['2024-13', '2024-1', '2024-00']) {
      expect(badInput(() => checks.month(op, 'm', bad)).message).toMatch(/m must be a month YYYY-MM/);
    }
  });

  it('checks a text by its length and pattern', () => {
    expect(() => checks.text(op, 's', 'abc', 3)).not.toThrow();
    expect(() => checks.text(op, 's', '', 3, { min: 0 })).not.toThrow();
    expect(badInput(() => checks.text(op, 's', '', 3)).message).toMatch(
      /s must be a string of 1 to 3 characters/,
    );
    expect(badInput(() => checks.text(op, 's', 'abcd', 3)).message).toMatch(/1 to 3/);
    expect(badInput(() => checks.text(op, 's', 3, 3)).message).toMatch(/must be a string/);
    expect(
      badInput(() => checks.text(op, 's', 'ab', 3, { pattern: /^\d+$/, rule: 'digits' })).message,
    ).toMatch(/s must be digits/);
    expect(badInput(() => checks.text(op, 's', 'ab', 3, { pattern: /^\d+$/ })).message).toMatch(
      /s must be like \^\\d\+\$/,
    );
  });

  it('checks integers, counts and booleans', () => {
    expect(() => checks.int(op, 'n', 5, 1, 5)).not.toThrow();
    for (const bad of [0, 6, 1.5, '3', Number.NaN]) {
      expect(badInput(() => checks.int(op, 'n', bad, 1, 5)).message).toMatch(
        /n must be an integer from 1 to 5/,
      );
    }
    expect(() => checks.count(op, 'c', 0)).not.toThrow();
    expect(() => checks.count(op, 'c', Number.MAX_SAFE_INTEGER)).not.toThrow();
    expect(() => checks.count(op, 'c', -1)).toThrow(BadInput);
    expect(() => checks.count(op, 'c', Number.MAX_SAFE_INTEGER + 1)).toThrow(BadInput);
    expect(() => checks.bool(op, 'b', false)).not.toThrow();
    expect(badInput(() => checks.bool(op, 'b', 'true')).message).toMatch(/b must be a boolean/);
  });

  it('checks enumerations, objects and arrays', () => {
    expect(() => checks.oneOf(op, 'e', 'a', ['a', 'b'])).not.toThrow();
    expect(badInput(() => checks.oneOf(op, 'e', 'c', ['a', 'b'])).message).toMatch(/e must be one of a, b/);
    expect(() => checks.object(op, 'o', {})).not.toThrow();
    for (const bad of [null, [], 'x']) {
      expect(badInput(() => checks.object(op, 'o', bad)).message).toMatch(/o must be an object/);
    }
    expect(() => checks.array(op, 'a', [1], 1, 2)).not.toThrow();
    for (const bad of [[], [1, 2, 3], {}]) {
      expect(badInput(() => checks.array(op, 'a', bad, 1, 2)).message).toMatch(
        /a must be an array of 1 to 2 items/,
      );
    }
  });

  it('checks a person name and a coded value field by field', () => {
    expect(() => checks.personName(op, 'name', { lastName: 'A', firstName: 'B' })).not.toThrow();
    expect(() =>
      checks.personName(op, 'name', { lastName: 'A', firstName: 'B', middleName: '' }),
    ).not.toThrow();
    expect(badInput(() => checks.personName(op, 'name', null)).message).toMatch(/name must be an object/);
    expect(badInput(() => checks.personName(op, 'name', { lastName: 'A' })).message).toMatch(
      /name\.firstName must be a string of 1 to 100/,
    );
    expect(
      badInput(() =>
        checks.personName(op, 'name', { lastName: 'A', firstName: 'B', middleName: 'x'.repeat(101) }),
      ).message,
    ).toMatch(/name\.middleName must be a string of 0 to 100/);
    expect(() => checks.codedValue(op, 'kind', { code: '1', nameKz: 'a', nameRu: 'b' })).not.toThrow();
    expect(badInput(() => checks.codedValue(op, 'kind', { code: '1', nameKz: 'a' })).message).toMatch(
      /kind\.nameRu must be a string of 1 to 500/,
    );
  });

  it('checks an idempotency key (8–200 characters) and a page request', () => {
    expect(() => checks.idempotencyKey(op, 'case-1:step-1')).not.toThrow();
    for (const bad of ['short', 'x'.repeat(201), undefined]) {
      expect(badInput(() => checks.idempotencyKey(op, bad)).message).toMatch(
        /idempotencyKey must be a string of 8 to 200/,
      );
    }
    expect(() => checks.page(op, undefined)).not.toThrow();
    expect(() => checks.page(op, {})).not.toThrow();
    expect(() => checks.page(op, { cursor: 'c', limit: 1000 })).not.toThrow();
    expect(badInput(() => checks.page(op, null as never)).message).toMatch(/page must be an object/);
    expect(badInput(() => checks.page(op, { cursor: '' })).message).toMatch(
      /cursor must be a string of 1 to 512/,
    );
    expect(badInput(() => checks.page(op, { limit: 0 })).message).toMatch(
      /limit must be an integer from 1 to 1000/,
    );
  });
});

describe('allItems', () => {
  const pages: Record<string, CursorPage<number>> = {
    first: { items: [1, 2], nextCursor: 'c2', hasMore: true },
    c2: { items: [3], nextCursor: 'c3', hasMore: true },
    c3: { items: [4], nextCursor: null, hasMore: false },
  };
  const fetcher = (asked: (string | undefined)[]) => async (cursor: string | undefined) => {
    asked.push(cursor);
    return pages[cursor ?? 'first']!;
  };

  it('yields every item of every page, fetching a page only when the previous one is consumed', async () => {
    const asked: (string | undefined)[] = [];
    const it = allItems('mab', op, fetcher(asked));
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(asked).toEqual([undefined]);
    const rest: number[] = [];
    for await (const n of it) rest.push(n);
    expect(rest).toEqual([2, 3, 4]);
    expect(asked).toEqual([undefined, 'c2', 'c3']);
  });

  it('starts from the cursor it is given', async () => {
    const asked: (string | undefined)[] = [];
    const items: number[] = [];
    for await (const n of allItems('mab', op, fetcher(asked), 'c2')) items.push(n);
    expect(items).toEqual([3, 4]);
    expect(asked).toEqual(['c2', 'c3']);
  });

  it.each([
    ['no cursor', [{ items: [1], nextCursor: null, hasMore: true }]],
    ['an empty cursor', [{ items: [1], nextCursor: '', hasMore: true }]],
    [
      'a cursor already seen',
      [
        { items: [1], nextCursor: 'a', hasMore: true },
        { items: [2], nextCursor: 'a', hasMore: true },
      ],
    ],
  ] as const)('refuses a page that says there is more but gives %s', async (_, list) => {
    let i = 0;
    const items: number[] = [];
    const err = await (async () => {
      for await (const n of allItems('mab', op, async () => list[i++]!)) items.push(n);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ system: 'mab', operation: op, pointer: '/page/nextCursor' });
    expect(items).toEqual(list.map((p) => p.items[0]));
  });
});

describe('transportFor', () => {
  const silent = createLogger({ level: 'silent' });

  it('uses the injected transport of the same system, whatever the configuration says', () => {
    const http = new HttpTransport({ system: 'mab', baseUrl: 'http://127.0.0.1:1', logger: silent });
    expect(transportFor('mab', { baseUrl: 'http://unused.invalid', token: 'x' } as never, { http })).toBe(
      http,
    );
  });

  it('refuses a transport of another system as an INVALID_CONFIG', () => {
    const http = new HttpTransport({ system: 'billing', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    const err = badInput(() => transportFor('mab', { baseUrl: 'http://127.0.0.1:1' }, { http }));
    expect(err).toMatchObject({ code: 'INVALID_CONFIG', system: 'mab', operation: 'configure' });
    expect(err.message).toMatch(/the transport is for system billing/);
  });

  it("builds one from the configuration, with the deps' logger over the configuration's", () => {
    const other = createLogger({ level: 'silent' });
    const built = transportFor('mab', { baseUrl: 'http://127.0.0.1:1', logger: other }, { logger: silent });
    expect(built).toBeInstanceOf(HttpTransport);
    expect(built.system).toBe('mab');
    expect(built.config.logger).toBe(silent);
    expect(transportFor('mab', { baseUrl: 'http://127.0.0.1:1', logger: other }, {}).config.logger).toBe(
      other,
    );
  });

  it('refuses an invalid configuration', () => {
    expect(() => transportFor('mab', { baseUrl: 'http://127.0.0.1:1', token: 'x' } as never, {})).toThrow(
      /unknown key "token"/,
    );
  });
});

describe('isSystemNotFound, otherRecord, defined', () => {
  it("counts a NotFound as the system's own only when it carries a problem code or type", () => {
    const ctx = { system: 'mab', operation: op };
    expect(isSystemNotFound(new NotFound({ ...ctx, problemCode: 'PERSON_NOT_FOUND' }))).toBe(true);
    expect(isSystemNotFound(new NotFound({ ...ctx, problemType: 'https://example.invalid/not-found' }))).toBe(
      true,
    );
    expect(isSystemNotFound(new NotFound(ctx))).toBe(false);
    expect(isSystemNotFound(new BadInput({ ...ctx, problemCode: 'X' }))).toBe(false);
    expect(isSystemNotFound(undefined)).toBe(false);
  });

  it('otherRecord is a ContractViolation at the pointer, naming the field but not its value', () => {
    const err = otherRecord('mab', op, 'req-1', '/iin');
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({
      system: 'mab',
      operation: op,
      requestId: 'req-1',
      pointer: '/iin',
      rule: 'the record that was asked for',
    });
    expect(err.message).toMatch(/\/iin is not the record of the request/);
  });

  it('defined drops the undefined keys and keeps the others, null and falsy included', () => {
    const out = defined({ a: 1, b: undefined, c: null, d: 0, e: '', f: false });
    expect(out).toEqual({ a: 1, c: null, d: 0, e: '', f: false });
    expect(Object.keys(out)).toEqual(['a', 'c', 'd', 'e', 'f']);
  });
});
