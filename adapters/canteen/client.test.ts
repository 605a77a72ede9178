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
  Conflict,
  ContractViolation,
  HttpTransport,
  NotFound,
  createLogger,
} from '../transport';
import { tiyn } from '../../src/domain/money';
import { CanteenClient, type CanteenClientConfig } from './client';
import type { CanteenMealRegistration, CanteenPupilActivation } from './mapping';

// Synthetic pupil (born 2012-09-05) and mother (born 1985-03-12), valid checksums.
const PUPIL_IIN = '120905500017';
const OTHER_PUPIL = '150214600012';
const PARENT_IIN = '850312400019';
const VOUCHER = 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K';
const BIN = '110140032579';
const KEY = 'school-meals:2025-2026:case-000789:canteen';

const SCHOOL = {
  bin: BIN,
  nobdSchoolId: 'SCH-79-0045',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' },
};
const CATEGORY = {
  code: '1',
  nameKz: 'АӘК алатын отбасылардың балалары',
  nameRu: 'Дети из семей, получающих АСП',
};
const PUPIL_NAME = { lastName: 'Ахметов', firstName: 'Нұрлан', middleName: 'Серікұлы' };

const ACTIVATION: CanteenPupilActivation = {
  voucherId: VOUCHER,
  pupilIin: PUPIL_IIN,
  pupilName: PUPIL_NAME,
  school: SCHOOL,
  grade: 8,
  classLetter: 'Б',
  category: CATEGORY,
  entitlement: 'free',
  mealTypes: ['lunch'],
  schoolYear: '2025-2026',
  validFrom: '2025-09-01',
  validTo: '2026-05-31',
  activatedAt: '2025-09-02T20:05:13+05:00',
  activatedByIin: PARENT_IIN,
  activatedByRole: 'mother',
};

const PUPIL_VOUCHER = {
  ...ACTIVATION,
  status: 'active',
  registeredAt: '2025-09-02T20:05:15+05:00',
  mealsServed: 0,
  deactivation: null,
};
delete (PUPIL_VOUCHER as Partial<typeof PUPIL_VOUCHER>).pupilIin;
delete (PUPIL_VOUCHER as Partial<typeof PUPIL_VOUCHER>).pupilName;

const PUPIL = {
  pupilIin: PUPIL_IIN,
  pupilName: PUPIL_NAME,
  currentVoucher: PUPIL_VOUCHER,
  pastVouchers: [],
  idCards: [{ cardNumber: 'SH45-0000912', status: 'active', issuedOn: '2023-09-01' }],
};

const DEACTIVATED = {
  ...PUPIL,
  currentVoucher: {
    ...PUPIL_VOUCHER,
    status: 'deactivated',
    deactivation: {
      reason: 'transferred-to-another-school',
      deactivatedAt: '2026-01-12T09:00:00+05:00',
      comment: 'Moved to another school.',
    },
  },
};

const MEAL = {
  mealId: 'meal-2025-10-14-000912',
  status: 'registered',
  voucherId: VOUCHER,
  pupilIin: PUPIL_IIN,
  schoolBin: BIN,
  mealType: 'lunch',
  servedAt: '2025-10-14T12:35:18+05:00',
  servedOn: '2025-10-14',
  identification: { method: 'id-card', cardNumber: 'SH45-0000912' },
  terminalId: 'CANTEEN-79-0045-01',
  priceTiyn: 85000,
  registeredAt: '2025-10-14T12:35:19+05:00',
  walletRedemptionId: 'mr-01J9A2K4M6P8R0T2V4X6Z8B0D2',
  cancellation: null,
};

const BY_CARD: CanteenMealRegistration = {
  schoolBin: BIN,
  mealType: 'lunch',
  servedAt: '2025-10-14T12:35:18+05:00',
  identification: { method: 'id-card', cardNumber: 'SH45-0000912' },
  pupilIin: null,
  terminalId: 'CANTEEN-79-0045-01',
  priceTiyn: tiyn(85000),
};

type Route = (req: SeenRequest, res: http.ServerResponse, n: number) => void;

async function fakeCanteen(routes: Record<string, Route>): Promise<TestServer> {
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
    problem(res, status, code, { detail: `refused for pupil ${PUPIL_IIN}` });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<CanteenClientConfig> = {}): CanteenClient {
  return new CanteenClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'canteen-token' },
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

