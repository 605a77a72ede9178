import {
  memoryStream,
  problem,
  json,
  recordingSleep,
  startServer,
  type Handler,
  type TestServer,
} from './__fixtures__/server';
import {
  BadInput,
  BusinessRuleViolation,
  CircuitOpen,
  Conflict,
  ConsentMissing,
  ContractViolation,
  KzProactiveError,
  NotFound,
  Timeout,
  Unauthorized,
  UpstreamUnavailable,
} from './errors';
import { HttpTransport, type HttpRequest, type HttpTransportConfig } from './http';
import { createLogger } from './logging';

const IIN = '850312400019';
const GET_THING: HttpRequest = { operationId: 'getThing', method: 'GET', path: '/things/1' };
const GET_PHONE: HttpRequest = {
  operationId: 'getPhoneByIin',
  method: 'GET',
  path: '/phones/{iin}',
  pathParams: { iin: IIN },
};

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(handler: Handler): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

/** A transport with no real waiting, a mid-point jitter, silent logs and a breaker that stays out of the way. */
function transport(server: { url: string }, config: Partial<HttpTransportConfig> = {}) {
  const sleeper = recordingSleep();
  const t = new HttpTransport({
    system: 'mab',
    baseUrl: server.url,
    validation: 'off',
    sleep: sleeper.sleep,
    random: () => 0.5,
    logger: createLogger({ level: 'silent' }),
    breaker: { failureThreshold: 1000, windowSize: 0 },
    ...config,
  });
  return { t, waits: sleeper.waits };
}

