import * as http from 'node:http';
import * as soap from 'soap';
import {
  memoryStream,
  recordingSleep,
  startServer,
  type SeenRequest,
  type TestServer,
} from './__fixtures__/server';
import {
  BadInput,
  CircuitOpen,
  Conflict,
  ContractViolation,
  KzProactiveError,
  NotFound,
  Timeout,
  Unauthorized,
  UpstreamUnavailable,
} from './errors';
import { sharedAxios } from './http';
import { createLogger } from './logging';
import {
  SHEP_ERROR_CODES,
  ShepSoapTransport,
  shepDateTime,
  type ShepCall,
  type ShepSoapTransportConfig,
} from './soap';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const TYP = 'http://bip.bee.kz/SyncChannel/v10/Types';
const GP = 'urn:kz-proactive:gbdfl:get-person:v1';
const MESSAGE_ID = '6f1c2b9e-4a7d-4c31-9e58-2b7d0a4c1e01';
const AT = Date.parse('2024-09-02T10:15:00.000+05:00');
const PAYLOAD = `<gp:getPersonRequest xmlns:gp="${GP}"><iin>850312400019</iin></gp:getPersonRequest>`;

/** A call whose answer is read as the payload's result code (or what the person's IIN is). */
function call(extra: Partial<ShepCall<string | null>> = {}): ShepCall<string | null> {
  return {
    operation: 'getPerson',
    serviceId: 'GBDFL_GetPerson',
    payload: PAYLOAD,
    response: { ns: GP, name: 'getPersonResponse' },
    read: (r) => {
      const person = r.data('person');
      return person ? r.text(person, 'iin') : null;
    },
    ...extra,
  };
}

/** A SendMessageResponse envelope around `payload`, echoing `messageId`. */
function answer(
  payload: string,
  options: { messageId?: string; status?: string; prefixes?: [string, string] } = {},
) {
  const [env, typ] = options.prefixes ?? ['soapenv', 'typ'];
  return (
    `<?xml version="1.0" encoding="UTF-8"?><${env}:Envelope xmlns:${env}="${SOAP}" xmlns:${typ}="${TYP}">` +
    `<${env}:Body><${typ}:SendMessageResponse><response><responseInfo>` +
    `<messageId>${options.messageId ?? MESSAGE_ID}</messageId><responseDate>2024-09-02T10:15:00.412+05:00</responseDate>` +
    `<status><code>${options.status ?? 'SCSS001'}</code><message>done</message></status></responseInfo>` +
    `<responseData><data>${payload}</data></responseData></response></${typ}:SendMessageResponse></${env}:Body></${env}:Envelope>`
  );
}

const FOUND = `<gp:getPersonResponse xmlns:gp="${GP}"><result><code>OK</code><nameKz>Иә</nameKz><nameRu>Да</nameRu></result><person><iin>850312400019</iin></person></gp:getPersonResponse>`;

