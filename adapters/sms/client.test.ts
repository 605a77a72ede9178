import {
  json,
  memoryStream,
  problem,
  recordingSleep,
  startServer,
  type SeenRequest,
  type TestServer,
} from '../transport/__fixtures__/server';
import {
  BadInput,
  BusinessRuleViolation,
  Conflict,
  ContractViolation,
  HttpTransport,
  NotFound,
  createLogger,
} from '../transport';
import { SmsClient, type SmsClientConfig } from './client';
import type { SmsSendRequest } from './mapping';

const PHONE = '+77012345678';
const MESSAGE_ID = 'sms-01J8ZK3Q4W6T1V0E2B9M7C5D3F';
const KEY = 'gas-voucher:2025-09:case-000123:consent-sms';

const GAS_SMS: SmsSendRequest = {
  phone: '8 (701) 234-56-78',
  shortNumber: '5169',
  service: 'gas-voucher',
  senderSystem: 'egov',
  templateId: 'gas-voucher.2025-08-25.consent-request.ru',
  language: 'ru',
  text: 'Вашей семье доступна скидка на товарный газ. 21*1 означает «Согласен».',
  reference: 'gas-voucher:2025-09:case-000123',
  expectReplyUntil: '2025-09-29T23:59:59+05:00',
  callbackUrl: 'https://callbacks.egov.kz/sms/events',
};

type Mode = 'unavailable' | 'refuse' | 'conflict' | 'other-reference' | 'bad-status' | 'bad-cursor';

