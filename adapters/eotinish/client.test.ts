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
  BusinessRuleViolation,
  Conflict,
  ContractViolation,
  HttpTransport,
  NotFound,
  createLogger,
} from '../transport';
import { EotinishClient, type EotinishClientConfig } from './client';
import type { EotinishComplaintToFile, EotinishWithdrawal } from './mapping';

// Synthetic family (valid checksums): a mother born 1985-03-12 with phone +77012345678, her son born 2012-09-05.
const MOTHER = '850312400019';
const FATHER = '820701300011';
const PUPIL = '120905500017';
const PHONE = '+77012345678';
const COMPLAINT_ID = 'cmp-2025-0048213';
const SOURCE_REF = 'wallet-cmp-2025-10-000381';
const KEY = 'school-meals:2025-10:case-000381:complaint';
const WITHDRAW_KEY = 'school-meals:2025-10:case-000381:withdraw';

const SCHOOL = {
  bin: '110140032579',
  nobdSchoolId: 'SCH-79-0045',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' },
};
const ADDRESSEE = {
  bin: '030540000012',
  nameKz: 'Шымкент қаласының білім басқармасы',
  nameRu: 'Управление образования города Шымкент',
};

const COLD_LUNCH: EotinishComplaintToFile = {
  sourceRef: SOURCE_REF,
  applicantIin: MOTHER,
  applicantName: { lastName: 'Ахметова', firstName: 'Айгерим', middleName: 'Серікқызы' },
  applicantPhone: '8 701 234 56 78',
  applicantRole: 'mother',
  pupilIin: PUPIL,
  pupilName: { lastName: 'Ахметов', firstName: 'Нұрлан', middleName: 'Серікұлы' },
  school: SCHOOL,
  voucherId: 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K',
  mealId: 'meal-2025-10-14-000912',
  mealDate: '2025-10-14',
  topic: 'food-quality',
  text: '14 қазанда ұлыма берілген түскі ас суық болды, порциясы аз.',
  rating: 2,
  answerChannel: 'sms',
  language: 'kk',
  submittedAt: '2025-10-14T16:20:00+05:00',
  attachments: [
    {
      fileName: 'lunch-2025-10-14.jpg',
      mediaType: 'image/jpeg',
      sizeBytes: 284113,
      url: 'https://wallet.example.kz/files/att-000381-1',
    },
  ],
};

const WITHDRAWAL: EotinishWithdrawal = {
  applicantIin: MOTHER,
  withdrawnAt: '2025-10-15T09:00:00+05:00',
  reason: 'The canteen replaced the meal the next day.',
};

const STATUS = {
  forwarded: {
    code: 'forwarded',
    nameKz: 'Уәкілетті органға жолданды',
    nameRu: 'Направлена в уполномоченный орган',
  },
  answered: { code: 'answered', nameKz: 'Жауап берілді', nameRu: 'Дан ответ' },
  withdrawn: { code: 'withdrawn', nameKz: 'Кері қайтарылды', nameRu: 'Отозвана заявителем' },
};

function wireComplaint(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    complaintId: COMPLAINT_ID,
    registrationNumber: 'ЖТ-2025-0048213',
    status: STATUS.forwarded,
    registeredAt: '2025-10-14T16:20:04+05:00',
    dueDate: '2025-11-04',
    sourceSystem: 'wallet',
    sourceRef: SOURCE_REF,
    applicantIin: MOTHER,
    applicantName: COLD_LUNCH.applicantName,
    applicantRole: 'mother',
    pupilIin: PUPIL,
    school: SCHOOL,
    voucherId: COLD_LUNCH.voucherId,
    mealId: COLD_LUNCH.mealId,
    mealDate: '2025-10-14',
    topic: 'food-quality',
    text: COLD_LUNCH.text,
    rating: 2,
    addressee: ADDRESSEE,
    history: [
      { status: 'registered', at: '2025-10-14T16:20:04+05:00', comment: null },
      { status: 'forwarded', at: '2025-10-14T16:20:05+05:00', comment: 'Routed by the school region.' },
    ],
    answer: null,
    ...over,
  };
}

type Mode =
  | 'unavailable'
  | 'not-routed'
  | 'conflict'
  | 'answered'
  | 'other-pupil'
  | 'other-complaint'
  | 'not-withdrawn'
  | 'bad-status'
  | 'bad-cursor';

