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
  ConsentMissing,
  ContractViolation,
  HttpTransport,
  NotFound,
  createLogger,
} from '../transport';
import { NobdClient, type NobdClientConfig } from './client';

const BOY = '120905500017';
const GIRL = '150214600012';
const CHILD = '110427500017';
const PARENT = '850312400019';
const GUARDIAN = '610407400016';
const TOKEN = 'consent-token-0123456789abcdef';
const VOUCHER = 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K';

const REGION = { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' };
const SCHOOL_REF = {
  schoolId: 'SCH-79-0045',
  bin: '110140032579',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: REGION,
};
const SCHOOL = { ...SCHOOL_REF, kato: '791010000', address: 'Шымкент қ., Байтұрсынов көшесі, 12' };

function pupil(iin: string, mealStatus = 'candidate') {
  return {
    iin,
    name: { lastName: 'Ахметов', firstName: 'Нұрлан' },
    birthDate: iin === BOY ? '2012-09-05' : '2015-02-14',
    gender: iin === BOY ? 'male' : 'female',
    school: SCHOOL_REF,
    grade: 8,
    classLetter: 'Б',
    mealStatus,
    schoolYear: '2025-2026',
    updatedAt: '2025-08-28T16:20:00+05:00',
  };
}

function order(status: 'active' | 'ended' = 'active') {
  return {
    orderId: 'hso-71-0064-2024-112',
    child: {
      iin: CHILD,
      name: { lastName: 'Сейтов', firstName: 'Арман', middleName: 'Ерланұлы' },
      birthDate: '2011-04-27',
      gender: 'male',
    },
    school: { ...SCHOOL_REF, schoolId: 'SCH-71-0064' },
    grade: 7,
    orderNumber: '112-ө',
    orderDate: '2024-09-02',
    periodFrom: '2024-09-02',
    periodTo: '2025-05-25',
    vkkConclusionNumber: '2481',
    vkkConclusionDate: '2024-08-20',
    status,
    ...(status === 'ended'
      ? {
          endedOn: '2024-12-20',
          endReason: {
            code: 'returned-to-school',
            nameKz: 'Мектепте оқуға қайта оралды',
            nameRu: 'Вернулся к обучению в школе',
          },
        }
      : {}),
    registeredOn: '2024-09-03',
    updatedAt: '2024-09-03T10:14:00+05:00',
  };
}

const REPORT = {
  reportDate: '2025-09-03',
  partsTotal: 1,
  partsReceived: 1,
  activations: 1,
  meals: 1,
  rejected: [],
  complete: true,
  receivedAt: '2025-09-04T01:00:03+05:00',
};

const PART = {
  reportDate: '2025-09-03',
  part: 1,
  partsTotal: 1,
  activations: [
    {
      voucherId: 'vch-01J8YD2M4N6P8Q0R2S4T6U8V0W',
      pupilIin: GIRL,
      parentIin: PARENT,
      schoolId: 'SCH-79-0045',
      activatedAt: '2025-09-03T08:01:00+05:00',
    },
  ],
  meals: [
    {
      redemptionId: 'mr-01J8YF0B2D4F6H8K0M2P4R6T8V',
      voucherId: VOUCHER,
      pupilIin: BOY,
      schoolId: 'SCH-79-0045',
      mealType: 'lunch' as const,
      method: 'qr' as const,
      servedAt: '2025-09-03T12:30:41+05:00',
    },
  ],
};

const BATCH = {
  batchId: 'sdu-meals-2025-09-03-0001',
  schoolYear: '2025-2026',
  statuses: [
    {
      pupilIin: BOY,
      recipientIin: PARENT,
      status: 'voucher-issued' as const,
      statusAt: '2025-09-02T12:41:00+05:00',
      voucherId: VOUCHER,
    },
  ],
};

type Route = (req: SeenRequest, url: URL) => [number, unknown] | 'problem-404' | 'bare-404' | undefined;

/** A small NOBD: two pages of pupils and schools, one order, representatives, reports; `route` overrides. */
async function fakeNobd(route?: Route): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url, 'http://nobd.test');
    const override = route?.(req, url);
    if (override === 'problem-404') return problem(res, 404, 'NOT_FOUND');
    if (override === 'bare-404') {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<h1>Not Found</h1>');
    }
    if (override) {
      const [status, body] = override;
      if (status >= 400) return problem(res, status, String(body));
      return json(res, status, body);
    }
    const p = url.pathname;
    const second = url.searchParams.get('cursor') === 'c2';
    if (p === '/schools')
      return json(res, 200, { items: [SCHOOL], page: { nextCursor: null, hasMore: false } });
    if (p === '/pupils') {
      return json(res, 200, {
        items: [pupil(second ? GIRL : BOY)],
        page: second ? { nextCursor: null, hasMore: false } : { nextCursor: 'c2', hasMore: true },
      });
    }
    if (p === '/home-schooling/orders')
      return json(res, 200, { items: [order()], page: { nextCursor: null, hasMore: false } });
    if (p === '/home-schooling/orders/hso-71-0064-2024-112') return json(res, 200, order('ended'));
    if (p === '/home-schooling/orders/hso-unknown') return problem(res, 404, 'NOT_FOUND');
    if (p === '/home-schooling/changes') {
      return json(res, 200, {
        items: [
          {
            changeId: 'hsc-2024-12-20-000031',
            type: 'schooling-ended',
            occurredOn: '2024-12-20',
            order: order('ended'),
          },
        ],
        page: { nextCursor: 'feed-after-31', hasMore: false },
      });
    }
    if (p === `/children/${CHILD}/legal-representatives`) {
      if (req.headers['x-consent-token'] !== TOKEN) return problem(res, 403, 'CONSENT_MISSING');
      return json(res, 200, {
        childIin: CHILD,
        representatives: [
          {
            iin: GUARDIAN,
            name: { lastName: 'Жақсылықова', firstName: 'Роза' },
            birthDate: '1961-04-07',
            gender: 'female',
            role: { code: 'guardian', nameKz: 'Қорғаншы', nameRu: 'Опекун' },
            basis: {
              documentType: 'Решение об установлении опеки',
              documentNumber: '1187',
              documentDate: '2019-06-14',
            },
            since: '2019-06-14',
          },
        ],
      });
    }
    if (p === '/service-statuses' && req.method === 'POST') {
      const body = JSON.parse(req.body) as { batchId: string; statuses: unknown[] };
      return json(res, 202, {
        batchId: body.batchId,
        accepted: body.statuses.length,
        rejected: [],
        receivedAt: '2025-09-03T02:00:05+05:00',
      });
    }
    if (p === '/wallet-reports' && req.method === 'POST') return json(res, 202, REPORT);
    if (p === '/wallet-reports/2025-09-03') return json(res, 200, REPORT);
    if (p === '/wallet-reports/2025-09-04') return problem(res, 404, 'NOT_FOUND');
    if (p === '/webhook-subscriptions' && req.method === 'POST') {
      return json(res, 201, {
        subscriptionId: 'sub-01J7A1B3C5D7E9F1G3H5J7K9M1',
        callbackUrl: 'https://esobes.enbek.kz/callbacks/nobd',
        events: ['home-schooling.daily-changes'],
        createdAt: '2024-09-01T09:00:00+05:00',
      });
    }
    if (p === '/webhook-subscriptions/sub-01J7A1B3C5D7E9F1G3H5J7K9M1' && req.method === 'DELETE') {
      res.writeHead(204);
      return res.end();
    }
    if (p.startsWith('/webhook-subscriptions/')) return problem(res, 404, 'NOT_FOUND');
    problem(res, 400, 'VALIDATION');
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<NobdClientConfig> = {}): NobdClient {
  return new NobdClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'nobd-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('NobdClient: schools and pupils (SDU, seed 002 Annex 1 cl. 4)', () => {
  it('listSchools returns a page of schools of a region, with its reference-book region', async () => {
    server = await fakeNobd();
    await expect(client(server).listSchools({ region: '79', limit: 50 })).resolves.toEqual({
      items: [SCHOOL],
      nextCursor: null,
      hasMore: false,
    });
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/schools?region=79&limit=50' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer nobd-token');
  });

  it('schools() iterates every school', async () => {
    server = await fakeNobd();
    await expect(collect(client(server).schools())).resolves.toHaveLength(1);
  });

  it('listPupils sends every filter and maps the pupil', async () => {
    server = await fakeNobd();
    const page = await client(server).listPupils({
      region: '79',
      schoolId: 'SCH-79-0045',
      mealStatus: 'candidate',
      changedSince: '2025-08-25T00:00:00+05:00',
    });
    expect(server.requests[0]!.url).toBe(
      '/pupils?region=79&schoolId=SCH-79-0045&mealStatus=candidate&changedSince=2025-08-25T00%3A00%3A00%2B05%3A00',
    );
    expect(page).toMatchObject({
      nextCursor: 'c2',
      hasMore: true,
      items: [{ iin: BOY, grade: 8, classLetter: 'Б' }],
    });
  });

  it('pupils() follows the cursor through every page', async () => {
    server = await fakeNobd();
    const all = await collect(client(server).pupils({ region: '79' }));
    expect(all.map((p) => p.iin)).toEqual([BOY, GIRL]);
    expect(server.requests.map((r) => r.url)).toEqual(['/pupils?region=79', '/pupils?region=79&cursor=c2']);
  });

  it('pupils() refuses a page that says "more" without a new cursor instead of looping', async () => {
    server = await fakeNobd((_req, url) =>
      url.pathname === '/pupils'
        ? [200, { items: [pupil(BOY)], page: { nextCursor: 'same', hasMore: true } }]
        : undefined,
    );
    await expect(collect(client(server).pupils())).rejects.toMatchObject({
      code: 'CONTRACT_VIOLATION',
      pointer: '/page/nextCursor',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses an invalid filter before any call, also for the iterators (at once, not on the first next())', async () => {
    server = await fakeNobd();
    const c = client(server);
    await expect(c.listSchools({ region: '7' })).rejects.toThrow(/region must be a two-digit KATO prefix/);
    await expect(c.listPupils({ mealStatus: 'free' as never })).rejects.toThrow(/mealStatus must be one of/);
    await expect(c.listPupils({ changedSince: '2025-08-25' })).rejects.toThrow(
      /changedSince must be an RFC 3339/,
    );
    await expect(c.listPupils({ limit: 0 })).rejects.toThrow(/limit must be an integer from 1 to 1000/);
    expect(() => c.pupils({ limit: 5000 })).toThrow(BadInput);
    expect(() => c.schools({ cursor: '' })).toThrow(BadInput);
    expect(server.requests).toHaveLength(0);
  });

  it('a cursor NOBD refuses (400) is BadInput', async () => {
    server = await fakeNobd((_req, url) =>
      url.searchParams.get('cursor') === 'stale' ? [400, 'VALIDATION'] : undefined,
    );
    await expect(client(server).listPupils({ cursor: 'stale' })).rejects.toBeInstanceOf(BadInput);
  });

  it('a pupil with a malformed IIN in the answer is a ContractViolation naming the field', async () => {
    server = await fakeNobd((_req, url) =>
      url.pathname === '/pupils'
        ? [
            200,
            { items: [{ ...pupil(BOY), iin: '12090550001' }], page: { nextCursor: null, hasMore: false } },
          ]
        : undefined,
    );
    const err = await client(server)
      .listPupils()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/items/0/iin' });
  });

  it('submitServiceStatuses sends the batch with its idempotency key, and retries it while NOBD is down', async () => {
    server = await fakeNobd((req, url) =>
      url.pathname === '/service-statuses' && server!.requests.length === 1
        ? [503, 'UNAVAILABLE']
        : undefined,
    );
    await expect(client(server).submitServiceStatuses(BATCH, 'meals:2025-09:batch-0001')).resolves.toEqual({
      batchId: BATCH.batchId,
      accepted: 1,
      rejected: [],
      receivedAt: '2025-09-03T02:00:05+05:00',
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.headers['idempotency-key']).toBe('meals:2025-09:batch-0001');
    expect(JSON.parse(server.requests[1]!.body)).toEqual(BATCH);
  });

  it('submitServiceStatuses: a reused key with another batch is a Conflict; a bad status is refused unsent', async () => {
    server = await fakeNobd((_req, url) =>
      url.pathname === '/service-statuses' ? [409, 'IDEMPOTENCY_CONFLICT'] : undefined,
    );
    const c = client(server);
    await expect(c.submitServiceStatuses(BATCH, 'meals:2025-09:batch-0001')).rejects.toBeInstanceOf(Conflict);
    const bad = {
      ...BATCH,
      statuses: [BATCH.statuses[0]!, { ...BATCH.statuses[0]!, pupilIin: '120905500018' }],
    };
    const err = await c.submitServiceStatuses(bad, 'meals:2025-09:batch-0002').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInput);
    expect((err as Error).message).toMatch(/statuses\[1\]\.pupilIin is not a valid IIN/);
    expect((err as Error).message).not.toContain('12090550001');
    await expect(c.submitServiceStatuses(BATCH, 'short')).rejects.toThrow(/idempotencyKey/);
    await expect(c.submitServiceStatuses({ ...BATCH, statuses: [] }, 'meals:2025-09:x')).rejects.toThrow(
      /statuses/,
    );
    expect(server.requests).toHaveLength(1);
  });
});

