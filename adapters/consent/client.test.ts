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
  ConsentMissing,
  Conflict,
  ContractViolation,
  HttpTransport,
  NotFound,
  createLogger,
} from '../transport';
import { ConsentClient, ConsentRefused, type ConsentClientConfig } from './client';
import type { ConsentCheckRequest, ConsentRevocation, ConsentToRecord } from './mapping';

// Synthetic family: a mother born 1985-03-12 and her son born 2012-09-05 (valid checksums).
const MOTHER = '850312400019';
const CHILD = '120905500017';
const PHONE = '+77012345678';
const CONSENT_ID = 'c-2024-05-13-000123';
const KEY = 'home-schooling:2024-05:case-000456:consent';
const TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImtkcC0yMDI0In0.eyJjb25zZW50cyI6WyJjLTIwMjQtMDUtMTMtMDAwMTIzIl19.MEUCIQDx';

const SERVICE = {
  code: 'homeSchoolingCompensation' as const,
  nameKz: 'Мүгедектігі бар балаларды үйде оқытуға жұмсалған шығындарды өтеу',
  nameRu: 'Возмещение затрат на обучение на дому детей с инвалидностью',
};

const SMS_CONSENT: ConsentToRecord = {
  subjectIin: MOTHER,
  grantorIin: MOTHER,
  grantorRole: 'subject',
  requesterSystem: 'esobes',
  requesterBin: '200340000011',
  service: SERVICE,
  scope: ['identity', 'kinship', 'mobilePhone', 'bankAccounts'],
  accessLevels: ['public', 'restricted'],
  channel: 'smsReply',
  smsReply: {
    messageId: 'in-01J8ZM0A7S2D4F6G8H0J2K4L6N',
    shortNumber: '1414',
    phone: '8 701 234 56 78',
    text: '140#3#1',
    receivedAt: '2024-05-13T10:15:00+05:00',
  },
  givenAt: '2024-05-13T10:15:00+05:00',
  validUntil: '2024-12-31',
  caseRef: 'home-schooling:2024-05:case-000456',
};

const REVOCATION: ConsentRevocation = {
  revokedByIin: MOTHER,
  reason: 'subjectRequest',
  channel: 'egovPortal',
  revokedAt: '2024-06-02T18:40:00+05:00',
};

const CHECK: ConsentCheckRequest = {
  subjectIins: [CHILD, MOTHER],
  requesterSystem: 'esobes',
  service: 'homeSchoolingCompensation',
  scope: ['identity', 'kinship'],
  targetSystem: 'gbdfl',
  caseRef: 'home-schooling:2024-05:case-000456',
};

function wireConsent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    consentId: CONSENT_ID,
    status: 'active',
    subjectIin: MOTHER,
    grantorIin: MOTHER,
    grantorRole: 'subject',
    representativeKind: null,
    requesterSystem: 'esobes',
    requesterBin: '200340000011',
    service: SERVICE,
    scope: ['identity', 'kinship', 'mobilePhone', 'bankAccounts'],
    accessLevels: ['public', 'restricted'],
    thirdPartyTransfer: false,
    crossBorderTransfer: false,
    channel: 'smsReply',
    evidence: {
      smsReply: { ...SMS_CONSENT.smsReply, phone: PHONE },
      signedDocumentId: null,
    },
    givenAt: '2024-05-13T10:15:00+05:00',
    validUntil: '2024-12-31',
    caseRef: 'home-schooling:2024-05:case-000456',
    recordedAt: '2024-05-13T10:15:02+05:00',
    revocation: null,
    ...over,
  };
}

type Mode =
  | 'unavailable'
  | 'existing'
  | 'future'
  | 'conflict'
  | 'expired'
  | 'refused'
  | 'no-token'
  | 'other-subject'
  | 'bad-status';

