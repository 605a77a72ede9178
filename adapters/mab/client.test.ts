import { generateIin, isUsableIinSerial } from '../../src/domain/iin';
import {
  json,
  memoryStream,
  problem,
  recordingSleep,
  startServer,
  type TestServer,
} from '../transport/__fixtures__/server';
import {
  BadInput,
  ContractViolation,
  HttpTransport,
  NotFound,
  UpstreamUnavailable,
  createLogger,
} from '../transport';
import { MabClient, type MabClientConfig } from './client';

const IIN = '850312400019';
const PHONE = '+77012345678';
const NO_PHONE = generateIin({ birthDate: '1982-07-01', gender: 'male', serial: 1 });

/** A small MAB: the phones it knows, and a hook to break an answer. */
async function fakeMab(
  phones: Map<string, string>,
  tweak?: (n: number) => 'unavailable' | 'bare-404' | 'other-iin' | undefined,
): Promise<TestServer> {
  return startServer((req, res, n) => {
    const mode = tweak?.(n);
    if (mode === 'unavailable')
      return problem(res, 503, 'UNAVAILABLE', { detail: `MAB busy, ${IIN} ${PHONE} queued` });
    if (mode === 'bare-404') {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<h1>Not Found</h1>');
    }
    if (req.method === 'GET' && req.url.startsWith('/phones/')) {
      const iin = decodeURIComponent(req.url.slice('/phones/'.length));
      const phone = phones.get(iin);
      if (phone === undefined) return problem(res, 404, 'NOT_FOUND', { detail: `no phone for ${iin}` });
      return json(res, 200, {
        iin: mode === 'other-iin' ? NO_PHONE : iin,
        phone,
        registeredAt: '2021-04-12',
      });
    }
    if (req.method === 'POST' && req.url === '/phones:search') {
      const { iins } = JSON.parse(req.body) as { iins: string[] };
      const found = iins.filter((i) => phones.has(i)).map((i) => ({ iin: i, phone: phones.get(i)! }));
      return json(res, 200, { found, notFound: iins.filter((i) => !phones.has(i)) });
    }
    problem(res, 400, 'VALIDATION');
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<MabClientConfig> = {}): MabClient {
  return new MabClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'mab-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

describe('MabClient.getPhoneByIin', () => {
  it('returns the phone registered for the IIN, with its registration date', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]));
    await expect(client(server).getPhoneByIin(IIN)).resolves.toEqual({
      iin: IIN,
      phone: PHONE,
      registeredAt: '2021-04-12',
    });
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: `/phones/${IIN}` });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer mab-token');
  });

  it('returns null when MAB says the person has no phone (seed 000 cl. 15: the flow ends for them)', async () => {
    server = await fakeMab(new Map());
    await expect(client(server).getPhoneByIin(NO_PHONE)).resolves.toBeNull();
  });

  it('throws NotFound on a bare 404 that is not MAB speaking (a wrong baseUrl must not read as "no phone")', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]), () => 'bare-404');
    const err = await client(server)
      .getPhoneByIin(IIN)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    expect(err).toMatchObject({ problemCode: undefined, status: 404 });
  });

  it('refuses an invalid IIN before any call, without echoing it', async () => {
    server = await fakeMab(new Map());
    const c = client(server);
    for (const bad of [
      '850312400018',
      '85031240001',
      '8503124000190',
      'abc',
      '',
      850312400019 as unknown as string,
    ]) {
      const err = await c.getPhoneByIin(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).not.toContain('85031240001');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an answer about another person', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]), () => 'other-iin');
    await expect(client(server).getPhoneByIin(IIN)).rejects.toMatchObject({
      pointer: '/iin',
      code: 'CONTRACT_VIOLATION',
    });
  });

  it('retries while MAB is unavailable, then answers', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]), (n) => (n < 3 ? 'unavailable' : undefined));
    await expect(client(server).getPhoneByIin(IIN)).resolves.toMatchObject({ phone: PHONE });
    expect(server.requests).toHaveLength(3);
  });

  it('a broken phone in the answer is a ContractViolation naming the field', async () => {
    server = await startServer((_req, res) => json(res, 200, { iin: IIN, phone: '8 701 234 56 78' }));
    await expect(client(server).getPhoneByIin(IIN)).rejects.toMatchObject({ pointer: '/phone' });
  });
});

