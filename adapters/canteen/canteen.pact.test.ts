import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  problemBody,
  ISO_DATE_TIME as DATE_TIME,
  ISO_DATE as DATE,
} from '../testing/pact';
import { CanteenClient } from './client';
import { tiyn } from '../../src/domain/money';
import type {
  CanteenCancellationRequest,
  CanteenDeactivationRequest,
  CanteenMealRegistration,
  CanteenPupilActivation,
} from './mapping';

const { regex, integer, string, eachLike } = MatchersV3;

// Synthetic pupils (valid checksums): a boy born 2012-09-05 whose mother (born 1985-03-12) activated his voucher,
// and a girl born 2015-02-14 whom the Wallet never sent.
const PUPIL_IIN = '120905500017';
const UNKNOWN_PUPIL = '150214600012';
const PARENT_IIN = '850312400019';
const VOUCHER = 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K';
const BIN = '110140032579';
const KEY = 'school-meals:2025-2026:case-000789:canteen-registration';
const DEACTIVATION_KEY = 'school-meals:2025-2026:case-000789:canteen-deactivation';

const SCHOOL = {
  bin: BIN,
  nobdSchoolId: 'SCH-79-0045',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' },
};
const CATEGORY = {
  code: '1',
  nameKz: 'Мемлекеттік атаулы әлеуметтік көмек алуға құқығы бар отбасылардан шыққан балалар',
  nameRu: 'Дети из семей, имеющих право на получение адресной социальной помощи',
};

