import * as contract from '../../contracts/sdu/openapi.json';
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
  UpstreamUnavailable,
  createLogger,
} from '../transport';
import { SduClient, type SduClientConfig } from './client';
import type { SduJournalEntry, SduServiceStatus } from './mapping';

// The contract's own examples are the fake SDU's answers: a test that passes here passes against the contract.
const EX = Object.fromEntries(
  Object.entries(contract.components.examples).map(([k, v]) => [k, (v as { value: unknown }).value]),
) as Record<string, Record<string, unknown>>;

const SUBJECT = '530120300012';
const PUPIL = '120905500017';
const MOTHER = '850312400019';
const SCHOOL_BIN = '110140032579';

const ENTRY: SduJournalEntry = {
  entryId: 'egov-journal-2025-09-06-000101',
  service: 'gas-voucher',
  month: '2025-09',
  event: 'no-phone',
  subjectIin: SUBJECT,
  recordedAt: '2025-09-06T10:00:00+05:00',
  listVersion: 3,
};
const STATUS: SduServiceStatus = {
  statusId: 'egov-status-2025-09-06-000201',
  service: 'school-meals',
  month: '2025-09',
  pupilIin: PUPIL,
  recipientIin: MOTHER,
  recipientRole: 'mother',
  schoolBin: SCHOOL_BIN,
  status: 'consented',
  statusAt: '2025-09-06T18:00:00+05:00',
};

type Route = (req: SeenRequest, url: URL) => [number, unknown] | undefined;

async function fakeSdu(route?: Route): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url, 'http://sdu.test');
    const override = route?.(req, url);
    if (override) {
      const [status, body] = override;
      return status >= 400 ? problem(res, status, String(body)) : json(res, status, body);
    }
    const p = url.pathname;
    if (p === '/gas-voucher-lists/2025-09') return json(res, 200, EX.GasListUpdatable);
    if (p === '/school-meal-lists/2025-09') return json(res, 200, EX.MealListPublished);
    if (p === '/gas-voucher-lists/2025-10' || p === '/school-meal-lists/2025-10')
      return problem(res, 404, 'NOT_FOUND');
    if (p === '/gas-voucher-lists/2025-09/recipients') {
      if (url.searchParams.get('cursor') === 'eyJ2IjozLCJvZmZzZXQiOjJ9') {
        return json(res, 200, {
          month: '2025-09',
          version: 3,
          items: [],
          page: { nextCursor: null, hasMore: false },
        });
      }
      return json(res, 200, EX.GasRecipientPage);
    }
    if (p === '/gas-voucher-lists/2025-09/changes') return json(res, 200, EX.GasChangePage);
    if (p === '/school-meal-lists/2025-09/pupils')
      return json(res, 200, { ...EX.MealPupilPage, page: { nextCursor: null, hasMore: false } });
    if (p === '/school-meal-lists/2025-09/changes') return json(res, 200, EX.MealChangePage);
    if (p === '/journal-entries') return json(res, 202, EX.JournalBatchAccepted);
    if (p === '/service-statuses') return json(res, 202, EX.StatusBatchAccepted);
    if (p === '/report-batches/sdu-batch-2025-09-06-0032') return json(res, 200, EX.StatusBatchForwarded);
    if (p.startsWith('/report-batches/')) return problem(res, 404, 'NOT_FOUND');
    problem(res, 400, 'VALIDATION');
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a fake SDU, closing the one of the test before (a test may try several). */
async function serve(route?: Route): Promise<TestServer> {
  await server?.close();
  return fakeSdu(route);
}

function client(s: TestServer, config: Partial<SduClientConfig> = {}): SduClient {
  return new SduClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'sdu-token' },
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

