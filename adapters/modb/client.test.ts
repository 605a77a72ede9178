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
  Unauthorized,
  Conflict,
  createLogger,
} from '../transport';
import { ModbClient, type ModbClientConfig } from './client';

const fixture = (name: string) => loadFixture('modb', name);
const REQUESTER = { system: 'esobes', service: 'homeSchoolingCompensation' } as const;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function clientFor(f: ShepFixture, s: TestServer, extra: Partial<ModbClientConfig> = {}): ModbClient {
  return new ModbClient({ ...fixtureClientConfig(f, `${s.url}/shep/sync`), ...extra });
}

function expectSentFixtureRequest(s: TestServer, f: ShepFixture): void {
  expect(s.requests.length).toBeGreaterThan(0);
  for (const r of s.requests) expect(normaliseXml(r.body)).toBe(normaliseXml(f.request));
}

/** The fixture's call options, with its onDate when the request has one. */
function disabilityOptions(f: ShepFixture) {
  const onDate = /(?:<|&lt;)onDate(?:>|&gt;)([0-9-]+)/.exec(f.request)?.[1];
  return { ...f.call, ...(onDate === undefined ? {} : { onDate }) } as never;
}

const EXPERTISE_DIVISION = {
  code: '79-MSE-02',
  nameKz: 'Шымкент қаласы бойынша № 2 МӘС бөлімі',
  nameRu: 'Отдел МСЭ № 2 по городу Шымкент',
};
const GENERAL_DISEASE = { code: 'GENERAL_DISEASE', nameKz: 'Жалпы ауру', nameRu: 'Общее заболевание' };
const UNDER_7 = {
  code: 'CHILD_UNDER_7',
  nameKz: 'Жеті жасқа дейінгі мүгедектігі бар бала',
  nameRu: 'Ребёнок с инвалидностью до семи лет',
};

