import {
  FIXTURE_CONSENT_TOKEN,
  fixtureClientConfig,
  fixtureServer,
  loadFixture,
  normaliseXml,
  writeSoap,
  type ShepFixture,
} from '../testing/shep-fixtures';
import { memoryStream, startServer, type TestServer } from '../transport/__fixtures__/server';
import {
  BadInput,
  ConsentMissing,
  ContractViolation,
  ShepSoapTransport,
  Timeout,
  Unauthorized,
  UpstreamUnavailable,
  createLogger,
} from '../transport';
import { GbdflClient, type GbdflClientConfig } from './client';
import type { GbdflPerson } from './mapping';

const fixture = (name: string) => loadFixture('gbdfl', name);
const REQUESTER = { system: 'esobes', service: 'homeSchoolingCompensation' } as const;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client that sends exactly `f`'s request (its messageId and messageDate) to `s`. */
function clientFor(f: ShepFixture, s: TestServer, extra: Partial<GbdflClientConfig> = {}): GbdflClient {
  return new GbdflClient({ ...fixtureClientConfig(f, `${s.url}/shep/sync`), ...extra });
}

/** The request the client sent, whitespace aside, is the fixture's request. */
function expectSentFixtureRequest(s: TestServer, f: ShepFixture): void {
  expect(s.requests.length).toBeGreaterThan(0);
  for (const r of s.requests) {
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/shep/sync');
    expect(normaliseXml(r.body)).toBe(normaliseXml(f.request));
  }
}