describe('SduClient: the gas-voucher list (seed 000 cl. 11–12, 17–18)', () => {
  it('getGasVoucherList returns the header with its version and the last day it may change', async () => {
    server = await serve();
    await expect(client(server).getGasVoucherList('2025-09')).resolves.toMatchObject({
      listId: 'sdu-gas-2025-09',
      service: 'gas-voucher',
      version: 3,
      status: 'published',
      updatableUntil: '2025-09-14',
      schoolYear: null,
      regions: [{ code: '79' }, { code: '27' }],
      total: 48213,
    });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sdu-token');
  });

  it('getGasVoucherList answers null while SDU has not formed the month, and refuses a bad month unsent', async () => {
    server = await serve();
    await expect(client(server).getGasVoucherList('2025-10')).resolves.toBeNull();
    await expect(client(server).getGasVoucherList('2025-13')).rejects.toThrow(
      /month must be a month YYYY-MM/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('getGasVoucherList refuses the header of another month or service', async () => {
    server = await serve((_r, url) =>
      url.pathname === '/gas-voucher-lists/2025-08' ? [200, EX.GasListUpdatable] : undefined,
    );
    await expect(client(server).getGasVoucherList('2025-08')).rejects.toMatchObject({ pointer: '/month' });
    server = await serve((_r, url) =>
      url.pathname === '/gas-voucher-lists/2025-09' ? [200, EX.MealListPublished] : undefined,
    );
    await expect(client(server).getGasVoucherList('2025-09')).rejects.toMatchObject({ pointer: '/service' });
  });

  it('listGasVoucherRecipients maps a page; open assistance periods are null', async () => {
    server = await serve();
    const page = await client(server).listGasVoucherRecipients('2025-09', {
      version: 3,
      region: '79',
      limit: 2,
    });
    expect(server.requests[0]!.url).toBe('/gas-voucher-lists/2025-09/recipients?version=3&region=79&limit=2');
    expect(page).toMatchObject({
      month: '2025-09',
      version: 3,
      hasMore: true,
      nextCursor: 'eyJ2IjozLCJvZmZzZXQiOjJ9',
    });
    expect(page.items[1]).toMatchObject({
      iin: '940615400015',
      assistance: [{ type: 'housing', periodFrom: '2025-04-01', periodTo: null }],
    });
  });

  it('gasVoucherRecipients() follows the cursor to the last page', async () => {
    server = await serve();
    const all = await collect(client(server).gasVoucherRecipients('2025-09'));
    expect(all.map((r) => r.iin)).toEqual([SUBJECT, '940615400015']);
    expect(server.requests[1]!.url).toBe(
      '/gas-voucher-lists/2025-09/recipients?cursor=eyJ2IjozLCJvZmZzZXQiOjJ9',
    );
  });

  it('listGasVoucherListChanges returns who was removed and added since a version', async () => {
    server = await serve();
    const page = await client(server).listGasVoucherListChanges('2025-09', { sinceVersion: 1 });
    expect(server.requests[0]!.url).toBe('/gas-voucher-lists/2025-09/changes?sinceVersion=1');
    expect(page.currentVersion).toBe(3);
    expect(page.items.map((c) => [c.change, c.iin, c.reason.code, c.recipient === null])).toEqual([
      ['removed', '880101400017', 'assistance-ended', true],
      ['added', '940615400015', 'assistance-assigned', false],
    ]);
    await expect(
      collect(client(server).gasVoucherListChanges('2025-09', { sinceVersion: 1 })),
    ).resolves.toHaveLength(2);
  });

  it('refuses invalid filters before any call, the iterators at once', async () => {
    server = await serve();
    const c = client(server);
    await expect(c.listGasVoucherRecipients('2025-09', { version: 0 })).rejects.toThrow(/version/);
    await expect(c.listGasVoucherListChanges('2025-09', { updatedSince: 'yesterday' })).rejects.toThrow(
      /updatedSince/,
    );
    expect(() => c.gasVoucherRecipients('09-2025')).toThrow(BadInput);
    expect(() => c.schoolMealPupils('2025-09', { schoolBin: '110140032578' })).toThrow(
      /schoolBin is not a valid BIN/,
    );
    expect(() => c.schoolMealListChanges('2025-09', { sinceVersion: -1 })).toThrow(/sinceVersion/);
    expect(server.requests).toHaveLength(0);
  });

  it('a recipient list page of another month is a ContractViolation; a malformed IIN names its field', async () => {
    server = await serve((_r, url) =>
      url.pathname.endsWith('/recipients') ? [200, { ...EX.GasRecipientPage, month: '2025-08' }] : undefined,
    );
    await expect(client(server).listGasVoucherRecipients('2025-09')).rejects.toMatchObject({
      pointer: '/month',
    });
    const page = EX.GasRecipientPage as { items: Record<string, unknown>[] };
    server = await serve((_r, url) =>
      url.pathname.endsWith('/recipients')
        ? [200, { ...page, items: [{ ...page.items[0], iin: '53012030001X' }] }]
        : undefined,
    );
    const err = await client(server)
      .listGasVoucherRecipients('2025-09')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/items/0/iin' });
  });

  it('a month without a list is NotFound for the pages (ask for the header first)', async () => {
    server = await serve((_r, url) =>
      url.pathname.startsWith('/gas-voucher-lists/2025-10/') ? [404, 'NOT_FOUND'] : undefined,
    );
    await expect(client(server).listGasVoucherRecipients('2025-10')).rejects.toBeInstanceOf(NotFound);
  });
});

describe('SduClient: the school-meals list (seed 002 Annex 1 cl. 4–6)', () => {
  it('getSchoolMealList returns the header with the school year; null when not formed', async () => {
    server = await serve();
    await expect(client(server).getSchoolMealList('2025-09')).resolves.toMatchObject({
      service: 'school-meals',
      schoolYear: '2025-2026',
      updatableUntil: null,
      regions: [],
    });
    await expect(client(server).getSchoolMealList('2025-10')).resolves.toBeNull();
  });

  it('listSchoolMealPupils maps the pupils with their representatives in the order to ask them', async () => {
    server = await serve();
    const page = await client(server).listSchoolMealPupils('2025-09', {
      schoolBin: SCHOOL_BIN,
      category: '1',
    });
    expect(server.requests[0]!.url).toBe(
      '/school-meal-lists/2025-09/pupils?schoolBin=110140032579&category=1',
    );
    const first = page.items[0]!;
    expect(first).toMatchObject({ pupilIin: PUPIL, category: { code: expect.any(String) } });
    const priorities = first.representatives.map((r) => r.contactPriority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    await expect(collect(client(server).schoolMealPupils('2025-09'))).resolves.toHaveLength(
      page.items.length,
    );
  });

  it('listSchoolMealListChanges maps the changes with the current version', async () => {
    server = await serve();
    const page = await client(server).listSchoolMealListChanges('2025-09', {
      updatedSince: '2025-09-14T00:00:00+05:00',
    });
    expect(page.currentVersion).toBe(2);
    expect(page.items[0]).toMatchObject({
      change: 'added',
      pupilIin: '170315500019',
      reason: { code: 'enrolled' },
    });
    await expect(collect(client(server).schoolMealListChanges('2025-09'))).resolves.toHaveLength(
      page.items.length,
    );
  });
});

describe('SduClient: reports back (seed 000 cl. 15; seed 002 Annex 1 cl. 8, 12)', () => {
  it('reportJournalEntries sends the entries under the key, gas pupil and school as null', async () => {
    server = await serve();
    await expect(
      client(server).reportJournalEntries([ENTRY], 'egov:journal:2025-09-06:0031'),
    ).resolves.toEqual({
      batchId: 'sdu-batch-2025-09-06-0031',
      kind: 'journal-entries',
      receivedAt: '2025-09-06T23:10:06+05:00',
      accepted: 2,
      duplicates: 0,
      nobdForwarding: 'pending',
      forwardedAt: null,
      rejectedByNobd: [],
    });
    expect(server.requests[0]!.headers['idempotency-key']).toBe('egov:journal:2025-09-06:0031');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      entries: [{ ...ENTRY, pupilIin: null, schoolBin: null }],
    });
  });

  it('reportJournalEntries: NOT_IN_LIST is a BusinessRuleViolation; a reused key a Conflict; retried on 503', async () => {
    server = await serve(() => [422, 'NOT_IN_LIST']);
    const rule = await client(server)
      .reportJournalEntries([ENTRY], 'egov:journal:x:1')
      .catch((e: unknown) => e);
    expect(rule).toBeInstanceOf(BusinessRuleViolation);
    expect(rule).toMatchObject({ problemCode: 'NOT_IN_LIST' });
    server = await serve(() => [409, 'IDEMPOTENCY_CONFLICT']);
    await expect(client(server).reportJournalEntries([ENTRY], 'egov:journal:x:1')).rejects.toBeInstanceOf(
      Conflict,
    );
    server = await serve((_r, url) =>
      url.pathname === '/journal-entries' && server!.requests.length < 3 ? [503, 'UNAVAILABLE'] : undefined,
    );
    await expect(client(server).reportJournalEntries([ENTRY], 'egov:journal:x:1')).resolves.toMatchObject({
      accepted: 2,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('reportJournalEntries refuses more than 1000 entries, a bad IIN (by its index) and a short key, unsent', async () => {
    server = await serve();
    const c = client(server);
    await expect(c.reportJournalEntries(Array(1001).fill(ENTRY), 'egov:journal:x:1')).rejects.toThrow(
      /1 to 1000/,
    );
    const err = await c
      .reportJournalEntries([ENTRY, { ...ENTRY, subjectIin: '530120300013' }], 'egov:journal:x:1')
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/entries\[1\]\.subjectIin is not a valid IIN/);
    expect((err as Error).message).not.toContain('53012030001');
    await expect(c.reportJournalEntries([ENTRY], 'k')).rejects.toThrow(/idempotencyKey/);
    expect(server.requests).toHaveLength(0);
  });

  it('reportServiceStatuses sends the statuses and refuses an answer of the other kind', async () => {
    server = await serve();
    await expect(client(server).reportServiceStatuses([STATUS], 'egov:statuses:x:1')).resolves.toMatchObject({
      kind: 'service-statuses',
      accepted: 3,
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ statuses: [STATUS] });
    server = await serve(() => [202, EX.JournalBatchAccepted]);
    await expect(client(server).reportServiceStatuses([STATUS], 'egov:statuses:x:1')).rejects.toMatchObject({
      pointer: '/kind',
    });
    await expect(
      client(server).reportServiceStatuses(
        [{ ...STATUS, status: 'voucher-issued' as never }],
        'egov:statuses:x:1',
      ),
    ).rejects.toThrow(/statuses\[0\]\.status must be one of/);
  });

  it('getReportBatch returns the forwarding to NOBD; NotFound for an unknown batch', async () => {
    server = await serve();
    await expect(client(server).getReportBatch('sdu-batch-2025-09-06-0032')).resolves.toMatchObject({
      nobdForwarding: 'forwarded',
      forwardedAt: expect.any(String),
    });
    await expect(client(server).getReportBatch('sdu-batch-unknown')).rejects.toBeInstanceOf(NotFound);
    await expect(client(server).getReportBatch('a/b')).rejects.toBeInstanceOf(BadInput);
  });

  it('gives up with UpstreamUnavailable when SDU stays down', async () => {
    server = await serve(() => [503, 'UNAVAILABLE']);
    await expect(
      client(server, { retry: { maxAttempts: 2 } }).getGasVoucherList('2025-09'),
    ).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(server.requests).toHaveLength(2);
  });
});

describe('SduClient: construction and logs', () => {
  it('refuses a transport of another system', () => {
    const other = new HttpTransport({ system: 'nobd', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    expect(() => new SduClient({ baseUrl: 'http://127.0.0.1:1' }, { http: other })).toThrow(
      /transport is for system nobd/,
    );
  });

  it('logs with no IIN or token in the output', async () => {
    server = await serve();
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.listGasVoucherRecipients('2025-09');
    await c.reportServiceStatuses([STATUS], 'egov:statuses:x:1');
    await c.getReportBatch('sdu-batch-unknown').catch(() => undefined);
    expect(out.lines().length).toBeGreaterThanOrEqual(3);
    for (const secret of [SUBJECT, PUPIL, MOTHER, 'sdu-token']) expect(out.text()).not.toContain(secret);
  });
});