async function failure(p: Promise<unknown>): Promise<KzProactiveError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KzProactiveError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('HttpTransport: retries', () => {
  it('retries a GET on 503 with full-jitter backoff and keeps one X-Request-Id across the attempts', async () => {
    const s = await serve((_req, res, n) =>
      n < 3 ? problem(res, 503, 'UNAVAILABLE') : json(res, 200, { ok: true }),
    );
    const { t, waits } = transport(s);
    const res = await t.request(GET_THING);
    expect(res).toMatchObject({ status: 200, data: { ok: true }, attempts: 3 });
    expect(waits).toEqual([50, 100]); // 0.5 * 100 * 2^0, 0.5 * 100 * 2^1
    const ids = s.requests.map((r) => r.headers['x-request-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBe(res.requestId);
  });

  it('gives a new X-Request-Id to every call', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const { t } = transport(s);
    await t.request(GET_THING);
    await t.request(GET_THING);
    expect(s.requests[0]!.headers['x-request-id']).not.toBe(s.requests[1]!.headers['x-request-id']);
  });

  it.each([
    [400, BadInput],
    [401, Unauthorized],
    [403, Unauthorized],
    [404, NotFound],
    [409, Conflict],
    [422, BusinessRuleViolation],
    [501, UpstreamUnavailable],
  ])('never retries %i', async (status, cls) => {
    const s = await serve((_req, res) => problem(res, status, 'X'));
    const { t, waits } = transport(s);
    const err = await failure(t.request(GET_THING));
    expect(err).toBeInstanceOf(cls);
    expect(err.status).toBe(status);
    expect(s.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never retries a plain POST', async () => {
    const s = await serve((_req, res) => problem(res, 503, 'UNAVAILABLE'));
    const { t } = transport(s);
    const err = await failure(
      t.request({ operationId: 'create', method: 'POST', path: '/things', body: { a: 1 } }),
    );
    expect(err).toBeInstanceOf(UpstreamUnavailable);
    expect(err.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('retries a POST that carries an Idempotency-Key, sending the same key and body each time', async () => {
    const s = await serve((_req, res, n) =>
      n === 1 ? problem(res, 502, 'BAD_GATEWAY') : json(res, 201, { id: 7 }),
    );
    const { t } = transport(s);
    const res = await t.request({
      operationId: 'create',
      method: 'POST',
      path: '/things',
      body: { a: 1 },
      idempotencyKey: 'gas-voucher:2025-09:case-1:issue',
    });
    expect(res).toMatchObject({ status: 201, data: { id: 7 }, attempts: 2 });
    expect(s.requests.map((r) => [r.headers['idempotency-key'], r.body])).toEqual([
      ['gas-voucher:2025-09:case-1:issue', '{"a":1}'],
      ['gas-voucher:2025-09:case-1:issue', '{"a":1}'],
    ]);
  });

  it.each(['PUT', 'DELETE'] as const)('retries a %s', async (method) => {
    const s = await serve((_req, res, n) => (n === 1 ? problem(res, 500, 'X') : json(res, 200, {})));
    const { t } = transport(s);
    await expect(t.request({ operationId: 'x', method, path: '/things/1' })).resolves.toMatchObject({
      attempts: 2,
    });
  });

  it('gives up after maxAttempts with UpstreamUnavailable whose cause is the last answer', async () => {
    const s = await serve((_req, res) => problem(res, 503, 'UNAVAILABLE', { detail: `down for ${IIN}` }));
    const { t, waits } = transport(s, { retry: { maxAttempts: 4 } });
    const err = await failure(t.request(GET_THING));
    expect(err).toBeInstanceOf(UpstreamUnavailable);
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', attempts: 4, status: 503, retryable: true });
    expect(err.cause).toBeInstanceOf(UpstreamUnavailable);
    expect((err.cause as Error).message).toContain('UNAVAILABLE');
    expect(err.message + (err.cause as Error).message).not.toContain(IIN);
    expect(s.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('honours Retry-After in seconds, capped at maxRetryAfterMs', async () => {
    const s = await serve((_req, res, n) =>
      n === 1
        ? problem(res, 429, 'RATE_LIMITED', {}, { 'Retry-After': '2' })
        : n === 2
          ? problem(res, 503, 'UNAVAILABLE', {}, { 'Retry-After': '3600' })
          : json(res, 200, {}),
    );
    const { t, waits } = transport(s, { retry: { maxRetryAfterMs: 5_000 } });
    await t.request(GET_THING);
    expect(waits).toEqual([2_000, 5_000]);
  });

  it('honours Retry-After as an HTTP date, against the injected clock', async () => {
    const s = await serve((_req, res, n) =>
      n === 1
        ? problem(res, 503, 'UNAVAILABLE', {}, { 'Retry-After': 'Sun, 07 Sep 2025 05:00:03 GMT' })
        : json(res, 200, {}),
    );
    const { t, waits } = transport(s, { clock: () => Date.parse('2025-09-07T05:00:00Z') });
    await t.request(GET_THING);
    expect(waits).toEqual([3_000]);
  });

  it('gives up with RATE_LIMITED when 429 persists', async () => {
    const s = await serve((_req, res) => problem(res, 429, 'RATE_LIMITED', {}, { 'Retry-After': '1' }));
    const { t } = transport(s, { retry: { maxAttempts: 2 } });
    const err = await failure(t.request(GET_THING));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', attempts: 2, retryAfterMs: 1_000 });
  });

  it('retries a connection reset', async () => {
    const s = await serve((_req, res, n) => (n === 1 ? res.socket?.destroy() : json(res, 200, { ok: 1 })));
    const { t } = transport(s);
    await expect(t.request(GET_THING)).resolves.toMatchObject({ data: { ok: 1 }, attempts: 2 });
  });

  it('retries a connection dropped in the middle of the body', async () => {
    const s = await serve((_req, res, n) => {
      if (n > 1) return json(res, 200, { ok: 2 });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"ok":');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const { t } = transport(s);
    await expect(t.request(GET_THING)).resolves.toMatchObject({ data: { ok: 2 }, attempts: 2 });
  });

  it('retries a refused connection, then gives up with CONNECTION_FAILED', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const { t, waits } = transport(closed);
    const err = await failure(t.request(GET_THING));
    expect(err).toBeInstanceOf(UpstreamUnavailable);
    expect(err).toMatchObject({ code: 'CONNECTION_FAILED', attempts: 3, fault: 'network' });
    expect(waits).toHaveLength(2);
  });
});

describe('HttpTransport: timeouts', () => {
  const silent: Handler = () => undefined; // never answers

  it('a call that does not answer in timeoutMs is a Timeout (not retried for a plain POST)', async () => {
    const s = await serve(silent);
    const { t } = transport(s, { timeoutMs: 30 });
    const err = await failure(
      t.request({ operationId: 'create', method: 'POST', path: '/things', body: {} }),
    );
    expect(err).toBeInstanceOf(Timeout);
    expect(err).toMatchObject({ code: 'TIMEOUT', attempts: 1, retryable: true });
    expect(s.requests).toHaveLength(1);
  });

  it('a GET that keeps timing out ends as UpstreamUnavailable after the retries, caused by the Timeout', async () => {
    const s = await serve(silent);
    const { t } = transport(s, { timeoutMs: 30, retry: { maxAttempts: 2 } });
    const err = await failure(t.request(GET_THING));
    expect(err).toBeInstanceOf(UpstreamUnavailable);
    expect(err.attempts).toBe(2);
    expect(err.cause).toBeInstanceOf(Timeout);
    expect(s.requests).toHaveLength(2);
  });
});

describe('HttpTransport: what it refuses', () => {
  it('refuses a response larger than maxResponseBytes, with or without Content-Length', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(2_000) });
    const s = await serve((req, res) => {
      if (req.url === '/sized') return json(res, 200, JSON.parse(big));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(big.slice(0, 1_000));
      res.end(big.slice(1_000));
    });
    const { t } = transport(s, { maxResponseBytes: 1_024 });
    for (const path of ['/sized', '/chunked']) {
      const err = await failure(t.request({ ...GET_THING, path }));
      expect(err).toBeInstanceOf(ContractViolation);
      expect(err).toMatchObject({ code: 'RESPONSE_TOO_LARGE', rule: 'maxResponseBytes 1024' });
    }
    expect(s.requests).toHaveLength(2); // not retried
    await expect(
      transport(s, { maxResponseBytes: 4_096 }).t.request({ ...GET_THING, path: '/sized' }),
    ).resolves.toBeDefined();
  });

  it('refuses a redirect and never follows it', async () => {
    const target = await serve((_req, res) => json(res, 200, {}));
    const s = await serve((_req, res) => {
      res.writeHead(302, { Location: `${target.url}/phones/${IIN}` });
      res.end();
    });
    const { t } = transport(s);
    const err = await failure(t.request(GET_THING));
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ code: 'REDIRECT_REFUSED', status: 302 });
    expect(err.message).not.toContain(IIN);
    expect(target.requests).toHaveLength(0);
    expect(s.requests).toHaveLength(1);
  });

  it.each([
    'http://127.0.0.1:1/things',
    '//evil.example/things',
    'things',
    '/\\evil.example',
    'https://x/y',
    '/things?a=1',
  ])('refuses the path %s before sending anything', async (path) => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const { t } = transport(s);
    const err = await failure(t.request({ ...GET_THING, path }));
    expect(err).toBeInstanceOf(BadInput);
    expect(s.requests).toHaveLength(0);
  });

  it('encodes path parameters and query values, and refuses dot segments and missing parameters', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const { t } = transport(s);
    await t.request({
      ...GET_THING,
      path: '/things/{id}/parts/{part}',
      pathParams: { id: '../admin x', part: 7 },
      query: { q: 'a&b=c', tag: ['x', 'y'], skip: undefined },
    });
    expect(s.requests[0]!.url).toBe('/things/..%2Fadmin%20x/parts/7?q=a%26b%3Dc&tag=x&tag=y');
    for (const pathParams of [{ id: '..' }, {}] as Record<string, string>[]) {
      await expect(t.request({ ...GET_THING, path: '/things/{id}', pathParams })).rejects.toBeInstanceOf(
        BadInput,
      );
    }
    expect(s.requests).toHaveLength(1);
  });

  it('refuses unknown configuration keys and reserved headers', () => {
    const base = { system: 'mab', baseUrl: 'http://127.0.0.1:1', validation: 'off' as const };
    expect(() => new HttpTransport({ ...base, timeout: 5 } as never)).toThrow(/unknown key "timeout"/);
    expect(() => new HttpTransport({ ...base, headers: { 'X-Request-Id': 'x' } })).toThrow(BadInput);
    expect(() => new HttpTransport({ ...base, baseUrl: 'ftp://x' })).toThrow(/http\(s\)/);
    expect(() => new HttpTransport({ ...base, retry: { tries: 1 } as never })).toThrow(/retry.tries/);
    let caught: unknown;
    try {
      new HttpTransport({ ...base, credentials: { bearerToken: 'secret', user: 'x' } as never });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'INVALID_CONFIG', fault: 'configuration' });
    expect(String(caught)).toContain('credentials.user');
    expect(String(caught)).not.toContain('secret');
  });

  it('sends the bearer token and asks for JSON', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    await transport(s, { credentials: { bearerToken: 'tok-1' }, headers: { 'X-Client': 'egov' } }).t.request(
      GET_THING,
    );
    expect(s.requests[0]!.headers).toMatchObject({
      authorization: 'Bearer tok-1',
      accept: 'application/json',
      'x-client': 'egov',
    });
  });
});