/** A SHEP fault (`side` is the faultcode's local part). */
function fault(side: string, errorCode?: string): string {
  const detail =
    errorCode === undefined
      ? ''
      : `<detail><typ:SendMessageFault1_SendMessageFault><errorCode>${errorCode}</errorCode>` +
        `<errorMessage>failed for 850312400019</errorMessage><errorDate>2024-09-02T10:15:00.000+05:00</errorDate>` +
        `</typ:SendMessageFault1_SendMessageFault></detail>`;
  return (
    `<soapenv:Envelope xmlns:soapenv="${SOAP}" xmlns:typ="${TYP}"><soapenv:Body><soapenv:Fault>` +
    `<faultcode>soapenv:${side}</faultcode><faultstring>failed</faultstring>${detail}` +
    `</soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  );
}

function reply(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/xml; charset=utf-8',
  headers = {},
) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  jest.restoreAllMocks();
});

function transport(s: TestServer | string, extra: Partial<ShepSoapTransportConfig> = {}): ShepSoapTransport {
  return new ShepSoapTransport({
    system: 'gbdfl',
    endpoint: typeof s === 'string' ? s : `${s.url}/shep/sync`,
    credentials: { senderId: 'esobes', password: 'p&ss<word>' },
    messageId: () => MESSAGE_ID,
    clock: () => AT,
    sleep: async () => undefined,
    random: () => 0.5,
    logger: createLogger({ level: 'silent' }),
    ...extra,
  });
}

async function failure(t: ShepSoapTransport, c: ShepCall<unknown> = call()): Promise<KzProactiveError> {
  const err = await t.call(c).catch((e: unknown) => e);
  if (!(err instanceof KzProactiveError)) throw new Error(`expected a KzProactiveError, got ${String(err)}`);
  return err;
}

describe('ShepSoapTransport: the WSDL', () => {
  it('loads the WSDL once per transport and describes the SyncChannel from it', async () => {
    const load = jest.spyOn(soap, 'createClientAsync');
    server = await startServer((_req, res) => reply(res, 200, answer(FOUND)));
    const t = transport(server);
    const [a, b] = await Promise.all([t.ready(), t.ready()]);
    await t.call(call());
    await t.call(call());
    expect(load).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(a).toMatchObject({
      endpoint: `${server.url}/shep/sync`,
      operation: 'SendMessage',
      soapAction: '',
      namespace: TYP,
      requestElement: 'SendMessage',
      responseElement: 'SendMessageResponse',
    });
    expect(a.client).toBeInstanceOf(soap.Client);
  });

  it('takes the address from the WSDL when no endpoint is configured', async () => {
    const t = new ShepSoapTransport({ system: 'modb', credentials: { senderId: 'esobes', password: 'x' } });
    await expect(t.ready()).resolves.toMatchObject({ endpoint: 'http://127.0.0.1:4101/shep/sync' });
  });

  it('refuses a WSDL that does not bind the SyncChannel to an address', async () => {
    const t = new ShepSoapTransport({
      system: 'gbdfl',
      wsdl: `${__dirname}/../../contracts/common/shep/shep-sync-channel.wsdl`,
      credentials: { senderId: 'esobes', password: 'x' },
    });
    await expect(t.ready()).rejects.toMatchObject({ code: 'INVALID_CONFIG', message: /no port binds/ });
  });

  it('shares the axios instance of the HTTP transport', () => {
    expect(
      new ShepSoapTransport({ system: 'gbdfl', credentials: { senderId: 'a', password: 'b' } }).config.axios,
    ).toBe(sharedAxios());
  });
});

describe('ShepSoapTransport: configuration', () => {
  const ok = { system: 'gbdfl', credentials: { senderId: 'esobes', password: 'x' } };
  it.each([
    ['an unknown key', { ...ok, baseUrl: 'http://x' }, /unknown key "baseUrl"/],
    ['no credentials', { system: 'gbdfl' }, /credentials are required/],
    ['an empty password', { ...ok, credentials: { senderId: 'esobes', password: '' } }, /password/],
    [
      'an unknown credentials key',
      { ...ok, credentials: { senderId: 'a', password: 'b', token: 'c' } },
      /credentials.token/,
    ],
    ['an endpoint that is not http', { ...ok, endpoint: 'ftp://gateway' }, /http\(s\)/],
    ['an endpoint with credentials', { ...ok, endpoint: 'http://u:p@gateway/sync' }, /credentials/],
    ['a missing WSDL', { ...ok, wsdl: '/nowhere/x.wsdl' }, /no WSDL/],
    ['a zero depth', { ...ok, maxDepth: 0 }, /maxDepth/],
    ['an unknown validation mode', { ...ok, validation: 'off' }, /validation/],
    ['an unknown payload mode', { ...ok, payloadMode: 'base64' }, /payloadMode/],
  ])('refuses %s', (_case, config, message) => {
    expect(() => new ShepSoapTransport(config as never)).toThrow(message);
    expect(() => new ShepSoapTransport(config as never)).toThrow(BadInput);
  });
});

describe('ShepSoapTransport: the message it sends', () => {
  it('builds the SyncChannel envelope: routing in order, values escaped, X-Request-Id = messageId', async () => {
    server = await startServer((_req, res) => reply(res, 200, answer(FOUND)));
    await transport(server).call(
      call({
        correlationId: 'case:1&2',
        properties: { channel: 'a<b' },
        sessionId: '{c2a4e6f8-1b3d-4f5a-8c7e-9d0b2a4c6e81}',
      }),
    );
    const sent = server.requests[0]!;
    expect(sent.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP}" xmlns:typ="${TYP}">` +
        '<soapenv:Header/><soapenv:Body><typ:SendMessage><request><requestInfo>' +
        `<messageId>${MESSAGE_ID}</messageId><correlationId>case:1&amp;2</correlationId>` +
        '<serviceId>GBDFL_GetPerson</serviceId><messageDate>2024-09-02T10:15:00.000+05:00</messageDate>' +
        '<sender><senderId>esobes</senderId><password>p&amp;ss&lt;word&gt;</password></sender>' +
        '<properties><key>channel</key><value>a&lt;b</value></properties>' +
        '<sessionId>{c2a4e6f8-1b3d-4f5a-8c7e-9d0b2a4c6e81}</sessionId>' +
        `</requestInfo><requestData><data>${PAYLOAD}</data></requestData></request></typ:SendMessage>` +
        '</soapenv:Body></soapenv:Envelope>',
    );
    expect(sent.headers).toMatchObject({
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '""',
      'x-request-id': MESSAGE_ID,
    });
  });

  it('sends the payload as an escaped string in string mode', async () => {
    server = await startServer((_req, res) => reply(res, 200, answer(FOUND)));
    await transport(server, { payloadMode: 'string' }).call(call());
    expect(server.requests[0]!.body).toContain(
      `<data>&lt;gp:getPersonRequest xmlns:gp="${GP}"&gt;&lt;iin&gt;850312400019&lt;/iin&gt;&lt;/gp:getPersonRequest&gt;</data>`,
    );
  });

  it('writes messageDate in Astana time with milliseconds (+06:00 before 1 March 2024)', () => {
    expect(shepDateTime(Date.parse('2024-09-02T05:15:00.042Z'))).toBe('2024-09-02T10:15:00.042+05:00');
    expect(shepDateTime(Date.parse('2023-12-31T18:00:00.000Z'))).toBe('2024-01-01T00:00:00.000+06:00');
  });

  it.each([
    ['a messageId the schema refuses', { messageId: () => 'has spaces' }, call(), /messageId/],
    ['a malformed serviceId', {}, call({ serviceId: '1bad id' }), /serviceId/],
    ['a correlationId over 128 characters', {}, call({ correlationId: 'x'.repeat(129) }), /correlationId/],
    ['a sessionId that is not a GUID', {}, call({ sessionId: 'abc' }), /sessionId/],
  ])('refuses %s before sending', async (_case, extra, c, message) => {
    server = await startServer((_req, res) => reply(res, 200, answer(FOUND)));
    const err = await failure(transport(server, extra), c);
    expect(err).toBeInstanceOf(BadInput);
    expect(err.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });
});

