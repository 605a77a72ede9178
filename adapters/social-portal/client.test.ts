import * as contract from '../../contracts/social-portal/openapi.json';
import { tiyn } from '../../src/domain/money';
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
import { SocialPortalClient, type SocialPortalClientConfig } from './client';
import type { SocialPortalMeasureSubmission } from './mapping';

// The contract's own examples are the fake portal's answers and the requests sent.
type Json = Record<string, unknown>;
const EX = Object.fromEntries(
  Object.entries(contract.components.examples).map(([k, v]) => [k, (v as { value: unknown }).value]),
) as Record<string, Json>;
const P = contract.paths as unknown as Record<string, Record<string, Json>>;
function requestExample(path: string, name?: string): Json {
  const content = (P[path]!.post!.requestBody as Json).content as Record<string, Json>;
  const media = content['application/json']!;
  return (name ? ((media.examples as Record<string, Json>)[name]!.value as Json) : media.example) as Json;
}

const WHEELCHAIR_WIRE = requestExample('/ipr-measures', 'wheelchair');
const WHEELCHAIR: SocialPortalMeasureSubmission = (() => {
  const w = WHEELCHAIR_WIRE as unknown as SocialPortalMeasureSubmission & {
    measure: { guaranteedAmountTiyn: number };
  };
  const { guaranteedAmountTiyn, ...measure } = w.measure;
  return { ...w, measure: { ...measure, guaranteedAmount: tiyn(guaranteedAmountTiyn) } };
})();
const MEASURE_ID = 'iprm-2025-000412';
const REACTIVATED_ID = 'iprm-2025-000377';
const PERSON = '780415400013';
const YOUNG_MAN = '051230500015';

type Route = (req: SeenRequest, url: URL) => [number, unknown] | undefined;

async function fakePortal(route?: Route): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url, 'http://portal.test');
    const override = route?.(req, url);
    if (override) {
      const [status, body] = override;
      return status >= 400 ? problem(res, status, String(body)) : json(res, status, body);
    }
    const p = url.pathname;
    const post = req.method === 'POST';
    if (p === '/ipr-measures' && post) return json(res, 201, EX.ReceivedMeasure);
    if (p === '/ipr-measures') {
      return url.searchParams.get('cursor')
        ? json(res, 200, { items: [], page: { nextCursor: null, hasMore: false } })
        : json(res, 200, { ...EX.MeasurePage, page: { nextCursor: 'm2', hasMore: true } });
    }
    if (p === `/ipr-measures/${MEASURE_ID}`) return json(res, 200, EX.NotifiedMeasure);
    if (p === `/ipr-measures/${REACTIVATED_ID}/reactivation`) return json(res, 200, EX.ReactivatedMeasure);
    if (p === `/ipr-measures/${MEASURE_ID}/withdrawal`) return json(res, 200, EX.WithdrawnMeasure);
    if (p === `/ipr-measures/${MEASURE_ID}/notifications` && !post)
      return json(res, 200, EX.NotificationPage);
    if (p === `/ipr-measures/${REACTIVATED_ID}/notifications` && post)
      return json(res, 201, EX.OtherMeansNotification);
    if (p === `/ipr-measures/${MEASURE_ID}/supplier-choice`) return json(res, 200, EX.SupplierChosenMeasure);
    if (p === `/ipr-measures/${REACTIVATED_ID}/reactivation-requests`)
      return json(res, 201, EX.ReactivationRequestSent);
    if (p === '/executions')
      return json(res, 200, { ...EX.ExecutionPage, page: { nextCursor: null, hasMore: false } });
    if (p === '/suppliers')
      return json(res, 200, { ...EX.SupplierPage, page: { nextCursor: null, hasMore: false } });
    if (p === '/suppliers/sup-150240400011') return json(res, 200, EX.LegalEntitySupplier);
    if (p === '/offers')
      return json(res, 200, { ...EX.OfferPage, page: { nextCursor: null, hasMore: false } });
    if (p === '/offers/off-150240400011-0042') return json(res, 200, EX.WheelchairOffer);
    if (p.startsWith('/ipr-measures/') || p.startsWith('/suppliers/') || p.startsWith('/offers/'))
      return problem(res, 404, 'NOT_FOUND');
    problem(res, 400, 'VALIDATION');
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(route?: Route): Promise<TestServer> {
  await server?.close();
  return fakePortal(route);
}

function client(s: TestServer, config: Partial<SocialPortalClientConfig> = {}): SocialPortalClient {
  return new SocialPortalClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'portal-token' },
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