describe('HttpTransport: the contract', () => {
  const strict = { validation: 'strict' as const };

  it('returns a conforming answer parsed once', async () => {
    const s = await serve((_req, res) => json(res, 200, { iin: IIN, phone: '+77012345678' }));
    const res = await transport(s, strict).t.request(GET_PHONE);
    expect(res.data).toEqual({ iin: IIN, phone: '+77012345678' });
    expect(s.requests[0]!.url).toBe(`/phones/${IIN}`);
  });

  it('strict: a breach is a ContractViolation naming the field and the rule, without the value', async () => {
    const s = await serve((_req, res) => json(res, 200, { iin: IIN, phone: '87012345678' }));
    const err = await failure(transport(s, strict).t.request(GET_PHONE));
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({
      code: 'CONTRACT_VIOLATION',
      pointer: '/phone',
      rule: 'pattern ^\\+77[0-9]{9}$',
      status: 200,
    });
    expect(err.message).toContain('/phone');
    expect(err.message).not.toContain('87012345678');
    expect(s.requests).toHaveLength(1);
  });

  it('the line of an attempt whose answer breaks the contract is an error line naming the code', async () => {
    const s = await serve((_req, res) => json(res, 200, { iin: IIN, phone: 'x' }));
    const out = memoryStream();
    const logger = createLogger({ level: 'info', destination: out.stream });
    await expect(transport(s, { ...strict, logger }).t.request(GET_PHONE)).rejects.toBeInstanceOf(
      ContractViolation,
    );
    expect(out.lines().map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 50, status: 200, code: 'CONTRACT_VIOLATION' }),
    ]);
  });

  it('report: a breach is logged as a warning and the data returned', async () => {
    const s = await serve((_req, res) => json(res, 200, { iin: IIN }));
    const out = memoryStream();
    const logger = createLogger({ level: 'warn', destination: out.stream });
    const res = await transport(s, { validation: 'report', logger }).t.request(GET_PHONE);
    expect(res.data).toEqual({ iin: IIN });
    const line = JSON.parse(out.lines()[0]!);
    expect(line).toMatchObject({
      level: 40,
      system: 'mab',
      operation: 'getPhoneByIin',
      pointer: '/phone',
      rule: 'required',
    });
    expect(line.requestId).toBe(res.requestId);
  });

  it('a body that is not JSON where JSON is declared is a ContractViolation (NOT_JSON)', async () => {
    const s = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': req.url!.includes('bad') ? 'application/json' : 'text/html' });
      res.end('<html>gateway</html>');
    });
    const err = await failure(transport(s, strict).t.request(GET_PHONE));
    expect(err).toMatchObject({ code: 'NOT_JSON', rule: 'content type application/json' });
    // A body that claims JSON but does not parse is refused in every mode: there is nothing to return.
    const off = await failure(transport(s).t.request({ ...GET_THING, path: '/bad' }));
    expect(off).toMatchObject({ code: 'NOT_JSON', rule: 'JSON' });
  });

  it('a status the contract does not declare is a ContractViolation (strict)', async () => {
    const s = await serve((req, res) =>
      req.url!.endsWith('9') ? json(res, 201, {}) : problem(res, 418, 'TEAPOT'),
    );
    const t = transport(s, strict).t;
    expect(await failure(t.request(GET_PHONE))).toMatchObject({ code: 'UNDECLARED_STATUS', status: 201 });
    const teapot = await failure(t.request({ ...GET_PHONE, pathParams: { iin: '850312400010' } }));
    expect(teapot).toMatchObject({ code: 'UNDECLARED_STATUS', status: 418 });
    expect(teapot.cause).toBeInstanceOf(BadInput);
  });

  it('maps problem+json answers to their subclass with the problem code', async () => {
    const answers: Record<string, [number, string]> = {
      '/phones/850312400019': [404, 'NOT_FOUND'],
      '/things/consent': [403, 'CONSENT_MISSING'],
      '/things/rule': [422, 'VOUCHER_ALREADY_ISSUED'],
    };
    const s = await serve((req, res) => {
      const [status, code] = answers[req.url!]!;
      problem(res, status, code, { detail: `for ${IIN}` });
    });
    const nf = await failure(transport(s, strict).t.request(GET_PHONE));
    expect(nf).toBeInstanceOf(NotFound);
    expect(nf).toMatchObject({
      problemCode: 'NOT_FOUND',
      status: 404,
      system: 'mab',
      operation: 'getPhoneByIin',
    });
    expect(nf.message).toBe('mab getPhoneByIin: The system has no such record: NOT_FOUND (HTTP 404)');
    const t = transport(s).t;
    expect(await failure(t.request({ ...GET_THING, path: '/things/consent' }))).toBeInstanceOf(
      ConsentMissing,
    );
    const rule = await failure(t.request({ ...GET_THING, path: '/things/rule' }));
    expect(rule).toBeInstanceOf(BusinessRuleViolation);
    expect(rule.problemCode).toBe('VOUCHER_ALREADY_ISSUED');
  });

  it('refuses an operation the contract does not have', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    await expect(transport(s, strict).t.request(GET_THING)).rejects.toThrow(
      /getThing is not in the contract/,
    );
    expect(s.requests).toHaveLength(0);
  });
});