describe('ShepSoapTransport: answers', () => {
  it('reads an answer whatever prefixes the gateway writes (env:, ns2:)', async () => {
    server = await startServer((_req, res) => reply(res, 200, answer(FOUND, { prefixes: ['env', 'ns2'] })));
    await expect(transport(server).call(call())).resolves.toMatchObject({
      data: '850312400019',
      attempts: 1,
      requestId: MESSAGE_ID,
      info: { messageId: MESSAGE_ID, status: { code: 'SCSS001', message: 'done' }, payloadMode: 'typed' },
    });
  });

  it.each([
    ['a body that is not SOAP', '<html><body>gateway</body></html>', /not a SOAP 1.1 envelope/],
    [
      'a Body without SendMessageResponse',
      `<e:Envelope xmlns:e="${SOAP}"><e:Body><x/></e:Body></e:Envelope>`,
      /SendMessageResponse/,
    ],
    ['a payload of another service', answer(`<o:other xmlns:o="urn:other"/>`), /holds no getPersonResponse/],
    ['two payload elements', answer(`${FOUND}${FOUND}`), /several elements/],
    ['an empty data', answer(''), /data is empty/],
    ['an unknown SHEP status', answer(FOUND, { status: 'WHAT001' }), /not a SHEP status/],
  ])('refuses %s with a ContractViolation, never retried', async (_case, body, message) => {
    server = await startServer((_req, res) => reply(res, 200, body));
    const err = await failure(transport(server));
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err.message).toMatch(message);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a 200 that is not XML', async () => {
    server = await startServer((_req, res) => reply(res, 200, '{"ok":true}', 'application/json'));
    await expect(failure(transport(server))).resolves.toMatchObject({
      name: 'ContractViolation',
      rule: 'content type text/xml',
    });
  });
});

