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
import { WalletClient, type WalletClientConfig } from './client';
import type {
  WalletGasDiscount,
  WalletGasRecipientBatch,
  WalletMealRecipientBatch,
  WalletVoucherWire,
} from './mapping';

// Synthetic people (valid checksums): a mother born 1985-03-12 and her son born 2012-09-05.
const IIN = '850312400019';
const PUPIL_IIN = '120905500017';
const OTHER_IIN = '820701300011';
const PHONE = '+77012345678';
const GAS_VOUCHER = 'vch-01J8YB2C4D6E8F0G2H4J6K8M0N';
const MEAL_VOUCHER = 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K';
const ACCOUNT = '7900123456';
const KEY = 'gas-voucher:2025-09:case-000123:handover';

const NAME = { lastName: 'Ахметова', firstName: 'Айгерим', middleName: 'Серікқызы' };
const PUPIL_NAME = { lastName: 'Ахметов', firstName: 'Нұрлан', middleName: 'Серікұлы' };
const SHYMKENT = { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' };
const SCHOOL = {
  schoolId: 'SCH-79-0045',
  bin: '110140032579',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: SHYMKENT,
};
const CATEGORY = {
  code: '1',
  nameKz: 'АӘК алушы отбасылардың балалары',
  nameRu: 'Дети из семей, получающих АСП',
};

const gasVoucher = (over: Partial<WalletVoucherWire> = {}): WalletVoucherWire => ({
  voucherId: GAS_VOUCHER,
  service: 'gas-voucher',
  status: 'settled',
  owner: { iin: IIN, name: NAME },
  issuedAt: '2025-09-08T09:16:10+05:00',
  validFrom: '2025-09-07',
  validUntil: '2025-09-29',
  activatedAt: '2025-09-08T19:12:44+05:00',
  channel: 'egov-mobile',
  gas: {
    month: '2025-09',
    region: SHYMKENT,
    accountNumber: ACCOUNT,
    discountAmount: 113520,
    receiptNumber: 'R-2025-09-7900123456',
    discountAppliedAt: '2025-10-03T09:00:05+05:00',
  },
  ...over,
});

const mealVoucher = (): WalletVoucherWire => ({
  voucherId: MEAL_VOUCHER,
  service: 'school-meals',
  status: 'activated',
  owner: { iin: IIN, name: NAME },
  issuedAt: '2025-09-02T12:41:00+05:00',
  validFrom: '2025-09-01',
  validUntil: '2026-05-31',
  activatedAt: '2025-09-02T20:05:13+05:00',
  channel: 'egov-mobile',
  meals: {
    schoolYear: '2025-2026',
    pupil: { iin: PUPIL_IIN, name: PUPIL_NAME, birthDate: '2012-09-05' },
    school: SCHOOL,
    grade: 8,
    category: CATEGORY,
    canteenRegistration: { status: 'registered', registeredAt: '2025-09-02T20:05:15+05:00' },
    mealsServed: 0,
  },
});

const OFFER = { offerId: 'gas-offer-2025-08-25', textKz: 'Жария оферта', textRu: 'Публичная оферта' };
const ACCOUNT_SHOWN = {
  accountNumber: ACCOUNT,
  holder: NAME,
  addressText: 'Шымкент қ., Тәуке хан даңғылы, 45-үй, 12-пәтер',
  region: SHYMKENT,
  group1PricePerM3: 2781,
  group9PricePerM3: 1835,
  normLitres: 120000,
};

const DISCOUNT: WalletGasDiscount = {
  voucherId: GAS_VOUCHER,
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
} as unknown as WalletGasDiscount;

const GAS_BATCH: WalletGasRecipientBatch = {
  batchId: 'egov-gas-2025-09-000017',
  month: '2025-09',
  recipients: [
    {
      iin: IIN,
      name: NAME,
      phone: '8 701 234 56 78',
      region: SHYMKENT,
      assistance: ['asp'],
      consentedAt: '2025-09-08T09:15:42+05:00',
      caseRef: 'gas-voucher:2025-09:case-000123',
    },
  ],
};

const MEAL_BATCH: WalletMealRecipientBatch = {
  batchId: 'egov-meals-2025-2026-000042',
  schoolYear: '2025-2026',
  recipients: [
    {
      pupil: { iin: PUPIL_IIN, name: PUPIL_NAME, birthDate: '2012-09-05' },
      school: SCHOOL,
      grade: 8,
      category: CATEGORY,
      parent: { iin: IIN, name: NAME, role: 'mother', phone: PHONE },
      consentedAt: '2025-09-02T12:40:00+05:00',
      caseRef: 'school-meals:2025-09:case-000789',
    },
  ],
};

const QR_PAYLOAD = 'SWQR1.cXItMDFKOFlFWjlYN1Y1VDNSMVA5TjdNNUszSDE.MEUCIQC3';
const REDEMPTION = {
  redemptionId: 'mr-01J8YF0B2D4F6H8K0M2P4R6T8V',
  voucherId: MEAL_VOUCHER,
  method: 'qr',
  pupilIin: PUPIL_IIN,
  schoolId: 'SCH-79-0045',
  terminalId: 'CANTEEN-79-0045-01',
  mealType: 'lunch',
  mealDate: '2025-09-03',
  servedAt: '2025-09-03T12:30:41+05:00',
  registeredAt: '2025-09-03T12:30:42+05:00',
};

type Route = (req: SeenRequest, res: http.ServerResponse, n: number) => void;

/** A small Wallet: one route per `METHOD /path` (query left out); anything else is a 404 problem. */
async function fakeWallet(routes: Record<string, Route>): Promise<TestServer> {
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
const refuse =
  (status: number, code: string): Route =>
  (_req, res) =>
    problem(res, status, code, { detail: `refused for ${IIN} on account ${ACCOUNT}` });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<WalletClientConfig> = {}): WalletClient {
  return new WalletClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'wallet-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

const body = (s: TestServer, i = 0): unknown => JSON.parse(s.requests[i]!.body);
const fail = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('WalletClient: hand-over of recipients (pact egov-wallet)', () => {
  const created = (iin: string, batchId: string) => ({
    batchId,
    created: 1,
    existing: 0,
    rejected: 0,
    results: [{ iin, outcome: 'created', voucherId: GAS_VOUCHER }],
  });

  it('hands over gas recipients with the phone normalised and the idempotency key, and reads the outcomes', async () => {
    server = await fakeWallet({ 'POST /gas-recipients': answer(200, created(IIN, GAS_BATCH.batchId)) });
    await expect(client(server).handOverGasRecipients(GAS_BATCH, KEY)).resolves.toEqual({
      batchId: GAS_BATCH.batchId,
      created: 1,
      existing: 0,
      rejected: 0,
      results: [{ iin: IIN, outcome: 'created', voucherId: GAS_VOUCHER }],
    });
    expect(server.requests[0]!.headers['idempotency-key']).toBe(KEY);
    expect(body(server)).toMatchObject({ month: '2025-09', recipients: [{ iin: IIN, phone: PHONE }] });
  });

  it('reads a rejected recipient with its code (MONTH_CLOSED, seed 000 cl. 19)', async () => {
    server = await fakeWallet({
      'POST /gas-recipients': answer(200, {
        batchId: GAS_BATCH.batchId,
        created: 0,
        existing: 0,
        rejected: 1,
        results: [{ iin: IIN, outcome: 'rejected', code: 'MONTH_CLOSED' }],
      }),
    });
    const result = await client(server).handOverGasRecipients(GAS_BATCH, KEY);
    expect(result.results[0]).toEqual({ iin: IIN, outcome: 'rejected', code: 'MONTH_CLOSED' });
  });

  it('retries a hand-over while the Wallet is unavailable: it carries an idempotency key', async () => {
    server = await fakeWallet({
      'POST /gas-recipients': (req, res, n) =>
        n === 1 ? problem(res, 503, 'UNAVAILABLE') : json(res, 200, created(IIN, GAS_BATCH.batchId)),
    });
    await expect(client(server).handOverGasRecipients(GAS_BATCH, KEY)).resolves.toMatchObject({ created: 1 });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([KEY, KEY]);
  });

  it('refuses an answer about a person who was not handed over', async () => {
    server = await fakeWallet({ 'POST /gas-recipients': answer(200, created(OTHER_IIN, GAS_BATCH.batchId)) });
    await expect(client(server).handOverGasRecipients(GAS_BATCH, KEY)).rejects.toMatchObject({
      code: 'CONTRACT_VIOLATION',
      pointer: '/results/0/iin',
    });
  });

  it('refuses invalid recipients before any call, naming the field and never the value', async () => {
    server = await fakeWallet({});
    const c = client(server);
    const r = GAS_BATCH.recipients[0]!;
    const cases: [WalletGasRecipientBatch, RegExp][] = [
      [{ ...GAS_BATCH, recipients: [r, { ...r, iin: '850312400018' }] }, /batch\.recipients\[1\]\.iin/],
      [{ ...GAS_BATCH, recipients: [{ ...r, phone: '+7 727 123 45 67' }] }, /recipients\[0\]\.phone/],
      [{ ...GAS_BATCH, recipients: [{ ...r, assistance: [] }] }, /recipients\[0\]\.assistance/],
      [{ ...GAS_BATCH, month: '2025-13' }, /batch\.month/],
      [{ ...GAS_BATCH, recipients: [] }, /batch\.recipients must be an array of 1 to 1000/],
    ];
    for (const [batch, message] of cases) {
      const err = await fail(c.handOverGasRecipients(batch, KEY));
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toMatch(/85031240001|727 123/);
    }
    await expect(c.handOverGasRecipients(GAS_BATCH, 'short')).rejects.toThrow(/idempotencyKey/);
    expect(server.requests).toHaveLength(0);
  });

  it('hands over meal recipients and answers per pupil', async () => {
    server = await fakeWallet({
      'POST /meal-recipients': answer(200, {
        ...created(PUPIL_IIN, MEAL_BATCH.batchId),
        results: [{ iin: PUPIL_IIN, outcome: 'existing', voucherId: MEAL_VOUCHER }],
      }),
    });
    const result = await client(server).handOverMealRecipients(
      MEAL_BATCH,
      'school-meals:2025-09:case-000789:handover',
    );
    expect(result.results).toEqual([{ iin: PUPIL_IIN, outcome: 'existing', voucherId: MEAL_VOUCHER }]);
    expect(body(server)).toMatchObject({
      schoolYear: '2025-2026',
      recipients: [{ parent: { phone: PHONE } }],
    });
  });

  it('refuses a meal batch with an invalid pupil IIN or grade before any call', async () => {
    server = await fakeWallet({});
    const r = MEAL_BATCH.recipients[0]!;
    await expect(
      client(server).handOverMealRecipients(
        { ...MEAL_BATCH, recipients: [{ ...r, pupil: { ...r.pupil, iin: '120905500018' } }] },
        KEY,
      ),
    ).rejects.toThrow(/recipients\[0\]\.pupil\.iin is not a valid IIN/);
    await expect(
      client(server).handOverMealRecipients({ ...MEAL_BATCH, recipients: [{ ...r, grade: 13 }] }, KEY),
    ).rejects.toThrow(/recipients\[0\]\.grade/);
    expect(server.requests).toHaveLength(0);
  });

  it('throws BusinessRuleViolation with the Wallet code on a 422', async () => {
    server = await fakeWallet({ 'POST /meal-recipients': refuse(422, 'WRONG_SERVICE') });
    const err = await fail(client(server).handOverMealRecipients(MEAL_BATCH, KEY));
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err).toMatchObject({ problemCode: 'WRONG_SERVICE', status: 422 });
  });
});

describe('WalletClient: vouchers', () => {
  it('getVoucher returns the voucher with the discount in tiyn', async () => {
    server = await fakeWallet({ [`GET /vouchers/${GAS_VOUCHER}`]: answer(200, gasVoucher()) });
    const v = await client(server).getVoucher(GAS_VOUCHER);
    expect(v).toMatchObject({ status: 'settled', gas: { accountNumber: ACCOUNT, discountAmount: 113520 } });
    expect(v.meals).toBeUndefined();
  });

  it('getVoucher throws NotFound for an unknown voucher and refuses a malformed id unsent', async () => {
    server = await fakeWallet({});
    await expect(client(server).getVoucher(GAS_VOUCHER)).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getVoucher('vch-123')).rejects.toThrow(
      /voucherId must be a Wallet voucher id/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('getVoucher refuses an answer about another voucher', async () => {
    server = await fakeWallet({ [`GET /vouchers/${GAS_VOUCHER}`]: answer(200, mealVoucher()) });
    await expect(client(server).getVoucher(GAS_VOUCHER)).rejects.toMatchObject({ pointer: '/voucherId' });
  });

  it('a discount that is not a whole number of tiyn breaks the contract, naming the field', async () => {
    const broken = gasVoucher();
    server = await fakeWallet({
      [`GET /vouchers/${GAS_VOUCHER}`]: answer(200, {
        ...broken,
        gas: { ...broken.gas, discountAmount: 1135.2 },
      }),
    });
    const err = await fail(client(server).getVoucher(GAS_VOUCHER));
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/gas/discountAmount' });
  });

  it('listVouchers sends the filter as a query and vouchers() walks every page', async () => {
    server = await fakeWallet({
      'GET /vouchers': (req, res) =>
        req.url.includes('cursor=p2')
          ? json(res, 200, { items: [mealVoucher()], page: { nextCursor: null, hasMore: false } })
          : json(res, 200, { items: [gasVoucher()], page: { nextCursor: 'p2', hasMore: true } }),
    });
    const c = client(server);
    const page = await c.listVouchers({ ownerIin: IIN, service: 'gas-voucher', month: '2025-09', limit: 1 });
    expect(page).toMatchObject({ nextCursor: 'p2', hasMore: true, items: [{ voucherId: GAS_VOUCHER }] });
    expect(server.requests[0]!.url).toBe(
      `/vouchers?ownerIin=${IIN}&service=gas-voucher&month=2025-09&limit=1`,
    );
    const all = [];
    for await (const v of c.vouchers({ ownerIin: IIN })) all.push(v.voucherId);
    expect(all).toEqual([GAS_VOUCHER, MEAL_VOUCHER]);
  });

  it('listVouchers refuses an invalid filter before any call', async () => {
    server = await fakeWallet({});
    await expect(client(server).listVouchers({ status: 'used' as never })).rejects.toThrow(/filter\.status/);
    await expect(client(server).listVouchers({ schoolYear: '2025/26' })).rejects.toThrow(
      /filter\.schoolYear/,
    );
    await expect(client(server).listVouchers({ limit: 0 })).rejects.toThrow(/limit/);
    expect(server.requests).toHaveLength(0);
  });

  it('getVoucherHistory returns the events and refuses an event of another voucher', async () => {
    const event = {
      eventId: 'vev-01',
      voucherId: MEAL_VOUCHER,
      type: 'meal-served',
      at: '2025-09-03T12:30:41+05:00',
      redemptionId: REDEMPTION.redemptionId,
      mealType: 'lunch',
      method: 'qr',
    };
    server = await fakeWallet({
      [`GET /vouchers/${MEAL_VOUCHER}/history`]: answer(200, { items: [event], page: { hasMore: false } }),
      [`GET /vouchers/${GAS_VOUCHER}/history`]: answer(200, { items: [event], page: { hasMore: false } }),
    });
    await expect(client(server).getVoucherHistory(MEAL_VOUCHER, { limit: 50 })).resolves.toEqual({
      items: [event],
      nextCursor: null,
      hasMore: false,
    });
    expect(server.requests[0]!.url).toBe(`/vouchers/${MEAL_VOUCHER}/history?limit=50`);
    await expect(client(server).getVoucherHistory(GAS_VOUCHER)).rejects.toMatchObject({
      pointer: '/items/0/voucherId',
    });
  });
});

describe('WalletClient: gas activation, the citizen steps (seed 000 cl. 24–30)', () => {
  const offerShown = {
    voucherId: GAS_VOUCHER,
    step: 'offer-shown',
    accountNumber: ACCOUNT,
    channel: 'egov-mobile',
    offer: OFFER,
    updatedAt: '2025-09-08T19:11:02+05:00',
  };
  const accountShown = {
    ...offerShown,
    step: 'account-shown',
    offerAcceptedAt: '2025-09-08T19:12:01+05:00',
    account: ACCOUNT_SHOWN,
  };

  it('getGasActivation returns the step reached', async () => {
    server = await fakeWallet({ [`GET /vouchers/${GAS_VOUCHER}/gas-activation`]: answer(200, offerShown) });
    await expect(client(server).getGasActivation(GAS_VOUCHER)).resolves.toEqual(offerShown);
  });

  it('enterPersonalAccount PUTs the account with the idempotency key and returns the offer', async () => {
    server = await fakeWallet({ [`PUT /vouchers/${GAS_VOUCHER}/gas-activation`]: answer(200, offerShown) });
    await expect(
      client(server).enterPersonalAccount(
        GAS_VOUCHER,
        { accountNumber: ACCOUNT, channel: 'egov-mobile' },
        KEY,
      ),
    ).resolves.toMatchObject({ step: 'offer-shown', offer: OFFER });
    expect(body(server)).toEqual({ accountNumber: ACCOUNT, channel: 'egov-mobile' });
    expect(server.requests[0]!.headers['idempotency-key']).toBe(KEY);
  });

  it('enterPersonalAccount: a second voucher on the account is ACCOUNT_ALREADY_HAS_VOUCHER (cl. 8, 26)', async () => {
    server = await fakeWallet({
      [`PUT /vouchers/${GAS_VOUCHER}/gas-activation`]: refuse(422, 'ACCOUNT_ALREADY_HAS_VOUCHER'),
    });
    const err = await fail(
      client(server).enterPersonalAccount(
        GAS_VOUCHER,
        { accountNumber: ACCOUNT, channel: 'egov-mobile' },
        KEY,
      ),
    );
    expect(err).toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'ACCOUNT_ALREADY_HAS_VOUCHER' });
    expect((err as Error).message).not.toContain(IIN);
  });

  it('enterPersonalAccount refuses a malformed account or channel before any call', async () => {
    server = await fakeWallet({});
    const c = client(server);
    await expect(
      c.enterPersonalAccount(GAS_VOUCHER, { accountNumber: '79-001', channel: 'egov-mobile' }, KEY),
    ).rejects.toThrow(/entry\.accountNumber must be/);
    await expect(
      c.enterPersonalAccount(GAS_VOUCHER, { accountNumber: ACCOUNT, channel: 'kiosk' as never }, KEY),
    ).rejects.toThrow(/entry\.channel/);
    expect(server.requests).toHaveLength(0);
  });

  it('acceptGasOffer returns billing data of the account, prices in tiyn per m³', async () => {
    server = await fakeWallet({
      [`POST /vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`]: answer(200, accountShown),
    });
    const a = await client(server).acceptGasOffer(GAS_VOUCHER, OFFER.offerId, KEY);
    expect(a.account).toEqual(ACCOUNT_SHOWN);
    expect(body(server)).toEqual({ offerId: OFFER.offerId });
  });

  it('acceptGasOffer: an unknown account is PERSONAL_ACCOUNT_NOT_FOUND, enter it again (cl. 28)', async () => {
    server = await fakeWallet({
      [`POST /vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`]: refuse(
        422,
        'PERSONAL_ACCOUNT_NOT_FOUND',
      ),
    });
    await expect(client(server).acceptGasOffer(GAS_VOUCHER, OFFER.offerId, KEY)).rejects.toMatchObject({
      problemCode: 'PERSONAL_ACCOUNT_NOT_FOUND',
    });
  });

  it('confirmGasActivation returns the activated voucher and refuses one activated on another account', async () => {
    const activated = gasVoucher({
      status: 'activated',
      gas: { month: '2025-09', region: SHYMKENT, accountNumber: ACCOUNT },
    });
    server = await fakeWallet({
      // The Wallet answers with the account it activated, whatever was confirmed: the client must notice.
      [`POST /vouchers/${GAS_VOUCHER}/gas-activation/confirmation`]: answer(200, activated),
    });
    await expect(client(server).confirmGasActivation(GAS_VOUCHER, ACCOUNT, KEY)).resolves.toMatchObject({
      status: 'activated',
      gas: { accountNumber: ACCOUNT },
    });
    await expect(client(server).confirmGasActivation(GAS_VOUCHER, '2700654321', KEY)).rejects.toMatchObject({
      pointer: '/gas/accountNumber',
    });
  });
});

describe('WalletClient: the discount from billing (seed 000 cl. 34)', () => {
  it('receiveGasDiscount posts the figures with the webhook headers and returns the settled voucher', async () => {
    server = await fakeWallet({ 'POST /gas-discounts': answer(200, gasVoucher()) });
    const v = await client(server).receiveGasDiscount(
      DISCOUNT,
      'discount:vch-01J8YB2C4D6E8F0G2H4J6K8M0N:2025-09',
      {
        timestamp: 1759464000,
        signature: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
      },
    );
    expect(v.status).toBe('settled');
    expect(body(server)).toEqual(DISCOUNT);
    expect(server.requests[0]!.headers).toMatchObject({
      'webhook-timestamp': '1759464000',
      'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
    });
  });

  it('receiveGasDiscount: UNKNOWN_VOUCHER on a 422; a fractional amount is refused unsent', async () => {
    server = await fakeWallet({ 'POST /gas-discounts': refuse(422, 'UNKNOWN_VOUCHER') });
    await expect(client(server).receiveGasDiscount(DISCOUNT, KEY)).rejects.toMatchObject({
      problemCode: 'UNKNOWN_VOUCHER',
    });
    await expect(
      client(server).receiveGasDiscount({ ...DISCOUNT, discountAmount: 1135.2 as never }, KEY),
    ).rejects.toThrow(/discount\.discountAmount must be an integer/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('WalletClient: meals — activation, QR, redemption (seed 002 Annex 2)', () => {
  const QR = {
    qrId: 'qr-01J8YEZ9X7V5T3R1P9N7M5K3H1',
    voucherId: MEAL_VOUCHER,
    payload: QR_PAYLOAD,
    mealType: 'lunch',
    generatedAt: '2025-09-03T12:25:00+05:00',
    expiresAt: '2025-09-03T12:35:00+05:00',
  };
  const SCAN = { qrPayload: QR_PAYLOAD, schoolId: 'SCH-79-0045', terminalId: 'CANTEEN-79-0045-01' };

  it('activateMealVoucher sends the eGov Mobile channel and returns the canteen registration', async () => {
    server = await fakeWallet({
      [`POST /vouchers/${MEAL_VOUCHER}/meal-activation`]: answer(200, mealVoucher()),
    });
    const v = await client(server).activateMealVoucher(MEAL_VOUCHER, KEY);
    expect(v.meals?.canteenRegistration).toEqual({
      status: 'registered',
      registeredAt: '2025-09-02T20:05:15+05:00',
    });
    expect(body(server)).toEqual({ channel: 'egov-mobile' });
  });

  it('activateMealVoucher: VOUCHER_NOT_ACTIVATABLE on a 422', async () => {
    server = await fakeWallet({
      [`POST /vouchers/${MEAL_VOUCHER}/meal-activation`]: refuse(422, 'VOUCHER_NOT_ACTIVATABLE'),
    });
    await expect(client(server).activateMealVoucher(MEAL_VOUCHER, KEY)).rejects.toMatchObject({
      problemCode: 'VOUCHER_NOT_ACTIVATABLE',
    });
  });

  it('generateMealQr returns the dynamic QR, and VOUCHER_NOT_ACTIVE for a voucher not activated', async () => {
    server = await fakeWallet({
      [`POST /vouchers/${MEAL_VOUCHER}/meal-qr`]: answer(201, QR),
      [`POST /vouchers/${GAS_VOUCHER}/meal-qr`]: refuse(422, 'VOUCHER_NOT_ACTIVE'),
    });
    await expect(client(server).generateMealQr(MEAL_VOUCHER, 'lunch', KEY)).resolves.toEqual(QR);
    expect(body(server)).toEqual({ mealType: 'lunch' });
    await expect(client(server).generateMealQr(GAS_VOUCHER, 'lunch', KEY)).rejects.toMatchObject({
      problemCode: 'VOUCHER_NOT_ACTIVE',
    });
    await expect(client(server).generateMealQr(MEAL_VOUCHER, 'dinner' as never, KEY)).rejects.toThrow(
      /mealType/,
    );
  });

  it('generateMealQr refuses a QR for another meal', async () => {
    server = await fakeWallet({ [`POST /vouchers/${MEAL_VOUCHER}/meal-qr`]: answer(201, QR) });
    await expect(client(server).generateMealQr(MEAL_VOUCHER, 'breakfast', KEY)).rejects.toMatchObject({
      pointer: '/mealType',
    });
  });

  it('verifyMealQr: "may be served" with the pupil, "no" as an answer with a refusal, retried like a GET', async () => {
    server = await fakeWallet({
      'POST /meal-qr:verify': (req, res, n) => {
        if (n === 1) return problem(res, 503, 'UNAVAILABLE');
        if (n === 2)
          return json(res, 200, {
            valid: true,
            qrId: QR.qrId,
            voucherId: MEAL_VOUCHER,
            mealType: 'lunch',
            pupil: { iin: PUPIL_IIN, name: PUPIL_NAME, birthDate: '2012-09-05' },
            grade: 8,
            expiresAt: QR.expiresAt,
          });
        return json(res, 200, {
          valid: false,
          qrId: QR.qrId,
          refusal: { code: 'QR_ALREADY_USED', reason: 'This QR was used at 2025-09-03 12:30.' },
        });
      },
    });
    const c = client(server);
    await expect(c.verifyMealQr(SCAN)).resolves.toMatchObject({
      valid: true,
      pupil: { iin: PUPIL_IIN },
      grade: 8,
    });
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
    await expect(c.verifyMealQr(SCAN)).resolves.toEqual({
      valid: false,
      qrId: QR.qrId,
      refusal: { code: 'QR_ALREADY_USED', reason: 'This QR was used at 2025-09-03 12:30.' },
    });
    await expect(c.verifyMealQr({ ...SCAN, qrPayload: '' })).rejects.toThrow(/scan\.qrPayload/);
  });

  it('redeemMeal registers a meal by QR and by ID card', async () => {
    server = await fakeWallet({
      'POST /meal-redemptions': (req, res) => {
        const b = JSON.parse(req.body) as { method: string };
        json(res, 201, b.method === 'qr' ? REDEMPTION : { ...REDEMPTION, method: 'id-card' });
      },
    });
    const c = client(server);
    await expect(
      c.redeemMeal({ method: 'qr', ...SCAN, mealType: 'lunch', servedAt: REDEMPTION.servedAt }, KEY),
    ).resolves.toEqual(REDEMPTION);
    await expect(
      c.redeemMeal(
        {
          method: 'id-card',
          pupilIin: PUPIL_IIN,
          schoolId: 'SCH-79-0045',
          terminalId: 'CANTEEN-79-0045-01',
          mealType: 'lunch',
          servedAt: REDEMPTION.servedAt,
        },
        KEY,
      ),
    ).resolves.toMatchObject({ method: 'id-card', pupilIin: PUPIL_IIN });
    expect(body(server, 1)).toMatchObject({ method: 'id-card', pupilIin: PUPIL_IIN });
  });

  it('redeemMeal: MEAL_ALREADY_SERVED on a 422; another pupil in the answer is refused', async () => {
    server = await fakeWallet({
      'POST /meal-redemptions': (req, res, n) =>
        n === 1
          ? problem(res, 422, 'MEAL_ALREADY_SERVED')
          : json(res, 201, { ...REDEMPTION, method: 'id-card' }),
    });
    const card = {
      method: 'id-card' as const,
      pupilIin: '150214600012',
      schoolId: 'SCH-79-0045',
      terminalId: 'CANTEEN-79-0045-01',
      mealType: 'lunch' as const,
      servedAt: REDEMPTION.servedAt,
    };
    await expect(client(server).redeemMeal(card, KEY)).rejects.toMatchObject({
      problemCode: 'MEAL_ALREADY_SERVED',
    });
    await expect(client(server).redeemMeal(card, KEY)).rejects.toMatchObject({ pointer: '/pupilIin' });
    await expect(client(server).redeemMeal({ ...card, pupilIin: '150214600013' }, KEY)).rejects.toThrow(
      /redemption\.pupilIin is not a valid IIN/,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('listMealRedemptions filters by school and day and mealRedemptions() walks the pages', async () => {
    server = await fakeWallet({
      'GET /meal-redemptions': answer(200, {
        items: [REDEMPTION],
        page: { nextCursor: null, hasMore: false },
      }),
    });
    const c = client(server);
    await expect(
      c.listMealRedemptions({ schoolId: 'SCH-79-0045', date: '2025-09-03' }),
    ).resolves.toMatchObject({
      items: [REDEMPTION],
      hasMore: false,
    });
    expect(server.requests[0]!.url).toBe('/meal-redemptions?schoolId=SCH-79-0045&date=2025-09-03');
    const all = [];
    for await (const m of c.mealRedemptions({ date: '2025-09-03' })) all.push(m.redemptionId);
    expect(all).toEqual([REDEMPTION.redemptionId]);
    await expect(c.listMealRedemptions({ date: '03.09.2025' })).rejects.toThrow(/filter\.date/);
  });
});

describe('WalletClient: construction and failures', () => {
  it('takes an injected transport of the Wallet, and refuses one of another system', async () => {
    server = await fakeWallet({ [`GET /vouchers/${GAS_VOUCHER}`]: answer(200, gasVoucher()) });
    const http = new HttpTransport({
      system: 'wallet',
      baseUrl: server.url,
      logger: createLogger({ level: 'silent' }),
    });
    await expect(
      new WalletClient({ baseUrl: 'http://unused.invalid' }, { http }).getVoucher(GAS_VOUCHER),
    ).resolves.toMatchObject({
      voucherId: GAS_VOUCHER,
    });
    const other = new HttpTransport({ system: 'billing', baseUrl: server.url, validation: 'off' });
    expect(() => new WalletClient({ baseUrl: server!.url }, { http: other })).toThrow(
      /transport is for system billing/,
    );
  });

  it('gives up with UpstreamUnavailable when the Wallet stays down', async () => {
    server = await fakeWallet({ [`GET /vouchers/${GAS_VOUCHER}`]: refuse(503, 'UNAVAILABLE') });
    await expect(
      client(server, { retry: { maxAttempts: 2 } }).getVoucher(GAS_VOUCHER),
    ).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(server.requests).toHaveLength(2);
  });

  it('logs every call at debug with no IIN, phone or token unmasked', async () => {
    server = await fakeWallet({
      'POST /gas-recipients': (req, res, n) =>
        n === 1
          ? problem(res, 503, 'UNAVAILABLE', { detail: `busy with ${IIN} ${PHONE}` })
          : json(res, 200, {
              batchId: GAS_BATCH.batchId,
              created: 1,
              existing: 0,
              rejected: 0,
              results: [{ iin: IIN, outcome: 'created', voucherId: GAS_VOUCHER }],
            }),
      'GET /vouchers': answer(200, { items: [gasVoucher()], page: { hasMore: false } }),
      [`POST /vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`]: refuse(
        422,
        'PERSONAL_ACCOUNT_NOT_FOUND',
      ),
    });
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.handOverGasRecipients(GAS_BATCH, KEY);
    await c.listVouchers({ ownerIin: IIN });
    const err = await fail(c.acceptGasOffer(GAS_VOUCHER, OFFER.offerId, KEY));
    createLogger({ level: 'debug', destination: out.stream }).error(err as Error);
    const text = out.text();
    expect(out.lines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [IIN, PHONE, PHONE.slice(1), 'wallet-token']) expect(text).not.toContain(secret);
    expect(text).toContain('"operation":"acceptGasOffer"');
  });
});