describe('SocialPortalClient: IPR measures from E-Sobes (seed 004 cl. 9–10)', () => {
  it('receiveIprMeasure sends the measure (guaranteed sum in tiyn) and says it is new', async () => {
    server = await serve();
    const { measure, alreadyReceived } = await client(server).receiveIprMeasure(
      WHEELCHAIR,
      'esobes:iprm-2025-000412:send',
    );
    expect(alreadyReceived).toBe(false);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(WHEELCHAIR_WIRE);
    expect(server.requests[0]!.headers['idempotency-key']).toBe('esobes:iprm-2025-000412:send');
    expect(measure).toMatchObject({ measureId: MEASURE_ID, status: { code: 'received' }, queue: 'initial' });
    expect(measure.measure.guaranteedAmount).toBe(18500000);
  });

  it('receiveIprMeasure: 200 means the portal already had it; a 422 carries its code', async () => {
    server = await serve(() => [200, EX.NotifiedMeasure]);
    await expect(
      client(server).receiveIprMeasure(WHEELCHAIR, 'esobes:iprm-2025-000412:send'),
    ).resolves.toMatchObject({
      alreadyReceived: true,
    });
    server = await serve(() => [422, 'DEADLINE_BEFORE_IPR_DATE']);
    const err = await client(server)
      .receiveIprMeasure(WHEELCHAIR, 'esobes:iprm-2025-000412:send')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err).toMatchObject({ problemCode: 'DEADLINE_BEFORE_IPR_DATE' });
  });

  it('receiveIprMeasure refuses a bad IIN, a phone not in E.164, a bad BIN and an unknown kind, unsent', async () => {
    server = await serve();
    const c = client(server);
    const key = 'esobes:iprm-2025-000412:send';
    await expect(
      c.receiveIprMeasure({ ...WHEELCHAIR, person: { ...WHEELCHAIR.person, iin: '780415400014' } }, key),
    ).rejects.toThrow(/person\.iin is not a valid IIN/);
    const err = await c
      .receiveIprMeasure({ ...WHEELCHAIR, person: { ...WHEELCHAIR.person, phone: '87471234567' } }, key)
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/person\.phone/);
    expect((err as Error).message).not.toContain('7471234567');
    await expect(
      c.receiveIprMeasure(
        { ...WHEELCHAIR, localExecutiveBody: { ...WHEELCHAIR.localExecutiveBody, bin: '141040000022' } },
        key,
      ),
    ).rejects.toThrow(/localExecutiveBody\.bin/);
    await expect(
      c.receiveIprMeasure(
        { ...WHEELCHAIR, measure: { ...WHEELCHAIR.measure, kind: 'glasses' as never } },
        key,
      ),
    ).rejects.toThrow(/measure\.kind/);
    expect(server.requests).toHaveLength(0);
  });

  it('getIprMeasure maps the status, window and history; NotFound for an unknown measure', async () => {
    server = await serve();
    const m = await client(server).getIprMeasure(MEASURE_ID);
    expect(m).toMatchObject({
      status: { code: 'notified' },
      legalRepresentative: null,
      chosenSupplier: null,
    });
    expect(m.history.length).toBeGreaterThan(0);
    expect(m.history.every((h) => h.comment === null || typeof h.comment === 'string')).toBe(true);
    await expect(client(server).getIprMeasure('iprm-2025-999999')).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getIprMeasure('iprm/1')).rejects.toBeInstanceOf(BadInput);
  });

  it('listIprMeasures filters by status and change; iprMeasures() follows the cursor', async () => {
    server = await serve();
    await client(server).listIprMeasures({ status: 'blocked', updatedSince: '2025-09-01T00:00:00+05:00' });
    expect(server.requests[0]!.url).toBe(
      '/ipr-measures?status=blocked&updatedSince=2025-09-01T00%3A00%3A00%2B05%3A00',
    );
    const all = await collect(client(server).iprMeasures({ personIin: PERSON }));
    expect(all.length).toBe((EX.MeasurePage!.items as unknown[]).length);
    expect(server.requests[2]!.url).toBe(`/ipr-measures?personIin=${PERSON}&cursor=m2`);
    expect(() => client(server!).iprMeasures({ status: 'lost' as never })).toThrow(BadInput);
  });

  it('reactivateIprMeasure sends the measure back to the general queue (cl. 10)', async () => {
    server = await serve();
    const body = requestExample('/ipr-measures/{measureId}/reactivation') as never;
    const m = await client(server).reactivateIprMeasure(REACTIVATED_ID, body, 'esobes:rr-01J9B1C3:send-back');
    expect(JSON.parse(server.requests[0]!.body)).toEqual(body);
    expect(m).toMatchObject({ status: { code: 'reactivated' }, queue: 'general', queuePosition: 1834 });
    expect(m.measure.guaranteedAmount).toBe(52800000);
  });

  it('reactivateIprMeasure: MEASURE_NOT_BLOCKED is a BusinessRuleViolation; a reused key a Conflict', async () => {
    server = await serve(() => [422, 'MEASURE_NOT_BLOCKED']);
    const body = requestExample('/ipr-measures/{measureId}/reactivation') as never;
    await expect(
      client(server).reactivateIprMeasure(REACTIVATED_ID, body, 'esobes:rr:send-back'),
    ).rejects.toMatchObject({
      problemCode: 'MEASURE_NOT_BLOCKED',
    });
    server = await serve(() => [409, 'IDEMPOTENCY_CONFLICT']);
    await expect(
      client(server).reactivateIprMeasure(REACTIVATED_ID, body, 'esobes:rr:send-back'),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it('withdrawIprMeasure withdraws; refuses an unknown reason unsent', async () => {
    server = await serve();
    const body = requestExample('/ipr-measures/{measureId}/withdrawal') as never;
    await expect(
      client(server).withdrawIprMeasure(MEASURE_ID, body, 'esobes:iprm:withdraw'),
    ).resolves.toMatchObject({
      status: { code: 'withdrawn' },
    });
    await expect(
      client(server).withdrawIprMeasure(
        MEASURE_ID,
        { reason: 'bored' as never, withdrawnAt: '2025-10-01T09:00:00+05:00' },
        'k-withdraw',
      ),
    ).rejects.toThrow(/reason must be one of/);
    expect(server.requests).toHaveLength(1);
  });

  it('listMeasureNotifications maps SMS and other-means notices; measureNotifications() iterates', async () => {
    server = await serve();
    const page = await client(server).listMeasureNotifications(MEASURE_ID, { limit: 50 });
    expect(server.requests[0]!.url).toBe(`/ipr-measures/${MEASURE_ID}/notifications?limit=50`);
    expect(page.items[0]).toMatchObject({
      kind: 'sign-in-invitation',
      channel: 'sms',
      method: null,
      notifiedBy: null,
    });
    await expect(collect(client(server).measureNotifications(MEASURE_ID))).resolves.toHaveLength(
      page.items.length,
    );
  });

  it('recordNotificationByOtherMeans records the registered letter of the local executive body', async () => {
    server = await serve();
    const body = requestExample('/ipr-measures/{measureId}/notifications') as never;
    await expect(
      client(server).recordNotificationByOtherMeans(REACTIVATED_ID, body, 'esobes:iprm-377:other-means'),
    ).resolves.toMatchObject({ kind: 'other-means', method: 'registered-mail', phone: null });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(body);
    server = await serve(() => [422, 'ALREADY_NOTIFIED']);
    await expect(
      client(server).recordNotificationByOtherMeans(REACTIVATED_ID, body, 'esobes:iprm-377:other-means'),
    ).rejects.toMatchObject({ problemCode: 'ALREADY_NOTIFIED' });
  });
});

describe('SocialPortalClient: the personal cabinet (seed 004 cl. 8, 10)', () => {
  it('chooseSupplier signs the choice and returns the chosen supplier; CHOICE_BLOCKED after two months', async () => {
    server = await serve();
    const body = requestExample('/ipr-measures/{measureId}/supplier-choice') as never;
    await expect(
      client(server).chooseSupplier(MEASURE_ID, body, 'cabinet:iprm-412:choice'),
    ).resolves.toMatchObject({
      chosenSupplier: { supplierId: 'sup-150240400011', signedByIin: PERSON },
    });
    server = await serve(() => [422, 'CHOICE_BLOCKED']);
    await expect(
      client(server).chooseSupplier(MEASURE_ID, body, 'cabinet:iprm-412:choice'),
    ).rejects.toMatchObject({
      problemCode: 'CHOICE_BLOCKED',
    });
  });

  it('requestReactivation records the request; 200 means one was already pending', async () => {
    server = await serve();
    const body = { requestedByIin: YOUNG_MAN, requestedAt: '2025-09-03T17:45:00+05:00' };
    await expect(
      client(server).requestReactivation(REACTIVATED_ID, body, 'cabinet:iprm-377:react'),
    ).resolves.toMatchObject({
      alreadyPending: false,
      request: { state: 'sent-to-esobes', requestedByIin: YOUNG_MAN },
    });
    server = await serve(() => [200, EX.ReactivationRequestSent]);
    await expect(
      client(server).requestReactivation(REACTIVATED_ID, body, 'cabinet:iprm-377:react'),
    ).resolves.toMatchObject({
      alreadyPending: true,
    });
    server = await serve(() => [201, EX.ReactivationRequestSent]);
    await expect(
      client(server).requestReactivation(MEASURE_ID, body, 'cabinet:iprm-412:react'),
    ).rejects.toMatchObject({
      pointer: '/measureId',
    });
  });
});

describe('SocialPortalClient: executions, suppliers and offers (seed 004 cl. 11–13)', () => {
  it('listExecutions maps the amounts in tiyn; executions() iterates', async () => {
    server = await serve();
    const page = await client(server).listExecutions({
      updatedSince: '2025-09-01T00:00:00+05:00',
      stage: 'executed',
    });
    expect(page.items[0]).toMatchObject({ stage: 'executed', amount: 17900000, executedOn: '2025-09-25' });
    await expect(collect(client(server).executions({ measureId: MEASURE_ID }))).resolves.toHaveLength(
      page.items.length,
    );
    expect(() => client(server!).executions({ personIin: '123' })).toThrow(/personIin/);
  });

  it('listSuppliers, getSupplier: the legal entity with its data; NotFound for an unknown supplier', async () => {
    server = await serve();
    const page = await client(server).listSuppliers({ kind: 'legal-entity', region: '27', status: 'active' });
    expect(server.requests[0]!.url).toBe('/suppliers?kind=legal-entity&region=27&status=active');
    expect(page.items.length).toBeGreaterThan(0);
    await expect(collect(client(server).suppliers())).resolves.toHaveLength(page.items.length);
    await expect(client(server).getSupplier('sup-150240400011')).resolves.toMatchObject({
      kind: 'legal-entity',
      legalEntity: { bin: '150240400011' },
      soleProprietor: null,
    });
    await expect(client(server).getSupplier('sup-000')).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).listSuppliers({ region: 'WKO' })).rejects.toBeInstanceOf(BadInput);
  });

  it('listOffers, getOffer: the price in tiyn', async () => {
    server = await serve();
    const page = await client(server).listOffers({
      direction: 'technical-aid-sales',
      itemCode: 'TSR-07-01-002',
    });
    expect(server.requests[0]!.url).toBe('/offers?direction=technical-aid-sales&itemCode=TSR-07-01-002');
    await expect(collect(client(server).offers({ supplierId: 'sup-150240400011' }))).resolves.toHaveLength(
      page.items.length,
    );
    await expect(client(server).getOffer('off-150240400011-0042')).resolves.toMatchObject({
      price: 17900000,
      deliveryDays: 10,
      documents: [{ url: expect.stringMatching(/^https:/) }],
    });
  });

  it('a broken offer or a measure of another id in the answer is a ContractViolation', async () => {
    server = await serve(() => [200, { ...EX.WheelchairOffer, priceTiyn: 179000.5 }]);
    const err = await client(server)
      .getOffer('off-150240400011-0042')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/priceTiyn' });
    server = await serve(() => [200, EX.ReactivatedMeasure]);
    await expect(client(server).getIprMeasure(MEASURE_ID)).rejects.toMatchObject({ pointer: '/measureId' });
  });
});

describe('SocialPortalClient: construction and logs', () => {
  it('refuses a transport of another system', () => {
    const other = new HttpTransport({ system: 'esobes', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    expect(() => new SocialPortalClient({ baseUrl: 'http://127.0.0.1:1' }, { http: other })).toThrow(
      /transport is for system esobes/,
    );
  });

  it('logs with no IIN, phone or token in the output', async () => {
    server = await serve();
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.receiveIprMeasure(WHEELCHAIR, 'esobes:iprm-2025-000412:send');
    await c.listIprMeasures({ personIin: PERSON });
    await c.getIprMeasure('iprm-2025-999999').catch(() => undefined);
    expect(out.lines().length).toBeGreaterThanOrEqual(3);
    for (const secret of [PERSON, '+77471234567', 'portal-token']) expect(out.text()).not.toContain(secret);
  });
});