describe('NobdClient: home schooling (E-Sobes, seed 003 cl. 4, 7, 14)', () => {
  it('listHomeSchoolingOrders asks for the day and maps the order with its ВКК conclusion', async () => {
    server = await fakeNobd();
    const page = await client(server).listHomeSchoolingOrders('2024-09-03', { status: 'active' });
    expect(server.requests[0]!.url).toBe('/home-schooling/orders?date=2024-09-03&status=active');
    expect(page.items[0]).toMatchObject({
      orderId: 'hso-71-0064-2024-112',
      vkkConclusionNumber: '2481',
      status: 'active',
    });
    expect(page.items[0]).not.toHaveProperty('endedOn');
    await expect(collect(client(server).homeSchoolingOrders('2024-09-03'))).resolves.toHaveLength(1);
  });

  it('listHomeSchoolingOrders refuses an impossible date unsent', async () => {
    server = await fakeNobd();
    expect(() => client(server!).homeSchoolingOrders('2024-02-30')).toThrow(/date must be a calendar date/);
    await expect(client(server).listHomeSchoolingOrders('03.09.2024')).rejects.toBeInstanceOf(BadInput);
    expect(server.requests).toHaveLength(0);
  });

  it('getHomeSchoolingOrder returns an ended order with the day and the reason', async () => {
    server = await fakeNobd();
    await expect(client(server).getHomeSchoolingOrder('hso-71-0064-2024-112')).resolves.toMatchObject({
      status: 'ended',
      endedOn: '2024-12-20',
      endReason: {
        code: 'returned-to-school',
        nameKz: 'Мектепте оқуға қайта оралды',
        nameRu: 'Вернулся к обучению в школе',
      },
    });
  });

  it('getHomeSchoolingOrder lets NotFound through (the id comes from NOBD) and refuses another order', async () => {
    server = await fakeNobd((_req, url) =>
      url.pathname === '/home-schooling/orders/hso-other' ? [200, order()] : undefined,
    );
    await expect(client(server).getHomeSchoolingOrder('hso-unknown')).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getHomeSchoolingOrder('hso-other')).rejects.toMatchObject({
      pointer: '/orderId',
    });
  });

  it('listHomeSchoolingChanges keeps the cursor of the last page, to resume the feed later', async () => {
    server = await fakeNobd();
    const page = await client(server).listHomeSchoolingChanges({
      since: '2024-12-20',
      type: 'schooling-ended',
    });
    expect(server.requests[0]!.url).toBe('/home-schooling/changes?since=2024-12-20&type=schooling-ended');
    expect(page).toMatchObject({ hasMore: false, nextCursor: 'feed-after-31' });
    expect(page.items[0]).toMatchObject({
      type: 'schooling-ended',
      order: { status: 'ended', endedOn: '2024-12-20' },
    });
    const all = await collect(client(server).homeSchoolingChanges({ cursor: 'feed-after-30' }));
    expect(all).toHaveLength(1);
    expect(server.requests[1]!.url).toBe('/home-schooling/changes?cursor=feed-after-30');
    await expect(client(server).listHomeSchoolingChanges({ type: 'ended' as never })).rejects.toBeInstanceOf(
      BadInput,
    );
  });

  it('getLegalRepresentatives sends the consent token in X-Consent-Token and maps the guardian', async () => {
    server = await fakeNobd();
    const reps = await client(server).getLegalRepresentatives(CHILD, TOKEN);
    expect(server.requests[0]!.headers['x-consent-token']).toBe(TOKEN);
    expect(reps).toEqual({
      childIin: CHILD,
      representatives: [
        {
          iin: GUARDIAN,
          name: { lastName: 'Жақсылықова', firstName: 'Роза' },
          birthDate: '1961-04-07',
          gender: 'female',
          role: { code: 'guardian', nameKz: 'Қорғаншы', nameRu: 'Опекун' },
          basis: {
            documentType: 'Решение об установлении опеки',
            documentNumber: '1187',
            documentDate: '2019-06-14',
          },
          since: '2019-06-14',
        },
      ],
    });
  });

  it('getLegalRepresentatives: a token that does not cover the request is ConsentMissing; an unknown child NotFound', async () => {
    server = await fakeNobd((_req, url) => (url.pathname.includes(GIRL) ? 'problem-404' : undefined));
    await expect(
      client(server).getLegalRepresentatives(CHILD, 'another-token-0123456789'),
    ).rejects.toBeInstanceOf(ConsentMissing);
    await expect(client(server).getLegalRepresentatives(GIRL, TOKEN)).rejects.toBeInstanceOf(NotFound);
  });

  it('getLegalRepresentatives refuses a bad IIN or a short token unsent, and an answer about another child', async () => {
    server = await fakeNobd((_req, url) =>
      url.pathname.includes(BOY) ? [200, { childIin: CHILD, representatives: [] }] : undefined,
    );
    const c = client(server);
    const err = await c.getLegalRepresentatives('110427500018', TOKEN).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/childIin is not a valid IIN/);
    expect((err as Error).message).not.toContain('11042750001');
    await expect(c.getLegalRepresentatives(CHILD, 'short')).rejects.toThrow(/consentToken/);
    expect(server.requests).toHaveLength(0);
    await expect(c.getLegalRepresentatives(BOY, TOKEN)).rejects.toMatchObject({ pointer: '/childIin' });
  });
});