async function fakeConsent(tweak?: (n: number) => Mode | undefined): Promise<TestServer> {
  return startServer((req, res, n) => {
    const mode = tweak?.(n);
    if (mode === 'unavailable') return problem(res, 503, 'UNAVAILABLE', { detail: `busy with ${MOTHER}` });
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === '/consents') {
      if (mode === 'future') return problem(res, 422, 'CONSENT_GIVEN_IN_FUTURE');
      if (mode === 'conflict') return problem(res, 409, 'IDEMPOTENCY_CONFLICT');
      const body = JSON.parse(req.body) as Record<string, unknown>;
      return json(
        res,
        mode === 'existing' ? 200 : 201,
        wireConsent({ subjectIin: mode === 'other-subject' ? CHILD : body.subjectIin }),
      );
    }
    if (req.method === 'GET' && url.pathname === '/consents') {
      return json(res, 200, { items: [wireConsent()], page: { nextCursor: null, hasMore: false } });
    }
    if (req.method === 'POST' && url.pathname === `/consents/${CONSENT_ID}/revocation`) {
      if (mode === 'expired') return problem(res, 422, 'CONSENT_EXPIRED');
      return json(
        res,
        200,
        wireConsent({
          status: mode === 'bad-status' ? 'active' : 'revoked',
          revocation: JSON.parse(req.body),
        }),
      );
    }
    if (req.method === 'GET' && url.pathname.startsWith('/consents/')) {
      if (url.pathname !== `/consents/${CONSENT_ID}`) return problem(res, 404, 'NOT_FOUND');
      return json(res, 200, wireConsent({ status: mode === 'bad-status' ? 'withdrawn' : 'active' }));
    }
    if (req.method === 'POST' && url.pathname === '/consents:check') {
      if (mode === 'refused') {
        return json(res, 200, {
          granted: false,
          token: null,
          tokenType: null,
          expiresAt: null,
          consentIds: [CONSENT_ID],
          reason: 'revoked',
          missing: [{ subjectIin: CHILD, reason: 'revoked', missingScope: [] }],
        });
      }
      return json(res, 200, {
        granted: true,
        token: mode === 'no-token' ? null : TOKEN,
        tokenType: 'kdp-consent',
        expiresAt: '2024-05-13T10:30:00+05:00',
        consentIds: [CONSENT_ID, 'c-2024-05-13-000124'],
        reason: null,
        missing: [],
      });
    }
    if (req.method === 'POST' && url.pathname === '/consent-tokens:introspect') {
      return json(res, 200, {
        active: false,
        subjectIins: [],
        scope: [],
        consentIds: [],
        inactiveReason: 'consentRevoked',
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

function client(s: TestServer, config: Partial<ConsentClientConfig> = {}): ConsentClient {
  return new ConsentClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'consent-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

describe('ConsentClient.recordConsent', () => {
  it('records a consent from an SMS reply: phone normalised, no transfers, the idempotency key sent', async () => {
    server = await fakeConsent();
    const result = await client(server).recordConsent(SMS_CONSENT, KEY);
    expect(result.created).toBe(true);
    expect(result.consent).toMatchObject({
      consentId: CONSENT_ID,
      status: 'active',
      service: SERVICE,
      smsReply: { phone: PHONE, text: '140#3#1' },
      signedDocumentId: null,
      representativeKind: null,
      revocation: null,
    });
    const seen = server.requests[0]!;
    expect(seen.headers['idempotency-key']).toBe(KEY);
    const { smsReply, ...rest } = SMS_CONSENT;
    expect(JSON.parse(seen.body)).toEqual({
      ...rest,
      thirdPartyTransfer: false,
      crossBorderTransfer: false,
      evidence: { smsReply: { ...smsReply, phone: PHONE } },
    });
  });

  it('says created: false when the service returns the active consent it already had', async () => {
    server = await fakeConsent(() => 'existing');
    await expect(client(server).recordConsent(SMS_CONSENT, KEY)).resolves.toMatchObject({ created: false });
  });

  it('is retried with the same key while the service is unavailable', async () => {
    server = await fakeConsent((n) => (n === 1 ? 'unavailable' : undefined));
    await expect(client(server).recordConsent(SMS_CONSENT, KEY)).resolves.toMatchObject({ created: true });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([KEY, KEY]);
  });

  it('a broken rule is a BusinessRuleViolation with its code; a reused key is a Conflict', async () => {
    server = await fakeConsent(() => 'future');
    await expect(client(server).recordConsent(SMS_CONSENT, KEY)).rejects.toMatchObject({
      constructor: BusinessRuleViolation,
      problemCode: 'CONSENT_GIVEN_IN_FUTURE',
    });
    await server.close();
    server = await fakeConsent(() => 'conflict');
    await expect(client(server).recordConsent(SMS_CONSENT, KEY)).rejects.toBeInstanceOf(Conflict);
  });

  it('refuses an answer about another subject', async () => {
    server = await fakeConsent(() => 'other-subject');
    await expect(client(server).recordConsent(SMS_CONSENT, KEY)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/subjectIin',
    });
  });

  it('refuses invalid input before any call, naming the field and never the IIN or phone', async () => {
    server = await fakeConsent();
    const c = client(server);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ subjectIin: '850312400018', grantorIin: '850312400018' }, /consent\.subjectIin/],
      [{ grantorIin: CHILD }, /grantorIin must equal/],
      [{ grantorRole: 'legalRepresentative', subjectIin: CHILD }, /representativeKind must be/],
      [{ representativeKind: 'parent' }, /only for a legal representative/],
      [{ requesterSystem: 'gbdfl' }, /requesterSystem/],
      [{ requesterBin: '200340000012' }, /requesterBin/],
      [{ service: { code: 'gas' } }, /consent\.service/],
      [{ scope: [] }, /consent\.scope must list/],
      [{ scope: ['identity', 'identity'] }, /must not repeat/],
      [{ scope: ['identity', 'salary'] }, /consent\.scope\[1\]/],
      [{ accessLevels: ['secret'] }, /accessLevels\[0\]/],
      [{ channel: 'letter' }, /consent\.channel/],
      [{ givenAt: '2024-05-13' }, /consent\.givenAt/],
      [{ validUntil: '2024-02-30' }, /consent\.validUntil/],
      [{ smsReply: undefined }, /smsReply is required/],
      [{ smsReply: { ...SMS_CONSENT.smsReply, phone: '+77172123456' } }, /smsReply\.phone/],
      [{ smsReply: { ...SMS_CONSENT.smsReply, text: '' } }, /smsReply\.text/],
    ];
    for (const [change, field] of cases) {
      const err = await c
        .recordConsent({ ...SMS_CONSENT, ...change } as ConsentToRecord, KEY)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).toMatch(field);
      expect((err as Error).message).not.toMatch(/8503124|1209055|701|7172/);
    }
    await expect(c.recordConsent(SMS_CONSENT, 'key')).rejects.toThrow(/idempotencyKey/);
    expect(server.requests).toHaveLength(0);
  });

  it('records a consent a parent gives for a child', async () => {
    server = await fakeConsent();
    await client(server).recordConsent(
      { ...SMS_CONSENT, subjectIin: CHILD, grantorRole: 'legalRepresentative', representativeKind: 'parent' },
      KEY,
    );
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
      subjectIin: CHILD,
      grantorIin: MOTHER,
      representativeKind: 'parent',
    });
  });
});