const LIVING_PERSON: GbdflPerson = {
  iin: '850312400019',
  lastName: 'АХМЕТОВА',
  firstName: 'ГҮЛНАР',
  middleName: 'СЕРІКҚЫЗЫ',
  birthDate: '1985-03-12',
  gender: 'female',
  citizenship: { code: '398', nameKz: 'Қазақстан', nameRu: 'Казахстан' },
  lifeStatus: { code: 'ALIVE', nameKz: 'Тірі', nameRu: 'Жив' },
  permanentRegistration: {
    country: { code: '398', nameKz: 'Қазақстан', nameRu: 'Казахстан' },
    region: { code: '791010000', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' },
    district: { code: '791013000', nameKz: 'Абай ауданы', nameRu: 'Абайский район' },
    street: 'Тәуке хан даңғылы',
    building: '45',
    flat: '12',
    arCode: '7910130045001200',
    registeredOn: '2015-06-10',
  },
  identityDocuments: [
    {
      type: { code: '002', nameKz: 'ҚР жеке куәлігі', nameRu: 'Удостоверение личности РК' },
      number: '048123456',
      issuer: { code: '002', nameKz: 'ҚР Ішкі істер министрлігі', nameRu: 'Министерство внутренних дел РК' },
      issueDate: '2019-04-15',
      expiryDate: '2029-04-14',
      status: { code: 'VALID', nameKz: 'Жарамды', nameRu: 'Действителен' },
    },
    {
      type: { code: '002', nameKz: 'ҚР жеке куәлігі', nameRu: 'Удостоверение личности РК' },
      number: '031654987',
      issuer: { code: '002', nameKz: 'ҚР Ішкі істер министрлігі', nameRu: 'Министерство внутренних дел РК' },
      issueDate: '2009-03-20',
      expiryDate: '2019-03-19',
      status: { code: 'EXPIRED', nameKz: 'Қолданылу мерзімі өткен', nameRu: 'Срок действия истёк' },
    },
  ],
};

describe('GbdflClient.getPerson (contract fixtures)', () => {
  it('GetPerson__living_person: sends the fixture request and returns the person as domain values', async () => {
    const f = fixture('GetPerson__living_person');
    server = await fixtureServer([f]);
    const person = await clientFor(f, server).getPerson(f.arg('iin'), f.call as never);
    expect(person).toStrictEqual(LIVING_PERSON);
    expectSentFixtureRequest(server, f);
    expect(server.requests[0]!.headers).toMatchObject({
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '""',
      'x-request-id': f.messageId,
    });
  });

  it('GetPerson__living_person_escaped_payload: sends and reads the payload as an escaped string', async () => {
    const f = fixture('GetPerson__living_person_escaped_payload');
    expect(f.call.payloadMode).toBe('string');
    server = await fixtureServer([f]);
    const person = await clientFor(f, server).getPerson(f.arg('iin'), f.call as never);
    expect(person).toStrictEqual(LIVING_PERSON);
    expectSentFixtureRequest(server, f);
  });

  it('reads an escaped answer to a typed request too (the mode of the answer is the answer’s)', async () => {
    const typed = fixture('GetPerson__living_person');
    const escaped = fixture('GetPerson__living_person_escaped_payload');
    server = await startServer((_req, res) =>
      writeSoap(res, escaped.response.replace(escaped.messageId, typed.messageId)),
    );
    await expect(
      clientFor(typed, server).getPerson(typed.arg('iin'), typed.call as never),
    ).resolves.toStrictEqual(LIVING_PERSON);
  });

  it('GetPerson__deceased_person: the life status is DEAD with its date, the document invalidated', async () => {
    const f = fixture('GetPerson__deceased_person');
    server = await fixtureServer([f]);
    const person = await clientFor(f, server).getPerson(f.arg('iin'), f.call as never);
    expect(person?.lifeStatus).toEqual({
      code: 'DEAD',
      nameKz: 'Қайтыс болған',
      nameRu: 'Умер',
      since: '2023-11-02',
    });
    expect(person?.identityDocuments.map((d) => d.status.code)).toEqual(['INVALIDATED']);
    expectSentFixtureRequest(server, f);
  });

  it('GetPerson__not_found: null, an answer and not an error', async () => {
    const f = fixture('GetPerson__not_found');
    server = await fixtureServer([f]);
    await expect(clientFor(f, server).getPerson(f.arg('iin'), f.call as never)).resolves.toBeNull();
    expectSentFixtureRequest(server, f);
  });

  it('GetPerson__consent_invalid: ConsentMissing with the holder’s code, not retried', async () => {
    const f = fixture('GetPerson__consent_invalid');
    server = await fixtureServer([f]);
    const err = await clientFor(f, server)
      .getPerson(f.arg('iin'), f.call as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsentMissing);
    expect(err).toMatchObject({ problemCode: 'CONSENT_INVALID', system: 'gbdfl', operation: 'getPerson' });
    expect(server.requests).toHaveLength(1);
  });

  it('GetPerson__shep_error (EUNV001, soapenv:Server): retried with the same messageId, then UpstreamUnavailable', async () => {
    const f = fixture('GetPerson__shep_error');
    server = await fixtureServer([f]);
    const err = await clientFor(f, server)
      .getPerson(f.arg('iin'), f.call as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailable);
    expect(err).toMatchObject({ problemCode: 'EUNV001', attempts: 3, requestId: f.messageId });
    expect(server.requests).toHaveLength(3);
    expectSentFixtureRequest(server, f); // every retry is the very same message
  });

  it('answers BAD_REQUEST with BadInput carrying the holder’s code', async () => {
    const f = fixture('GetPerson__not_found');
    const badRequest = f.response.replace('<code>NOT_FOUND</code>', '<code>BAD_REQUEST</code>');
    server = await startServer((_req, res) => writeSoap(res, badRequest));
    await expect(clientFor(f, server).getPerson(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      name: 'BadInput',
      problemCode: 'BAD_REQUEST',
    });
  });
});

describe('GbdflClient.getBirthCertificate (contract fixtures)', () => {
  it('GetBirthCertificate__success: the certificate, the child and both parents with their IINs', async () => {
    const f = fixture('GetBirthCertificate__success');
    server = await fixtureServer([f]);
    const certificate = await clientFor(f, server).getBirthCertificate(f.arg('childIin'), f.call as never);
    expect(certificate).toStrictEqual({
      certificateNumber: '0456789',
      issueDate: '2012-09-20',
      actRecord: {
        number: '1543',
        date: '2012-09-20',
        registryOffice: {
          code: '791000-AHAT',
          nameKz: 'Шымкент қаласының АХАТ бөлімі',
          nameRu: 'Отдел ЗАГС города Шымкент',
        },
      },
      child: {
        iin: '120905500017',
        lastName: 'АХМЕТОВ',
        firstName: 'АЛИХАН',
        middleName: 'ДӘУРЕНҰЛЫ',
        birthDate: '2012-09-05',
        gender: 'male',
      },
      mother: {
        iin: '850312400019',
        lastName: 'АХМЕТОВА',
        firstName: 'ГҮЛНАР',
        middleName: 'СЕРІКҚЫЗЫ',
        citizenship: { code: '398', nameKz: 'Қазақстан', nameRu: 'Казахстан' },
      },
      father: {
        iin: '820701300011',
        lastName: 'АХМЕТОВ',
        firstName: 'ДӘУРЕН',
        middleName: 'БОЛАТҰЛЫ',
        citizenship: { code: '398', nameKz: 'Қазақстан', nameRu: 'Казахстан' },
      },
    });
    expectSentFixtureRequest(server, f);
  });

  it('GetBirthCertificate__not_found: null (then NOBD is asked for the representative, seed 003 cl. 7)', async () => {
    const f = fixture('GetBirthCertificate__not_found');
    server = await fixtureServer([f]);
    await expect(
      clientFor(f, server).getBirthCertificate(f.arg('childIin'), f.call as never),
    ).resolves.toBeNull();
    expectSentFixtureRequest(server, f);
  });

  it('GetBirthCertificate__shep_error (EAUTH001, soapenv:Client): Unauthorized at once, never retried', async () => {
    const f = fixture('GetBirthCertificate__shep_error');
    server = await fixtureServer([f]);
    const err = await clientFor(f, server)
      .getBirthCertificate(f.arg('childIin'), f.call as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unauthorized);
    expect(err).toMatchObject({ problemCode: 'EAUTH001', retryable: false, status: 500 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('GbdflClient.checkKinship (contract fixtures)', () => {
  it('CheckKinship__confirmed: confirmed, with the relation and the record it rests on', async () => {
    const f = fixture('CheckKinship__confirmed');
    server = await fixtureServer([f]);
    const kinship = await clientFor(f, server).checkKinship(
      f.arg('childIin'),
      f.arg('representativeIin'),
      f.call as never,
    );
    expect(kinship).toStrictEqual({
      childIin: '120905500017',
      representativeIin: '850312400019',
      confirmed: true,
      relation: { code: 'MOTHER', nameKz: 'Анасы', nameRu: 'Мать' },
      basis: {
        code: 'BIRTH_RECORD',
        nameKz: 'Туу туралы акт жазбасы',
        nameRu: 'Актовая запись о рождении',
        recordNumber: '1543',
        recordDate: '2012-09-20',
      },
    });
    expectSentFixtureRequest(server, f);
  });

  it('CheckKinship__not_confirmed: confirmed false, nothing else', async () => {
    const f = fixture('CheckKinship__not_confirmed');
    server = await fixtureServer([f]);
    await expect(
      clientFor(f, server).checkKinship(f.arg('childIin'), f.arg('representativeIin'), f.call as never),
    ).resolves.toStrictEqual({
      childIin: '150214600012',
      representativeIin: '820701300011',
      confirmed: false,
    });
    expectSentFixtureRequest(server, f);
  });

  it('CheckKinship__not_found: null', async () => {
    const f = fixture('CheckKinship__not_found');
    server = await fixtureServer([f]);
    await expect(
      clientFor(f, server).checkKinship(f.arg('childIin'), f.arg('representativeIin'), f.call as never),
    ).resolves.toBeNull();
    expectSentFixtureRequest(server, f);
  });

  it('CheckKinship__shep_error (ETMO001): Timeout on a single attempt, UpstreamUnavailable after retries', async () => {
    const f = fixture('CheckKinship__shep_error');
    server = await fixtureServer([f]);
    const args = [f.arg('childIin'), f.arg('representativeIin'), f.call as never] as const;
    const once = await clientFor(f, server, { retry: { maxAttempts: 1 } })
      .checkKinship(...args)
      .catch((e: unknown) => e);
    expect(once).toBeInstanceOf(Timeout);
    expect(once).toMatchObject({ problemCode: 'ETMO001', retryable: true });
    const retried = await clientFor(f, server)
      .checkKinship(...args)
      .catch((e: unknown) => e);
    expect(retried).toBeInstanceOf(UpstreamUnavailable);
    expect(retried).toMatchObject({ problemCode: 'ETMO001', attempts: 3 });
    expect(server.requests).toHaveLength(4);
  });

  it('refuses a child and a representative who are the same IIN, sending nothing', async () => {
    const f = fixture('CheckKinship__confirmed');
    server = await fixtureServer([f]);
    await expect(
      clientFor(f, server).checkKinship('850312400019', '850312400019', f.call as never),
    ).rejects.toBeInstanceOf(BadInput);
    expect(server.requests).toHaveLength(0);
  });
});

describe('GbdflClient: consent and arguments, checked before anything is sent', () => {
  const f = fixture('GetPerson__living_person');

  it.each([
    ['no options', undefined],
    ['no token', { requester: REQUESTER }],
    ['an empty token', { consentToken: '', requester: REQUESTER }],
  ])(
    'refuses to start without a consent token (%s): ConsentMissing, nothing sent',
    async (_case, options) => {
      server = await fixtureServer([f]);
      const c = clientFor(f, server);
      for (const call of [
        () => c.getPerson('850312400019', options as never),
        () => c.getBirthCertificate('120905500017', options as never),
        () => c.checkKinship('120905500017', '850312400019', options as never),
      ]) {
        await expect(call()).rejects.toBeInstanceOf(ConsentMissing);
      }
      expect(server.requests).toHaveLength(0);
    },
  );

  it('refuses a malformed token, an unknown requester or an invalid IIN with BadInput, nothing sent, no IIN echoed', async () => {
    server = await fixtureServer([f]);
    const c = clientFor(f, server);
    const ok = { consentToken: FIXTURE_CONSENT_TOKEN, requester: REQUESTER };
    const cases: [string, unknown, RegExp][] = [
      ['850312400019', { ...ok, consentToken: 'short' }, /consentToken/],
      ['850312400019', { ...ok, consentToken: 'a token with spaces in it' }, /consentToken/],
      ['850312400019', { ...ok, requester: { system: 'bank', service: 'gasVoucher' } }, /requester.system/],
      [
        '850312400019',
        { ...ok, requester: { system: 'esobes', service: 'homeSchooling' } },
        /requester.service/,
      ],
      ['850312400018', ok, /iin is not a valid IIN/],
      ['8503124000', ok, /iin is not a valid IIN/],
    ];
    for (const [iin, options, message] of cases) {
      const err = await c.getPerson(iin, options as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInput);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('85031240001');
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('GbdflClient: answers that break the contract', () => {
  const f = fixture('GetPerson__living_person');

  it('a missing required element is a ContractViolation naming it', async () => {
    const broken = f.response.replace(/<lastName>[^<]*<\/lastName>/, '');
    server = await startServer((_req, res) => writeSoap(res, broken));
    const err = await clientFor(f, server)
      .getPerson(f.arg('iin'), f.call as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(err).toMatchObject({ pointer: '/getPersonResponse/person/lastName', rule: 'required' });
    expect((err as Error).message).toContain('/getPersonResponse/person/lastName is missing');
  });

  it('a value outside the enumeration, or a malformed date, names the element (the second document)', async () => {
    const badStatus = f.response.replace('<code>EXPIRED</code>', '<code>LOST</code>');
    server = await startServer((_req, res) => writeSoap(res, badStatus));
    await expect(clientFor(f, server).getPerson(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      pointer: '/getPersonResponse/person/identityDocuments/identityDocument[2]/status/code',
    });
    await server.close();
    const badDate = f.response.replace(
      '<birthDate>1985-03-12</birthDate>',
      '<birthDate>12.03.1985</birthDate>',
    );
    server = await startServer((_req, res) => writeSoap(res, badDate));
    await expect(clientFor(f, server).getPerson(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      pointer: '/getPersonResponse/person/birthDate',
      rule: 'date YYYY-MM-DD',
    });
  });

  it('in report mode a malformed date is logged and kept; a missing element still throws', async () => {
    const badDate = f.response.replace(
      '<birthDate>1985-03-12</birthDate>',
      '<birthDate>12.03.1985</birthDate>',
    );
    server = await startServer((_req, res) => writeSoap(res, badDate));
    const out = memoryStream();
    const c = clientFor(f, server, {
      validation: 'report',
      logger: createLogger({ level: 'warn', destination: out.stream }),
    });
    await expect(c.getPerson(f.arg('iin'), f.call as never)).resolves.toMatchObject({
      birthDate: '12.03.1985',
    });
    expect(out.lines().map((l) => JSON.parse(l) as { pointer?: string })).toEqual([
      expect.objectContaining({ pointer: '/getPersonResponse/person/birthDate' }),
    ]);
  });

  it('an answer about another person is a ContractViolation', async () => {
    const other = f.response.replace('<iin>850312400019</iin>', '<iin>820701300011</iin>');
    server = await startServer((_req, res) => writeSoap(res, other));
    await expect(clientFor(f, server).getPerson(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      name: 'ContractViolation',
      pointer: '/getPersonResponse/person/iin',
    });
  });

  it('an answer to another message (messageId not echoed) is a ContractViolation', async () => {
    const other = f.response.replace(f.messageId, '00000000-0000-4000-8000-000000000000');
    server = await startServer((_req, res) => writeSoap(res, other));
    await expect(clientFor(f, server).getPerson(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      name: 'ContractViolation',
      pointer: '/Envelope/Body/SendMessageResponse/response/responseInfo/messageId',
    });
  });
});

describe('GbdflClient: hostile answers are refused before anything is expanded', () => {
  const f = fixture('GetPerson__living_person');
  const body = f.response.replace(/^<\?xml[^>]*\?>\s*/, '');

  async function refusal(answer: string, extra: Partial<GbdflClientConfig> = {}): Promise<ContractViolation> {
    server = await startServer((_req, res) => writeSoap(res, answer));
    const err = await clientFor(f, server, extra)
      .getPerson(f.arg('iin'), f.call as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect(server.requests).toHaveLength(1); // refused, never retried
    return err as ContractViolation;
  }

  it('XXE: a DOCTYPE with an external entity (file:///etc/passwd) is refused and nothing is read', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      body.replace('<lastName>АХМЕТОВА</lastName>', '<lastName>&xxe;</lastName>');
    const err = await refusal(xxe);
    expect(err).toMatchObject({ rule: 'no DTD' });
    expect(err.message).not.toMatch(/root:|\/bin\//);
  });

  it('billion laughs: nested entity declarations are refused', async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ).join('') +
      ']>' +
      body.replace('<lastName>АХМЕТОВА</lastName>', '<lastName>&lol9;</lastName>');
    await expect(refusal(lol)).resolves.toMatchObject({ rule: 'no DTD' });
  });

  it('an entity reference without a DTD is refused, not left for someone else to expand', async () => {
    const err = await refusal(body.replace('<lastName>АХМЕТОВА</lastName>', '<lastName>&xxe;</lastName>'));
    expect(err).toMatchObject({ rule: 'predefined entities only' });
  });

  it('a DTD inside an escaped payload is refused too', async () => {
    const escaped = fixture('GetPerson__living_person_escaped_payload');
    const answer = escaped.response
      .replace(escaped.messageId, f.messageId)
      .replace(
        '<data>&lt;gp:getPersonResponse',
        '<data>&lt;!DOCTYPE x [&lt;!ENTITY xxe SYSTEM "file:///etc/passwd"&gt;]&gt;&lt;gp:getPersonResponse',
      );
    await expect(refusal(answer)).resolves.toMatchObject({
      rule: 'no DTD',
      pointer: '/Envelope/Body/SendMessageResponse/response/responseData/data',
    });
  });

  it('an oversized answer is refused (configurable limit)', async () => {
    const err = await refusal(f.response, { maxResponseBytes: 2048 });
    expect(err).toMatchObject({ code: 'RESPONSE_TOO_LARGE', rule: 'maxResponseBytes 2048' });
  });

  it('absurd nesting is refused: deeper than 64 levels by default, or than a configured limit', async () => {
    const deep = (levels: number) => '<x>'.repeat(levels) + '</x>'.repeat(levels);
    const nested = body.replace('<flat>12</flat>', `<flat>12</flat>${deep(60)}`);
    await expect(refusal(nested)).resolves.toMatchObject({ rule: 'maxDepth 64' });
    await server?.close();
    await expect(refusal(f.response, { maxDepth: 10 })).resolves.toMatchObject({ rule: 'maxDepth 10' });
  });
});

describe('GbdflClient: construction and logging', () => {
  it('takes an injected transport of GBD FL and refuses one of another system', async () => {
    const f = fixture('GetPerson__living_person');
    server = await fixtureServer([f]);
    const soap = new ShepSoapTransport({
      ...fixtureClientConfig(f, `${server.url}/shep/sync`),
      system: 'gbdfl',
    });
    await expect(
      new GbdflClient({ credentials: { senderId: 'unused', password: 'unused' } }, { soap }).getPerson(
        f.arg('iin'),
        f.call as never,
      ),
    ).resolves.toMatchObject({ iin: '850312400019' });
    const modb = new ShepSoapTransport({ ...fixtureClientConfig(f, server.url), system: 'modb' });
    expect(() => new GbdflClient({ credentials: { senderId: 'x', password: 'y' } }, { soap: modb })).toThrow(
      /transport is for system modb/,
    );
  });

  it('writes one line per call, with no IIN, name, password or consent token in clear', async () => {
    const fixtures = [
      fixture('GetPerson__living_person'),
      fixture('GetPerson__consent_invalid'),
      fixture('GetBirthCertificate__success'),
      fixture('CheckKinship__confirmed'),
      fixture('GetPerson__shep_error'),
    ];
    server = await fixtureServer(fixtures);
    const out = memoryStream();
    const logger = createLogger({ level: 'debug', destination: out.stream });
    for (const f of fixtures) {
      const c = clientFor(f, server, { logger });
      const call = f.name.startsWith('GetPerson')
        ? c.getPerson(f.arg('iin'), f.call as never)
        : f.name.startsWith('GetBirth')
          ? c.getBirthCertificate(f.arg('childIin'), f.call as never)
          : c.checkKinship(f.arg('childIin'), f.arg('representativeIin'), f.call as never);
      await call.catch(() => undefined);
    }
    const lines = out.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(fixtures.length);
    expect(lines.map((l) => [l.operation, l.result, l.code])).toEqual([
      ['getPerson', 'OK', undefined],
      ['getPerson', 'CONSENT_INVALID', 'CONSENT_MISSING'],
      ['getBirthCertificate', 'OK', undefined],
      ['checkKinship', 'OK', undefined],
      ['getPerson', undefined, 'UPSTREAM_UNAVAILABLE'],
    ]);
    expect(lines[0]).toMatchObject({
      system: 'gbdfl',
      serviceId: 'GBDFL_GetPerson',
      requestId: fixtures[0]!.messageId,
      attempt: 1,
    });
    const text = out.text();
    for (const secret of [
      '850312400019',
      '120905500017',
      '820701300011',
      'АХМЕТОВА',
      'change-me',
      FIXTURE_CONSENT_TOKEN,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
