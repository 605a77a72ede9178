import { Writable } from 'node:stream';
import pino from 'pino';
import mabContract from '../../contracts/mab/openapi.json';
import { createMockApp, type MockApp, type MockHandler } from './app';
import { VirtualClock } from './clock';
import { MockContract, type OpenApiDocument } from './contract';
import { MockProblem } from './problem';
import { startMockServer, type RunningMock } from './server';
import { rawRequest, type RawRequest, type RawResponse } from './test-client';
import { expectProblem, expectResponseConformsToContract } from './testing';

/**
 * The framework on its own, with a small contract that has what MAB lacks: a side-effecting operation with an
 * Idempotency-Key, typed path and query parameters, a strict body schema.
 */
const problem = { $ref: '#/components/schemas/Problem' };
const problemResponse = {
  description: 'problem',
  content: { 'application/problem+json': { schema: problem } },
};
const thing = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string' }, verbose: { type: 'boolean' } },
};
const DOC: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'verbose', in: 'query', schema: { type: 'boolean' } },
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: thing } } },
          '400': problemResponse,
          '404': problemResponse,
          '500': problemResponse,
        },
      },
    },
    '/things': {
      post: {
        operationId: 'createThing',
        parameters: [
          { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8 } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string', minLength: 1 },
                  tags: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'created', content: { 'application/json': { schema: thing } } },
          '400': problemResponse,
          '409': problemResponse,
          '500': problemResponse,
        },
      },
    },
    '/things:broken': { get: { operationId: 'brokenThing', responses: { '500': problemResponse } } },
    '/things:missing': { get: { operationId: 'unimplementedThing', responses: { '501': problemResponse } } },
    '/things:wrong': {
      get: {
        operationId: 'wrongThing',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: thing } } },
          '500': problemResponse,
        },
      },
    },
  },
  components: {
    schemas: {
      Problem: (mabContract as { components: { schemas: { Problem: unknown } } }).components.schemas.Problem,
    },
  },
};
const contract = new MockContract('core-test', DOC);

interface Harness {
  app: MockApp;
  server: RunningMock;
  calls: string[];
  logged: string[];
  call(req: RawRequest): Promise<RawResponse>;
}

async function start(extra: Partial<Parameters<typeof createMockApp>[0]> = {}): Promise<Harness> {
  const calls: string[] = [];
  const logged: string[] = [];
  let nextId = 1;
  let failOnce = false;
  const handlers: Record<string, MockHandler> = {
    getThing: (req) => {
      calls.push(`getThing ${JSON.stringify(req.params)} ${JSON.stringify(req.query)}`);
      if (req.params.id === 404) throw MockProblem.notFound();
      return {
        body: {
          id: req.params.id,
          name: 'a thing',
          ...(req.query.verbose === undefined ? {} : { verbose: req.query.verbose }),
        },
      };
    },
    createThing: async (req) => {
      calls.push(`createThing ${JSON.stringify(req.body)}`);
      const name = (req.body as { name: string }).name;
      if (name === 'fail-once' && !failOnce) {
        failOnce = true;
        throw new Error('database down');
      }
      await new Promise((r) => setImmediate(r));
      return { status: 201, body: { id: nextId++, name } };
    },
    brokenThing: () => {
      throw new Error('lookup failed for 850312400019 at +77012345678');
    },
    wrongThing: () => ({ body: { id: 'not a number', name: 1 } }),
  };
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logged.push(chunk.toString('utf8'));
      cb();
    },
  });
  const app = createMockApp({
    system: 'core-test',
    contract,
    handlers,
    logger: pino({ level: 'error' }, destination),
    ...extra,
  });
  const server = await startMockServer(app);
  return { app, server, calls, logged, call: (req) => rawRequest(server.url, req) };
}

const json = (body: unknown, key?: string): Pick<RawRequest, 'headers' | 'body'> => ({
  headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
  body: JSON.stringify(body),
});