describe('ShepSoapTransport: SOAP faults and SHEP error codes', () => {
  const cases: [string, string, new (...a: never[]) => KzProactiveError, string, number][] = [
    ['EAUTH001', 'Client', Unauthorized, 'UNAUTHORIZED', 1],
    ['ESIGN001', 'Client', Unauthorized, 'UNAUTHORIZED', 1],
    ['ESRV001', 'Client', Unauthorized, 'FORBIDDEN', 1],
    ['EVAL001', 'Client', BadInput, 'BAD_INPUT', 1],
    ['EDUP001', 'Client', Conflict, 'CONFLICT', 1],
    ['EXYZ001', 'Client', BadInput, 'BAD_INPUT', 1],
    ['ELIM001', 'Server', UpstreamUnavailable, 'RATE_LIMITED', 3],
    ['ETMO001', 'Server', UpstreamUnavailable, 'UPSTREAM_UNAVAILABLE', 3],
    ['EUNV001', 'Server', UpstreamUnavailable, 'UPSTREAM_UNAVAILABLE', 3],
    ['EINT001', 'Server', UpstreamUnavailable, 'UPSTREAM_UNAVAILABLE', 3],
    ['EXYZ002', 'Server', UpstreamUnavailable, 'UPSTREAM_UNAVAILABLE', 3],
  ];

  it.each(cases)(
    '%s (soapenv:%s) → %p %s after %d attempt(s), each the same message',
    async (code, side, type, errorCode, attempts) => {
      server = await startServer((_req, res) => reply(res, 500, fault(side, code)));
      const err = await failure(transport(server));
      expect(err).toBeInstanceOf(type);
      expect(err).toMatchObject({
        code: errorCode,
        problemCode: code,
        attempts,
        requestId: MESSAGE_ID,
        status: 500,
      });
      expect(err.message).not.toContain('850312400019');
      expect(server.requests).toHaveLength(attempts);
      expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    },
  );

  it('maps every code the contract lists', () => {
    expect(Object.keys(SHEP_ERROR_CODES).sort()).toEqual(
      [
        'EAUTH001',
        'EDUP001',
        'EINT001',
        'ELIM001',
        'ESIGN001',
        'ESRV001',
        'ETMO001',
        'EUNV001',
        'EVAL001',
      ].sort(),
    );
  });

  it('a fault without SHEP detail follows its faultcode: Server is retried, Client is not', async () => {
    server = await startServer((_req, res) => reply(res, 500, fault('Server.Busy')));
    await expect(failure(transport(server))).resolves.toMatchObject({
      name: 'UpstreamUnavailable',
      attempts: 3,
    });
    await server.close();
    server = await startServer((_req, res) => reply(res, 500, fault('Client')));
    await expect(failure(transport(server))).resolves.toMatchObject({
      name: 'BadInput',
      problemCode: 'Client',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a SHEP error code in the status of a SendMessageResponse is mapped like a fault', async () => {
    server = await startServer((req, res, n) =>
      reply(res, 200, n < 2 ? answer(FOUND, { status: 'EINT001' }) : answer(FOUND)),
    );
    await expect(transport(server).call(call())).resolves.toMatchObject({
      data: '850312400019',
      attempts: 2,
    });
  });

  it('Timeout when the only attempt times out at the gateway (ETMO001)', async () => {
    server = await startServer((_req, res) => reply(res, 500, fault('Server', 'ETMO001')));
    await expect(failure(transport(server, { retry: { maxAttempts: 1 } }))).resolves.toBeInstanceOf(Timeout);
  });
});

describe('ShepSoapTransport: HTTP and connection failures', () => {
  it('retries a 503, honouring Retry-After, then gives up with UpstreamUnavailable', async () => {
    server = await startServer((_req, res) => reply(res, 503, 'busy', 'text/plain', { 'Retry-After': '2' }));
    const waits = recordingSleep();
    const err = await failure(transport(server, { sleep: waits.sleep }));
    expect(err).toMatchObject({ name: 'UpstreamUnavailable', status: 503, attempts: 3 });
    expect(waits.waits).toEqual([2000, 2000]);
  });

  it('backs off with full jitter when the gateway gives no Retry-After', async () => {
    server = await startServer((_req, res) => reply(res, 502, '<html><hr></html>', 'text/html'));
    const waits = recordingSleep();
    await failure(transport(server, { sleep: waits.sleep, random: () => 0.5 }));
    expect(waits.waits).toEqual([50, 100]); // 0.5 × 100 ms, 0.5 × 200 ms
  });

  it('treats a 500 page that is not SOAP as a server error, and retries it', async () => {
    server = await startServer((req, res, n) =>
      n === 1 ? reply(res, 500, '<html><br></html>', 'text/html') : reply(res, 200, answer(FOUND)),
    );
    await expect(transport(server).call(call())).resolves.toMatchObject({ attempts: 2 });
  });

  it('does not retry a 404 (a wrong endpoint): NotFound', async () => {
    server = await startServer((_req, res) => reply(res, 404, 'no such path', 'text/plain'));
    await expect(failure(transport(server))).resolves.toBeInstanceOf(NotFound);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a redirect', async () => {
    server = await startServer((_req, res) =>
      reply(res, 302, '', 'text/plain', { Location: 'http://elsewhere/' }),
    );
    await expect(failure(transport(server))).resolves.toMatchObject({ code: 'REDIRECT_REFUSED' });
  });

  it('times out an attempt that gets no answer: Timeout alone, UpstreamUnavailable after retries', async () => {
    const hanging: http.ServerResponse[] = [];
    server = await startServer((_req: SeenRequest, res) => void hanging.push(res));
    await expect(
      failure(transport(server, { timeoutMs: 50, retry: { maxAttempts: 1 } })),
    ).resolves.toBeInstanceOf(Timeout);
    const err = await failure(transport(server, { timeoutMs: 50, retry: { maxAttempts: 2 } }));
    expect(err).toMatchObject({ name: 'UpstreamUnavailable', attempts: 2 });
    expect((err.cause as Error).name).toBe('Timeout');
  });

  it('retries a refused connection, then UpstreamUnavailable (CONNECTION_FAILED)', async () => {
    const closed = await startServer(() => undefined);
    const url = `${closed.url}/shep/sync`;
    await closed.close();
    await expect(failure(transport(url))).resolves.toMatchObject({ code: 'CONNECTION_FAILED', attempts: 3 });
  });

  it('opens the circuit after repeated server faults: the next call is not sent', async () => {
    server = await startServer((_req, res) => reply(res, 500, fault('Server', 'EUNV001')));
    const t = transport(server, { retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2 } });
    await failure(t);
    await failure(t);
    await expect(failure(t)).resolves.toBeInstanceOf(CircuitOpen);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps the circuit closed on client faults: they are answers', async () => {
    server = await startServer((_req, res) => reply(res, 500, fault('Client', 'EVAL001')));
    const t = transport(server, { breaker: { failureThreshold: 1 } });
    await failure(t);
    await expect(failure(t)).resolves.toBeInstanceOf(BadInput);
    expect(t.breaker.state).toBe('closed');
  });
});

describe('ShepSoapTransport: logging', () => {
  it('writes one line per call, retries included, with the SHEP code and no secret or IIN', async () => {
    server = await startServer((req, res, n) =>
      n < 3 ? reply(res, 500, fault('Server', 'EUNV001')) : reply(res, 200, answer(FOUND)),
    );
    const out = memoryStream();
    await transport(server, { logger: createLogger({ level: 'debug', destination: out.stream }) }).call(
      call({ correlationId: 'case:850312400019' }),
    );
    const lines = out.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'soap call',
      system: 'gbdfl',
      operation: 'getPerson',
      serviceId: 'GBDFL_GetPerson',
      requestId: MESSAGE_ID,
      status: 200,
      shepStatus: 'SCSS001',
      result: 'OK',
      attempt: 3,
    });
    expect(out.text()).not.toMatch(/850312400019|p&ss|p&amp;ss/);
  });
});
