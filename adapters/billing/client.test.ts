import type * as http from 'node:http';
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
  ContractViolation,
  HttpTransport,
  NotFound,
  UpstreamUnavailable,
  createLogger,
} from '../transport';
import { BillingClient, type BillingClientConfig } from './client';
import type { BillingActivatedVoucher, BillingActivatedVoucherListRequest } from './mapping';

// Synthetic people (valid checksums) and accounts.
const IIN = '850312400019';
const IIN_2 = '530120300012';
const ACCOUNT = '7900123456';
const ACCOUNT_2 = '2700654321';
const VOUCHER = 'vch-01J8YB2C4D6E8F0G2H4J6K8M0N';
const VOUCHER_2 = 'vch-01J8YC7Q9S1U3W5Y7A9C1E3G5J';
const KEY = 'gas-voucher:2025-09:list';

const NAME = { lastName: 'Ахметова', firstName: 'Айгерим', middleName: 'Серікқызы' };
const SHYMKENT = { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' };

const ACCOUNT_WIRE = {
  accountNumber: ACCOUNT,
  holder: NAME,
  address: { region: SHYMKENT, kato: '791010000', text: 'Шымкент қ., Тәуке хан даңғылы, 45-үй, 12-пәтер' },
  region: SHYMKENT,
  consumerGroup: {
    code: '1',
    nameKz: 'Тұрмыстық тұтынушылар, 1-топ',
    nameRu: 'Бытовые потребители, 1 группа',
  },
  status: 'active',
  hasMeter: true,
  meterNumber: 'SG-4-0457712',
  tariff: { month: '2025-09', group1PricePerM3: 2781, group9PricePerM3: 1835, discountPerM3: 946 },
  monthlyNorm: { month: '2025-09', normLitres: 120000, approvedBy: 'Шымкент қаласы әкімдігінің қаулысы' },
};

const CONSUMPTION = {
  accountNumber: ACCOUNT,
  month: '2025-09',
  readingStartOn: '2025-09-01',
  readingEndOn: '2025-09-30',
  readingStartLitres: 18250110,
  readingEndLitres: 18402450,
  consumedLitres: 152340,
  source: 'meter',
};

const RECEIPT = {
  receiptNumber: 'R-2025-09-7900123456',
  accountNumber: ACCOUNT,
  month: '2025-09',
  holder: NAME,
  consumedLitres: 152340,
  group1PricePerM3: 2781,
  chargeAmount: 423658,
  voucherId: VOUCHER,
  discountAmount: 113520,
  amountDue: 310138,
  issuedOn: '2025-10-03',
};

const DISCOUNT = {
  voucherId: VOUCHER,
  listId: 'avl-2025-09',
  accountNumber: ACCOUNT,
  recipientIin: IIN,
  month: '2025-09',
  consumedLitres: 152340,
  normLitres: 120000,
  discountedLitres: 120000,
  capped: true,
  group1PricePerM3: 2781,
  group9PricePerM3: 1835,
  discountPerM3: 946,
  discountAmount: 113520,
  chargeAmount: 423658,
  amountDue: 310138,
  receiptNumber: 'R-2025-09-7900123456',
  calculatedAt: '2025-10-03T09:00:00+05:00',
};

const LIST: BillingActivatedVoucherListRequest = {
  listId: 'avl-2025-09',
  month: '2025-09',
  listDate: '2025-09-30',
  callbackUrl: 'http://127.0.0.1:4108/gas-discounts',
  vouchers: [
    {
      voucherId: VOUCHER,
      accountNumber: ACCOUNT,
      recipientIin: IIN,
      activatedAt: '2025-09-08T19:12:44+05:00',
      channel: 'egov-mobile',
    },
    {
      voucherId: VOUCHER_2,
      accountNumber: ACCOUNT_2,
      recipientIin: IIN_2,
      activatedAt: '2025-09-15T10:03:00+05:00',
    },
  ],
};

type Route = (req: SeenRequest, res: http.ServerResponse, n: number) => void;

async function fakeBilling(routes: Record<string, Route>): Promise<TestServer> {
  return startServer((req, res, n) => {
    const route = routes[`${req.method} ${req.url.split('?')[0]!}`];
    if (route === undefined) return problem(res, 404, 'NOT_FOUND');
    route(req, res, n);
  });
}

const answer =
  (status: number, body: unknown): Route =>
  (_req, res) =>
    json(res, status, body);

/** Billing's answer to a part: accepts every voucher but those on `rejectAccount`. */
const partAnswer =
  (rejectAccount?: string): Route =>
  (req, res) => {
    const p = JSON.parse(req.body) as {
      listId: string;
      month: string;
      part: number;
      partsTotal: number;
      vouchers: BillingActivatedVoucher[];
    };
    const rejected = p.vouchers
      .filter((v) => v.accountNumber === rejectAccount)
      .map((v) => ({
        voucherId: v.voucherId,
        accountNumber: v.accountNumber,
        code: 'DUPLICATE_ACCOUNT_IN_MONTH',
        reason: 'Another voucher is on this account.',
      }));
    json(res, 202, {
      listId: p.listId,
      month: p.month,
      part: p.part,
      partsTotal: p.partsTotal,
      partsReceived: p.part,
      status: p.part === p.partsTotal ? 'complete' : 'receiving',
      accepted: p.vouchers.length - rejected.length,
      rejected,
      receivedAt: '2025-09-30T06:00:04+05:00',
    });
  };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<BillingClientConfig> = {}): BillingClient {
  return new BillingClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'billing-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

const fail = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('BillingClient.getPersonalAccount (seed 000 cl. 27–29)', () => {
  it('returns the account with its tariff in tiyn per m³ and the norm in litres', async () => {
    server = await fakeBilling({ [`GET /personal-accounts/${ACCOUNT}`]: answer(200, ACCOUNT_WIRE) });
    await expect(client(server).getPersonalAccount(ACCOUNT, '2025-09')).resolves.toEqual(ACCOUNT_WIRE);
    expect(server.requests[0]!.url).toBe(`/personal-accounts/${ACCOUNT}?month=2025-09`);
  });

  it('returns null when billing has no such account (cl. 28: enter it again)', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}`]: (_req, res) => problem(res, 404, 'PERSONAL_ACCOUNT_NOT_FOUND'),
    });
    await expect(client(server).getPersonalAccount(ACCOUNT)).resolves.toBeNull();
  });

  it('throws NotFound on a bare 404 (a wrong baseUrl must not read as "no such account")', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    await expect(client(server).getPersonalAccount(ACCOUNT)).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a malformed account or month before any call, without echoing it', async () => {
    server = await fakeBilling({});
    for (const bad of ['12345', '79001234567890123', '7900-123456', '']) {
      const err = await fail(client(server).getPersonalAccount(bad));
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).toMatch(/accountNumber must be/);
    }
    await expect(client(server).getPersonalAccount(ACCOUNT, '2025-9')).rejects.toThrow(/month/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an answer about another account, and a price that is not whole tiyn', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}`]: answer(200, { ...ACCOUNT_WIRE, accountNumber: ACCOUNT_2 }),
      [`GET /personal-accounts/${ACCOUNT_2}`]: answer(200, {
        ...ACCOUNT_WIRE,
        accountNumber: ACCOUNT_2,
        tariff: { ...ACCOUNT_WIRE.tariff, group1PricePerM3: 27.81 },
      }),
    });
    await expect(client(server).getPersonalAccount(ACCOUNT)).rejects.toMatchObject({
      pointer: '/accountNumber',
    });
    const err = await fail(client(server).getPersonalAccount(ACCOUNT_2));
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/tariff/group1PricePerM3' });
  });

  it('retries while billing is unavailable, then gives up with UpstreamUnavailable', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}`]: (_req, res, n) =>
        n < 3 ? problem(res, 503, 'UNAVAILABLE') : json(res, 200, ACCOUNT_WIRE),
    });
    await expect(client(server).getPersonalAccount(ACCOUNT)).resolves.toMatchObject({
      accountNumber: ACCOUNT,
    });
    expect(server.requests).toHaveLength(3);
    await server.close();
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}`]: (_r, res) => problem(res, 503, 'X'),
    });
    await expect(
      client(server, { retry: { maxAttempts: 2 } }).getPersonalAccount(ACCOUNT),
    ).rejects.toBeInstanceOf(UpstreamUnavailable);
  });
});