describe('NobdClient: the Wallet daily report (seed 002 Annex 2 cl. 14)', () => {
  it('submitWalletDailyReport sends the part under its key and returns the totals of the day', async () => {
    server = await fakeNobd();
    await expect(client(server).submitWalletDailyReport(PART, 'wallet-report:2025-09-03:1')).resolves.toEqual(
      REPORT,
    );
    expect(JSON.parse(server.requests[0]!.body)).toEqual(PART);
    expect(server.requests[0]!.headers['idempotency-key']).toBe('wallet-report:2025-09-03:1');
  });

  it("submitWalletDailyReport: a 422 is a BusinessRuleViolation carrying NOBD's code", async () => {
    server = await fakeNobd(() => [422, 'REPORT_DATE_IN_FUTURE']);
    const err = await client(server)
      .submitWalletDailyReport(PART, 'wallet-report:2025-09-03:1')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err).toMatchObject({ problemCode: 'REPORT_DATE_IN_FUTURE' });
  });

  it('submitWalletDailyReport refuses a part above partsTotal or a bad meal unsent', async () => {
    server = await fakeNobd();
    const c = client(server);
    await expect(c.submitWalletDailyReport({ ...PART, part: 2 }, 'wallet-report:x:2')).rejects.toThrow(
      /part must be/,
    );
    await expect(
      c.submitWalletDailyReport(
        { ...PART, meals: [{ ...PART.meals[0]!, mealType: 'dinner' as never }] },
        'wallet-report:x:1',
      ),
    ).rejects.toThrow(/meals\[0\]\.mealType/);
    expect(server.requests).toHaveLength(0);
  });

  it('getWalletDailyReport returns the totals, null when NOBD received nothing, NotFound on a bare 404', async () => {
    server = await fakeNobd((_req, url) => (url.pathname.endsWith('2025-09-05') ? 'bare-404' : undefined));
    const c = client(server);
    await expect(c.getWalletDailyReport('2025-09-03')).resolves.toEqual(REPORT);
    await expect(c.getWalletDailyReport('2025-09-04')).resolves.toBeNull();
    await expect(c.getWalletDailyReport('2025-09-05')).rejects.toBeInstanceOf(NotFound);
  });
});

