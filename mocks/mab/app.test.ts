import fc from 'fast-check';
import {
  VirtualClock,
  expectProblem,
  expectResponseConformsToContract,
  expectSeenResponseConformsToContract,
  startMockServer,
  type RunningMock,
} from '../core';
import { rawRequest, type RawRequest, type RawResponse } from '../core/test-client';
import { createMabMock, type MabMockOptions, type PhonePopulation } from './app';

/** Two people of the pacts: one with a phone, one without. */
const WITH_PHONE = '850312400019';
const WITHOUT_PHONE = '820701300011';
/** A valid IIN only the population knows. */
const FROM_POPULATION = '900101300017';

const population: PhonePopulation = {
  phoneOf: (iin) => (iin === FROM_POPULATION ? { phone: '+77051112233' } : undefined),
};

let server: RunningMock;
let sleeps: number[];

async function startMab(extra: Partial<MabMockOptions> = {}): Promise<RunningMock> {
  sleeps = [];
  return startMockServer(
    createMabMock({
      clock: new VirtualClock(),
      phones: { [WITH_PHONE]: { phone: '+77012345678', registeredAt: '2021-04-12' } },
      population,
      sleep: async (ms) => void sleeps.push(ms),
      ...extra,
    }),
  );
}

/** Sends a request and checks the answer against the MAB contract (or as a problem, outside it). */
async function call(req: RawRequest, base = server.url): Promise<RawResponse> {
  const res = await rawRequest(base, req);
  if (!req.path.startsWith('/__admin') && res.status !== 413 && res.status !== 405 && res.status !== 415) {
    expectSeenResponseConformsToContract('mab', {
      method: req.method ?? 'GET',
      path: req.path,
      status: res.status,
      contentType: res.contentType,
      body: res.json,
    });
  }
  return res;
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}): RawRequest => ({
  method: 'POST',
  path,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const addFault = async (spec: unknown) => {
  const res = await call(post('/__admin/faults', spec));
  expect(res.status).toBe(201);
};

beforeEach(async () => {
  server = await startMab();
});
afterEach(async () => {
  await server.close();
});

describe('MAB mock: lookups', () => {
  it('answers the phone of a person who has one', async () => {
    const res = await call({ path: `/phones/${WITH_PHONE}` });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ iin: WITH_PHONE, phone: '+77012345678', registeredAt: '2021-04-12' });
  });

  it('reads the population for people not seeded', async () => {
    const res = await call({ path: `/phones/${FROM_POPULATION}` });
    expect(res.json).toEqual({ iin: FROM_POPULATION, phone: '+77051112233' });
  });

  it('answers 404 problem+json for a person without a phone', async () => {
    const res = await call({ path: `/phones/${WITHOUT_PHONE}` });
    expect(res.status).toBe(404);
    expect(res.contentType).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      code: 'NOT_FOUND',
      type: 'https://kz-proactive.dev/problems/not-found',
    });
  });

  it('searches many IINs at once, once each', async () => {
    const res = await call(
      post('/phones:search', { iins: [WITH_PHONE, WITHOUT_PHONE, FROM_POPULATION, WITH_PHONE] }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      found: [
        { iin: WITH_PHONE, phone: '+77012345678', registeredAt: '2021-04-12' },
        { iin: FROM_POPULATION, phone: '+77051112233' },
      ],
      notFound: [WITHOUT_PHONE],
    });
  });

  it('refuses a malformed IIN (pattern) and an impossible one (check digit) with a field error', async () => {
    const pattern = await call({ path: '/phones/85031240001X' });
    expect(pattern.status).toBe(400);
    expect(pattern.json).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'path/iin' }] });
    const checksum = await call({ path: '/phones/850312400018' });
    expect(checksum.status).toBe(400);
    expect(checksum.json).toMatchObject({
      errors: [{ path: 'path/iin', message: expect.stringContaining('valid IIN') }],
    });
    const inBatch = await call(post('/phones:search', { iins: [WITH_PHONE, '850312400018'] }));
    expect(inBatch.status).toBe(400);
    expect(inBatch.json).toMatchObject({ errors: [{ path: 'body/iins/1' }] });
    // The IIN never comes back unmasked in an error.
    expect(checksum.text).not.toContain('850312400018');
  });

  it('refuses bad search bodies: missing, empty, too long, malformed JSON', async () => {
    const missing = await call({ method: 'POST', path: '/phones:search' });
    expect(missing.json).toMatchObject({ status: 400, errors: [{ path: 'body' }] });
    const empty = await call(post('/phones:search', { iins: [] }));
    expect(empty.json).toMatchObject({ status: 400, errors: [{ path: 'body/iins' }] });
    const tooMany = await call(
      post('/phones:search', { iins: Array.from({ length: 1001 }, () => WITH_PHONE) }),
    );
    expect(tooMany.json).toMatchObject({ status: 400, errors: [{ path: 'body/iins' }] });
    const broken = await call(post('/phones:search', '{"iins": ["850312400019"'));
    expect(broken.json).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const unknown = await call({ path: '/persons/850312400019' });
    expect(unknown.status).toBe(404);
    const wrong = await call({ method: 'PUT', path: `/phones/${WITH_PHONE}` });
    expect(wrong.status).toBe(405);
    expectProblem('mab', wrong.json, 405);
  });

  it('answers 413 problem+json for a body over 1 MiB', async () => {
    const res = await call(
      post('/phones:search', { iins: Array.from({ length: 90_000 }, () => WITH_PHONE) }),
    );
    expect(res.status).toBe(413);
    expectProblem('mab', res.json, 413);
  });

  it('takes no Idempotency-Key: its search only reads, so reusing a key is no conflict', async () => {
    const a = await call(
      post('/phones:search', { iins: [WITH_PHONE] }, { 'Idempotency-Key': 'key-00000001' }),
    );
    const b = await call(
      post('/phones:search', { iins: [WITHOUT_PHONE] }, { 'Idempotency-Key': 'key-00000001' }),
    );
    expect([a.status, b.status]).toEqual([200, 200]);
  });
});