describe('MabClient.searchPhones', () => {
  it('returns the phones found and the IINs without one', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]));
    await expect(client(server).searchPhones([IIN, NO_PHONE])).resolves.toEqual({
      found: [{ iin: IIN, phone: PHONE }],
      notFound: [NO_PHONE],
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ iins: [IIN, NO_PHONE] });
  });

  it('sends more than 1000 IINs in batches of 1000 (the contract maxItems) and merges the answers', async () => {
    const iins: string[] = [];
    for (let serial = 0; iins.length < 1001; serial++) {
      if (isUsableIinSerial('1990-01-15', 'female', serial))
        iins.push(generateIin({ birthDate: '1990-01-15', gender: 'female', serial }));
    }
    server = await fakeMab(new Map([[iins[1000]!, PHONE]]));
    const result = await client(server).searchPhones(iins);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { iins: string[] }).iins.length)).toEqual([
      1000, 1,
    ]);
    expect(result.found).toEqual([{ iin: iins[1000], phone: PHONE }]);
    expect(result.notFound).toHaveLength(1000);
  });

  it('sends nothing for an empty list, and nothing when one IIN is invalid (naming its index only)', async () => {
    server = await fakeMab(new Map());
    const c = client(server);
    await expect(c.searchPhones([])).resolves.toEqual({ found: [], notFound: [] });
    await expect(c.searchPhones([IIN, '850312400018'])).rejects.toThrow(/iins\[1\] is not a valid IIN/);
    expect(server.requests).toHaveLength(0);
  });

  it('is retried although it is a POST: the contract says it only reads', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]), (n) => (n === 1 ? 'unavailable' : undefined));
    await expect(client(server).searchPhones([IIN])).resolves.toMatchObject({ found: [{ iin: IIN }] });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with UpstreamUnavailable when MAB stays down', async () => {
    server = await fakeMab(new Map(), () => 'unavailable');
    await expect(client(server, { retry: { maxAttempts: 2 } }).searchPhones([IIN])).rejects.toBeInstanceOf(
      UpstreamUnavailable,
    );
  });
});

describe('MabClient: construction', () => {
  it('takes an injected transport of MAB, and refuses one of another system', async () => {
    server = await fakeMab(new Map([[IIN, PHONE]]));
    const http = new HttpTransport({
      system: 'mab',
      baseUrl: server.url,
      logger: createLogger({ level: 'silent' }),
    });
    await expect(
      new MabClient({ baseUrl: 'http://unused.invalid' }, { http }).getPhoneByIin(IIN),
    ).resolves.toMatchObject({
      phone: PHONE,
    });
    const other = new HttpTransport({ system: 'billing', baseUrl: server.url, validation: 'off' });
    expect(() => new MabClient({ baseUrl: server!.url }, { http: other })).toThrow(
      /transport is for system billing/,
    );
  });

  it('refuses an unknown configuration key', () => {
    expect(() => new MabClient({ baseUrl: 'http://127.0.0.1:1', token: 'x' } as never)).toThrow(
      /unknown key "token"/,
    );
  });
});

describe('MabClient: personal data in logs', () => {
  it('logs every call at debug with no IIN or phone unmasked, whatever the answers say', async () => {
    const phones = new Map([[IIN, PHONE]]);
    server = await fakeMab(phones, (n) => (n === 1 ? 'unavailable' : undefined));
    const out = memoryStream();
    const c = client(server, {
      logger: createLogger({ level: 'debug', destination: out.stream }),
      validation: 'report',
    });
    await c.getPhoneByIin(IIN); // 503 (detail with IIN and phone), then 200
    await c.getPhoneByIin(NO_PHONE); // 404 whose detail names the IIN
    await c.searchPhones([IIN, NO_PHONE]);
    await server.close();
    server = await startServer((_req, res) => json(res, 200, { iin: IIN, phone: `tel ${PHONE}` }));
    await client(server, {
      logger: createLogger({ level: 'debug', destination: out.stream }),
      validation: 'report',
    }).getPhoneByIin(IIN);
    const err = await client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) })
      .getPhoneByIin(IIN)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    createLogger({ level: 'debug', destination: out.stream }).error(err as Error);

    const lines = out.lines();
    expect(lines.length).toBeGreaterThanOrEqual(7);
    const text = out.text();
    for (const secret of [IIN, NO_PHONE, PHONE, PHONE.slice(1), '7012345678', 'mab-token']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('"operation":"getPhoneByIin"');
    expect(text).toContain('response breaks the contract');
  });
});