describe('ModbClient.getDisability (contract fixtures)', () => {
  it('GetDisability__child_with_disability: active on the date, every record, group absent under seven', async () => {
    const f = fixture('GetDisability__child_with_disability');
    server = await fixtureServer([f]);
    const disability = await clientFor(f, server).getDisability(f.arg('iin'), disabilityOptions(f));
    expect(disability).toStrictEqual({
      iin: '120905500017',
      onDate: '2024-09-02',
      hasActiveDisability: true,
      records: [
        {
          recordId: 'MSE-2023-79-0045121',
          category: {
            code: 'CHILD_7_TO_18',
            nameKz: 'Жеті жастан он сегіз жасқа дейінгі мүгедектігі бар бала',
            nameRu: 'Ребёнок с инвалидностью от семи до восемнадцати лет',
          },
          group: { code: '2', nameKz: 'Екінші топ', nameRu: 'Вторая группа' },
          childWithDisability: true,
          cause: GENERAL_DISEASE,
          startDate: '2023-10-01',
          endDate: '2030-09-04',
          expertiseDate: '2023-09-25',
          expertiseDivision: EXPERTISE_DIVISION,
        },
        {
          recordId: 'MSE-2016-79-0003318',
          category: UNDER_7,
          childWithDisability: true,
          cause: GENERAL_DISEASE,
          startDate: '2016-03-01',
          endDate: '2019-09-04',
          expertiseDate: '2016-02-20',
          expertiseDivision: EXPERTISE_DIVISION,
        },
      ],
    });
    expectSentFixtureRequest(server, f);
  });

  it('GetDisability__ended_disability_escaped_payload: escaped both ways; found, but not active', async () => {
    const f = fixture('GetDisability__ended_disability_escaped_payload');
    expect(f.call.payloadMode).toBe('string');
    server = await fixtureServer([f]);
    const disability = await clientFor(f, server).getDisability(f.arg('iin'), disabilityOptions(f));
    expect(disability).toStrictEqual({
      iin: '150214600012',
      onDate: '2024-09-02',
      hasActiveDisability: false,
      records: [
        {
          recordId: 'MSE-2018-79-0011874',
          category: UNDER_7,
          childWithDisability: true,
          cause: GENERAL_DISEASE,
          startDate: '2018-03-01',
          endDate: '2022-02-13',
          expertiseDate: '2018-02-22',
          expertiseDivision: EXPERTISE_DIVISION,
        },
      ],
    });
    expectSentFixtureRequest(server, f);
  });

  it('GetDisability__not_found: null (never examined), sent without onDate or consent token', async () => {
    const f = fixture('GetDisability__not_found');
    expect(f.call.consentToken).toBeUndefined();
    server = await fixtureServer([f]);
    await expect(clientFor(f, server).getDisability(f.arg('iin'), disabilityOptions(f))).resolves.toBeNull();
    expectSentFixtureRequest(server, f);
  });

  it('GetDisability__shep_error (ESRV001, soapenv:Client): Unauthorized (FORBIDDEN), never retried', async () => {
    const f = fixture('GetDisability__shep_error');
    server = await fixtureServer([f]);
    const err = await clientFor(f, server)
      .getDisability(f.arg('iin'), disabilityOptions(f))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unauthorized);
    expect(err).toMatchObject({ code: 'FORBIDDEN', problemCode: 'ESRV001' });
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an invalid onDate, sending nothing', async () => {
    const f = fixture('GetDisability__child_with_disability');
    server = await fixtureServer([f]);
    await expect(
      clientFor(f, server).getDisability(f.arg('iin'), { requester: REQUESTER, onDate: '2024-02-30' }),
    ).rejects.toThrow(/onDate must be a date/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('ModbClient.getIprMeasures (contract fixtures)', () => {
  it('GetIprMeasures__success: the programme and each measure with its aid, quantity and deadline', async () => {
    const f = fixture('GetIprMeasures__success');
    server = await fixtureServer([f]);
    const ipr = await clientFor(f, server).getIprMeasures(f.arg('iin'), f.call as never);
    expect(ipr).toMatchObject({
      iin: '120905500017',
      iprNumber: 'IPR-2023-79-0045121',
      iprDate: '2023-09-25',
      validUntil: '2030-09-04',
    });
    expect(ipr?.measures).toHaveLength(3);
    expect(ipr?.measures[0]).toStrictEqual({
      measureId: 'M-0045121-01',
      kind: {
        code: 'MOBILITY_AID',
        nameKz: 'Арнаулы жүріп-тұру құралдары',
        nameRu: 'Специальные средства передвижения',
      },
      aid: {
        code: '05.01.02',
        nameKz: 'Балаларға арналған бөлме арбасы',
        nameRu: 'Кресло-коляска комнатная для детей',
      },
      quantity: 1,
      deadline: '2024-12-31',
      executionStatus: {
        code: 'ASSIGNED',
        nameKz: 'Тағайындалды, орындалмаған',
        nameRu: 'Назначено, не исполнено',
      },
    });
    expect(ipr?.measures.map((m) => [m.kind.code, m.quantity, m.executionStatus.code])).toEqual([
      ['MOBILITY_AID', 1, 'ASSIGNED'],
      ['HYGIENE_AID', 1440, 'ASSIGNED'],
      ['SANATORIUM_TREATMENT', 14, 'EXECUTED'],
    ]);
    expectSentFixtureRequest(server, f);
  });

  it('GetIprMeasures__not_found: null (no IPR)', async () => {
    const f = fixture('GetIprMeasures__not_found');
    server = await fixtureServer([f]);
    await expect(clientFor(f, server).getIprMeasures(f.arg('iin'), f.call as never)).resolves.toBeNull();
    expectSentFixtureRequest(server, f);
  });

  it('GetIprMeasures__shep_error (EDUP001): Conflict, never retried', async () => {
    const f = fixture('GetIprMeasures__shep_error');
    server = await fixtureServer([f]);
    const err = await clientFor(f, server)
      .getIprMeasures(f.arg('iin'), f.call as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect(err).toMatchObject({ problemCode: 'EDUP001', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('CONSENT_INVALID for a token MODB finds inactive: ConsentMissing', async () => {
    const f = fixture('GetIprMeasures__not_found');
    const invalid = f.response.replace('<code>NOT_FOUND</code>', '<code>CONSENT_INVALID</code>');
    server = await startServer((_req, res) => writeSoap(res, invalid));
    await expect(clientFor(f, server).getIprMeasures(f.arg('iin'), f.call as never)).rejects.toBeInstanceOf(
      ConsentMissing,
    );
  });

  it('a measure without its deadline is a ContractViolation naming it', async () => {
    const f = fixture('GetIprMeasures__success');
    const broken = f.response.replace('<deadline>2024-08-31</deadline>', '');
    server = await startServer((_req, res) => writeSoap(res, broken));
    await expect(clientFor(f, server).getIprMeasures(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      name: 'ContractViolation',
      pointer: '/getIprMeasuresResponse/ipr/measures/measure[3]/deadline',
    });
  });

  it('a billion-laughs answer is refused unread', async () => {
    const f = fixture('GetIprMeasures__success');
    const lol =
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      f.response
        .replace(/^<\?xml[^>]*\?>/, '')
        .replace('<iprNumber>IPR-2023-79-0045121</iprNumber>', '<iprNumber>&b;</iprNumber>');
    server = await startServer((_req, res) => writeSoap(res, lol));
    await expect(clientFor(f, server).getIprMeasures(f.arg('iin'), f.call as never)).rejects.toMatchObject({
      name: 'ContractViolation',
      rule: 'no DTD',
    });
  });
});

describe('ModbClient: arguments, construction, logging', () => {
  const f = fixture('GetIprMeasures__success');

  it('needs a requester, takes no malformed token, no invalid IIN; nothing is sent', async () => {
    server = await fixtureServer([f]);
    const c = clientFor(f, server);
    const cases: [string, unknown, RegExp][] = [
      ['120905500017', {}, /requester/],
      ['120905500017', { requester: { system: 'esobes', service: 'ipr' } }, /requester.service/],
      ['120905500017', { requester: REQUESTER, consentToken: 'x' }, /consentToken/],
      ['120905500018', { requester: REQUESTER }, /iin is not a valid IIN/],
    ];
    for (const [iin, options, message] of cases) {
      for (const call of [
        () => c.getDisability(iin, options as never),
        () => c.getIprMeasures(iin, options as never),
      ]) {
        const err = await call().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BadInput);
        expect((err as Error).message).toMatch(message);
      }
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an unknown configuration key', () => {
    expect(
      () =>
        new ModbClient({ credentials: { senderId: 'esobes', password: 'x' }, baseUrl: 'http://x' } as never),
    ).toThrow(/unknown key "baseUrl"/);
  });

  it('logs one line per call with no IIN, password or token in clear', async () => {
    const fixtures = [
      f,
      fixture('GetDisability__child_with_disability'),
      fixture('GetIprMeasures__not_found'),
    ];
    server = await fixtureServer(fixtures);
    const out = memoryStream();
    const logger = createLogger({ level: 'debug', destination: out.stream });
    await clientFor(fixtures[0]!, server, { logger }).getIprMeasures(
      '120905500017',
      fixtures[0]!.call as never,
    );
    await clientFor(fixtures[1]!, server, { logger }).getDisability(
      '120905500017',
      disabilityOptions(fixtures[1]!),
    );
    await clientFor(fixtures[2]!, server, { logger }).getIprMeasures(
      '150214600012',
      fixtures[2]!.call as never,
    );
    const lines = out.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.operation, l.serviceId, l.result])).toEqual([
      ['getIprMeasures', 'MODB_GetIprMeasures', 'OK'],
      ['getDisability', 'MODB_GetDisability', 'OK'],
      ['getIprMeasures', 'MODB_GetIprMeasures', 'NOT_FOUND'],
    ]);
    for (const secret of ['120905500017', '150214600012', 'change-me', FIXTURE_CONSENT_TOKEN]) {
      expect(out.text()).not.toContain(secret);
    }
  });

  it('a ContractViolation is what an answer about another person gets', async () => {
    const other = f.response.replace('<iin>120905500017</iin>', '<iin>150214600012</iin>');
    server = await startServer((_req, res) => writeSoap(res, other));
    await expect(clientFor(f, server).getIprMeasures(f.arg('iin'), f.call as never)).rejects.toBeInstanceOf(
      ContractViolation,
    );
  });
});
