import { MatchersV3 } from '@pact-foundation/pact';
import {
  BadInput,
  BusinessRuleViolation,
  Conflict,
  ConsentMissing,
  NotFound,
  UpstreamUnavailable,
} from '../transport';
import {
  pactBetween,
  pactClientConfig,
  isoDate as DATE,
  isoDateTime as DATE_TIME,
  problemResponse as problem,
  UNAVAILABLE_RESPONSE as UNAVAILABLE,
} from '../testing/pact';
import { NobdClient } from './client';

const { regex, string, integer, eachLike } = MatchersV3;

// Synthetic people (valid checksums): a boy born 2012-09-05 and a girl born 2015-02-14 at school SCH-79-0045 in
// Shymkent, their mother born 1985-03-12; a boy born 2011-04-27 home-schooled in Astana; a girl born 2013-10-19
// whose guardian (born 1961-04-07) NOBD holds.
const BOY = '120905500017';
const GIRL = '150214600012';
const MOTHER = '850312400019';
const HOME_SCHOOLED = '110427500017';
const WARD = '131019600011';
const GUARDIAN = '610407400016';
const SCHOOL_ID = 'SCH-79-0045';
const ORDER_ID = 'hso-71-0064-2024-112';
const CONSENT_TOKEN = 'consent-token-esobes-0001';
const VOUCHER = 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K';

const nobd = (url: string) => new NobdClient(pactClientConfig(url));

function region(code: string, nameKz: string, nameRu: string) {
  return { code, nameKz: string(nameKz), nameRu: string(nameRu) };
}

function schoolRef(schoolId: string, regionCode: '79' | '71') {
  return {
    schoolId,
    bin: regex(/^[0-9]{12}$/, regionCode === '79' ? '110140032579' : '990440012319'),
    nameKz: string('№ 45 жалпы білім беретін мектеп'),
    nameRu: string('Общеобразовательная школа № 45'),
    region:
      regionCode === '79'
        ? region('79', 'Шымкент қаласы', 'город Шымкент')
        : region('71', 'Астана қаласы', 'город Астана'),
  };
}

function pupilBody(iin: string, birthDate: string, gender: 'male' | 'female', mealStatus: string) {
  return {
    iin,
    name: { lastName: string('Ахметов'), firstName: string('Нұрлан') },
    birthDate,
    gender,
    school: schoolRef(SCHOOL_ID, '79'),
    grade: integer(8),
    mealStatus,
    schoolYear: regex(/^[0-9]{4}-[0-9]{4}$/, '2025-2026'),
    updatedAt: DATE_TIME('2025-08-28T16:20:00+05:00'),
  };
}

function orderBody(status: 'active' | 'ended') {
  return {
    orderId: ORDER_ID,
    child: {
      iin: HOME_SCHOOLED,
      name: { lastName: string('Сейтов'), firstName: string('Арман') },
      birthDate: '2011-04-27',
      gender: 'male',
    },
    school: schoolRef('SCH-71-0064', '71'),
    grade: integer(7),
    orderNumber: string('112-ө'),
    orderDate: DATE('2024-09-02'),
    periodFrom: DATE('2024-09-02'),
    periodTo: DATE('2025-05-25'),
    vkkConclusionNumber: string('2481'),
    vkkConclusionDate: DATE('2024-08-20'),
    status,
    ...(status === 'ended'
      ? {
          endedOn: '2024-12-20',
          endReason: region(
            'returned-to-school',
            'Мектепте оқуға қайта оралды',
            'Вернулся к обучению в школе',
          ),
        }
      : {}),
    registeredOn: '2024-09-03',
    updatedAt: DATE_TIME('2024-09-03T10:14:00+05:00'),
  };
}