describe('HttpTransport: circuit breaker', () => {
  it('opens after consecutive failures, refuses at once, lets a probe through after the cool-down, closes', async () => {
    let healthy = false;
    const s = await serve((_req, res) => (healthy ? json(res, 200, {}) : problem(res, 503, 'UNAVAILABLE')));
    let now = 0;
    const { t } = transport(s, {
      retry: { maxAttempts: 1 },
      breaker: { failureThreshold: 2, windowSize: 0, coolDownMs: 60_000 },
      clock: () => now,
    });
    await expect(t.request(GET_THING)).rejects.toBeInstanceOf(UpstreamUnavailable);
    await expect(t.request(GET_THING)).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(t.breaker.state).toBe('open');
    await expect(t.request(GET_THING)).rejects.toBeInstanceOf(CircuitOpen);
    expect(s.requests).toHaveLength(2); // refused without a call
    now += 60_000;
    expect(t.breaker.state).toBe('half-open');
    await expect(t.request(GET_THING)).rejects.toBeInstanceOf(UpstreamUnavailable); // the probe fails
    expect(t.breaker.state).toBe('open');
    now += 60_000;
    healthy = true;
    await expect(t.request(GET_THING)).resolves.toMatchObject({ status: 200 });
    expect(t.breaker.state).toBe('closed');
    expect(s.requests).toHaveLength(4);
  });

  it('a 4xx is an answer: it never opens the circuit', async () => {
    const s = await serve((_req, res) => problem(res, 404, 'NOT_FOUND'));
    const { t } = transport(s, { breaker: { failureThreshold: 1, windowSize: 0 } });
    await expect(t.request(GET_THING)).rejects.toBeInstanceOf(NotFound);
    await expect(t.request(GET_THING)).rejects.toBeInstanceOf(NotFound);
    expect(t.breaker.state).toBe('closed');
  });
});

describe('HttpTransport: logging', () => {
  it('writes one structured line per attempt with system, operation, status, duration, attempt and request id', async () => {
    const s = await serve((_req, res, n) =>
      n === 1 ? problem(res, 503, 'X') : json(res, 200, { iin: IIN, phone: '+77012345678' }),
    );
    const out = memoryStream();
    let now = 1_000;
    const { t } = transport(s, {
      validation: 'strict',
      logger: createLogger({ level: 'info', destination: out.stream }),
      clock: () => (now += 5),
    });
    const res = await t.request(GET_PHONE);
    const lines = out.lines().map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 40, status: 503, attempt: 1, retryInMs: 50 });
    expect(lines[1]).toMatchObject({
      level: 30,
      system: 'mab',
      operation: 'getPhoneByIin',
      method: 'GET',
      path: '/phones/{iin}',
      status: 200,
      attempt: 2,
      requestId: res.requestId,
      msg: 'http call',
    });
    expect(typeof lines[1].durationMs).toBe('number');
    expect(out.text()).not.toContain(IIN);
  });
});