describe('NobdClient: webhook subscriptions', () => {
  it('creates and deletes a subscription under idempotency keys', async () => {
    server = await fakeNobd();
    const c = client(server);
    const sub = await c.createWebhookSubscription(
      'https://esobes.enbek.kz/callbacks/nobd',
      ['home-schooling.daily-changes'],
      'esobes:subscribe:nobd',
    );
    expect(sub).toMatchObject({
      subscriptionId: 'sub-01J7A1B3C5D7E9F1G3H5J7K9M1',
      events: ['home-schooling.daily-changes'],
    });
    await expect(
      c.deleteWebhookSubscription(sub.subscriptionId, 'esobes:unsubscribe:nobd'),
    ).resolves.toBeUndefined();
    expect(server.requests[1]).toMatchObject({ method: 'DELETE' });
    await expect(
      c.deleteWebhookSubscription('sub-01J7A1B3C5D7E9F1G3H5J7K9M2', 'esobes:unsubscribe:nobd'),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a relative callback URL, an unknown event or a malformed subscription id unsent', async () => {
    server = await fakeNobd();
    const c = client(server);
    await expect(
      c.createWebhookSubscription('/callbacks', ['home-schooling.daily-changes'], 'k-12345678'),
    ).rejects.toThrow(/callbackUrl/);
    await expect(
      c.createWebhookSubscription('https://x.kz/cb', ['other' as never], 'k-12345678'),
    ).rejects.toThrow(/events\[0\]/);
    await expect(c.deleteWebhookSubscription('sub-1', 'k-12345678')).rejects.toThrow(/subscriptionId/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('NobdClient: construction and logs', () => {
  it('takes an injected NOBD transport and refuses one of another system', () => {
    const other = new HttpTransport({ system: 'mab', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    expect(() => new NobdClient({ baseUrl: 'http://127.0.0.1:1' }, { http: other })).toThrow(
      /transport is for system mab/,
    );
    expect(() => new NobdClient({ baseUrl: 'http://127.0.0.1:1', token: 'x' } as never)).toThrow(
      /unknown key "token"/,
    );
  });

  it('logs calls with no IIN, consent token or bearer token in the output', async () => {
    server = await fakeNobd();
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.getLegalRepresentatives(CHILD, TOKEN);
    await c.listPupils();
    await c.submitServiceStatuses(BATCH, 'meals:2025-09:batch-0001');
    await c.getLegalRepresentatives(CHILD, 'another-token-0123456789').catch(() => undefined);
    expect(out.lines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [CHILD, BOY, PARENT, TOKEN, 'nobd-token']) expect(out.text()).not.toContain(secret);
  });
});