describe('CanteenClient: pupils (seed 002 Annex 2 cl. 6, pact wallet-canteen)', () => {
  it('registerActivatedPupil sends the activation with the key and returns the pupil (201 or 200 alike)', async () => {
    server = await fakeCanteen({
      'POST /pupils': (req, res, n) => json(res, n === 1 ? 201 : 200, PUPIL),
    });
    const c = client(server);
    await expect(c.registerActivatedPupil(ACTIVATION, KEY)).resolves.toEqual(PUPIL);
    await expect(c.registerActivatedPupil(ACTIVATION, KEY)).resolves.toEqual(PUPIL);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(ACTIVATION);
    expect(server.requests[0]!.headers['idempotency-key']).toBe(KEY);
  });

  it('registerActivatedPupil: one voucher per pupil is PUPIL_HAS_ACTIVE_VOUCHER (cl. 9); 409 is a Conflict', async () => {
    server = await fakeCanteen({
      'POST /pupils': (req, res, n) =>
        n === 1
          ? refuse(422, 'PUPIL_HAS_ACTIVE_VOUCHER')(req, res, n)
          : refuse(409, 'IDEMPOTENCY_CONFLICT')(req, res, n),
    });
    const err = await fail(client(server).registerActivatedPupil(ACTIVATION, KEY));
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err).toMatchObject({ problemCode: 'PUPIL_HAS_ACTIVE_VOUCHER' });
    expect((err as Error).message).not.toContain(PUPIL_IIN);
    await expect(client(server).registerActivatedPupil(ACTIVATION, KEY)).rejects.toBeInstanceOf(Conflict);
  });

  it('registerActivatedPupil refuses an invalid activation before any call', async () => {
    server = await fakeCanteen({});
    const c = client(server);
    const cases: [CanteenPupilActivation, RegExp][] = [
      [{ ...ACTIVATION, pupilIin: '120905500018' }, /activation\.pupilIin is not a valid IIN/],
      [{ ...ACTIVATION, mealTypes: [] }, /activation\.mealTypes/],
      [{ ...ACTIVATION, mealTypes: ['lunch', 'lunch'] }, /must not repeat/],
      [{ ...ACTIVATION, validTo: '2025-08-31' }, /validTo must not be before/],
      [{ ...ACTIVATION, category: { ...CATEGORY, code: '4' } }, /activation\.category\.code/],
      [{ ...ACTIVATION, school: { ...SCHOOL, bin: '1101400325' } }, /activation\.school\.bin/],
    ];
    for (const [a, message] of cases) await expect(c.registerActivatedPupil(a, KEY)).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  it('registerActivatedPupil refuses an answer about another voucher', async () => {
    server = await fakeCanteen({
      'POST /pupils': answer(201, {
        ...PUPIL,
        currentVoucher: { ...PUPIL_VOUCHER, voucherId: 'vch-01J8YD2B4C6D8E0F2G4H6J8K0M' },
      }),
    });
    await expect(client(server).registerActivatedPupil(ACTIVATION, KEY)).rejects.toMatchObject({
      pointer: '/currentVoucher/voucherId',
    });
  });

  it('getPupil returns the pupil, or null when the Wallet never sent the pupil', async () => {
    server = await fakeCanteen({ [`GET /pupils/${PUPIL_IIN}`]: answer(200, PUPIL) });
    await expect(client(server).getPupil(PUPIL_IIN)).resolves.toEqual(PUPIL);
    await expect(client(server).getPupil(OTHER_PUPIL)).resolves.toBeNull();
    await expect(client(server).getPupil('12090550001')).rejects.toBeInstanceOf(BadInput);
  });

  it('getPupil throws NotFound on a bare 404, and refuses a mealsServed that is not a count', async () => {
    server = await startServer((req, res) => {
      if (req.url.endsWith(OTHER_PUPIL)) {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        return res.end('<h1>Not Found</h1>');
      }
      json(res, 200, { ...PUPIL, currentVoucher: { ...PUPIL_VOUCHER, mealsServed: -1 } });
    });
    await expect(client(server).getPupil(OTHER_PUPIL)).rejects.toBeInstanceOf(NotFound);
    const err = await fail(client(server).getPupil(PUPIL_IIN));
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/currentVoucher/mealsServed' });
  });

  it('listPupils filters by school and status and pupils() walks the pages', async () => {
    server = await fakeCanteen({
      'GET /pupils': (req, res) =>
        req.url.includes('cursor=p2')
          ? json(res, 200, { items: [DEACTIVATED], page: { nextCursor: null, hasMore: false } })
          : json(res, 200, { items: [PUPIL], page: { nextCursor: 'p2', hasMore: true } }),
    });
    const c = client(server);
    await expect(c.listPupils({ schoolBin: BIN, status: 'active' })).resolves.toMatchObject({
      items: [{ pupilIin: PUPIL_IIN }],
      nextCursor: 'p2',
    });
    expect(server.requests[0]!.url).toBe(`/pupils?schoolBin=${BIN}&status=active`);
    const statuses = [];
    for await (const p of c.pupils({ schoolBin: BIN })) statuses.push(p.currentVoucher?.status);
    expect(statuses).toEqual(['active', 'deactivated']);
    await expect(c.listPupils({ status: 'paused' as never })).rejects.toThrow(/filter\.status/);
  });

  it('deactivatePupilVoucher posts the reason and returns the pupil with the deactivation', async () => {
    server = await fakeCanteen({ [`POST /pupils/${PUPIL_IIN}/deactivation`]: answer(200, DEACTIVATED) });
    const request = {
      voucherId: VOUCHER,
      reason: 'transferred-to-another-school' as const,
      deactivatedAt: '2026-01-12T09:00:00+05:00',
    };
    await expect(client(server).deactivatePupilVoucher(PUPIL_IIN, request, KEY)).resolves.toMatchObject({
      currentVoucher: { status: 'deactivated', deactivation: { reason: 'transferred-to-another-school' } },
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(request);
    await expect(
      client(server).deactivatePupilVoucher(PUPIL_IIN, { ...request, reason: 'moved' as never }, KEY),
    ).rejects.toThrow(/request\.reason/);
  });

  it('deactivatePupilVoucher throws NotFound for an unknown pupil and the code on a 422', async () => {
    server = await fakeCanteen({
      [`POST /pupils/${PUPIL_IIN}/deactivation`]: refuse(422, 'DEACTIVATION_BEFORE_ACTIVATION'),
    });
    const request = {
      voucherId: VOUCHER,
      reason: 'issued-in-error' as const,
      deactivatedAt: '2025-09-01T00:00:00+05:00',
    };
    await expect(client(server).deactivatePupilVoucher(PUPIL_IIN, request, KEY)).rejects.toMatchObject({
      problemCode: 'DEACTIVATION_BEFORE_ACTIVATION',
    });
    await expect(client(server).deactivatePupilVoucher(OTHER_PUPIL, request, KEY)).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});

describe('CanteenClient: meals (seed 002 Annex 2 cl. 7, 10, 11, 14)', () => {
  it('registerMeal registers a meal by ID card, the price in tiyn', async () => {
    server = await fakeCanteen({ 'POST /meals': answer(201, MEAL) });
    await expect(client(server).registerMeal(BY_CARD, 'canteen:CANTEEN-79-0045-01:000912')).resolves.toEqual(
      MEAL,
    );
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ pupilIin: null, priceTiyn: 85000 });
  });

  it('registerMeal: MEAL_ALREADY_SERVED on a 422; a meal of another school in the answer is refused', async () => {
    server = await fakeCanteen({
      'POST /meals': (req, res, n) =>
        n === 1
          ? problem(res, 422, 'MEAL_ALREADY_SERVED')
          : json(res, 201, { ...MEAL, schoolBin: '080540014021' }),
    });
    await expect(client(server).registerMeal(BY_CARD, KEY)).rejects.toMatchObject({
      problemCode: 'MEAL_ALREADY_SERVED',
    });
    await expect(client(server).registerMeal(BY_CARD, KEY)).rejects.toMatchObject({ pointer: '/schoolBin' });
  });

  it('registerMeal refuses a registration without the pupil unless an ID card identifies them', async () => {
    server = await fakeCanteen({});
    const c = client(server);
    await expect(
      c.registerMeal(
        { ...BY_CARD, identification: { method: 'other', alternativeMethod: 'staff-class-list' } },
        KEY,
      ),
    ).rejects.toThrow(/meal\.pupilIin is required/);
    await expect(
      c.registerMeal({ ...BY_CARD, identification: { method: 'qr' }, pupilIin: PUPIL_IIN }, KEY),
    ).rejects.toThrow(/walletRedemptionId/);
    await expect(c.registerMeal({ ...BY_CARD, priceTiyn: 850.5 as never }, KEY)).rejects.toThrow(/priceTiyn/);
    expect(server.requests).toHaveLength(0);
  });

  it('listMeals needs a selecting filter, sends it as a query, and refuses a meal of another pupil', async () => {
    server = await fakeCanteen({
      // Always the meal of PUPIL_IIN, whoever is asked for: the client must notice.
      'GET /meals': answer(200, { items: [MEAL], page: { nextCursor: null, hasMore: false } }),
    });
    const c = client(server);
    await expect(c.listMeals({})).rejects.toThrow(/filter needs one of/);
    await expect(
      c.listMeals({ pupilIin: PUPIL_IIN, from: '2025-10-01', to: '2025-10-31' }),
    ).resolves.toMatchObject({
      items: [{ mealId: MEAL.mealId, priceTiyn: 85000 }],
    });
    expect(server.requests[0]!.url).toBe(`/meals?pupilIin=${PUPIL_IIN}&from=2025-10-01&to=2025-10-31`);
    const ids = [];
    for await (const m of c.meals({ schoolBin: BIN, date: '2025-10-14' })) ids.push(m.mealId);
    expect(ids).toEqual([MEAL.mealId]);
    await expect(c.listMeals({ pupilIin: OTHER_PUPIL })).rejects.toMatchObject({
      pointer: '/items/0/pupilIin',
    });
  });

  it('getMeal returns a meal, NotFound for an unknown one', async () => {
    server = await fakeCanteen({ [`GET /meals/${MEAL.mealId}`]: answer(200, MEAL) });
    await expect(client(server).getMeal(MEAL.mealId)).resolves.toMatchObject({ mealId: MEAL.mealId });
    await expect(client(server).getMeal('meal-unknown')).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getMeal('meal/../x')).rejects.toBeInstanceOf(BadInput);
  });

  it('cancelMeal cancels a meal registered in error; MEAL_ALREADY_REPORTED once reported to NOBD', async () => {
    const cancellation = { reason: 'wrong-pupil' as const, cancelledAt: '2025-10-14T12:40:00+05:00' };
    server = await fakeCanteen({
      [`POST /meals/${MEAL.mealId}/cancellation`]: (req, res, n) =>
        n === 1
          ? json(res, 200, { ...MEAL, status: 'cancelled', cancellation })
          : problem(res, 422, 'MEAL_ALREADY_REPORTED'),
    });
    await expect(client(server).cancelMeal(MEAL.mealId, cancellation, KEY)).resolves.toMatchObject({
      status: 'cancelled',
      cancellation,
    });
    await expect(client(server).cancelMeal(MEAL.mealId, cancellation, KEY)).rejects.toMatchObject({
      problemCode: 'MEAL_ALREADY_REPORTED',
    });
  });
});

describe('CanteenClient: construction and logs', () => {
  it('takes an injected transport of the canteen, and refuses one of another system', async () => {
    server = await fakeCanteen({ [`GET /pupils/${PUPIL_IIN}`]: answer(200, PUPIL) });
    const transport = new HttpTransport({
      system: 'canteen',
      baseUrl: server.url,
      logger: createLogger({ level: 'silent' }),
    });
    await expect(
      new CanteenClient({ baseUrl: 'http://unused.invalid' }, { http: transport }).getPupil(PUPIL_IIN),
    ).resolves.toMatchObject({
      pupilIin: PUPIL_IIN,
    });
    const other = new HttpTransport({ system: 'wallet', baseUrl: server.url, validation: 'off' });
    expect(() => new CanteenClient({ baseUrl: server!.url }, { http: other })).toThrow(
      /transport is for system wallet/,
    );
  });

  it('logs every call at debug with no IIN or token unmasked', async () => {
    server = await fakeCanteen({
      'POST /pupils': (req, res, n) =>
        n === 1 ? problem(res, 503, 'UNAVAILABLE', { detail: `busy ${PUPIL_IIN}` }) : json(res, 201, PUPIL),
      [`GET /pupils/${PUPIL_IIN}`]: answer(200, PUPIL),
    });
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.registerActivatedPupil(ACTIVATION, KEY);
    await c.getPupil(PUPIL_IIN);
    await c.getPupil(OTHER_PUPIL);
    const text = out.text();
    expect(out.lines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [PUPIL_IIN, OTHER_PUPIL, PARENT_IIN, 'canteen-token'])
      expect(text).not.toContain(secret);
    expect(text).toContain('"operation":"getPupil"');
  });
});