/** A small gateway: it keeps the messages it accepted (one per Idempotency-Key) and a list of replies. */
async function fakeGateway(tweak?: (n: number, req: SeenRequest) => Mode | undefined): Promise<TestServer> {
  const byKey = new Map<string, Record<string, unknown>>();
  return startServer((req, res, n) => {
    const mode = tweak?.(n, req);
    if (mode === 'unavailable')
      return problem(res, 503, 'UNAVAILABLE', { detail: `gateway busy, ${PHONE} queued` });
    if (req.method === 'POST' && req.url === '/messages') {
      if (mode === 'refuse')
        return problem(res, 422, 'SHORT_NUMBER_NOT_ALLOWED', { detail: 'not from 5169' });
      if (mode === 'conflict') return problem(res, 409, 'IDEMPOTENCY_CONFLICT');
      const key = String(req.headers['idempotency-key']);
      const body = JSON.parse(req.body) as Record<string, unknown>;
      const message = byKey.get(key) ?? {
        messageId: MESSAGE_ID,
        phone: body.phone,
        shortNumber: body.shortNumber,
        service: body.service,
        senderSystem: body.senderSystem,
        templateId: body.templateId,
        language: body.language,
        reference: mode === 'other-reference' ? 'gas-voucher:2025-09:case-999999' : body.reference,
        status: 'accepted',
        statusAt: '2025-09-07T10:00:00+05:00',
        segments: 2,
        encoding: 'UCS2',
        createdAt: '2025-09-07T10:00:00+05:00',
        expectReplyUntil: body.expectReplyUntil,
      };
      byKey.set(key, message);
      return json(res, 202, message, { Location: `/messages/${MESSAGE_ID}` });
    }
    if (req.method === 'GET' && req.url.startsWith('/messages/')) {
      const id = decodeURIComponent(req.url.slice('/messages/'.length));
      if (id !== MESSAGE_ID) return problem(res, 404, 'NOT_FOUND');
      return json(res, 200, {
        messageId: id,
        phone: PHONE,
        shortNumber: '1414',
        service: 'home-schooling',
        senderSystem: 'esobes',
        templateId: 'home-schooling.2024-02-16.form-1.kk',
        language: 'kk',
        reference: 'home-schooling:2024-09:case-000456',
        status: mode === 'bad-status' ? 'lost' : 'failed',
        statusAt: '2024-09-11T10:00:00+05:00',
        segments: 3,
        createdAt: '2024-09-10T10:00:00+05:00',
        sentAt: '2024-09-10T10:00:02+05:00',
        failure: { code: 'ABSENT_SUBSCRIBER', description: 'Subscriber absent for the validity period.' },
      });
    }
    if (req.method === 'GET' && req.url.startsWith('/replies')) {
      if (mode === 'bad-cursor') return problem(res, 400, 'VALIDATION', { detail: 'cursor is not ours' });
      return json(res, 200, {
        items: [
          {
            replyId: 'in-01J8ZM0A7S2D4F6G8H0J2K4L6N',
            phone: PHONE,
            shortNumber: '1414',
            text: ' 140 # 3#1 ',
            receivedAt: '2024-09-10T14:21:05+05:00',
            inReplyTo: MESSAGE_ID,
            service: 'home-schooling',
            senderSystem: 'esobes',
            reference: 'home-schooling:2024-09:case-000456',
          },
          {
            replyId: 'in-01J8ZM0A7S2D4F6G8H0J2K4L7P',
            phone: '+77471112233',
            shortNumber: '1414',
            text: 'что это?',
            receivedAt: '2024-09-10T14:25:00+05:00',
            inReplyTo: null,
          },
        ],
        page: { nextCursor: 'c2', hasMore: true },
      });
    }
    problem(res, 400, 'VALIDATION');
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<SmsClientConfig> = {}): SmsClient {
  return new SmsClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'sms-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

describe('SmsClient.sendSms', () => {
  it('sends the message with the phone normalised and the idempotency key, and returns the queued message', async () => {
    server = await fakeGateway();
    await expect(client(server).sendSms(GAS_SMS, KEY)).resolves.toEqual({
      messageId: MESSAGE_ID,
      phone: PHONE,
      shortNumber: '5169',
      service: 'gas-voucher',
      senderSystem: 'egov',
      templateId: GAS_SMS.templateId,
      language: 'ru',
      reference: GAS_SMS.reference,
      status: 'accepted',
      statusAt: '2025-09-07T10:00:00+05:00',
      segments: 2,
      encoding: 'UCS2',
      createdAt: '2025-09-07T10:00:00+05:00',
      expectReplyUntil: GAS_SMS.expectReplyUntil,
    });
    const seen = server.requests[0]!;
    expect(seen).toMatchObject({ method: 'POST', url: '/messages' });
    expect(seen.headers['idempotency-key']).toBe(KEY);
    expect(seen.headers.authorization).toBe('Bearer sms-token');
    expect(JSON.parse(seen.body)).toEqual({ ...GAS_SMS, phone: PHONE });
  });

  it('leaves out the optional fields the caller did not give', async () => {
    server = await fakeGateway();
    const { expectReplyUntil: _e, callbackUrl: _c, ...bare } = GAS_SMS;
    await client(server).sendSms(bare, KEY);
    expect(Object.keys(JSON.parse(server.requests[0]!.body) as object)).not.toContain('callbackUrl');
  });

  it('is retried with the same key while the gateway is unavailable (a POST with an idempotency key)', async () => {
    server = await fakeGateway((n) => (n === 1 ? 'unavailable' : undefined));
    await expect(client(server).sendSms(GAS_SMS, KEY)).resolves.toMatchObject({ messageId: MESSAGE_ID });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([KEY, KEY]);
  });

  it('a refusal of the gateway is a BusinessRuleViolation carrying its code', async () => {
    server = await fakeGateway(() => 'refuse');
    await expect(client(server).sendSms(GAS_SMS, KEY)).rejects.toMatchObject({
      constructor: BusinessRuleViolation,
      problemCode: 'SHORT_NUMBER_NOT_ALLOWED',
      status: 422,
    });
  });

  it('a key reused with another message is a Conflict, not retried', async () => {
    server = await fakeGateway(() => 'conflict');
    await expect(client(server).sendSms(GAS_SMS, KEY)).rejects.toBeInstanceOf(Conflict);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an answer about another message', async () => {
    server = await fakeGateway(() => 'other-reference');
    await expect(client(server).sendSms(GAS_SMS, KEY)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/reference',
    });
  });

  it('refuses invalid input before any call, naming the field and never the phone', async () => {
    server = await fakeGateway();
    const c = client(server);
    const cases: [Partial<Record<keyof SmsSendRequest, unknown>>, RegExp][] = [
      [{ phone: '+77172123456' }, /message\.phone/],
      [{ phone: '8 701 234 56' }, /message\.phone/],
      [{ shortNumber: '1415' }, /message\.shortNumber/],
      [{ service: 'gas' }, /message\.service/],
      [{ senderSystem: 'wallet' }, /message\.senderSystem/],
      [{ templateId: 'Gas Voucher' }, /message\.templateId/],
      [{ language: 'en' }, /message\.language/],
      [{ text: '' }, /message\.text/],
      [{ text: 'x'.repeat(2001) }, /message\.text/],
      [{ reference: '' }, /message\.reference/],
      [{ expectReplyUntil: '2025-09-29' }, /message\.expectReplyUntil/],
      [{ callbackUrl: 'ftp://callbacks.egov.kz' }, /message\.callbackUrl/],
    ];
    for (const [change, field] of cases) {
      const err = await c.sendSms({ ...GAS_SMS, ...change } as SmsSendRequest, KEY).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).toMatch(field);
      expect((err as Error).message).not.toMatch(/701|7172/);
    }
    await expect(c.sendSms(GAS_SMS, 'short')).rejects.toThrow(/idempotencyKey/);
    await expect(c.sendSms(GAS_SMS, undefined as unknown as string)).rejects.toThrow(/idempotencyKey/);
    await expect(c.sendSms(null as unknown as SmsSendRequest, KEY)).rejects.toThrow(/message must be/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('SmsClient.getMessage', () => {
  it('returns the message and why it was not delivered', async () => {
    server = await fakeGateway();
    await expect(client(server).getMessage(MESSAGE_ID)).resolves.toMatchObject({
      messageId: MESSAGE_ID,
      status: 'failed',
      sentAt: '2024-09-10T10:00:02+05:00',
      failure: { code: 'ABSENT_SUBSCRIBER', description: 'Subscriber absent for the validity period.' },
    });
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: `/messages/${MESSAGE_ID}` });
  });

  it('throws NotFound for a message the gateway does not know (an id comes from sendSms)', async () => {
    server = await fakeGateway();
    await expect(client(server).getMessage('sms-01J8ZK3Q4W6T1V0E2B9M7C5D3G')).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('refuses an id that is not a gateway message id before any call', async () => {
    server = await fakeGateway();
    for (const bad of ['', 'sms-1', '../replies', MESSAGE_ID.toLowerCase()]) {
      await expect(client(server).getMessage(bad)).rejects.toThrow(/messageId/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('a status outside the contract is a ContractViolation naming the field', async () => {
    server = await fakeGateway(() => 'bad-status');
    await expect(client(server).getMessage(MESSAGE_ID)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/status',
    });
  });
});

describe('SmsClient.listReplies', () => {
  it('sends the filter as a query and returns the raw replies, matched or not, with the next cursor', async () => {
    server = await fakeGateway();
    const page = await client(server).listReplies({
      shortNumber: '1414',
      service: 'home-schooling',
      matched: true,
      since: '2024-09-10T00:00:00+05:00',
      limit: 50,
    });
    expect(page).toEqual({
      replies: [
        {
          replyId: 'in-01J8ZM0A7S2D4F6G8H0J2K4L6N',
          phone: PHONE,
          shortNumber: '1414',
          text: ' 140 # 3#1 ',
          receivedAt: '2024-09-10T14:21:05+05:00',
          inReplyTo: MESSAGE_ID,
          service: 'home-schooling',
          senderSystem: 'esobes',
          reference: 'home-schooling:2024-09:case-000456',
        },
        {
          replyId: 'in-01J8ZM0A7S2D4F6G8H0J2K4L7P',
          phone: '+77471112233',
          shortNumber: '1414',
          text: 'что это?',
          receivedAt: '2024-09-10T14:25:00+05:00',
          inReplyTo: null,
        },
      ],
      nextCursor: 'c2',
      hasMore: true,
    });
    const url = new URL(server.requests[0]!.url, 'http://x');
    expect(url.pathname).toBe('/replies');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      shortNumber: '1414',
      service: 'home-schooling',
      matched: 'true',
      since: '2024-09-10T00:00:00+05:00',
      limit: '50',
    });
  });

  it('sends no query without a filter, and a cursor when polling on', async () => {
    server = await fakeGateway();
    await client(server).listReplies();
    await client(server).listReplies({ cursor: 'c2' });
    expect(server.requests.map((r) => r.url)).toEqual(['/replies', '/replies?cursor=c2']);
  });

  it('a cursor the gateway refuses is BadInput', async () => {
    server = await fakeGateway(() => 'bad-cursor');
    await expect(client(server).listReplies({ cursor: 'stale' })).rejects.toMatchObject({
      constructor: BadInput,
      status: 400,
    });
  });

  it('refuses an invalid filter before any call', async () => {
    server = await fakeGateway();
    const c = client(server);
    await expect(c.listReplies({ limit: 0 })).rejects.toThrow(/filter\.limit/);
    await expect(c.listReplies({ limit: 1.5 })).rejects.toThrow(/filter\.limit/);
    await expect(c.listReplies({ since: 'yesterday' })).rejects.toThrow(/filter\.since/);
    await expect(c.listReplies({ shortNumber: '7777' as never })).rejects.toThrow(/filter\.shortNumber/);
    await expect(c.listReplies({ service: 'gas' as never })).rejects.toThrow(/filter\.service/);
    await expect(c.listReplies({ matched: 'yes' as never })).rejects.toThrow(/filter\.matched/);
    await expect(c.listReplies({ cursor: '' })).rejects.toThrow(/filter\.cursor/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('SmsClient: construction', () => {
  it('takes an injected transport of the gateway, and refuses one of another system', async () => {
    server = await fakeGateway();
    const http = new HttpTransport({
      system: 'sms',
      baseUrl: server.url,
      logger: createLogger({ level: 'silent' }),
    });
    await expect(
      new SmsClient({ baseUrl: 'http://unused.invalid' }, { http }).listReplies(),
    ).resolves.toMatchObject({
      hasMore: true,
    });
    const other = new HttpTransport({ system: 'mab', baseUrl: server.url, validation: 'off' });
    expect(() => new SmsClient({ baseUrl: server!.url }, { http: other })).toThrow(
      /transport is for system mab/,
    );
  });

  it('refuses an unknown configuration key', () => {
    expect(() => new SmsClient({ baseUrl: 'http://127.0.0.1:1', senderSystem: 'egov' } as never)).toThrow(
      /unknown key "senderSystem"/,
    );
  });
});

describe('SmsClient: personal data in logs', () => {
  it('logs every call with no phone or token unmasked', async () => {
    server = await fakeGateway((n) => (n === 1 ? 'unavailable' : undefined));
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.sendSms(GAS_SMS, KEY);
    await c.getMessage(MESSAGE_ID);
    await c.listReplies();
    await c.getMessage('sms-01J8ZK3Q4W6T1V0E2B9M7C5D3G').catch(() => undefined);
    expect(out.lines().length).toBeGreaterThanOrEqual(5);
    const text = out.text();
    for (const secret of [PHONE, PHONE.slice(1), '7012345678', '+77471112233', 'sms-token']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('"operation":"sendSms"');
  });
});
