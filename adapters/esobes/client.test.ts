import * as contract from '../../contracts/esobes/openapi.json';
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
import { EsobesClient, type EsobesClientConfig } from './client';
import type { EsobesApplicationRequest, EsobesExecutionReport } from './mapping';

// The contract's own examples are the fake E-Sobes' answers and the requests sent.
type Json = Record<string, unknown>;
const P = contract.paths as unknown as Record<string, Record<string, Json>>;
const example = (path: string, method: string, status?: string): Json => {
  const op = P[path]![method] as Json;
  const content = status
    ? ((op.responses as Json)[status] as Json).content
    : (op.requestBody as Json).content;
  return (content as Record<string, Json>)['application/json']!.example as Json;
};
const APPLICATION = example('/home-schooling/applications/{applicationId}', 'get', '200');
const MEASURE = example('/ipr/measures/{measureId}', 'get', '200');
const REACTIVATION = example('/ipr/measures/{measureId}/reactivation-requests', 'post', '201');
const RECORDED = example('/ipr/measures/{measureId}/executions', 'post', '201');
const CREATE = example('/home-schooling/applications', 'post') as unknown as EsobesApplicationRequest & {
  disability: { confirmed: true };
};
const REQUEST: EsobesApplicationRequest = {
  ...CREATE,
  disability: { category: CREATE.disability.category, validUntil: CREATE.disability.validUntil! },
};
const EXECUTION = {
  ...(example('/ipr/measures/{measureId}/executions', 'post') as unknown as EsobesExecutionReport),
  amount: tiyn(38000000),
};

const APP_ID = 'app-01J8ZN5B7D9F1H3K5M7P9R1T3V';
const CHILD = '110427500017';
const MOTHER = '780523400010';
const PERSON = '680830300012';
const MEASURE_ID = 'iprm-2025-000318';
const RR_ID = 'rr-01J9B1C3D5E7F9G1H3J5K7M9N1';

type Route = (req: SeenRequest, url: URL) => [number, unknown] | undefined;

async function fakeEsobes(route?: Route): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url, 'http://esobes.test');
    const override = route?.(req, url);
    if (override) {
      const [status, body] = override;
      return status >= 400 ? problem(res, status, String(body)) : json(res, status, body);
    }
    const p = url.pathname;
    if (p === '/home-schooling/applications' && req.method === 'POST')
      return json(res, 201, { ...APPLICATION, status: 'registered', decision: undefined });
    if (p === '/home-schooling/applications') {
      return json(res, 200, {
        items: url.searchParams.get('cursor') ? [] : [APPLICATION],
        page: url.searchParams.get('cursor')
          ? { nextCursor: null, hasMore: false }
          : { nextCursor: 'a2', hasMore: true },
      });
    }
    if (p === `/home-schooling/applications/${APP_ID}`) return json(res, 200, APPLICATION);
    if (p === `/home-schooling/applications/${APP_ID}/payment-stop`) {
      return json(res, 200, {
        ...APPLICATION,
        status: 'payments-stopped',
        paymentStop: {
          reason: 'home-schooling-ended',
          schoolingEndedOn: '2024-12-20',
          lastPaidMonth: '2024-12',
          stoppedAt: '2024-12-21T02:00:00+05:00',
        },
      });
    }
    if (p === `/ipr/measures/${MEASURE_ID}`) return json(res, 200, MEASURE);
    if (p === `/ipr/measures/${MEASURE_ID}/reactivation-requests`) return json(res, 201, REACTIVATION);
    if (p === `/ipr/reactivation-requests/${RR_ID}`) return json(res, 200, REACTIVATION);
    if (p === `/ipr/measures/${MEASURE_ID}/executions`) return json(res, 201, RECORDED);
    if (p.startsWith('/ipr/') || p.startsWith('/home-schooling/applications/'))
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
  return fakeEsobes(route);
}