describe('createMockApp', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(async () => {
    await h.server.close();
  });

  it('echoes a well-formed X-Request-Id and generates one otherwise', async () => {
    const echoed = await h.call({ path: '/things/1', headers: { 'X-Request-Id': 'req-0001' } });
    expect(echoed.headers['x-request-id']).toBe('req-0001');
    const generated = await h.call({ path: '/things/1' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await h.call({ path: '/things/0' });
    expect((missing.json as { requestId: string }).requestId).toBe(missing.headers['x-request-id']);
  });

  it('coerces path and query parameters to their declared types', async () => {
    const res = await h.call({ path: '/things/7?verbose=true' });
    expect(res.status).toBe(200);
    expectResponseConformsToContract(contract, 'getThing', 200, res.json, res.contentType);
    expect(h.calls).toEqual(['getThing {"id":7} {"verbose":true}']);
  });

  it('answers 400 with field errors for bad parameters and bodies, before the handler runs', async () => {
    const badPath = await h.call({ path: '/things/abc?verbose=maybe' });
    expect(badPath.status).toBe(400);
    expectResponseConformsToContract(contract, 'getThing', 400, badPath.json, badPath.contentType);
    expect((badPath.json as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'path/id',
      'query/verbose',
    ]);
    const badBody = await h.call({
      method: 'POST',
      path: '/things',
      ...json({ name: '', extra: 1 }, 'key-00000001'),
    });
    expect(badBody.status).toBe(400);
    expect((badBody.json as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'body/extra',
      'body/name',
    ]);
    expect(h.calls).toEqual([]);
  });

  it('requires the Idempotency-Key of a side-effecting operation', async () => {
    const res = await h.call({ method: 'POST', path: '/things', ...json({ name: 'x' }) });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'header/idempotency-key' }] });
  });

  it('replays the first answer for the same key and body, and refuses another body with 409', async () => {
    const first = await h.call({ method: 'POST', path: '/things', ...json({ name: 'one' }, 'key-00000001') });
    // The same request with keys in another order is the same request.
    const again = await h.call({
      method: 'POST',
      path: '/things',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-00000001' },
      body: '{ "name" : "one" }',
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(h.calls).toEqual(['createThing {"name":"one"}']);

    const conflict = await h.call({
      method: 'POST',
      path: '/things',
      ...json({ name: 'two' }, 'key-00000001'),
    });
    expect(conflict.status).toBe(409);
    expectResponseConformsToContract(contract, 'createThing', 409, conflict.json, conflict.contentType);
    expect(conflict.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    const journal = (await h.call({ path: '/__admin/journal?operationId=createThing' })).json as {
      entries: { idempotencyKey: string; replayed: boolean; status: number }[];
    };
    expect(journal.entries.map((e) => [e.idempotencyKey, e.status, e.replayed])).toEqual([
      ['key-00000001', 201, false],
      ['key-00000001', 201, true],
      ['key-00000001', 409, false],
    ]);
  });

  it('runs a key only once when two requests with it arrive together', async () => {
    const [a, b] = await Promise.all([
      h.call({ method: 'POST', path: '/things', ...json({ name: 'same' }, 'key-concurrent') }),
      h.call({ method: 'POST', path: '/things', ...json({ name: 'same' }, 'key-concurrent') }),
    ]);
    expect(a.json).toEqual(b.json);
    expect(h.calls).toEqual(['createThing {"name":"same"}']);
  });

  it('keeps idempotency keys per system: another mock does not know this one’s keys', async () => {
    const other = await start();
    try {
      await h.call({ method: 'POST', path: '/things', ...json({ name: 'one' }, 'key-00000001') });
      const res = await other.call({
        method: 'POST',
        path: '/things',
        ...json({ name: 'two' }, 'key-00000001'),
      });
      expect(res.status).toBe(201);
      expect(other.calls).toEqual(['createThing {"name":"two"}']);
    } finally {
      await other.server.close();
    }
  });

  it('does not keep a 5xx answer: a retry with the same key runs again', async () => {
    const failed = await h.call({
      method: 'POST',
      path: '/things',
      ...json({ name: 'fail-once' }, 'key-retry-01'),
    });
    expect(failed.status).toBe(500);
    const retried = await h.call({
      method: 'POST',
      path: '/things',
      ...json({ name: 'fail-once' }, 'key-retry-01'),
    });
    expect(retried.status).toBe(201);
    expect(h.calls).toHaveLength(2);
  });

  it('turns an unexpected error into a 500 problem with personal data masked, and logs it masked', async () => {
    const res = await h.call({ path: '/things:broken' });
    expect(res.status).toBe(500);
    expectResponseConformsToContract(contract, 'brokenThing', 500, res.json, res.contentType);
    expect(res.text).not.toContain('850312400019');
    expect(res.text).not.toContain('+77012345678');
    expect(res.json).toMatchObject({ code: 'INTERNAL', detail: expect.stringContaining('8503******19') });
    expect(h.logged.join('')).toContain('unexpected error in mock');
    expect(h.logged.join('')).not.toContain('850312400019');
  });

  it('answers 501 for an operation the mock does not implement', async () => {
    const res = await h.call({ path: '/things:missing' });
    expect(res.status).toBe(501);
    expectResponseConformsToContract(contract, 'unimplementedThing', 501, res.json, res.contentType);
  });

  it('answers 404 for an unknown route, 405 with Allow for a wrong method, 415 for a wrong media type', async () => {
    const unknown = await h.call({ path: '/nothing/here' });
    expect(unknown.status).toBe(404);
    expectProblem(contract, unknown.json, 404);
    const wrongMethod = await h.call({ method: 'DELETE', path: '/things/1' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
    expectProblem(contract, wrongMethod.json, 405);
    const wrongType = await h.call({
      method: 'POST',
      path: '/things',
      headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'key-00000009' },
      body: 'name=x',
    });
    expect(wrongType.status).toBe(415);
    expectProblem(contract, wrongType.json, 415);
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    const res = await h.call({
      method: 'POST',
      path: '/things',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-00000001' },
      body: '{"name": "x",',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ path: 'body' }] });
  });

  it('answers 413 for a body over the limit, before parsing it', async () => {
    const small = await start({ bodyLimit: 64 });
    try {
      const res = await small.call({
        method: 'POST',
        path: '/things',
        ...json({ name: 'x'.repeat(100) }, 'key-00000001'),
      });
      expect(res.status).toBe(413);
      expectProblem(contract, res.json, 413);
      expect(small.calls).toEqual([]);
    } finally {
      await small.server.close();
    }
  });

  it('with validateResponses, refuses a handler answer that breaks the contract', async () => {
    const strict = await start({ validateResponses: true });
    try {
      const res = await strict.call({ path: '/things:wrong' });
      expect(res.status).toBe(500);
      expect(res.json).toMatchObject({ code: 'CONTRACT_VIOLATION' });
    } finally {
      await strict.server.close();
    }
  });

  it('holds a request under a never-answer timeout fault until the client gives up, and still closes', async () => {
    await h.call({
      method: 'POST',
      path: '/__admin/faults',
      ...json({ kind: 'timeout', operationId: 'getThing' }),
    });
    await expect(h.call({ path: '/things/1', timeoutMs: 300 })).rejects.toMatchObject({
      code: 'TEST_CLIENT_TIMEOUT',
    });
    const pending = h.call({ path: '/things/2' });
    // close() releases held requests instead of waiting for them forever.
    await h.server.close();
    await expect(pending).rejects.toBeDefined();
    h = await start();
  });

  it('answers a timeout fault with afterMs late but normally', async () => {
    const slept: number[] = [];
    const t = await start({ sleep: async (ms) => void slept.push(ms) });
    try {
      await t.call({
        method: 'POST',
        path: '/__admin/faults',
        ...json({ kind: 'timeout', afterMs: 30_000 }),
      });
      const res = await t.call({ path: '/things/1' });
      expect(res.status).toBe(200);
      expect(slept).toEqual([30_000]);
    } finally {
      await t.server.close();
    }
  });

  it('answers an injected SOAP fault as a SOAP 1.1 envelope', async () => {
    await h.call({
      method: 'POST',
      path: '/__admin/faults',
      ...json({ kind: 'soapFault', faultString: 'SHEP down' }),
    });
    const res = await h.call({ path: '/things/1' });
    expect(res.status).toBe(500);
    expect(res.contentType).toMatch(/^text\/xml/);
    expect(res.text).toContain('<faultstring>SHEP down</faultstring>');
  });

  it('refuses an invalid fault with field errors and adds nothing of a list with one bad entry', async () => {
    const res = await h.call({
      method: 'POST',
      path: '/__admin/faults',
      ...json({ faults: [{ kind: 'error' }, { kind: 'latency', distribution: 'lognormal', sigma: -1 }] }),
    });
    expect(res.status).toBe(400);
    expectProblem(contract, res.json, 400);
    expect((res.json as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'body/medianMs',
      'body/sigma',
    ]);
    expect((await h.call({ path: '/__admin/faults' })).json).toEqual({ faults: [] });
  });

  it('answers an unknown admin route with a 404 problem listing the routes', async () => {
    const res = await h.call({ path: '/__admin/nope' });
    expect(res.status).toBe(404);
    expectProblem(contract, res.json, 404);
    expect((res.json as { detail: string }).detail).toContain('POST /__admin/states');
  });

  it('refuses an unknown provider state with 400 listing the known ones', async () => {
    const s = await start({
      states: [{ sentence: 'a thing {id} exists', patterns: { id: '\\d+' }, setup: () => undefined }],
    });
    try {
      const ok = await s.call({
        method: 'POST',
        path: '/__admin/states',
        ...json({ state: 'a thing 5 exists', action: 'setup' }),
      });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ values: { id: '5' } });
      const unknown = await s.call({
        method: 'POST',
        path: '/__admin/states',
        ...json({ state: 'a thing x exists' }),
      });
      expect(unknown.status).toBe(400);
      expectProblem(contract, unknown.json, 400);
      expect(unknown.json).toMatchObject({
        code: 'UNKNOWN_PROVIDER_STATE',
        detail: expect.stringContaining('a thing {id} exists'),
      });
    } finally {
      await s.server.close();
    }
  });

  it('resets journal, faults, idempotency keys and the system state, and the clock only when asked', async () => {
    let resets = 0;
    const clock = new VirtualClock();
    const r = await start({ clock, onReset: () => void resets++ });
    try {
      await r.call({ method: 'POST', path: '/things', ...json({ name: 'one' }, 'key-00000001') });
      await r.call({
        method: 'POST',
        path: '/__admin/faults',
        ...json({ kind: 'error', status: 500, operationId: 'getThing' }),
      });
      clock.advance(60_000);
      expect((await r.call({ method: 'POST', path: '/__admin/reset' })).status).toBe(200);
      expect(resets).toBe(1);
      expect((await r.call({ path: '/__admin/faults' })).json).toEqual({ faults: [] });
      expect(clock.now().toISOString()).toBe('2025-09-01T04:01:00.000Z');
      // The key is forgotten: another body with it is a new request, not a conflict.
      expect(
        (await r.call({ method: 'POST', path: '/things', ...json({ name: 'two' }, 'key-00000001') })).status,
      ).toBe(201);
      await r.call({ method: 'POST', path: '/__admin/reset', ...json({ clock: true }) });
      expect(clock.now().toISOString()).toBe('2025-09-01T04:00:00.000Z');
      expect((await r.call({ path: '/__admin/journal' })).json).toMatchObject({ total: 0, entries: [] });
    } finally {
      await r.server.close();
    }
  });

  it('keeps the journal bounded, with bodies capped, and filters it', async () => {
    const j = await start({ journal: { capacity: 3, maxBodyBytes: 40 } });
    try {
      for (let i = 1; i <= 4; i++) await j.call({ path: `/things/${i}` });
      await j.call({
        method: 'POST',
        path: '/things',
        ...json({ name: 'a long name that goes past the cap' }, 'key-00000001'),
      });
      const all = (await j.call({ path: '/__admin/journal' })).json as {
        total: number;
        dropped: number;
        capacity: number;
        entries: { seq: number; path: string; bodyTruncated: boolean; requestBody: unknown }[];
      };
      expect(all).toMatchObject({ total: 5, dropped: 2, capacity: 3 });
      expect(all.entries.map((e) => e.seq)).toEqual([3, 4, 5]);
      expect(all.entries[2]).toMatchObject({
        bodyTruncated: true,
        requestBody: expect.stringMatching(/^\{"name"/),
      });
      const filtered = (await j.call({ path: '/__admin/journal?operationId=getThing&since=3&limit=5' }))
        .json as {
        entries: { seq: number }[];
      };
      expect(filtered.entries.map((e) => e.seq)).toEqual([4]);
      const bad = await j.call({ path: '/__admin/journal?limit=0' });
      expect(bad.status).toBe(400);
    } finally {
      await j.server.close();
    }
  });
});