async function fakeEotinish(tweak?: (n: number) => Mode | undefined): Promise<TestServer> {
  return startServer((req, res, n) => {
    const mode = tweak?.(n);
    if (mode === 'unavailable') return problem(res, 503, 'UNAVAILABLE', { detail: `busy with ${MOTHER}` });
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === '/complaints') {
      if (mode === 'not-routed') return problem(res, 422, 'SCHOOL_NOT_ROUTED');
      if (mode === 'conflict') return problem(res, 409, 'IDEMPOTENCY_CONFLICT');
      const body = JSON.parse(req.body) as Record<string, unknown>;
      return json(
        res,
        201,
        wireComplaint({
          sourceRef: body.sourceRef,
          applicantIin: body.applicantIin,
          pupilIin: mode === 'other-pupil' ? '150214600012' : body.pupilIin,
        }),
        { Location: `/complaints/${COMPLAINT_ID}` },
      );
    }
    if (req.method === 'GET' && url.pathname === '/complaints') {
      if (mode === 'bad-cursor') return problem(res, 400, 'VALIDATION', { detail: 'cursor is not ours' });
      return json(res, 200, { items: [wireComplaint()], page: { nextCursor: 'c2', hasMore: true } });
    }
    if (req.method === 'POST' && url.pathname.endsWith('/withdrawal')) {
      if (url.pathname !== `/complaints/${COMPLAINT_ID}/withdrawal`) return problem(res, 404, 'NOT_FOUND');
      if (mode === 'answered') return problem(res, 422, 'COMPLAINT_ALREADY_ANSWERED');
      const body = JSON.parse(req.body) as Record<string, unknown>;
      return json(
        res,
        200,
        wireComplaint({
          status: mode === 'not-withdrawn' ? STATUS.forwarded : STATUS.withdrawn,
          applicantIin: body.applicantIin,
        }),
      );
    }
    if (req.method === 'GET' && url.pathname.startsWith('/complaints/')) {
      if (url.pathname !== `/complaints/${COMPLAINT_ID}`) return problem(res, 404, 'NOT_FOUND');
      if (mode === 'other-complaint')
        return json(res, 200, wireComplaint({ complaintId: 'cmp-2025-0000001' }));
      if (mode === 'bad-status')
        return json(res, 200, wireComplaint({ status: { ...STATUS.answered, code: 'closed' } }));
      return json(
        res,
        200,
        wireComplaint({
          status: STATUS.answered,
          applicantName: undefined,
          mealDate: null,
          answer: {
            answeredAt: '2025-10-28T11:30:00+05:00',
            outcome: 'upheld',
            text: 'Асхана операторына ескерту жасалды.',
            answeredBy: ADDRESSEE,
          },
        }),
      );
    }
    problem(res, 400, 'VALIDATION');
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(s: TestServer, config: Partial<EotinishClientConfig> = {}): EotinishClient {
  return new EotinishClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'eotinish-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

describe('EotinishClient.fileComplaint', () => {
  it('files the complaint as the Wallet, phone normalised, with the idempotency key, and returns it registered', async () => {
    server = await fakeEotinish();
    const complaint = await client(server).fileComplaint(COLD_LUNCH, KEY);
    expect(complaint).toMatchObject({
      complaintId: COMPLAINT_ID,
      registrationNumber: 'ЖТ-2025-0048213',
      status: STATUS.forwarded,
      dueDate: '2025-11-04',
      sourceRef: SOURCE_REF,
      pupilIin: PUPIL,
      pupilName: null,
      addressee: ADDRESSEE,
      answer: null,
    });
    expect(complaint.history).toEqual([
      { status: 'registered', at: '2025-10-14T16:20:04+05:00', comment: null },
      { status: 'forwarded', at: '2025-10-14T16:20:05+05:00', comment: 'Routed by the school region.' },
    ]);
    const seen = server.requests[0]!;
    expect(seen).toMatchObject({ method: 'POST', url: '/complaints' });
    expect(seen.headers['idempotency-key']).toBe(KEY);
    expect(seen.headers.authorization).toBe('Bearer eotinish-token');
    expect(JSON.parse(seen.body)).toEqual({ ...COLD_LUNCH, sourceSystem: 'wallet', applicantPhone: PHONE });
  });

  it('sends the default answer channel and language and leaves out what the caller did not give', async () => {
    server = await fakeEotinish();
    const {
      applicantPhone: _p,
      pupilName: _n,
      voucherId: _v,
      mealId: _m,
      mealDate: _d,
      rating: _r,
      answerChannel: _a,
      language: _l,
      attachments: _f,
      ...bare
    } = COLD_LUNCH;
    await client(server).fileComplaint(bare, KEY);
    const body = JSON.parse(server.requests[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ answerChannel: 'egov-personal-cabinet', language: 'kk' });
    for (const absent of ['applicantPhone', 'pupilName', 'mealDate', 'rating', 'attachments', 'addressee'])
      expect(body).not.toHaveProperty(absent);
  });

  it('is retried with the same key while e-Otinish is unavailable (a POST with an idempotency key)', async () => {
    server = await fakeEotinish((n) => (n === 1 ? 'unavailable' : undefined));
    await expect(client(server).fileComplaint(COLD_LUNCH, KEY)).resolves.toMatchObject({
      complaintId: COMPLAINT_ID,
    });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([KEY, KEY]);
  });

  it('a school without an authorised body is a BusinessRuleViolation SCHOOL_NOT_ROUTED', async () => {
    server = await fakeEotinish(() => 'not-routed');
    await expect(client(server).fileComplaint(COLD_LUNCH, KEY)).rejects.toMatchObject({
      constructor: BusinessRuleViolation,
      problemCode: 'SCHOOL_NOT_ROUTED',
      status: 422,
    });
  });

  it('a key or sourceRef reused with another complaint is a Conflict, not retried', async () => {
    server = await fakeEotinish(() => 'conflict');
    await expect(client(server).fileComplaint(COLD_LUNCH, KEY)).rejects.toBeInstanceOf(Conflict);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an answer about another pupil', async () => {
    server = await fakeEotinish(() => 'other-pupil');
    await expect(client(server).fileComplaint(COLD_LUNCH, KEY)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/pupilIin',
    });
  });

  it('refuses invalid input before any call, naming the field and never the value', async () => {
    server = await fakeEotinish();
    const c = client(server);
    const cases: [Partial<Record<keyof EotinishComplaintToFile, unknown>>, RegExp][] = [
      [{ sourceRef: '' }, /complaint\.sourceRef/],
      [{ applicantIin: '850312400018' }, /complaint\.applicantIin/],
      [{ applicantName: { lastName: '', firstName: 'Айгерим' } }, /complaint\.applicantName/],
      [{ applicantPhone: '+77172123456' }, /complaint\.applicantPhone/],
      [{ applicantRole: 'aunt' }, /complaint\.applicantRole/],
      [{ pupilIin: '1209055000' }, /complaint\.pupilIin/],
      [{ pupilIin: MOTHER }, /complaint\.pupilIin/],
      [{ school: { ...SCHOOL, bin: '110140032578' } }, /complaint\.school\.bin/],
      [
        { school: { ...SCHOOL, region: { code: '7', nameKz: 'x', nameRu: 'x' } } },
        /complaint\.school\.region/,
      ],
      [{ addressee: { ...ADDRESSEE, nameRu: '' } }, /complaint\.addressee/],
      [{ mealDate: '2025-02-30' }, /complaint\.mealDate/],
      [{ topic: 'prices' }, /complaint\.topic/],
      [{ text: '' }, /complaint\.text/],
      [{ text: 'x'.repeat(4001) }, /complaint\.text/],
      [{ rating: 0 }, /complaint\.rating/],
      [{ rating: 4.5 }, /complaint\.rating/],
      [{ answerChannel: 'email' }, /complaint\.answerChannel/],
      [{ language: 'en' }, /complaint\.language/],
      [{ submittedAt: '2025-10-14' }, /complaint\.submittedAt/],
      [{ attachments: new Array(6).fill(COLD_LUNCH.attachments![0]) }, /complaint\.attachments/],
      [
        { attachments: [{ ...COLD_LUNCH.attachments![0], mediaType: 'video/mp4' }] },
        /complaint\.attachments\[0\]\.mediaType/,
      ],
      [
        { attachments: [{ ...COLD_LUNCH.attachments![0], sizeBytes: 10485761 }] },
        /complaint\.attachments\[0\]\.sizeBytes/,
      ],
      [
        { attachments: [{ ...COLD_LUNCH.attachments![0], url: 'file:///etc/passwd' }] },
        /complaint\.attachments\[0\]\.url/,
      ],
    ];
    for (const [change, field] of cases) {
      const err = await c
        .fileComplaint({ ...COLD_LUNCH, ...change } as EotinishComplaintToFile, KEY)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).toMatch(field);
      expect((err as Error).message).not.toMatch(/8503124000|1209055000|701|7172/);
    }
    await expect(c.fileComplaint(COLD_LUNCH, 'short')).rejects.toThrow(/idempotencyKey/);
    await expect(c.fileComplaint(null as unknown as EotinishComplaintToFile, KEY)).rejects.toThrow(
      /complaint must be/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('EotinishClient.getComplaint', () => {
  it('returns the complaint with its answer, absent values as null', async () => {
    server = await fakeEotinish();
    await expect(client(server).getComplaint(COMPLAINT_ID)).resolves.toMatchObject({
      complaintId: COMPLAINT_ID,
      status: STATUS.answered,
      applicantName: null,
      mealDate: null,
      answer: {
        answeredAt: '2025-10-28T11:30:00+05:00',
        outcome: 'upheld',
        text: 'Асхана операторына ескерту жасалды.',
        answeredBy: ADDRESSEE,
      },
    });
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: `/complaints/${COMPLAINT_ID}` });
  });

  it('throws NotFound for a complaint e-Otinish does not know (an id comes from fileComplaint)', async () => {
    server = await fakeEotinish();
    await expect(client(server).getComplaint('cmp-2025-9999999')).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a malformed id before any call', async () => {
    server = await fakeEotinish();
    for (const bad of ['', '../complaints', 'cmp 1', 'x'.repeat(65)]) {
      await expect(client(server).getComplaint(bad)).rejects.toThrow(/complaintId/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an answer about another complaint', async () => {
    server = await fakeEotinish(() => 'other-complaint');
    await expect(client(server).getComplaint(COMPLAINT_ID)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/complaintId',
    });
  });

  it('a status outside the contract is a ContractViolation naming the field', async () => {
    server = await fakeEotinish(() => 'bad-status');
    await expect(client(server).getComplaint(COMPLAINT_ID)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/status/code',
    });
  });
});

describe('EotinishClient.listComplaints', () => {
  it('sends the filter as a query and returns the page', async () => {
    server = await fakeEotinish();
    const page = await client(server).listComplaints({
      applicantIin: MOTHER,
      pupilIin: PUPIL,
      schoolBin: SCHOOL.bin,
      status: 'in-review',
      sourceRef: SOURCE_REF,
      limit: 20,
    });
    expect(page).toMatchObject({ nextCursor: 'c2', hasMore: true });
    expect(page.complaints.map((c) => c.complaintId)).toEqual([COMPLAINT_ID]);
    const url = new URL(server.requests[0]!.url, 'http://x');
    expect(url.pathname).toBe('/complaints');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      applicantIin: MOTHER,
      pupilIin: PUPIL,
      schoolBin: SCHOOL.bin,
      status: 'in-review',
      sourceRef: SOURCE_REF,
      limit: '20',
    });
  });

  it('sends no query without a filter, and a cursor when paging on', async () => {
    server = await fakeEotinish();
    await client(server).listComplaints();
    await client(server).listComplaints({ cursor: 'c2' });
    expect(server.requests.map((r) => r.url)).toEqual(['/complaints', '/complaints?cursor=c2']);
  });

  it('a cursor e-Otinish refuses is BadInput', async () => {
    server = await fakeEotinish(() => 'bad-cursor');
    await expect(client(server).listComplaints({ cursor: 'stale' })).rejects.toMatchObject({
      constructor: BadInput,
      status: 400,
    });
  });

  it('refuses an invalid filter before any call', async () => {
    server = await fakeEotinish();
    const c = client(server);
    await expect(c.listComplaints({ applicantIin: '850312400018' })).rejects.toThrow(/filter\.applicantIin/);
    await expect(c.listComplaints({ pupilIin: 'abc' })).rejects.toThrow(/filter\.pupilIin/);
    await expect(c.listComplaints({ schoolBin: '110140032578' })).rejects.toThrow(/filter\.schoolBin/);
    await expect(c.listComplaints({ status: 'closed' as never })).rejects.toThrow(/filter\.status/);
    await expect(c.listComplaints({ sourceRef: '' })).rejects.toThrow(/filter\.sourceRef/);
    await expect(c.listComplaints({ cursor: '' })).rejects.toThrow(/filter\.cursor/);
    await expect(c.listComplaints({ limit: 1001 })).rejects.toThrow(/filter\.limit/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('EotinishClient.withdrawComplaint', () => {
  it('withdraws the complaint with the idempotency key and returns it withdrawn', async () => {
    server = await fakeEotinish();
    await expect(
      client(server).withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY),
    ).resolves.toMatchObject({ complaintId: COMPLAINT_ID, status: STATUS.withdrawn });
    const seen = server.requests[0]!;
    expect(seen).toMatchObject({ method: 'POST', url: `/complaints/${COMPLAINT_ID}/withdrawal` });
    expect(seen.headers['idempotency-key']).toBe(WITHDRAW_KEY);
    expect(JSON.parse(seen.body)).toEqual(WITHDRAWAL);
  });

  it('an answered complaint is a BusinessRuleViolation COMPLAINT_ALREADY_ANSWERED', async () => {
    server = await fakeEotinish(() => 'answered');
    await expect(
      client(server).withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY),
    ).rejects.toMatchObject({
      constructor: BusinessRuleViolation,
      problemCode: 'COMPLAINT_ALREADY_ANSWERED',
    });
  });

  it('throws NotFound for an unknown complaint', async () => {
    server = await fakeEotinish();
    await expect(
      client(server).withdrawComplaint('cmp-2025-9999999', WITHDRAWAL, WITHDRAW_KEY),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses an answer that is not withdrawn', async () => {
    server = await fakeEotinish(() => 'not-withdrawn');
    await expect(
      client(server).withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY),
    ).rejects.toMatchObject({ constructor: ContractViolation, pointer: '/status/code' });
  });

  it('refuses invalid input before any call', async () => {
    server = await fakeEotinish();
    const c = client(server);
    await expect(c.withdrawComplaint('../x', WITHDRAWAL, WITHDRAW_KEY)).rejects.toThrow(/complaintId/);
    await expect(
      c.withdrawComplaint(COMPLAINT_ID, { ...WITHDRAWAL, applicantIin: FATHER.slice(1) }, WITHDRAW_KEY),
    ).rejects.toThrow(/withdrawal\.applicantIin/);
    await expect(
      c.withdrawComplaint(COMPLAINT_ID, { ...WITHDRAWAL, withdrawnAt: 'today' }, WITHDRAW_KEY),
    ).rejects.toThrow(/withdrawal\.withdrawnAt/);
    await expect(
      c.withdrawComplaint(COMPLAINT_ID, { ...WITHDRAWAL, reason: 'x'.repeat(1001) }, WITHDRAW_KEY),
    ).rejects.toThrow(/withdrawal\.reason/);
    await expect(c.withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, '')).rejects.toThrow(/idempotencyKey/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('EotinishClient: construction', () => {
  it('takes an injected transport of e-Otinish, and refuses one of another system', async () => {
    server = await fakeEotinish();
    const http = new HttpTransport({
      system: 'eotinish',
      baseUrl: server.url,
      logger: createLogger({ level: 'silent' }),
    });
    await expect(
      new EotinishClient({ baseUrl: 'http://unused.invalid' }, { http }).listComplaints(),
    ).resolves.toMatchObject({ hasMore: true });
    const other = new HttpTransport({ system: 'mab', baseUrl: server.url, validation: 'off' });
    expect(() => new EotinishClient({ baseUrl: server!.url }, { http: other })).toThrow(
      /transport is for system mab/,
    );
  });

  it('refuses an unknown configuration key', () => {
    expect(
      () => new EotinishClient({ baseUrl: 'http://127.0.0.1:1', sourceSystem: 'wallet' } as never),
    ).toThrow(/unknown key "sourceSystem"/);
  });
});

describe('EotinishClient: personal data in logs', () => {
  it('logs every call with no IIN, phone or token unmasked', async () => {
    server = await fakeEotinish((n) => (n === 1 ? 'unavailable' : undefined));
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.fileComplaint(COLD_LUNCH, KEY);
    await c.getComplaint(COMPLAINT_ID);
    await c.listComplaints({ applicantIin: MOTHER });
    await c.withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY);
    await c.getComplaint('cmp-2025-9999999').catch(() => undefined);
    expect(out.lines().length).toBeGreaterThanOrEqual(6);
    const text = out.text();
    for (const secret of [MOTHER, PUPIL, PHONE, PHONE.slice(1), 'eotinish-token']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('"operation":"fileComplaint"');
  });
});