// SDU reads pupils with their schools to segment them (seed 002 Annex 1 cl. 4) and passes back the statuses of
// the meal service (cl. 8, 12).
describe('sdu → NOBD', () => {
  const pact = pactBetween('sdu', 'nobd');

  it('listSchools returns the schools of a region', () =>
    pact
      .addInteraction()
      .given(`NOBD has exactly one school in region 79: ${SCHOOL_ID}`)
      .uponReceiving('a request for the schools of region 79')
      .withRequest('GET', '/schools', (b) => b.query({ region: '79' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: eachLike({
            ...schoolRef(SCHOOL_ID, '79'),
            kato: regex(/^[0-9]{9}$/, '791010000'),
            address: string('Шымкент қ., Әл-Фараби ауданы, Байтұрсынов көшесі, 12'),
          }),
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const schools = [];
        for await (const s of nobd(server.url).schools({ region: '79' })) schools.push(s);
        expect(schools).toEqual([
          expect.objectContaining({
            schoolId: SCHOOL_ID,
            kato: '791010000',
            region: expect.objectContaining({ code: '79' }),
          }),
        ]);
      }));

  it('listSchools throws BadInput for a cursor NOBD did not issue', () =>
    pact
      .addInteraction()
      .given('NOBD issued no cursor not-a-nobd-cursor')
      .uponReceiving('a request for schools with a cursor NOBD did not issue')
      .withRequest('GET', '/schools', (b) => b.query({ cursor: 'not-a-nobd-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).listSchools({ cursor: 'not-a-nobd-cursor' })).rejects.toBeInstanceOf(
          BadInput,
        );
      }));

  it('listSchools throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for schools while NOBD is unavailable')
      .withRequest('GET', '/schools', (b) => b.query({ region: '79' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).listSchools({ region: '79' })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('listPupils returns a page of pupils of a school with the cursor of the next page', () =>
    pact
      .addInteraction()
      .given(
        `pupils ${BOY} (a candidate for free meals) and ${GIRL} (provided with free meals) study at school ${SCHOOL_ID}`,
      )
      .uponReceiving('a request for the first page of one pupil of a school')
      .withRequest('GET', '/pupils', (b) => b.query({ schoolId: SCHOOL_ID, limit: '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [pupilBody(BOY, '2012-09-05', 'male', 'candidate')],
          page: { nextCursor: string('eyJhZnRlciI6IjEyMDkwNTUwMDAxNyJ9'), hasMore: true },
        }),
      )
      .executeTest(async (server) => {
        const page = await nobd(server.url).listPupils({ schoolId: SCHOOL_ID, limit: 1 });
        expect(page).toMatchObject({
          hasMore: true,
          nextCursor: 'eyJhZnRlciI6IjEyMDkwNTUwMDAxNyJ9',
          items: [{ iin: BOY, mealStatus: 'candidate', school: { schoolId: SCHOOL_ID } }],
        });
      }));

  it('pupils() iterates the candidates of a region', () =>
    pact
      .addInteraction()
      .given(`pupil ${BOY} of school ${SCHOOL_ID} in region 79 is the only candidate for free meals there`)
      .uponReceiving('a request for the candidates for free meals of region 79')
      .withRequest('GET', '/pupils', (b) => b.query({ region: '79', mealStatus: 'candidate' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [pupilBody(BOY, '2012-09-05', 'male', 'candidate')],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const iins: string[] = [];
        for await (const p of nobd(server.url).pupils({ region: '79', mealStatus: 'candidate' }))
          iins.push(p.iin);
        expect(iins).toEqual([BOY]);
      }));

  it('listPupils throws BadInput for a cursor NOBD did not issue', () =>
    pact
      .addInteraction()
      .given('NOBD issued no cursor not-a-nobd-cursor')
      .uponReceiving('a request for pupils with a cursor NOBD did not issue')
      .withRequest('GET', '/pupils', (b) => b.query({ cursor: 'not-a-nobd-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).listPupils({ cursor: 'not-a-nobd-cursor' })).rejects.toBeInstanceOf(
          BadInput,
        );
      }));

  it('listPupils throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for pupils while NOBD is unavailable')
      .withRequest('GET', '/pupils', (b) => b.query({ region: '79' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).listPupils({ region: '79' })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  const BATCH = {
    batchId: 'sdu-meals-2025-09-03-0001',
    schoolYear: '2025-2026',
    statuses: [
      {
        pupilIin: BOY,
        recipientIin: MOTHER,
        status: 'voucher-issued' as const,
        statusAt: '2025-09-02T12:41:00+05:00',
        voucherId: VOUCHER,
      },
    ],
  };
  const BATCH_KEY = 'sdu:meal-statuses:2025-09-03:0001';

  it('submitServiceStatuses passes a batch of statuses and returns what NOBD accepted', () =>
    pact
      .addInteraction()
      .given(`pupil ${BOY} studies at school ${SCHOOL_ID}`)
      .uponReceiving('a batch with the voucher-issued status of a pupil')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': BATCH_KEY }).jsonBody(BATCH),
      )
      .willRespondWith(202, (b) =>
        b.jsonBody({
          batchId: BATCH.batchId,
          accepted: 1,
          rejected: [],
          receivedAt: DATE_TIME('2025-09-03T02:00:05+05:00'),
        }),
      )
      .executeTest(async (server) => {
        await expect(nobd(server.url).submitServiceStatuses(BATCH, BATCH_KEY)).resolves.toEqual({
          batchId: BATCH.batchId,
          accepted: 1,
          rejected: [],
          receivedAt: '2025-09-03T02:00:05+05:00',
        });
      }));

  it('submitServiceStatuses reports a status of a pupil NOBD does not know as rejected', () =>
    pact
      .addInteraction()
      .given(`NOBD has no pupil with IIN ${GIRL}`)
      .uponReceiving('a batch with the status of a pupil NOBD does not know')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': 'sdu:meal-statuses:2025-09-03:0002' }).jsonBody({
          batchId: 'sdu-meals-2025-09-03-0002',
          schoolYear: '2025-2026',
          statuses: [{ pupilIin: GIRL, status: 'no-phone', statusAt: '2025-09-01T10:00:00+05:00' }],
        }),
      )
      .willRespondWith(202, (b) =>
        b.jsonBody({
          batchId: 'sdu-meals-2025-09-03-0002',
          accepted: 0,
          rejected: [{ ref: GIRL, code: 'UNKNOWN_PUPIL', reason: string('No pupil with this IIN in NOBD.') }],
          receivedAt: DATE_TIME('2025-09-03T02:00:05+05:00'),
        }),
      )
      .executeTest(async (server) => {
        const result = await nobd(server.url).submitServiceStatuses(
          {
            batchId: 'sdu-meals-2025-09-03-0002',
            schoolYear: '2025-2026',
            statuses: [{ pupilIin: GIRL, status: 'no-phone', statusAt: '2025-09-01T10:00:00+05:00' }],
          },
          'sdu:meal-statuses:2025-09-03:0002',
        );
        expect(result).toMatchObject({ accepted: 0, rejected: [{ ref: GIRL, code: 'UNKNOWN_PUPIL' }] });
      }));

  it('submitServiceStatuses throws Conflict when the key was used with another batch', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${BATCH_KEY} was used with another batch of statuses`)
      .uponReceiving('a batch of statuses under a key used with another batch')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': BATCH_KEY }).jsonBody(BATCH),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).submitServiceStatuses(BATCH, BATCH_KEY)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('submitServiceStatuses throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a batch of statuses while NOBD is unavailable')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': BATCH_KEY }).jsonBody(BATCH),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).submitServiceStatuses(BATCH, BATCH_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

// E-Sobes reads the children accepted for home schooling daily (seed 003 cl. 4), the end of home schooling, on
// which it stops payments (cl. 14), and the legal representatives when GBD FL has no parent data (cl. 7).
describe('esobes → NOBD', () => {
  const pact = pactBetween('esobes', 'nobd');

  it('listHomeSchoolingOrders returns the orders registered on a day', () =>
    pact
      .addInteraction()
      .given(
        `child ${HOME_SCHOOLED} was accepted for home schooling by order ${ORDER_ID} registered in NOBD on 2024-09-03`,
      )
      .uponReceiving('a request for the home-schooling orders of 2024-09-03')
      .withRequest('GET', '/home-schooling/orders', (b) => b.query({ date: '2024-09-03' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: [orderBody('active')], page: { nextCursor: null, hasMore: false } }),
      )
      .executeTest(async (server) => {
        const orders = [];
        for await (const o of nobd(server.url).homeSchoolingOrders('2024-09-03')) orders.push(o);
        expect(orders).toEqual([
          expect.objectContaining({
            orderId: ORDER_ID,
            status: 'active',
            child: expect.objectContaining({ iin: HOME_SCHOOLED }),
            vkkConclusionNumber: '2481',
            periodFrom: '2024-09-02',
            periodTo: '2025-05-25',
          }),
        ]);
      }));

  it('listHomeSchoolingOrders throws BadInput for a cursor NOBD did not issue', () =>
    pact
      .addInteraction()
      .given('NOBD issued no cursor not-a-nobd-cursor')
      .uponReceiving('a request for the orders of a day with a cursor NOBD did not issue')
      .withRequest('GET', '/home-schooling/orders', (b) =>
        b.query({ date: '2024-09-03', cursor: 'not-a-nobd-cursor' }),
      )
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).listHomeSchoolingOrders('2024-09-03', { cursor: 'not-a-nobd-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listHomeSchoolingOrders throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for the orders of a day while NOBD is unavailable')
      .withRequest('GET', '/home-schooling/orders', (b) => b.query({ date: '2024-09-03' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).listHomeSchoolingOrders('2024-09-03')).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('listHomeSchoolingChanges returns that home schooling ended, with the day and the reason', () =>
    pact
      .addInteraction()
      .given(
        `home schooling of child ${HOME_SCHOOLED} under order ${ORDER_ID} ended on 2024-12-20 (returned to school)`,
      )
      .uponReceiving('a request for the schooling-ended changes since 2024-12-20')
      .withRequest('GET', '/home-schooling/changes', (b) =>
        b.query({ since: '2024-12-20', type: 'schooling-ended' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              changeId: string('hsc-2024-12-20-000031'),
              type: 'schooling-ended',
              occurredOn: '2024-12-20',
              order: orderBody('ended'),
            },
          ],
          page: { nextCursor: string('eyJhZnRlciI6ImhzYy0yMDI0LTEyLTIwLTAwMDAzMSJ9'), hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const page = await nobd(server.url).listHomeSchoolingChanges({
          since: '2024-12-20',
          type: 'schooling-ended',
        });
        expect(page.hasMore).toBe(false);
        expect(page.nextCursor).toBe('eyJhZnRlciI6ImhzYy0yMDI0LTEyLTIwLTAwMDAzMSJ9');
        expect(page.items).toEqual([
          expect.objectContaining({
            type: 'schooling-ended',
            order: expect.objectContaining({
              orderId: ORDER_ID,
              status: 'ended',
              endedOn: '2024-12-20',
              endReason: expect.objectContaining({ code: 'returned-to-school' }),
            }),
          }),
        ]);
      }));

  it('listHomeSchoolingChanges throws BadInput for a cursor NOBD did not issue', () =>
    pact
      .addInteraction()
      .given('NOBD issued no cursor not-a-nobd-cursor')
      .uponReceiving('a request for changes with a cursor NOBD did not issue')
      .withRequest('GET', '/home-schooling/changes', (b) => b.query({ cursor: 'not-a-nobd-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).listHomeSchoolingChanges({ cursor: 'not-a-nobd-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listHomeSchoolingChanges throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for changes while NOBD is unavailable')
      .withRequest('GET', '/home-schooling/changes', (b) =>
        b.query({ since: '2024-12-20', type: 'schooling-ended' }),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).listHomeSchoolingChanges({ since: '2024-12-20', type: 'schooling-ended' }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  const repsRequest = (iin: string) => ({
    path: `/children/${iin}/legal-representatives`,
    headers: { 'X-Consent-Token': CONSENT_TOKEN },
  });

  it('getLegalRepresentatives returns the guardian of a child', () =>
    pact
      .addInteraction()
      .given(`child ${WARD} has guardian ${GUARDIAN} in NOBD`)
      .given(`consent token ${CONSENT_TOKEN} covers the representatives of child ${WARD} for E-Sobes`)
      .uponReceiving('a request for the legal representatives of a child with a guardian')
      .withRequest('GET', repsRequest(WARD).path, (b) => b.headers(repsRequest(WARD).headers))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          childIin: WARD,
          representatives: [
            {
              iin: GUARDIAN,
              name: { lastName: string('Жақсылықова'), firstName: string('Роза') },
              birthDate: '1961-04-07',
              gender: 'female',
              role: region('guardian', 'Қорғаншы', 'Опекун'),
              basis: {
                documentType: string('Қорғаншылық белгілеу туралы шешім / Решение об установлении опеки'),
                documentNumber: string('1187'),
                documentDate: DATE('2019-06-14'),
              },
              since: DATE('2019-06-14'),
            },
          ],
        }),
      )
      .executeTest(async (server) => {
        const reps = await nobd(server.url).getLegalRepresentatives(WARD, CONSENT_TOKEN);
        expect(reps.childIin).toBe(WARD);
        expect(reps.representatives).toEqual([
          expect.objectContaining({ iin: GUARDIAN, role: expect.objectContaining({ code: 'guardian' }) }),
        ]);
      }));

  it('getLegalRepresentatives throws ConsentMissing when the token does not cover the request', () =>
    pact
      .addInteraction()
      .given(`child ${WARD} has guardian ${GUARDIAN} in NOBD`)
      .given(`consent token ${CONSENT_TOKEN} is not active`)
      .uponReceiving('a request for the legal representatives of a child without an active consent')
      .withRequest('GET', repsRequest(WARD).path, (b) => b.headers(repsRequest(WARD).headers))
      .willRespondWith(403, problem(403, 'CONSENT_MISSING', 'Consent missing'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).getLegalRepresentatives(WARD, CONSENT_TOKEN)).rejects.toBeInstanceOf(
          ConsentMissing,
        );
      }));

  it('getLegalRepresentatives throws NotFound for a child NOBD does not know', () =>
    pact
      .addInteraction()
      .given(`NOBD has no child with IIN ${GIRL}`)
      .given(`consent token ${CONSENT_TOKEN} covers the representatives of child ${GIRL} for E-Sobes`)
      .uponReceiving('a request for the legal representatives of an unknown child')
      .withRequest('GET', repsRequest(GIRL).path, (b) => b.headers(repsRequest(GIRL).headers))
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).getLegalRepresentatives(GIRL, CONSENT_TOKEN)).rejects.toBeInstanceOf(
          NotFound,
        );
      }));

  it('getLegalRepresentatives throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for legal representatives while NOBD is unavailable')
      .withRequest('GET', repsRequest(WARD).path, (b) => b.headers(repsRequest(WARD).headers))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).getLegalRepresentatives(WARD, CONSENT_TOKEN)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

// The Wallet reports the meal vouchers activated and the meals served daily (seed 002 Annex 2 cl. 14) and reads
// back what NOBD received, to reconcile.
describe('wallet → NOBD', () => {
  const pact = pactBetween('wallet', 'nobd');
  const PART = {
    reportDate: '2025-09-03',
    part: 1,
    partsTotal: 1,
    activations: [
      {
        voucherId: 'vch-01J8YD2M4N6P8Q0R2S4T6U8V0W',
        pupilIin: GIRL,
        parentIin: MOTHER,
        schoolId: SCHOOL_ID,
        activatedAt: '2025-09-03T08:01:00+05:00',
      },
    ],
    meals: [
      {
        redemptionId: 'mr-01J8YF0B2D4F6H8K0M2P4R6T8V',
        voucherId: VOUCHER,
        pupilIin: BOY,
        schoolId: SCHOOL_ID,
        mealType: 'lunch' as const,
        method: 'qr' as const,
        servedAt: '2025-09-03T12:30:41+05:00',
      },
    ],
  };
  const KEY = 'wallet:nobd-report:2025-09-03:1';
  const report = (reportDate: string) => ({
    reportDate,
    partsTotal: integer(1),
    partsReceived: integer(1),
    activations: integer(1),
    meals: integer(1),
    rejected: [],
    complete: true,
    receivedAt: DATE_TIME('2025-09-04T01:00:03+05:00'),
  });

  it('submitWalletDailyReport sends the one part of a day and returns what NOBD holds of it', () =>
    pact
      .addInteraction()
      .given(`pupils ${BOY} and ${GIRL} study at school ${SCHOOL_ID}`)
      .given('the date in NOBD is 2025-09-04')
      .uponReceiving('the only part of the Wallet report of 2025-09-03')
      .withRequest('POST', '/wallet-reports', (b) => b.headers({ 'Idempotency-Key': KEY }).jsonBody(PART))
      .willRespondWith(202, (b) => b.jsonBody(report('2025-09-03')))
      .executeTest(async (server) => {
        await expect(nobd(server.url).submitWalletDailyReport(PART, KEY)).resolves.toEqual({
          reportDate: '2025-09-03',
          partsTotal: 1,
          partsReceived: 1,
          activations: 1,
          meals: 1,
          rejected: [],
          complete: true,
          receivedAt: '2025-09-04T01:00:03+05:00',
        });
      }));

  it('submitWalletDailyReport throws BusinessRuleViolation REPORT_DATE_IN_FUTURE for a day not over', () =>
    pact
      .addInteraction()
      .given('the date in NOBD is 2025-09-02')
      .uponReceiving('a Wallet report of a day that is not over')
      .withRequest('POST', '/wallet-reports', (b) => b.headers({ 'Idempotency-Key': KEY }).jsonBody(PART))
      .willRespondWith(422, problem(422, 'REPORT_DATE_IN_FUTURE', 'Report date in the future'))
      .executeTest(async (server) => {
        const err = await nobd(server.url)
          .submitWalletDailyReport(PART, KEY)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'REPORT_DATE_IN_FUTURE' });
      }));

  it('submitWalletDailyReport throws Conflict when the key was used with another part', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${KEY} was used with another report part`)
      .uponReceiving('a Wallet report part under a key used with another part')
      .withRequest('POST', '/wallet-reports', (b) => b.headers({ 'Idempotency-Key': KEY }).jsonBody(PART))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).submitWalletDailyReport(PART, KEY)).rejects.toBeInstanceOf(Conflict);
      }));

  it('submitWalletDailyReport throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a Wallet report part while NOBD is unavailable')
      .withRequest('POST', '/wallet-reports', (b) => b.headers({ 'Idempotency-Key': KEY }).jsonBody(PART))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).submitWalletDailyReport(PART, KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getWalletDailyReport returns what NOBD received for a day', () =>
    pact
      .addInteraction()
      .given('NOBD received the complete Wallet report of 2025-09-03: 1 activation and 1 meal')
      .uponReceiving('a request for the Wallet report of 2025-09-03')
      .withRequest('GET', '/wallet-reports/2025-09-03')
      .willRespondWith(200, (b) => b.jsonBody(report('2025-09-03')))
      .executeTest(async (server) => {
        await expect(nobd(server.url).getWalletDailyReport('2025-09-03')).resolves.toMatchObject({
          reportDate: '2025-09-03',
          complete: true,
          activations: 1,
          meals: 1,
        });
      }));

  it('getWalletDailyReport answers null when NOBD received nothing for the day', () =>
    pact
      .addInteraction()
      .given('NOBD received no Wallet report of 2025-09-10')
      .uponReceiving('a request for the Wallet report of a day NOBD received nothing for')
      .withRequest('GET', '/wallet-reports/2025-09-10')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).getWalletDailyReport('2025-09-10')).resolves.toBeNull();
      }));

  it('getWalletDailyReport throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for a Wallet report while NOBD is unavailable')
      .withRequest('GET', '/wallet-reports/2025-09-03')
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).getWalletDailyReport('2025-09-03')).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