describe('MAB mock: provider states', () => {
  const state = (sentence: string, action = 'setup') =>
    call(post('/__admin/states', { state: sentence, action }));

  it('gives any IIN any phone, registered on the virtual date, until teardown', async () => {
    const iin = '990101400015';
    await call({
      method: 'PUT',
      path: '/__admin/clock',
      headers: { 'Content-Type': 'application/json' },
      body: '{"astanaDate":"2025-10-01","astanaTime":"10:00"}',
    });
    expect((await state(`a person with IIN ${iin} has phone +77479998877 in MAB`)).status).toBe(200);
    const res = await call({ path: `/phones/${iin}` });
    expect(res.json).toEqual({ iin, phone: '+77479998877', registeredAt: '2025-10-01' });
    await state(`a person with IIN ${iin} has phone +77479998877 in MAB`, 'teardown');
    expect((await call({ path: `/phones/${iin}` })).status).toBe(404);
  });

  it('takes a seeded phone away for "has no phone", and gives it back on teardown', async () => {
    await state(`a person with IIN ${WITH_PHONE} has no phone in MAB`);
    expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(404);
    await state(`a person with IIN ${WITH_PHONE} has no phone in MAB`, 'teardown');
    expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(200);
  });

  it('answers 503 to everything while "MAB is unavailable"', async () => {
    await state('MAB is unavailable');
    const res = await call({ path: `/phones/${WITH_PHONE}` });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json).toMatchObject({ code: 'UNAVAILABLE', title: 'Service unavailable' });
    await state('MAB is unavailable', 'teardown');
    expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(200);
  });

  it('refuses unknown states and bad phones, listing the known sentences', async () => {
    const unknown = await state('a person with IIN 850312400019 is famous');
    expect(unknown.status).toBe(400);
    expectProblem('mab', unknown.json, 400);
    expect((unknown.json as { detail: string }).detail).toContain(
      'a person with IIN {iin} has phone {phone} in MAB',
    );
    const badPhone = await state(`a person with IIN ${WITH_PHONE} has phone +71234 in MAB`);
    expect(badPhone.status).toBe(400);
  });
});