function client(s: TestServer, config: Partial<EsobesClientConfig> = {}): EsobesClient {
  return new EsobesClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'esobes-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

describe('EsobesClient: home-schooling applications (seed 003 cl. 6, 12–14)', () => {
  it('createHomeSchoolingApplication sends what the flow established under the key, disability confirmed', async () => {
    server = await serve();
    const app = await client(server).createHomeSchoolingApplication(
      REQUEST,
      'home-schooling:case-000456:application',
    );
    expect(app).toMatchObject({
      applicationId: APP_ID,
      status: 'registered',
      decision: null,
      childIin: CHILD,
    });
    expect(server.requests[0]!.headers['idempotency-key']).toBe('home-schooling:case-000456:application');
    expect(JSON.parse(server.requests[0]!.body)).toEqual(CREATE);
  });

  it('createHomeSchoolingApplication: APPLICATION_ALREADY_EXISTS is a BusinessRuleViolation (cl. 6)', async () => {
    server = await serve(() => [422, 'APPLICATION_ALREADY_EXISTS']);
    const err = await client(server)
      .createHomeSchoolingApplication(REQUEST, 'home-schooling:case-000456:application')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err).toMatchObject({ problemCode: 'APPLICATION_ALREADY_EXISTS' });
    server = await serve(() => [409, 'IDEMPOTENCY_CONFLICT']);
    await expect(
      client(server).createHomeSchoolingApplication(REQUEST, 'home-schooling:case-000456:application'),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it('createHomeSchoolingApplication refuses a bad IBAN, a bank code not of the IBAN, a phone not in E.164, unsent', async () => {
    server = await serve();
    const c = client(server);
    const key = 'home-schooling:case-000456:application';
    const bad = (patch: Partial<EsobesApplicationRequest>) =>
      c.createHomeSchoolingApplication({ ...REQUEST, ...patch }, key);
    await expect(bad({ account: { ...REQUEST.account, iban: 'KZ35601A000000012346' } })).rejects.toThrow(
      /account\.iban/,
    );
    await expect(bad({ account: { ...REQUEST.account, bankCode: '722' } })).rejects.toThrow(
      /bankCode is not the bank/,
    );
    const err = await bad({ representative: { ...REQUEST.representative, phone: '8 747 111 22 33' } }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(/representative\.phone/);
    expect((err as Error).message).not.toContain('111');
    await expect(bad({ child: { ...REQUEST.child, iin: '110427500018' } })).rejects.toThrow(
      /child\.iin is not a valid IIN/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('getHomeSchoolingApplication maps the decision, its monthly amount in tiyn', async () => {
    server = await serve();
    const app = await client(server).getHomeSchoolingApplication(APP_ID);
    expect(app.decision).toEqual({
      decisionId: 'dec-01J90A2C4E6G8J0L2N4Q6S8U0W',
      outcome: 'assigned',
      decidedAt: '2024-09-16T11:00:00+05:00',
      monthlyAmount: 2953600,
      paymentFrom: '2024-09-01',
      paymentTo: '2025-05-31',
      refusalReason: null,
    });
    expect(app.paymentStop).toBeNull();
    await expect(
      client(server).getHomeSchoolingApplication('app-01J8ZN5B7D9F1H3K5M7P9R1T3W'),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getHomeSchoolingApplication('app-1')).rejects.toBeInstanceOf(BadInput);
  });

  it('listHomeSchoolingApplications filters by child; the iterator follows the cursor', async () => {
    server = await serve();
    const page = await client(server).listHomeSchoolingApplications({ childIin: CHILD, status: 'assigned' });
    expect(server.requests[0]!.url).toBe(`/home-schooling/applications?childIin=${CHILD}&status=assigned`);
    expect(page).toMatchObject({ hasMore: true, nextCursor: 'a2', items: [{ applicationId: APP_ID }] });
    const all = [];
    for await (const a of client(server).homeSchoolingApplications({ representativeIin: MOTHER }))
      all.push(a);
    expect(all).toHaveLength(1);
    expect(server.requests.map((r) => r.url).slice(1)).toEqual([
      `/home-schooling/applications?representativeIin=${MOTHER}`,
      `/home-schooling/applications?representativeIin=${MOTHER}&cursor=a2`,
    ]);
    expect(() => client(server!).homeSchoolingApplications({ childIin: '1' })).toThrow(BadInput);
  });

  it('stopHomeSchoolingPayments sends what NOBD reported and returns the stop (cl. 14)', async () => {
    server = await serve();
    const app = await client(server).stopHomeSchoolingPayments(
      APP_ID,
      {
        schoolingEndedOn: '2024-12-20',
        nobdOrderId: 'hso-71-0064-2024-112',
        nobdChangeId: 'hsc-2024-12-20-000031',
      },
      'home-schooling:case-000456:payment-stop',
    );
    expect(JSON.parse(server.requests[0]!.body)).toEqual(
      example('/home-schooling/applications/{applicationId}/payment-stop', 'post'),
    );
    expect(app).toMatchObject({
      status: 'payments-stopped',
      paymentStop: { lastPaidMonth: '2024-12', nobdChangeId: null },
    });
  });

  it('stopHomeSchoolingPayments: NOTHING_TO_STOP for a refused application; another application is refused', async () => {
    server = await serve(() => [422, 'NOTHING_TO_STOP']);
    const stop = { schoolingEndedOn: '2024-12-20', nobdOrderId: 'hso-71-0064-2024-112' };
    await expect(
      client(server).stopHomeSchoolingPayments(APP_ID, stop, 'k-payment-stop'),
    ).rejects.toMatchObject({
      problemCode: 'NOTHING_TO_STOP',
    });
    server = await serve(() => [200, { ...APPLICATION, applicationId: 'app-01J8ZN5B7D9F1H3K5M7P9R1T3W' }]);
    await expect(
      client(server).stopHomeSchoolingPayments(APP_ID, stop, 'k-payment-stop'),
    ).rejects.toMatchObject({
      pointer: '/applicationId',
    });
    await expect(
      client(server).stopHomeSchoolingPayments(
        APP_ID,
        { ...stop, schoolingEndedOn: '20.12.2024' },
        'k-payment-stop',
      ),
    ).rejects.toThrow(/schoolingEndedOn/);
  });
});

describe('EsobesClient: IPR measures (seed 004 cl. 9–11)', () => {
  it('getIprMeasure maps the measure with its choice window', async () => {
    server = await serve();
    await expect(client(server).getIprMeasure(MEASURE_ID)).resolves.toMatchObject({
      measureId: MEASURE_ID,
      personIin: PERSON,
      status: 'choice-blocked',
      measureType: { code: 'surdo' },
      quantity: 2,
      choiceDeadline: '2025-05-12',
    });
    await expect(client(server).getIprMeasure('iprm-2025-999999')).rejects.toBeInstanceOf(NotFound);
  });

  it('requestIprMeasureReactivation passes the request on and returns the new choice deadline', async () => {
    server = await serve();
    const body = example('/ipr/measures/{measureId}/reactivation-requests', 'post') as unknown as {
      personIin: string;
      portalRequestId: string;
      requestedAt: string;
    };
    const r = await client(server).requestIprMeasureReactivation(MEASURE_ID, body, 'portal:react-00071');
    expect(JSON.parse(server.requests[0]!.body)).toEqual(body);
    expect(r).toMatchObject({
      status: 'reactivated',
      newChoiceDeadline: '2025-07-20',
      sentToPortalAt: null,
      rejection: null,
    });
  });

  it('requestIprMeasureReactivation: CHOICE_NOT_BLOCKED is a BusinessRuleViolation; a bad IIN is refused unsent', async () => {
    server = await serve(() => [422, 'CHOICE_NOT_BLOCKED']);
    const body = { personIin: PERSON, portalRequestId: 'p-1', requestedAt: '2025-05-20T10:42:00+05:00' };
    await expect(
      client(server).requestIprMeasureReactivation(MEASURE_ID, body, 'portal:react-1'),
    ).rejects.toMatchObject({
      name: 'BusinessRuleViolation',
      problemCode: 'CHOICE_NOT_BLOCKED',
    });
    await expect(
      client(server).requestIprMeasureReactivation(
        MEASURE_ID,
        { ...body, personIin: '680830300013' },
        'portal:react-1',
      ),
    ).rejects.toThrow(/personIin/);
    expect(server.requests).toHaveLength(1);
  });

  it('getIprReactivationRequest returns the request; refuses a malformed id unsent', async () => {
    server = await serve();
    await expect(client(server).getIprReactivationRequest(RR_ID)).resolves.toMatchObject({
      requestId: RR_ID,
    });
    await expect(client(server).getIprReactivationRequest('rr-1')).rejects.toBeInstanceOf(BadInput);
    expect(server.requests).toHaveLength(1);
  });

  it('reportIprMeasureExecution sends the stage with the amount in tiyn and returns the measure state', async () => {
    server = await serve();
    await expect(
      client(server).reportIprMeasureExecution(MEASURE_ID, EXECUTION, 'portal:exec-00415'),
    ).resolves.toEqual({
      executionId: 'ex-01J9F2G4H6J8K0M2N4P6Q8R0S2',
      measureId: MEASURE_ID,
      stage: 'executed',
      measureStatus: 'executed',
      recordedAt: '2025-06-02T15:30:02+05:00',
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(
      example('/ipr/measures/{measureId}/executions', 'post'),
    );
  });

  it('reportIprMeasureExecution: INVALID_TRANSITION is a BusinessRuleViolation; a supplier without BIN is refused', async () => {
    server = await serve(() => [422, 'INVALID_TRANSITION']);
    await expect(
      client(server).reportIprMeasureExecution(MEASURE_ID, EXECUTION, 'portal:exec-1'),
    ).rejects.toBeInstanceOf(BusinessRuleViolation);
    const { bin: _bin, ...noBin } = EXECUTION.supplier!;
    await expect(
      client(server).reportIprMeasureExecution(
        MEASURE_ID,
        { ...EXECUTION, supplier: noBin },
        'portal:exec-1',
      ),
    ).rejects.toThrow(/supplier needs a bin/);
    await expect(
      client(server).reportIprMeasureExecution(
        MEASURE_ID,
        { ...EXECUTION, amount: 1.5 as never },
        'portal:exec-1',
      ),
    ).rejects.toThrow(/amount must be an integer/);
    expect(server.requests).toHaveLength(1);
  });

  it('an answer about another measure, or with a malformed field, is a ContractViolation', async () => {
    server = await serve(() => [200, { ...MEASURE, measureId: 'iprm-2025-000319' }]);
    await expect(client(server).getIprMeasure(MEASURE_ID)).rejects.toMatchObject({ pointer: '/measureId' });
    server = await serve(() => [200, { ...MEASURE, personIin: '68083030001' }]);
    const err = await client(server)
      .getIprMeasure(MEASURE_ID)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/personIin' });
  });
});

describe('EsobesClient: construction and logs', () => {
  it('refuses a transport of another system', () => {
    const other = new HttpTransport({ system: 'sdu', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    expect(() => new EsobesClient({ baseUrl: 'http://127.0.0.1:1' }, { http: other })).toThrow(
      /transport is for system sdu/,
    );
  });

  it('logs with no IIN, phone, IBAN or token in the output', async () => {
    server = await serve();
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.createHomeSchoolingApplication(REQUEST, 'home-schooling:case-000456:application');
    await c.listHomeSchoolingApplications({ childIin: CHILD });
    await c.getIprMeasure('iprm-2025-999999').catch(() => undefined);
    expect(out.lines().length).toBeGreaterThanOrEqual(3);
    for (const secret of [CHILD, MOTHER, '+77471112233', 'KZ35601A000000012345', 'esobes-token']) {
      expect(out.text()).not.toContain(secret);
    }
  });
});