const UNKNOWN_ORDER_ID = 'hso-71-0064-2024-999';
const CALLBACK_URL = 'https://esobes.enbek.kz/callbacks/nobd';
const SUBSCRIPTION_ID = 'sub-01J7A1B3C5D7E9F1G3H5J7K9M1';
const SUBSCRIBE_KEY = 'esobes:nobd:subscribe:home-schooling.daily-changes';
const UNSUBSCRIBE_KEY = 'esobes:nobd:unsubscribe:sub-01J7A1B3C5D7E9F1G3H5J7K9M1';

// E-Sobes reads one order again before it stops payments (seed 003 cl. 14), walks the feed of changes, and
// subscribes to NOBD's daily webhook of changes (cl. 4, 14).
describe('esobes → NOBD: one order, the feed of changes and webhook subscriptions', () => {
  const pact = pactBetween('esobes', 'nobd');

  it('getHomeSchoolingOrder returns an ended order with the day and the reason', () =>
    pact
      .addInteraction()
      .given(
        `home schooling of child ${HOME_SCHOOLED} under order ${ORDER_ID} ended on 2024-12-20 (returned to school)`,
      )
      .uponReceiving('a request for one home-schooling order')
      .withRequest('GET', `/home-schooling/orders/${ORDER_ID}`)
      .willRespondWith(200, (b) => b.jsonBody(orderBody('ended')))
      .executeTest(async (server) => {
        await expect(nobd(server.url).getHomeSchoolingOrder(ORDER_ID)).resolves.toMatchObject({
          orderId: ORDER_ID,
          status: 'ended',
          endedOn: '2024-12-20',
          endReason: { code: 'returned-to-school' },
        });
      }));

  it('getHomeSchoolingOrder throws NotFound for an order NOBD does not have', () =>
    pact
      .addInteraction()
      .given(`NOBD has no home-schooling order ${UNKNOWN_ORDER_ID}`)
      .uponReceiving('a request for an unknown home-schooling order')
      .withRequest('GET', `/home-schooling/orders/${UNKNOWN_ORDER_ID}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(nobd(server.url).getHomeSchoolingOrder(UNKNOWN_ORDER_ID)).rejects.toBeInstanceOf(
          NotFound,
        );
      }));

  it('getHomeSchoolingOrder throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a request for one home-schooling order while NOBD is unavailable')
      .withRequest('GET', `/home-schooling/orders/${ORDER_ID}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(nobd(server.url).getHomeSchoolingOrder(ORDER_ID)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('homeSchoolingChanges walks two pages of the feed of changes', () => {
    const cursor = 'eyJhZnRlciI6ImhzYy0yMDI0LTA5LTAzLTAwMDAxMiJ9';
    const given = `child ${HOME_SCHOOLED} was accepted for home schooling by order ${ORDER_ID} on 2024-09-03 and it ended on 2024-12-20`;
    pact
      .addInteraction()
      .given(given)
      .uponReceiving('a request for the first page of one change since 2024-09-03')
      .withRequest('GET', '/home-schooling/changes', (b) => b.query({ since: '2024-09-03', limit: '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              changeId: string('hsc-2024-09-03-000012'),
              type: 'order-registered',
              occurredOn: '2024-09-03',
              order: orderBody('active'),
            },
          ],
          page: { nextCursor: string(cursor), hasMore: true },
        }),
      );
    return pact
      .addInteraction()
      .given(given)
      .uponReceiving('a request for the second page of changes since 2024-09-03')
      .withRequest('GET', '/home-schooling/changes', (b) =>
        b.query({ since: '2024-09-03', limit: '1', cursor }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              changeId: string('hsc-2024-12-20-000031'),
              type: 'schooling-ended',
              occurredOn: '2024-12-20',
              order: orderBody('ended'),
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const types = [];
        for await (const c of nobd(server.url).homeSchoolingChanges({ since: '2024-09-03', limit: 1 }))
          types.push(c.type);
        expect(types).toEqual(['order-registered', 'schooling-ended']);
      });
  });

  it('createWebhookSubscription subscribes E-Sobes to the daily changes', () =>
    pact
      .addInteraction()
      .given(`NOBD has no webhook subscription for ${CALLBACK_URL}`)
      .uponReceiving('a subscription to the daily changes of home-schooling orders')
      .withRequest('POST', '/webhook-subscriptions', (b) =>
        b
          .headers({ 'Idempotency-Key': SUBSCRIBE_KEY })
          .jsonBody({ callbackUrl: CALLBACK_URL, events: ['home-schooling.daily-changes'] }),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({
          subscriptionId: regex(/^sub-[0-9A-Z]{26}$/, SUBSCRIPTION_ID),
          callbackUrl: CALLBACK_URL,
          events: ['home-schooling.daily-changes'],
          createdAt: DATE_TIME('2024-09-01T09:00:00+05:00'),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).createWebhookSubscription(
            CALLBACK_URL,
            ['home-schooling.daily-changes'],
            SUBSCRIBE_KEY,
          ),
        ).resolves.toMatchObject({
          subscriptionId: SUBSCRIPTION_ID,
          events: ['home-schooling.daily-changes'],
        });
      }));

  it('createWebhookSubscription throws Conflict when the key was used with another body', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${SUBSCRIBE_KEY} was used with another subscription`)
      .uponReceiving('a subscription under a key used with another body')
      .withRequest('POST', '/webhook-subscriptions', (b) =>
        b
          .headers({ 'Idempotency-Key': SUBSCRIBE_KEY })
          .jsonBody({ callbackUrl: CALLBACK_URL, events: ['home-schooling.daily-changes'] }),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).createWebhookSubscription(
            CALLBACK_URL,
            ['home-schooling.daily-changes'],
            SUBSCRIBE_KEY,
          ),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('createWebhookSubscription throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a subscription while NOBD is unavailable')
      .withRequest('POST', '/webhook-subscriptions', (b) =>
        b
          .headers({ 'Idempotency-Key': SUBSCRIBE_KEY })
          .jsonBody({ callbackUrl: CALLBACK_URL, events: ['home-schooling.daily-changes'] }),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).createWebhookSubscription(
            CALLBACK_URL,
            ['home-schooling.daily-changes'],
            SUBSCRIBE_KEY,
          ),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('deleteWebhookSubscription stops the deliveries', () =>
    pact
      .addInteraction()
      .given(`webhook subscription ${SUBSCRIPTION_ID} sends the daily changes to ${CALLBACK_URL}`)
      .uponReceiving('a deletion of a webhook subscription')
      .withRequest('DELETE', `/webhook-subscriptions/${SUBSCRIPTION_ID}`, (b) =>
        b.headers({ 'Idempotency-Key': UNSUBSCRIBE_KEY }),
      )
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).deleteWebhookSubscription(SUBSCRIPTION_ID, UNSUBSCRIBE_KEY),
        ).resolves.toBeUndefined();
      }));

  it('deleteWebhookSubscription throws NotFound for a subscription NOBD never had', () =>
    pact
      .addInteraction()
      .given(`NOBD never had webhook subscription ${SUBSCRIPTION_ID}`)
      .uponReceiving('a deletion of an unknown webhook subscription')
      .withRequest('DELETE', `/webhook-subscriptions/${SUBSCRIPTION_ID}`, (b) =>
        b.headers({ 'Idempotency-Key': UNSUBSCRIBE_KEY }),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).deleteWebhookSubscription(SUBSCRIPTION_ID, UNSUBSCRIBE_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('deleteWebhookSubscription throws Conflict when the key was used with another body', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${UNSUBSCRIBE_KEY} was used with another request`)
      .uponReceiving('a deletion of a webhook subscription under a key used with another request')
      .withRequest('DELETE', `/webhook-subscriptions/${SUBSCRIPTION_ID}`, (b) =>
        b.headers({ 'Idempotency-Key': UNSUBSCRIBE_KEY }),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).deleteWebhookSubscription(SUBSCRIPTION_ID, UNSUBSCRIBE_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('deleteWebhookSubscription throws UpstreamUnavailable when NOBD is down', () =>
    pact
      .addInteraction()
      .given('NOBD is unavailable')
      .uponReceiving('a deletion of a webhook subscription while NOBD is unavailable')
      .withRequest('DELETE', `/webhook-subscriptions/${SUBSCRIPTION_ID}`, (b) =>
        b.headers({ 'Idempotency-Key': UNSUBSCRIBE_KEY }),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          nobd(server.url).deleteWebhookSubscription(SUBSCRIPTION_ID, UNSUBSCRIBE_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