const ACTIVATION: CanteenPupilActivation = {
  voucherId: VOUCHER,
  pupilIin: PUPIL_IIN,
  pupilName: { lastName: 'Ахметов', firstName: 'Нұрлан', middleName: 'Серікұлы' },
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

const DEACTIVATION: CanteenDeactivationRequest = {
  voucherId: VOUCHER,
  reason: 'transferred-to-another-school',
  deactivatedAt: '2026-01-12T09:00:00+05:00',
};

type BodyBuilder = { headers: (h: Record<string, string>) => { jsonBody: (body: unknown) => unknown } };

/** A problem answer; `exactCode` pins the code where the caller branches on it. */
function problem(status: number, code: string, title: string, exactCode = false) {
  const body = exactCode ? { ...problemBody(status, code, title), code } : problemBody(status, code, title);
  return (b: BodyBuilder) => void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(body);
}

const keyed = (body: unknown, idempotencyKey: string) => (b: BodyBuilder) =>
  void b.headers({ 'Idempotency-Key': idempotencyKey }).jsonBody(body);
const unavailable = problem(503, 'UNAVAILABLE', 'Service unavailable');

/** The pupil as the canteen holds it: exact where the client checks, matchers where it varies. */
function pupilBody(status: 'active' | 'deactivated') {
  return {
    pupilIin: PUPIL_IIN,
    currentVoucher: {
      voucherId: VOUCHER,
      status,
      school: { bin: BIN, nameKz: string(SCHOOL.nameKz), nameRu: string(SCHOOL.nameRu) },
      category: { code: '1', nameKz: string(CATEGORY.nameKz), nameRu: string(CATEGORY.nameRu) },
      entitlement: 'free',
      mealTypes: ['lunch'],
      schoolYear: '2025-2026',
      validFrom: regex(DATE, '2025-09-01'),
      validTo: regex(DATE, '2026-05-31'),
      activatedAt: regex(DATE_TIME, '2025-09-02T20:05:13+05:00'),
      registeredAt: regex(DATE_TIME, '2025-09-02T20:05:15+05:00'),
      mealsServed: integer(0),
      deactivation:
        status === 'active'
          ? null
          : {
              reason: 'transferred-to-another-school',
              deactivatedAt: regex(DATE_TIME, '2026-01-12T09:00:00+05:00'),
            },
    },
    pastVouchers: [],
    idCards: [],
  };
}

const ACTIVE_STATE = `pupil with IIN ${PUPIL_IIN} is registered for meals with voucher ${VOUCHER} in the canteen`;

describe('wallet → canteen (seed 002 Annex 2 cl. 6, 11, 13, 14)', () => {
  const pact = pactBetween('wallet', 'canteen');
  const canteen = (url: string) => new CanteenClient(pactClientConfig(url));

  it('registerActivatedPupil registers the pupil whose voucher was activated', () =>
    pact
      .addInteraction()
      .given(`pupil with IIN ${PUPIL_IIN} is not registered for meals in the canteen`)
      .uponReceiving('a pupil whose meal voucher the mother activated')
      .withRequest('POST', '/pupils', keyed(ACTIVATION, KEY))
      .willRespondWith(201, (b) => b.jsonBody(pupilBody('active')))
      .executeTest(async (server) => {
        await expect(canteen(server.url).registerActivatedPupil(ACTIVATION, KEY)).resolves.toMatchObject({
          pupilIin: PUPIL_IIN,
          currentVoucher: { voucherId: VOUCHER, status: 'active', mealsServed: 0, deactivation: null },
        });
      }));

  it('registerActivatedPupil is refused when the pupil already has another active voucher (cl. 9)', () =>
    pact
      .addInteraction()
      .given(`pupil with IIN ${PUPIL_IIN} has another active voucher for 2025-2026 in the canteen`)
      .uponReceiving('a second voucher of the school year for a pupil')
      .withRequest('POST', '/pupils', keyed(ACTIVATION, `${KEY}:second`))
      .willRespondWith(
        422,
        problem(422, 'PUPIL_HAS_ACTIVE_VOUCHER', 'Pupil already has an active voucher', true),
      )
      .executeTest(async (server) => {
        const err = await canteen(server.url)
          .registerActivatedPupil(ACTIVATION, `${KEY}:second`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'PUPIL_HAS_ACTIVE_VOUCHER' });
      }));

  it('registerActivatedPupil is a Conflict when the key was used with other data', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${KEY} was used for another pupil in the canteen`)
      .uponReceiving('a pupil registration that reuses an idempotency key with other data')
      .withRequest('POST', '/pupils', keyed(ACTIVATION, KEY))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(canteen(server.url).registerActivatedPupil(ACTIVATION, KEY)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('registerActivatedPupil throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a pupil registration while the canteen system is unavailable')
      .withRequest('POST', '/pupils', keyed(ACTIVATION, KEY))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(canteen(server.url).registerActivatedPupil(ACTIVATION, KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getPupil returns the pupil with the current voucher', () =>
    pact
      .addInteraction()
      .given(ACTIVE_STATE)
      .uponReceiving('a request for a registered pupil')
      .withRequest('GET', `/pupils/${PUPIL_IIN}`)
      .willRespondWith(200, (b) => b.jsonBody(pupilBody('active')))
      .executeTest(async (server) => {
        await expect(canteen(server.url).getPupil(PUPIL_IIN)).resolves.toMatchObject({
          pupilIin: PUPIL_IIN,
          currentVoucher: { voucherId: VOUCHER, status: 'active' },
        });
      }));

  it('getPupil answers null for a pupil the Wallet never sent', () =>
    pact
      .addInteraction()
      .given(`pupil with IIN ${UNKNOWN_PUPIL} is not registered for meals in the canteen`)
      .uponReceiving('a request for a pupil never registered')
      .withRequest('GET', `/pupils/${UNKNOWN_PUPIL}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(canteen(server.url).getPupil(UNKNOWN_PUPIL)).resolves.toBeNull();
      }));

  it('getPupil throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a request for a pupil while the canteen system is unavailable')
      .withRequest('GET', `/pupils/${PUPIL_IIN}`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(canteen(server.url).getPupil(PUPIL_IIN)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listPupils returns the pupils of a school', () =>
    pact
      .addInteraction()
      .given(ACTIVE_STATE)
      .uponReceiving('a request for the active pupils of a school')
      .withRequest('GET', '/pupils', (b) => b.query({ schoolBin: BIN, status: 'active' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: eachLike(pupilBody('active')), page: { nextCursor: null, hasMore: false } }),
      )
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).listPupils({ schoolBin: BIN, status: 'active' }),
        ).resolves.toMatchObject({
          items: [{ pupilIin: PUPIL_IIN, currentVoucher: { status: 'active' } }],
          hasMore: false,
        });
      }));

  it('listPupils refuses a cursor it did not issue', () =>
    pact
      .addInteraction()
      .given('the canteen system issued no cursor bogus-cursor')
      .uponReceiving('a request for pupils with an unknown cursor')
      .withRequest('GET', '/pupils', (b) => b.query({ schoolBin: BIN, cursor: 'bogus-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).listPupils({ schoolBin: BIN, cursor: 'bogus-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listPupils throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a request for pupils while the canteen system is unavailable')
      .withRequest('GET', '/pupils', (b) => b.query({ schoolBin: BIN }))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(canteen(server.url).listPupils({ schoolBin: BIN })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('deactivatePupilVoucher stops serving the pupil against the voucher', () =>
    pact
      .addInteraction()
      .given(ACTIVE_STATE)
      .uponReceiving('a deactivation of a pupil who moved to another school')
      .withRequest('POST', `/pupils/${PUPIL_IIN}/deactivation`, keyed(DEACTIVATION, DEACTIVATION_KEY))
      .willRespondWith(200, (b) => b.jsonBody(pupilBody('deactivated')))
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).deactivatePupilVoucher(PUPIL_IIN, DEACTIVATION, DEACTIVATION_KEY),
        ).resolves.toMatchObject({
          currentVoucher: {
            status: 'deactivated',
            deactivation: { reason: 'transferred-to-another-school' },
          },
        });
      }));

  it('deactivatePupilVoucher throws NotFound for a pupil never registered', () =>
    pact
      .addInteraction()
      .given(`pupil with IIN ${UNKNOWN_PUPIL} is not registered for meals in the canteen`)
      .uponReceiving('a deactivation of a pupil never registered')
      .withRequest('POST', `/pupils/${UNKNOWN_PUPIL}/deactivation`, keyed(DEACTIVATION, DEACTIVATION_KEY))
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).deactivatePupilVoucher(UNKNOWN_PUPIL, DEACTIVATION, DEACTIVATION_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('deactivatePupilVoucher is refused before the activation', () =>
    pact
      .addInteraction()
      .given(ACTIVE_STATE)
      .uponReceiving('a deactivation dated before the activation')
      .withRequest(
        'POST',
        `/pupils/${PUPIL_IIN}/deactivation`,
        keyed({ ...DEACTIVATION, deactivatedAt: '2025-09-01T09:00:00+05:00' }, `${DEACTIVATION_KEY}:early`),
      )
      .willRespondWith(
        422,
        problem(422, 'DEACTIVATION_BEFORE_ACTIVATION', 'Deactivation before activation', true),
      )
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).deactivatePupilVoucher(
            PUPIL_IIN,
            { ...DEACTIVATION, deactivatedAt: '2025-09-01T09:00:00+05:00' },
            `${DEACTIVATION_KEY}:early`,
          ),
        ).rejects.toMatchObject({
          name: 'BusinessRuleViolation',
          problemCode: 'DEACTIVATION_BEFORE_ACTIVATION',
        });
      }));

  it('deactivatePupilVoucher throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a deactivation while the canteen system is unavailable')
      .withRequest('POST', `/pupils/${PUPIL_IIN}/deactivation`, keyed(DEACTIVATION, DEACTIVATION_KEY))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).deactivatePupilVoucher(PUPIL_IIN, DEACTIVATION, DEACTIVATION_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listMeals returns the meals of a pupil (the voucher history, cl. 11)', () =>
    pact
      .addInteraction()
      .given(`${ACTIVE_STATE} and was served lunch on 2025-10-14`)
      .uponReceiving('a request for the meals of a pupil')
      .withRequest('GET', '/meals', (b) => b.query({ pupilIin: PUPIL_IIN }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: eachLike({
            mealId: string('meal-2025-10-14-000912'),
            status: 'registered',
            voucherId: VOUCHER,
            pupilIin: PUPIL_IIN,
            schoolBin: BIN,
            mealType: 'lunch',
            servedAt: regex(DATE_TIME, '2025-10-14T12:35:18+05:00'),
            servedOn: regex(DATE, '2025-10-14'),
            identification: { method: 'id-card', cardNumber: string('SH45-0000912') },
            priceTiyn: integer(85000),
            registeredAt: regex(DATE_TIME, '2025-10-14T12:35:19+05:00'),
            walletRedemptionId: regex(/^mr-[0-9A-Z]{26}$/, 'mr-01J9A2K4M6P8R0T2V4X6Z8B0D2'),
          }),
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        await expect(canteen(server.url).listMeals({ pupilIin: PUPIL_IIN })).resolves.toMatchObject({
          items: [{ voucherId: VOUCHER, mealType: 'lunch', servedOn: '2025-10-14', priceTiyn: 85000 }],
          hasMore: false,
        });
      }));

  it('listMeals refuses a cursor it did not issue', () =>
    pact
      .addInteraction()
      .given('the canteen system issued no cursor bogus-cursor')
      .uponReceiving('a request for meals with an unknown cursor')
      .withRequest('GET', '/meals', (b) => b.query({ pupilIin: PUPIL_IIN, cursor: 'bogus-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).listMeals({ pupilIin: PUPIL_IIN, cursor: 'bogus-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listMeals throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a request for meals while the canteen system is unavailable')
      .withRequest('GET', '/meals', (b) => b.query({ pupilIin: PUPIL_IIN }))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(canteen(server.url).listMeals({ pupilIin: PUPIL_IIN })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

/** A meal as the canteen holds it: exact where the client checks, matchers where it varies. */
function mealBody(o: {
  mealId: string;
  status: 'registered' | 'cancelled';
  servedOn: string;
  servedAt: string;
}) {
  return {
    mealId: o.mealId,
    status: o.status,
    voucherId: VOUCHER,
    pupilIin: PUPIL_IIN,
    schoolBin: BIN,
    mealType: 'lunch',
    servedAt: regex(DATE_TIME, o.servedAt),
    servedOn: regex(DATE, o.servedOn),
    identification: { method: 'id-card', cardNumber: string('SH45-0000912') },
    terminalId: string('CANTEEN-79-0045-01'),
    priceTiyn: integer(85000),
    registeredAt: regex(DATE_TIME, o.servedAt),
    walletRedemptionId: regex(/^mr-[0-9A-Z]{26}$/, 'mr-01J9A2K4M6P8R0T2V4X6Z8B0D2'),
  };
}

describe('wallet → canteen: the meals of a pupil page after page (seed 002 Annex 2 cl. 11)', () => {
  const pact = pactBetween('wallet', 'canteen');
  const canteen = (url: string) => new CanteenClient(pactClientConfig(url));

  it('meals walks two pages of the meals of a pupil', () => {
    const cursor = 'eyJhZnRlciI6Im1lYWwtMjAyNS0xMC0xNC0wMDA5MTIifQ';
    const state = `${ACTIVE_STATE} and was served lunch on 2025-10-14 and 2025-10-15`;
    pact
      .addInteraction()
      .given(state)
      .uponReceiving('a request for the first page of one meal of a pupil')
      .withRequest('GET', '/meals', (b) => b.query({ pupilIin: PUPIL_IIN, limit: '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            mealBody({
              mealId: 'meal-2025-10-14-000912',
              status: 'registered',
              servedOn: '2025-10-14',
              servedAt: '2025-10-14T12:35:18+05:00',
            }),
          ],
          page: { nextCursor: string(cursor), hasMore: true },
        }),
      );
    return pact
      .addInteraction()
      .given(state)
      .uponReceiving('a request for the second page of meals of a pupil')
      .withRequest('GET', '/meals', (b) => b.query({ pupilIin: PUPIL_IIN, limit: '1', cursor }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            mealBody({
              mealId: 'meal-2025-10-15-000947',
              status: 'registered',
              servedOn: '2025-10-15',
              servedAt: '2025-10-15T12:31:02+05:00',
            }),
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const meals = [];
        for await (const m of canteen(server.url).meals({ pupilIin: PUPIL_IIN, limit: 1 })) meals.push(m);
        expect(meals.map((m) => m.servedOn)).toEqual(['2025-10-14', '2025-10-15']);
      });
  });
});

describe("canteen-terminal → canteen: the staff's meal registrations (seed 002 Annex 2 cl. 7, 14)", () => {
  const pact = pactBetween('canteen-terminal', 'canteen');
  const canteen = (url: string) => new CanteenClient(pactClientConfig(url));
  const MEAL_ID = 'meal-2025-10-14-000912';
  const UNKNOWN_MEAL = 'meal-2025-10-14-999999';
  const MEAL_KEY = 'CANTEEN-79-0045-01:2025-10-14:tap-000912';
  const CANCEL_KEY = `${MEAL_ID}:cancellation`;
  const BY_CARD: CanteenMealRegistration = {
    schoolBin: BIN,
    mealType: 'lunch',
    servedAt: '2025-10-14T12:35:18+05:00',
    identification: { method: 'id-card', cardNumber: 'SH45-0000912' },
    pupilIin: null,
    terminalId: 'CANTEEN-79-0045-01',
    priceTiyn: tiyn(85000),
  };
  const CANCELLATION: CanteenCancellationRequest = {
    reason: 'wrong-pupil',
    cancelledAt: '2025-10-14T12:40:00+05:00',
    comment: 'Card of a classmate was tapped.',
  };
  const CARD_STATE = `ID card SH45-0000912 is linked to pupil with IIN ${PUPIL_IIN}, registered for meals with voucher ${VOUCHER} at school ${BIN} in the canteen`;
  const MEAL_STATE = `pupil with IIN ${PUPIL_IIN} was served lunch on 2025-10-14 as meal ${MEAL_ID} in the canteen`;
  const registered = () =>
    mealBody({
      mealId: MEAL_ID,
      status: 'registered',
      servedOn: '2025-10-14',
      servedAt: '2025-10-14T12:35:18+05:00',
    });

  it('registerMeal registers a lunch served by ID card (cl. 7)', () =>
    pact
      .addInteraction()
      .given(CARD_STATE)
      .uponReceiving('a lunch served by ID card')
      .withRequest('POST', '/meals', keyed(BY_CARD, MEAL_KEY))
      .willRespondWith(201, (b) => b.jsonBody({ ...registered(), mealId: string(MEAL_ID) }))
      .executeTest(async (server) => {
        await expect(canteen(server.url).registerMeal(BY_CARD, MEAL_KEY)).resolves.toMatchObject({
          mealId: MEAL_ID,
          status: 'registered',
          pupilIin: PUPIL_IIN,
          voucherId: VOUCHER,
          mealType: 'lunch',
        });
      }));

  it('registerMeal is refused when the pupil was already served that meal that day', () =>
    pact
      .addInteraction()
      .given(CARD_STATE)
      .given(MEAL_STATE)
      .uponReceiving('a second lunch of the same day by ID card')
      .withRequest('POST', '/meals', keyed(BY_CARD, `${MEAL_KEY}:second`))
      .willRespondWith(422, problem(422, 'MEAL_ALREADY_SERVED', 'Meal already served', true))
      .executeTest(async (server) => {
        const err = await canteen(server.url)
          .registerMeal(BY_CARD, `${MEAL_KEY}:second`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'MEAL_ALREADY_SERVED' });
      }));

  it('registerMeal is refused for an ID card linked to no pupil', () =>
    pact
      .addInteraction()
      .given(`ID card SH45-0009999 is linked to no pupil of school ${BIN} in the canteen`)
      .uponReceiving('a lunch by an unknown ID card')
      .withRequest(
        'POST',
        '/meals',
        keyed(
          { ...BY_CARD, identification: { method: 'id-card', cardNumber: 'SH45-0009999' } },
          `${MEAL_KEY}:unknown-card`,
        ),
      )
      .willRespondWith(422, problem(422, 'UNKNOWN_CARD', 'Unknown card', true))
      .executeTest(async (server) => {
        const err = await canteen(server.url)
          .registerMeal(
            { ...BY_CARD, identification: { method: 'id-card', cardNumber: 'SH45-0009999' } },
            `${MEAL_KEY}:unknown-card`,
          )
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'UNKNOWN_CARD' });
      }));

  it('registerMeal is a Conflict when the key was used for another meal', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${MEAL_KEY}:reused was used for another meal in the canteen`)
      .uponReceiving('a meal that reuses an idempotency key with another body')
      .withRequest('POST', '/meals', keyed(BY_CARD, `${MEAL_KEY}:reused`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(canteen(server.url).registerMeal(BY_CARD, `${MEAL_KEY}:reused`)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('registerMeal throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a meal registration while the canteen system is unavailable')
      .withRequest('POST', '/meals', keyed(BY_CARD, MEAL_KEY))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(canteen(server.url).registerMeal(BY_CARD, MEAL_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getMeal returns a registered meal', () =>
    pact
      .addInteraction()
      .given(MEAL_STATE)
      .uponReceiving('a request for a registered meal')
      .withRequest('GET', `/meals/${MEAL_ID}`)
      .willRespondWith(200, (b) => b.jsonBody(registered()))
      .executeTest(async (server) => {
        await expect(canteen(server.url).getMeal(MEAL_ID)).resolves.toMatchObject({
          mealId: MEAL_ID,
          status: 'registered',
          pupilIin: PUPIL_IIN,
          servedOn: '2025-10-14',
          identification: { method: 'id-card' },
        });
      }));

  it('getMeal throws NotFound for an unknown meal', () =>
    pact
      .addInteraction()
      .given(`the canteen system has no meal ${UNKNOWN_MEAL}`)
      .uponReceiving('a request for an unknown meal')
      .withRequest('GET', `/meals/${UNKNOWN_MEAL}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(canteen(server.url).getMeal(UNKNOWN_MEAL)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getMeal throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a request for a meal while the canteen system is unavailable')
      .withRequest('GET', `/meals/${MEAL_ID}`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(canteen(server.url).getMeal(MEAL_ID)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('cancelMeal cancels a meal registered in error; it stays in the history', () =>
    pact
      .addInteraction()
      .given(MEAL_STATE)
      .given('the meals of 2025-10-14 are not yet reported to NOBD')
      .uponReceiving('a cancellation of a meal registered by a wrong card')
      .withRequest('POST', `/meals/${MEAL_ID}/cancellation`, keyed(CANCELLATION, CANCEL_KEY))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          ...registered(),
          status: 'cancelled',
          cancellation: {
            reason: 'wrong-pupil',
            cancelledAt: regex(DATE_TIME, '2025-10-14T12:40:00+05:00'),
            comment: string('Card of a classmate was tapped.'),
          },
        }),
      )
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).cancelMeal(MEAL_ID, CANCELLATION, CANCEL_KEY),
        ).resolves.toMatchObject({
          mealId: MEAL_ID,
          status: 'cancelled',
          cancellation: { reason: 'wrong-pupil' },
        });
      }));

  it('cancelMeal is refused once the day was reported to NOBD (cl. 14)', () =>
    pact
      .addInteraction()
      .given(MEAL_STATE)
      .given('the meals of 2025-10-14 were reported to NOBD')
      .uponReceiving('a cancellation of a meal already reported')
      .withRequest('POST', `/meals/${MEAL_ID}/cancellation`, keyed(CANCELLATION, `${CANCEL_KEY}:late`))
      .willRespondWith(422, problem(422, 'MEAL_ALREADY_REPORTED', 'Meal already reported', true))
      .executeTest(async (server) => {
        const err = await canteen(server.url)
          .cancelMeal(MEAL_ID, CANCELLATION, `${CANCEL_KEY}:late`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'MEAL_ALREADY_REPORTED' });
      }));

  it('cancelMeal throws NotFound for an unknown meal', () =>
    pact
      .addInteraction()
      .given(`the canteen system has no meal ${UNKNOWN_MEAL}`)
      .uponReceiving('a cancellation of an unknown meal')
      .withRequest(
        'POST',
        `/meals/${UNKNOWN_MEAL}/cancellation`,
        keyed(CANCELLATION, `${UNKNOWN_MEAL}:cancellation`),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).cancelMeal(UNKNOWN_MEAL, CANCELLATION, `${UNKNOWN_MEAL}:cancellation`),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('cancelMeal is a Conflict when the key was used for another cancellation', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${CANCEL_KEY}:reused was used for another cancellation in the canteen`)
      .uponReceiving('a cancellation that reuses an idempotency key with another body')
      .withRequest('POST', `/meals/${MEAL_ID}/cancellation`, keyed(CANCELLATION, `${CANCEL_KEY}:reused`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).cancelMeal(MEAL_ID, CANCELLATION, `${CANCEL_KEY}:reused`),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('cancelMeal throws UpstreamUnavailable when the canteen system is down', () =>
    pact
      .addInteraction()
      .given('the canteen system is unavailable')
      .uponReceiving('a cancellation while the canteen system is unavailable')
      .withRequest('POST', `/meals/${MEAL_ID}/cancellation`, keyed(CANCELLATION, CANCEL_KEY))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(
          canteen(server.url).cancelMeal(MEAL_ID, CANCELLATION, CANCEL_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