describe('BillingClient: consumption and receipt (seed 000 cl. 32–33)', () => {
  it('getConsumption returns the litres consumed, and null while the reading is not taken', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}/consumption/2025-09`]: answer(200, CONSUMPTION),
      [`GET /personal-accounts/${ACCOUNT}/consumption/2025-10`]: (_r, res) =>
        problem(res, 404, 'CONSUMPTION_NOT_AVAILABLE'),
    });
    await expect(client(server).getConsumption(ACCOUNT, '2025-09')).resolves.toEqual(CONSUMPTION);
    await expect(client(server).getConsumption(ACCOUNT, '2025-10')).resolves.toBeNull();
  });

  it('getConsumption throws NotFound when the account itself is unknown', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}/consumption/2025-09`]: (_r, res) =>
        problem(res, 404, 'PERSONAL_ACCOUNT_NOT_FOUND'),
    });
    await expect(client(server).getConsumption(ACCOUNT, '2025-09')).rejects.toBeInstanceOf(NotFound);
  });

  it('getConsumption refuses the consumption of another month', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}/consumption/2025-09`]: answer(200, {
        ...CONSUMPTION,
        month: '2025-08',
      }),
    });
    await expect(client(server).getConsumption(ACCOUNT, '2025-09')).rejects.toMatchObject({
      pointer: '/month',
    });
  });

  it('getReceipt returns the amounts in tiyn, null while the month is not billed', async () => {
    server = await fakeBilling({
      [`GET /personal-accounts/${ACCOUNT}/receipts/2025-09`]: answer(200, RECEIPT),
      [`GET /personal-accounts/${ACCOUNT_2}/receipts/2025-09`]: answer(200, {
        ...RECEIPT,
        accountNumber: ACCOUNT_2,
        voucherId: null,
        discountAmount: 0,
        amountDue: 423658,
      }),
    });
    await expect(client(server).getReceipt(ACCOUNT, '2025-09')).resolves.toEqual(RECEIPT);
    await expect(client(server).getReceipt(ACCOUNT_2, '2025-09')).resolves.toMatchObject({
      voucherId: null,
      discountAmount: 0,
    });
    await expect(client(server).getReceipt(ACCOUNT, '2025-10')).resolves.toBeNull();
    await expect(client(server).getReceipt(ACCOUNT, 'Sept')).rejects.toBeInstanceOf(BadInput);
  });
});

describe('BillingClient: the list of activated vouchers (seed 000 cl. 31)', () => {
  it('submitActivatedVoucherList sends one part with the key and reports the rejected vouchers', async () => {
    server = await fakeBilling({ 'POST /activated-voucher-lists': partAnswer(ACCOUNT_2) });
    const result = await client(server).submitActivatedVoucherList(LIST, KEY);
    expect(result).toMatchObject({ listId: 'avl-2025-09', accepted: 1, status: 'complete' });
    expect(result.rejected).toEqual([
      {
        voucherId: VOUCHER_2,
        accountNumber: ACCOUNT_2,
        code: 'DUPLICATE_ACCOUNT_IN_MONTH',
        reason: 'Another voucher is on this account.',
      },
    ]);
    expect(server.requests[0]!.headers['idempotency-key']).toBe(`${KEY}:part-1`);
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
      part: 1,
      partsTotal: 1,
      listDate: '2025-09-30',
    });
  });

  it('splits a list of more than 1000 vouchers into parts sharing the list id', async () => {
    const vouchers = Array.from({ length: 1001 }, (_, i) => ({
      voucherId: `vch-01J8YB2C4D6E8F0G2H4J6K${String(i).padStart(4, '0')}`,
      accountNumber: String(7900000000 + i),
      recipientIin: IIN,
      activatedAt: '2025-09-08T19:12:44+05:00',
    }));
    server = await fakeBilling({ 'POST /activated-voucher-lists': partAnswer() });
    const result = await client(server).submitActivatedVoucherList({ ...LIST, vouchers }, KEY);
    const sent = server.requests.map(
      (r) => JSON.parse(r.body) as { part: number; partsTotal: number; vouchers: [] },
    );
    expect(sent.map((p) => [p.part, p.partsTotal, p.vouchers.length])).toEqual([
      [1, 2, 1000],
      [2, 2, 1],
    ]);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      `${KEY}:part-1`,
      `${KEY}:part-2`,
    ]);
    expect(result).toMatchObject({ accepted: 1001, status: 'complete' });
  });

  it('refuses an invalid voucher before sending any part, naming its index', async () => {
    server = await fakeBilling({});
    const v = LIST.vouchers[0]!;
    await expect(
      client(server).submitActivatedVoucherList(
        { ...LIST, vouchers: [v, { ...v, recipientIin: '850312400018' }] },
        KEY,
      ),
    ).rejects.toThrow(/list\.vouchers\[1\]\.recipientIin is not a valid IIN/);
    await expect(
      client(server).submitActivatedVoucherList({ ...LIST, callbackUrl: 'gas-discounts' }, KEY),
    ).rejects.toThrow(/callbackUrl/);
    await expect(
      client(server).submitActivatedVoucherListPart({ ...LIST, part: 2, partsTotal: 1 }, KEY),
    ).rejects.toThrow(/list\.part must not be above/);
    expect(server.requests).toHaveLength(0);
  });

  it('a refused part is a BusinessRuleViolation with the code (LIST_CLOSED)', async () => {
    server = await fakeBilling({
      'POST /activated-voucher-lists': (_r, res) => problem(res, 422, 'LIST_CLOSED'),
    });
    const err = await fail(
      client(server).submitActivatedVoucherListPart({ ...LIST, part: 1, partsTotal: 1 }, KEY),
    );
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err).toMatchObject({ problemCode: 'LIST_CLOSED' });
  });

  it('is retried while billing is unavailable (it carries an idempotency key), and refuses an answer of another part', async () => {
    server = await fakeBilling({
      'POST /activated-voucher-lists': (req, res, n) =>
        n === 1
          ? problem(res, 503, 'UNAVAILABLE')
          : n === 2
            ? partAnswer()(req, res, n)
            : json(res, 202, {
                listId: 'avl-2025-09',
                month: '2025-09',
                part: 2,
                partsTotal: 2,
                partsReceived: 2,
                status: 'complete',
                accepted: 2,
                rejected: [],
                receivedAt: '2025-09-30T06:00:04+05:00',
              }),
    });
    const c = client(server);
    await expect(
      c.submitActivatedVoucherListPart({ ...LIST, part: 1, partsTotal: 1 }, KEY),
    ).resolves.toMatchObject({
      accepted: 2,
    });
    expect(server.requests).toHaveLength(2);
    await expect(
      c.submitActivatedVoucherListPart({ ...LIST, part: 1, partsTotal: 2 }, KEY),
    ).rejects.toMatchObject({
      pointer: '/part',
    });
  });

  it('getActivatedVoucherList returns the settlement, NotFound for an unknown list', async () => {
    const list = {
      listId: 'avl-2025-09',
      month: '2025-09',
      listDate: '2025-09-30',
      partsTotal: 1,
      partsReceived: 1,
      status: 'settled',
      accepted: 2,
      rejected: 0,
      discountsApplied: 2,
      receivedAt: '2025-09-30T06:00:04+05:00',
      settledAt: '2025-10-03T09:00:00+05:00',
    };
    server = await fakeBilling({ 'GET /activated-voucher-lists/avl-2025-09': answer(200, list) });
    await expect(client(server).getActivatedVoucherList('avl-2025-09')).resolves.toEqual(list);
    await expect(client(server).getActivatedVoucherList('avl-2025-08')).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getActivatedVoucherList('a')).rejects.toBeInstanceOf(BadInput);
  });
});

describe('BillingClient: applied discounts (seed 000 cl. 32, 34)', () => {
  it('getAppliedDiscount returns every figure, amounts in tiyn; null while not computed', async () => {
    server = await fakeBilling({ [`GET /applied-discounts/${VOUCHER}`]: answer(200, DISCOUNT) });
    await expect(client(server).getAppliedDiscount(VOUCHER)).resolves.toEqual(DISCOUNT);
    await expect(client(server).getAppliedDiscount(VOUCHER_2)).resolves.toBeNull();
    await expect(client(server).getAppliedDiscount('voucher-1')).rejects.toThrow(/voucherId must be/);
  });

  it('listAppliedDiscounts filters by list, walks the pages, and refuses a discount of another list', async () => {
    server = await fakeBilling({
      'GET /applied-discounts': (req, res) => {
        if (req.url.includes('listId=avl-2025-08'))
          return json(res, 200, { items: [DISCOUNT], page: { nextCursor: null, hasMore: false } });
        if (req.url.includes('cursor=c2'))
          return json(res, 200, {
            items: [{ ...DISCOUNT, voucherId: VOUCHER_2 }],
            page: { nextCursor: null, hasMore: false },
          });
        json(res, 200, { items: [DISCOUNT], page: { nextCursor: 'c2', hasMore: true } });
      },
    });
    const c = client(server);
    await expect(c.listAppliedDiscounts({ listId: 'avl-2025-09', limit: 1 })).resolves.toMatchObject({
      items: [{ voucherId: VOUCHER, discountAmount: 113520 }],
      nextCursor: 'c2',
    });
    expect(server.requests[0]!.url).toBe('/applied-discounts?listId=avl-2025-09&limit=1');
    const all = [];
    for await (const d of c.appliedDiscounts({ month: '2025-09' })) all.push(d.voucherId);
    expect(all).toEqual([VOUCHER, VOUCHER_2]);
    await expect(c.listAppliedDiscounts({ listId: 'avl-2025-08' })).rejects.toMatchObject({
      pointer: '/items/0/listId',
    });
  });
});

describe('BillingClient: construction and logs', () => {
  it('takes an injected transport of billing, and refuses one of another system', async () => {
    server = await fakeBilling({ [`GET /personal-accounts/${ACCOUNT}`]: answer(200, ACCOUNT_WIRE) });
    const transport = new HttpTransport({
      system: 'billing',
      baseUrl: server.url,
      logger: createLogger({ level: 'silent' }),
    });
    await expect(
      new BillingClient({ baseUrl: 'http://unused.invalid' }, { http: transport }).getPersonalAccount(
        ACCOUNT,
      ),
    ).resolves.toMatchObject({ accountNumber: ACCOUNT });
    const other = new HttpTransport({ system: 'wallet', baseUrl: server.url, validation: 'off' });
    expect(() => new BillingClient({ baseUrl: server!.url }, { http: other })).toThrow(
      /transport is for system wallet/,
    );
  });

  it('logs every call at debug with no IIN, name or token unmasked', async () => {
    server = await fakeBilling({
      'POST /activated-voucher-lists': (req, res, n) =>
        n === 1
          ? problem(res, 503, 'UNAVAILABLE', { detail: `busy with ${IIN}` })
          : partAnswer()(req, res, n),
      [`GET /applied-discounts/${VOUCHER}`]: answer(200, DISCOUNT),
    });
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.submitActivatedVoucherList(LIST, KEY);
    await c.getAppliedDiscount(VOUCHER);
    const text = out.text();
    expect(out.lines().length).toBeGreaterThanOrEqual(3);
    for (const secret of [IIN, IIN_2, 'billing-token', 'Ахметова']) expect(text).not.toContain(secret);
    expect(text).toContain('"operation":"submitActivatedVoucherList"');
  });
});