describe('MAB mock: faults', () => {
  it('repeats an error rate from a fixed seed', async () => {
    const run = async () => {
      await call({ method: 'POST', path: '/__admin/reset' });
      await addFault({ kind: 'error', status: 503, probability: 0.4, seed: 2025 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call({ path: `/phones/${WITH_PHONE}` })).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('waits the drawn latency, repeatably, and then answers normally', async () => {
    await addFault({ kind: 'latency', distribution: 'lognormal', medianMs: 200, sigma: 0.8, seed: 9 });
    for (let i = 0; i < 3; i++) expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(200);
    const first = [...sleeps];
    await call({ method: 'POST', path: '/__admin/reset' });
    sleeps.length = 0;
    await addFault({ kind: 'latency', distribution: 'lognormal', medianMs: 200, sigma: 0.8, seed: 9 });
    for (let i = 0; i < 3; i++) await call({ path: `/phones/${WITH_PHONE}` });
    expect(sleeps).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('resets the connection', async () => {
    await addFault({ kind: 'reset', operationId: 'getPhoneByIin', count: 1 });
    await expect(rawRequest(server.url, { path: `/phones/${WITH_PHONE}` })).rejects.toMatchObject({
      code: expect.stringMatching(/ECONNRESET|socket hang up/),
    });
    expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(200);
    const journal = (await call({ path: '/__admin/journal' })).json as {
      entries: { status: number; faults: string[] }[];
    };
    expect(journal.entries.map((e) => [e.status, e.faults.length])).toEqual([
      [0, 1],
      [200, 0],
    ]);
  });

  it('sends malformed bodies: truncated JSON, and JSON of the wrong shape that the contract check catches', async () => {
    await addFault({ kind: 'malformed', body: 'truncated', count: 1 });
    const truncated = await rawRequest(server.url, { path: `/phones/${WITH_PHONE}` });
    expect(truncated.status).toBe(200);
    expect(truncated.contentType).toBe('application/json');
    expect(truncated.json).toBeUndefined();
    await addFault({ kind: 'malformed', body: 'wrong-shape', count: 1 });
    const wrong = await rawRequest(server.url, { path: `/phones/${WITH_PHONE}` });
    expect(() => expectResponseConformsToContract('mab', 'getPhoneByIin', wrong.status, wrong.json)).toThrow(
      /breaks the mab contract/,
    );
  });

  it('scopes a fault to one IIN, in the path or in a search body', async () => {
    await addFault({ kind: 'error', status: 429, iin: WITH_PHONE });
    expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(429);
    expect((await call({ path: `/phones/${FROM_POPULATION}` })).status).toBe(200);
    expect((await call(post('/phones:search', { iins: [FROM_POPULATION, WITH_PHONE] }))).status).toBe(429);
    expect((await call(post('/phones:search', { iins: [FROM_POPULATION] }))).status).toBe(200);
  });

  it('applies a counted fault that many times, then drops it', async () => {
    await addFault({ kind: 'error', status: 503, operationId: 'getPhoneByIin', count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call({ path: `/phones/${WITH_PHONE}` })).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await call({ path: '/__admin/faults' })).json).toEqual({ faults: [] });
  });

  it('lists and removes faults by id', async () => {
    await addFault({ id: 'slow', kind: 'latency', distribution: 'fixed', ms: 50 });
    expect((await call({ path: '/__admin/faults' })).json).toMatchObject({
      faults: [{ id: 'slow', hits: 0 }],
    });
    expect((await call({ method: 'DELETE', path: '/__admin/faults/slow' })).status).toBe(200);
    expect((await call({ method: 'DELETE', path: '/__admin/faults/slow' })).status).toBe(404);
  });
});

describe('MAB mock: journal, clock, reset', () => {
  it('journals requests with operation, status, body and both times, bounded and filterable', async () => {
    const small = await startMab({ journal: { capacity: 4 } });
    try {
      for (let i = 0; i < 3; i++) await call({ path: `/phones/${WITHOUT_PHONE}` }, small.url);
      await call(post('/phones:search', { iins: [WITH_PHONE] }), small.url);
      await call({ path: `/phones/${WITH_PHONE}`, headers: { 'X-Request-Id': 'rid-1' } }, small.url);
      const all = (await call({ path: '/__admin/journal' }, small.url)).json as {
        total: number;
        dropped: number;
        entries: Record<string, unknown>[];
      };
      expect(all.total).toBe(5);
      expect(all.dropped).toBe(1);
      expect(all.entries).toHaveLength(4);
      expect(all.entries[3]).toMatchObject({
        method: 'GET',
        path: `/phones/${WITH_PHONE}`,
        operationId: 'getPhoneByIin',
        status: 200,
        requestId: 'rid-1',
        virtualTime: '2025-09-01T04:00:00.000Z',
        wallTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const searches = (await call({ path: '/__admin/journal?operationId=searchPhones' }, small.url))
        .json as {
        entries: { requestBody: unknown }[];
      };
      expect(searches.entries.map((e) => e.requestBody)).toEqual([{ iins: [WITH_PHONE] }]);
      const byIin = (await call({ path: `/__admin/journal?iin=${WITH_PHONE}&limit=1` }, small.url)).json as {
        entries: { seq: number }[];
      };
      expect(byIin.entries.map((e) => e.seq)).toEqual([5]);
      const since = (await call({ path: '/__admin/journal?since=3&limit=1' }, small.url)).json as {
        entries: { seq: number }[];
      };
      expect(since.entries.map((e) => e.seq)).toEqual([4]);
      expect((await call({ method: 'DELETE', path: '/__admin/journal' }, small.url)).status).toBe(204);
      expect((await call({ path: '/__admin/journal' }, small.url)).json).toMatchObject({
        total: 0,
        entries: [],
      });
    } finally {
      await small.close();
    }
  });

  it('sets and advances the shared clock, firing timers, and refuses bad instants', async () => {
    const clock = new VirtualClock();
    const a = await startMab({ clock });
    const b = await startMab({ clock });
    try {
      const fired: string[] = [];
      clock.schedule('2025-09-02T04:00:00Z', (now) => fired.push(now.toISOString()));
      const put = (url: string, body: unknown) =>
        call(
          {
            method: 'PUT',
            path: '/__admin/clock',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
          url,
        );
      const set = await put(a.url, { now: '2025-09-01T12:00:00+05:00' });
      expect(set.json).toMatchObject({ now: '2025-09-01T07:00:00.000Z', astanaDate: '2025-09-01', fired: 0 });
      const advanced = await put(b.url, { advanceMs: 24 * 3_600_000 });
      expect(advanced.json).toMatchObject({ astanaDateTime: '2025-09-02T12:00:00+05:00', fired: 1 });
      expect(fired).toEqual(['2025-09-02T04:00:00.000Z']);
      // One clock: what b moved, a shows.
      expect((await call({ path: '/__admin/clock' }, a.url)).json).toMatchObject({
        astanaDate: '2025-09-02',
      });
      expect((await put(a.url, { now: 'yesterday' })).status).toBe(400);
      expect((await put(a.url, { advanceMs: -5 })).status).toBe(400);
      expect((await put(a.url, { now: '2025-09-01T00:00:00Z', advanceMs: 1 })).status).toBe(400);
      expect((await put(a.url, { astanaDate: '2025-02-30' })).status).toBe(400);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('reset forgets provider states, faults and the journal', async () => {
    await call(post('/__admin/states', { state: `a person with IIN ${WITH_PHONE} has no phone in MAB` }));
    await addFault({ kind: 'latency', distribution: 'fixed', ms: 10 });
    expect((await call({ method: 'POST', path: '/__admin/reset' })).json).toEqual({ reset: true });
    expect((await call({ path: `/phones/${WITH_PHONE}` })).status).toBe(200);
    expect(sleeps).toEqual([]);
    expect((await call({ path: '/__admin/journal' })).json).toMatchObject({ total: 1 });
  });
});

describe('MAB mock: fuzzing', () => {
  const pathChars = fc.constantFrom(...'/abcphones:search0123456789%._-~!$&()*+,;=@'.split(''));
  const anyPath = fc.oneof(
    fc.string({ unit: pathChars, maxLength: 40 }).map((s) => `/${s}`),
    fc
      .string({ unit: fc.constantFrom(...'0123456789X%'.split('')), maxLength: 14 })
      .map((s) => `/phones/${s}`),
    fc.constant('/phones:search'),
  );
  const anyBody = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
    fc
      .array(fc.oneof(fc.string(), fc.integer(), fc.constant(WITH_PHONE)), { maxLength: 5 })
      .map((iins) => JSON.stringify({ iins })),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  const anyType = fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    '',
  );

  it('answers random and broken requests with a 2xx/4xx, a problem+json for every 4xx, never a 5xx or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        anyPath,
        anyBody,
        anyType,
        async (method, path, body, type) => {
          const res = await rawRequest(server.url, {
            method,
            path,
            headers: type ? { 'Content-Type': type } : {},
            ...(body === undefined ? {} : { body }),
            timeoutMs: 5000,
          });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.contentType).toBe('application/problem+json');
            expectProblem('mab', res.json, res.status);
          } else if (!path.startsWith('/__admin')) {
            expectSeenResponseConformsToContract('mab', {
              method,
              path,
              status: res.status,
              contentType: res.contentType,
              body: res.json,
            });
          }
        },
      ),
      { numRuns: 300, seed: 20250901 },
    );
  });
});