describe('ConsentClient.getConsent and listConsents', () => {
  it('returns a consent by id', async () => {
    server = await fakeConsent();
    await expect(client(server).getConsent(CONSENT_ID)).resolves.toMatchObject({
      consentId: CONSENT_ID,
      validUntil: '2024-12-31',
      caseRef: 'home-schooling:2024-05:case-000456',
    });
  });

  it('throws NotFound for an unknown consent (an id comes from recordConsent)', async () => {
    server = await fakeConsent();
    await expect(client(server).getConsent('c-2024-05-13-999999')).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a malformed id before any call', async () => {
    server = await fakeConsent();
    for (const bad of ['', 'c/1', '..', 'x'.repeat(65)])
      await expect(client(server).getConsent(bad)).rejects.toThrow(/consentId/);
    expect(server.requests).toHaveLength(0);
  });

  it('a status outside the contract is a ContractViolation naming the field', async () => {
    server = await fakeConsent(() => 'bad-status');
    await expect(client(server).getConsent(CONSENT_ID)).rejects.toMatchObject({ pointer: '/status' });
  });

  it('lists consents with the filter as a query', async () => {
    server = await fakeConsent();
    const page = await client(server).listConsents({ subjectIin: MOTHER, status: 'active', limit: 10 });
    expect(page).toMatchObject({ consents: [{ consentId: CONSENT_ID }], nextCursor: null, hasMore: false });
    expect(server.requests[0]!.url).toBe(`/consents?subjectIin=${MOTHER}&status=active&limit=10`);
    await expect(client(server).listConsents({ grantorIin: '1' })).rejects.toThrow(/filter\.grantorIin/);
    await expect(client(server).listConsents({ status: 'gone' as never })).rejects.toThrow(/filter\.status/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('ConsentClient.revokeConsent', () => {
  it('revokes with the idempotency key and returns the revoked consent', async () => {
    server = await fakeConsent();
    await expect(client(server).revokeConsent(CONSENT_ID, REVOCATION, KEY)).resolves.toMatchObject({
      status: 'revoked',
      revocation: REVOCATION,
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: `/consents/${CONSENT_ID}/revocation` });
    expect(server.requests[0]!.headers['idempotency-key']).toBe(KEY);
  });

  it('an expired consent is a BusinessRuleViolation CONSENT_EXPIRED', async () => {
    server = await fakeConsent(() => 'expired');
    await expect(client(server).revokeConsent(CONSENT_ID, REVOCATION, KEY)).rejects.toMatchObject({
      constructor: BusinessRuleViolation,
      problemCode: 'CONSENT_EXPIRED',
    });
  });

  it('an answer that is not revoked breaks the contract of a revocation', async () => {
    server = await fakeConsent(() => 'bad-status');
    await expect(client(server).revokeConsent(CONSENT_ID, REVOCATION, KEY)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/status',
    });
  });

  it('refuses an invalid revocation before any call', async () => {
    server = await fakeConsent();
    const c = client(server);
    await expect(c.revokeConsent(CONSENT_ID, { ...REVOCATION, revokedByIin: '1' }, KEY)).rejects.toThrow(
      /revocation\.revokedByIin/,
    );
    await expect(
      c.revokeConsent(CONSENT_ID, { ...REVOCATION, reason: 'bored' as never }, KEY),
    ).rejects.toThrow(/revocation\.reason/);
    await expect(c.revokeConsent(CONSENT_ID, { ...REVOCATION, revokedAt: 'now' }, KEY)).rejects.toThrow(
      /revocation\.revokedAt/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('ConsentClient.checkConsent', () => {
  it('returns the token when every subject consented', async () => {
    server = await fakeConsent();
    await expect(client(server).checkConsent(CHECK)).resolves.toEqual({
      token: TOKEN,
      tokenType: 'kdp-consent',
      expiresAt: '2024-05-13T10:30:00+05:00',
      consentIds: [CONSENT_ID, 'c-2024-05-13-000124'],
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual(CHECK);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('throws ConsentRefused (a ConsentMissing) with the reason and the subjects missing, IINs masked in JSON', async () => {
    server = await fakeConsent(() => 'refused');
    const err = await client(server)
      .checkConsent(CHECK)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsentRefused);
    expect(err).toBeInstanceOf(ConsentMissing);
    expect(err).toMatchObject({
      code: 'CONSENT_MISSING',
      reason: 'revoked',
      problemCode: 'revoked',
      missing: [{ subjectIin: CHILD, reason: 'revoked', missingScope: [] }],
    });
    expect(JSON.stringify(err)).not.toContain(CHILD);
    expect((err as Error).message).not.toContain(CHILD);
  });

  it('is retried like a GET: the check only reads', async () => {
    server = await fakeConsent((n) => (n === 1 ? 'unavailable' : undefined));
    await expect(client(server).checkConsent(CHECK)).resolves.toMatchObject({ token: TOKEN });
    expect(server.requests).toHaveLength(2);
  });

  it('a grant without a token breaks the contract', async () => {
    server = await fakeConsent(() => 'no-token');
    await expect(client(server).checkConsent(CHECK)).rejects.toMatchObject({ pointer: '/token' });
  });

  it('refuses an invalid request before any call', async () => {
    server = await fakeConsent();
    const c = client(server);
    await expect(c.checkConsent({ ...CHECK, subjectIins: [] })).rejects.toThrow(/subjectIins must list/);
    await expect(c.checkConsent({ ...CHECK, subjectIins: [MOTHER, MOTHER] })).rejects.toThrow(/repeat/);
    await expect(c.checkConsent({ ...CHECK, subjectIins: [CHILD, '850312400018'] })).rejects.toThrow(
      /subjectIins\[1\]/,
    );
    await expect(c.checkConsent({ ...CHECK, targetSystem: 'wallet' as never })).rejects.toThrow(
      /targetSystem/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('ConsentClient.introspectToken', () => {
  it('says why a token is inactive', async () => {
    server = await fakeConsent();
    await expect(client(server).introspectToken(TOKEN, 'gbdfl')).resolves.toEqual({
      active: false,
      subjectIins: [],
      scope: [],
      consentIds: [],
      inactiveReason: 'consentRevoked',
    });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ token: TOKEN, holderSystem: 'gbdfl' });
    await expect(client(server).introspectToken('short')).rejects.toThrow(/token is not/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('ConsentClient: construction and logs', () => {
  it('refuses a transport of another system and an unknown configuration key', () => {
    const other = new HttpTransport({ system: 'sms', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    expect(() => new ConsentClient({ baseUrl: 'http://127.0.0.1:1' }, { http: other })).toThrow(
      /transport is for system sms/,
    );
    expect(() => new ConsentClient({ baseUrl: 'http://127.0.0.1:1', token: 'x' } as never)).toThrow(
      /unknown key "token"/,
    );
  });

  it('logs every call with no IIN, phone, token or credential unmasked', async () => {
    server = await fakeConsent((n) => (n === 1 ? 'unavailable' : n === 4 ? 'refused' : undefined));
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.recordConsent(SMS_CONSENT, KEY); // 503, then 201
    await c.checkConsent(CHECK);
    const refused = await c.checkConsent(CHECK).catch((e: unknown) => e);
    createLogger({ level: 'debug', destination: out.stream }).error(refused as Error);
    await c.listConsents({ subjectIin: MOTHER });
    const text = out.text();
    expect(out.lines().length).toBeGreaterThanOrEqual(5);
    for (const secret of [MOTHER, CHILD, PHONE, '7012345678', 'consent-token', TOKEN.slice(0, 40)])
      expect(text).not.toContain(secret);
    expect(text).toContain('"operation":"checkConsent"');
  });
});
