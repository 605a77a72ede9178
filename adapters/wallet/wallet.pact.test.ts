import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import { tiyn } from '../../src/domain/money';
import {
  pactBetween,
  pactClientConfig,
  problemBody,
  ISO_DATE_TIME as DATE_TIME,
  ISO_DATE as DATE,
} from '../testing/pact';
import { WalletClient } from './client';
import type {
  WalletGasDiscount,
  WalletGasRecipientBatch,
  WalletMealRecipientBatch,
  WalletMealRedemptionRequest,
} from './mapping';

const { regex, integer, string, eachLike } = MatchersV3;

const VOUCHER_ID = /^vch-[0-9A-Z]{26}$/;

// Synthetic people (valid checksums): a mother born 1985-03-12 on ASP, her son born 2012-09-05, and a girl born
// 2015-02-14 whose voucher is used by ID card.
const IIN = '850312400019';
const PUPIL_IIN = '120905500017';
const CARD_PUPIL_IIN = '150214600012';
const PHONE = '+77012345678';
const GAS_VOUCHER = 'vch-01J8YB2C4D6E8F0G2H4J6K8M0N';
const MEAL_VOUCHER = 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K';
const UNKNOWN_VOUCHER = 'vch-01J8YB2C4D6E8F0G2H4J6K8M0P';
const ACCOUNT = '7900123456';
const SCHOOL_ID = 'SCH-79-0045';
const TERMINAL = 'CANTEEN-79-0045-01';
const QR_PAYLOAD = 'SWQR1.cXItMDFKOFlFWjlYN1Y1VDNSMVA5TjdNNUszSDE.MEUCIQC3';
const USED_QR_PAYLOAD = 'SWQR1.cXItMDFKOFlFWjlYN1Y1VDNSMVA5TjdNNUszSDI.MEUCIQC4';

const NAME = { lastName: 'Ахметова', firstName: 'Айгерим', middleName: 'Серікқызы' };
const PUPIL_NAME = { lastName: 'Ахметов', firstName: 'Нұрлан', middleName: 'Серікұлы' };
const SHYMKENT = { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' };
const SCHOOL = {
  schoolId: SCHOOL_ID,
  bin: '110140032579',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: SHYMKENT,
};
const CATEGORY = {
  code: '1',
  nameKz: 'Мемлекеттік атаулы әлеуметтік көмек алуға құқығы бар отбасылардан шыққан балалар',
  nameRu: 'Дети из семей, имеющих право на получение адресной социальной помощи',
};

const GAS_BATCH: WalletGasRecipientBatch = {
  batchId: 'egov-gas-2025-09-000017',
  month: '2025-09',
  recipients: [
    {
      iin: IIN,
      name: NAME,
      phone: PHONE,
      region: SHYMKENT,
      assistance: ['asp'],
      consentedAt: '2025-09-08T09:15:42+05:00',
      caseRef: 'gas-voucher:2025-09:case-000123',
    },
  ],
};
const GAS_KEY = 'gas-voucher:2025-09:batch-000017:handover';

const MEAL_BATCH: WalletMealRecipientBatch = {
  batchId: 'egov-meals-2025-2026-000042',
  schoolYear: '2025-2026',
  recipients: [
    {
      pupil: { iin: PUPIL_IIN, name: PUPIL_NAME, birthDate: '2012-09-05' },
      school: SCHOOL,
      grade: 8,
      category: CATEGORY,
      parent: { iin: IIN, name: NAME, role: 'mother', phone: PHONE },
      consentedAt: '2025-09-02T12:40:00+05:00',
      caseRef: 'school-meals:2025-09:case-000789',
    },
  ],
};
const MEAL_KEY = 'school-meals:2025-2026:batch-000042:handover';

type BodyBuilder = { headers: (h: Record<string, string>) => { jsonBody: (body: unknown) => unknown } };

/** A problem answer; `exactCode` pins the code where the caller branches on it (a 422 rule). */
function problem(status: number, code: string, title: string, exactCode = false) {
  const body = exactCode ? { ...problemBody(status, code, title), code } : problemBody(status, code, title);
  return (b: BodyBuilder) => void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(body);
}

const keyed = (body: unknown, idempotencyKey: string) => (b: BodyBuilder) =>
  void b.headers({ 'Idempotency-Key': idempotencyKey }).jsonBody(body);

/** The gas voucher as the Wallet shows it: exact where the client checks, matchers where it varies. */
function gasVoucherBody() {
  return {
    voucherId: GAS_VOUCHER,
    service: 'gas-voucher',
    status: 'activated',
    owner: { iin: IIN, name: NAME },
    issuedAt: regex(DATE_TIME, '2025-09-08T09:16:10+05:00'),
    validFrom: regex(DATE, '2025-09-07'),
    validUntil: regex(DATE, '2025-09-29'),
    activatedAt: regex(DATE_TIME, '2025-09-08T19:12:44+05:00'),
    channel: 'egov-mobile',
    gas: { month: '2025-09', region: SHYMKENT, accountNumber: ACCOUNT },
  };
}

describe('egov → Wallet: hand-over of recipients and their vouchers (seed 000 cl. 21–22, seed 002 Annex 2 cl. 4)', () => {
  const pact = pactBetween('egov', 'wallet');

  it('handOverGasRecipients creates a voucher per recipient', () =>
    pact
      .addInteraction()
      .given(`a person with IIN ${IIN} has no gas voucher of 2025-09 in the Wallet`)
      .uponReceiving('a hand-over of one gas recipient who consented')
      .withRequest('POST', '/gas-recipients', keyed(GAS_BATCH, GAS_KEY))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          batchId: GAS_BATCH.batchId,
          created: integer(1),
          existing: integer(0),
          rejected: integer(0),
          results: [{ iin: IIN, outcome: 'created', voucherId: regex(VOUCHER_ID, GAS_VOUCHER) }],
        }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.handOverGasRecipients(GAS_BATCH, GAS_KEY)).resolves.toEqual({
          batchId: GAS_BATCH.batchId,
          created: 1,
          existing: 0,
          rejected: 0,
          results: [{ iin: IIN, outcome: 'created', voucherId: GAS_VOUCHER }],
        });
      }));

  it('handOverGasRecipients is refused when the month is closed (seed 000 cl. 19)', () =>
    pact
      .addInteraction()
      .given('the gas month 2025-08 is closed in the Wallet')
      .uponReceiving('a hand-over of gas recipients for a closed month')
      .withRequest(
        'POST',
        '/gas-recipients',
        keyed({ ...GAS_BATCH, batchId: 'egov-gas-2025-08-000099', month: '2025-08' }, `${GAS_KEY}:late`),
      )
      .willRespondWith(422, problem(422, 'MONTH_CLOSED', 'Month closed', true))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .handOverGasRecipients(
            { ...GAS_BATCH, batchId: 'egov-gas-2025-08-000099', month: '2025-08' },
            `${GAS_KEY}:late`,
          )
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'MONTH_CLOSED' });
      }));

  it('handOverGasRecipients is a Conflict when the key was used for another batch', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${GAS_KEY}:reused was used for another gas batch in the Wallet`)
      .uponReceiving('a gas hand-over that reuses an idempotency key with another batch')
      .withRequest('POST', '/gas-recipients', keyed(GAS_BATCH, `${GAS_KEY}:reused`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.handOverGasRecipients(GAS_BATCH, `${GAS_KEY}:reused`)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('handOverGasRecipients throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a gas hand-over while the Wallet is unavailable')
      .withRequest('POST', '/gas-recipients', keyed(GAS_BATCH, GAS_KEY))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.handOverGasRecipients(GAS_BATCH, GAS_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('handOverMealRecipients creates a voucher per pupil', () =>
    pact
      .addInteraction()
      .given(`a pupil with IIN ${PUPIL_IIN} has no meal voucher of 2025-2026 in the Wallet`)
      .uponReceiving('a hand-over of one pupil whose mother consented')
      .withRequest('POST', '/meal-recipients', keyed(MEAL_BATCH, MEAL_KEY))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          batchId: MEAL_BATCH.batchId,
          created: integer(1),
          existing: integer(0),
          rejected: integer(0),
          results: [{ iin: PUPIL_IIN, outcome: 'created', voucherId: regex(VOUCHER_ID, MEAL_VOUCHER) }],
        }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.handOverMealRecipients(MEAL_BATCH, MEAL_KEY)).resolves.toMatchObject({
          results: [{ iin: PUPIL_IIN, outcome: 'created', voucherId: MEAL_VOUCHER }],
        });
      }));

  it('handOverMealRecipients is a Conflict when the key was used for another batch', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${MEAL_KEY}:reused was used for another meal batch in the Wallet`)
      .uponReceiving('a meal hand-over that reuses an idempotency key with another batch')
      .withRequest('POST', '/meal-recipients', keyed(MEAL_BATCH, `${MEAL_KEY}:reused`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.handOverMealRecipients(MEAL_BATCH, `${MEAL_KEY}:reused`)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('handOverMealRecipients throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a meal hand-over while the Wallet is unavailable')
      .withRequest('POST', '/meal-recipients', keyed(MEAL_BATCH, MEAL_KEY))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.handOverMealRecipients(MEAL_BATCH, MEAL_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('listVouchers returns the vouchers of a person', () =>
    pact
      .addInteraction()
      .given(
        `a person with IIN ${IIN} has gas voucher ${GAS_VOUCHER} of 2025-09 activated on account ${ACCOUNT}`,
      )
      .uponReceiving('a request for the gas vouchers of a person in a month')
      .withRequest('GET', '/vouchers', (b) =>
        b.query({ ownerIin: IIN, service: 'gas-voucher', month: '2025-09' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: eachLike(gasVoucherBody()), page: { nextCursor: null, hasMore: false } }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.listVouchers({ ownerIin: IIN, service: 'gas-voucher', month: '2025-09' }),
        ).resolves.toMatchObject({
          items: [{ voucherId: GAS_VOUCHER, status: 'activated', gas: { accountNumber: ACCOUNT } }],
          hasMore: false,
        });
      }));

  it('listVouchers refuses a cursor it did not issue', () =>
    pact
      .addInteraction()
      .given('the Wallet issued no cursor bogus-cursor')
      .uponReceiving('a request for vouchers with an unknown cursor')
      .withRequest('GET', '/vouchers', (b) => b.query({ ownerIin: IIN, cursor: 'bogus-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.listVouchers({ ownerIin: IIN, cursor: 'bogus-cursor' })).rejects.toBeInstanceOf(
          BadInput,
        );
      }));

  it('listVouchers throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a request for vouchers while the Wallet is unavailable')
      .withRequest('GET', '/vouchers', (b) => b.query({ ownerIin: IIN }))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.listVouchers({ ownerIin: IIN })).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('getVoucher returns a voucher and its state', () =>
    pact
      .addInteraction()
      .given(
        `a person with IIN ${IIN} has gas voucher ${GAS_VOUCHER} of 2025-09 activated on account ${ACCOUNT}`,
      )
      .uponReceiving('a request for a gas voucher')
      .withRequest('GET', `/vouchers/${GAS_VOUCHER}`)
      .willRespondWith(200, (b) => b.jsonBody(gasVoucherBody()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getVoucher(GAS_VOUCHER)).resolves.toMatchObject({
          voucherId: GAS_VOUCHER,
          service: 'gas-voucher',
          status: 'activated',
          owner: { iin: IIN },
          gas: { month: '2025-09', accountNumber: ACCOUNT },
        });
      }));

  it('getVoucher throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('a request for an unknown voucher')
      .withRequest('GET', `/vouchers/${UNKNOWN_VOUCHER}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getVoucher(UNKNOWN_VOUCHER)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getVoucher throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a request for a voucher while the Wallet is unavailable')
      .withRequest('GET', `/vouchers/${GAS_VOUCHER}`)
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getVoucher(GAS_VOUCHER)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});

describe('canteen → Wallet: dynamic QR and meals served (seed 002 Annex 2 cl. 7, 10)', () => {
  const pact = pactBetween('canteen', 'wallet');
  const scan = { qrPayload: QR_PAYLOAD, schoolId: SCHOOL_ID, terminalId: TERMINAL };
  const byQr: WalletMealRedemptionRequest = {
    method: 'qr',
    ...scan,
    mealType: 'lunch',
    servedAt: '2025-09-03T12:30:41+05:00',
  };
  const byCard: WalletMealRedemptionRequest = {
    method: 'id-card',
    pupilIin: CARD_PUPIL_IIN,
    schoolId: SCHOOL_ID,
    terminalId: 'CANTEEN-79-0045-02',
    mealType: 'breakfast',
    servedAt: '2025-09-03T09:10:00+05:00',
  };
  const redemption = (r: WalletMealRedemptionRequest, pupilIin: string) => ({
    redemptionId: regex(/^mr-[0-9A-Z]{26}$/, 'mr-01J8YF0B2D4F6H8K0M2P4R6T8V'),
    voucherId: regex(VOUCHER_ID, MEAL_VOUCHER),
    method: r.method,
    pupilIin,
    schoolId: r.schoolId,
    terminalId: r.terminalId,
    mealType: r.mealType,
    mealDate: regex(DATE, r.servedAt.slice(0, 10)),
    servedAt: regex(DATE_TIME, r.servedAt),
    registeredAt: regex(DATE_TIME, r.servedAt),
  });
  const QR_STATE = `pupil with IIN ${PUPIL_IIN} has an unused dynamic QR ${QR_PAYLOAD} for lunch at school ${SCHOOL_ID} in the Wallet`;

  it('verifyMealQr says the meal may be served, and to whom', () =>
    pact
      .addInteraction()
      .given(QR_STATE)
      .uponReceiving('a scanned dynamic QR that may be served')
      .withRequest('POST', '/meal-qr:verify', (b) => b.jsonBody(scan))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          valid: true,
          qrId: regex(/^qr-[0-9A-Z]{26}$/, 'qr-01J8YEZ9X7V5T3R1P9N7M5K3H1'),
          voucherId: regex(VOUCHER_ID, MEAL_VOUCHER),
          mealType: 'lunch',
          pupil: { iin: PUPIL_IIN, name: PUPIL_NAME, birthDate: '2012-09-05' },
          grade: integer(8),
          expiresAt: regex(DATE_TIME, '2025-09-03T12:35:00+05:00'),
        }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.verifyMealQr(scan)).resolves.toMatchObject({
          valid: true,
          mealType: 'lunch',
          pupil: { iin: PUPIL_IIN },
        });
      }));

  it('verifyMealQr answers "no" with the reason for a QR already used', () =>
    pact
      .addInteraction()
      .given(
        `the dynamic QR ${USED_QR_PAYLOAD} of pupil with IIN ${PUPIL_IIN} was used for a meal in the Wallet`,
      )
      .uponReceiving('a scanned dynamic QR that was already used')
      .withRequest('POST', '/meal-qr:verify', (b) => b.jsonBody({ ...scan, qrPayload: USED_QR_PAYLOAD }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          valid: false,
          refusal: { code: 'QR_ALREADY_USED', reason: string('This QR was used at 2025-09-03 12:30.') },
        }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.verifyMealQr({ ...scan, qrPayload: USED_QR_PAYLOAD })).resolves.toMatchObject({
          valid: false,
          refusal: { code: 'QR_ALREADY_USED' },
        });
      }));

  it('verifyMealQr throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a QR verification while the Wallet is unavailable')
      .withRequest('POST', '/meal-qr:verify', (b) => b.jsonBody(scan))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.verifyMealQr(scan)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('redeemMeal registers a meal by the scanned QR', () =>
    pact
      .addInteraction()
      .given(QR_STATE)
      .uponReceiving('a lunch served by dynamic QR')
      .withRequest('POST', '/meal-redemptions', keyed(byQr, 'canteen:CANTEEN-79-0045-01:meal-000215'))
      .willRespondWith(201, (b) => b.jsonBody(redemption(byQr, PUPIL_IIN)))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.redeemMeal(byQr, 'canteen:CANTEEN-79-0045-01:meal-000215'),
        ).resolves.toMatchObject({
          method: 'qr',
          pupilIin: PUPIL_IIN,
          mealDate: '2025-09-03',
        });
      }));

  it('redeemMeal registers a meal by ID card', () =>
    pact
      .addInteraction()
      .given(
        `pupil with IIN ${CARD_PUPIL_IIN} has an active meal voucher at school ${SCHOOL_ID} in the Wallet`,
      )
      .uponReceiving('a breakfast served by ID card')
      .withRequest('POST', '/meal-redemptions', keyed(byCard, 'canteen:CANTEEN-79-0045-02:meal-000216'))
      .willRespondWith(201, (b) => b.jsonBody(redemption(byCard, CARD_PUPIL_IIN)))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.redeemMeal(byCard, 'canteen:CANTEEN-79-0045-02:meal-000216'),
        ).resolves.toMatchObject({ method: 'id-card', pupilIin: CARD_PUPIL_IIN, mealType: 'breakfast' });
      }));

  it('redeemMeal is refused when the meal was already served that day', () =>
    pact
      .addInteraction()
      .given(
        `pupil with IIN ${CARD_PUPIL_IIN} was served breakfast on 2025-09-03 at school ${SCHOOL_ID} in the Wallet`,
      )
      .uponReceiving('a second breakfast of the same day by ID card')
      .withRequest('POST', '/meal-redemptions', keyed(byCard, 'canteen:CANTEEN-79-0045-02:meal-000217'))
      .willRespondWith(422, problem(422, 'MEAL_ALREADY_SERVED', 'Meal already served today', true))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .redeemMeal(byCard, 'canteen:CANTEEN-79-0045-02:meal-000217')
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'MEAL_ALREADY_SERVED' });
      }));

  it('redeemMeal is a Conflict when the key was used for another meal', () =>
    pact
      .addInteraction()
      .given('Idempotency-Key canteen:CANTEEN-79-0045-02:meal-000216 was used for another meal in the Wallet')
      .uponReceiving('a meal that reuses an idempotency key with another body')
      .withRequest('POST', '/meal-redemptions', keyed(byCard, 'canteen:CANTEEN-79-0045-02:meal-000216'))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.redeemMeal(byCard, 'canteen:CANTEEN-79-0045-02:meal-000216'),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('redeemMeal throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a meal registration while the Wallet is unavailable')
      .withRequest('POST', '/meal-redemptions', keyed(byQr, 'canteen:CANTEEN-79-0045-01:meal-000215'))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.redeemMeal(byQr, 'canteen:CANTEEN-79-0045-01:meal-000215'),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});

describe('canteen → Wallet: the meals registered, for reconciliation (seed 002 Annex 2 cl. 14)', () => {
  const pact = pactBetween('canteen', 'wallet');
  const CURSOR = 'eyJhZnRlciI6Im1yLTAxSjhZRjBCMkQ0RjZIOEswTTJQNFI2VDhWIn0';
  const STATE = `pupil with IIN ${PUPIL_IIN} was served lunch by QR and pupil with IIN ${CARD_PUPIL_IIN} breakfast by ID card on 2025-09-03 at school ${SCHOOL_ID} in the Wallet`;
  const meal = (o: {
    redemptionId: string;
    method: 'qr' | 'id-card';
    pupilIin: string;
    terminalId: string;
    mealType: 'lunch' | 'breakfast';
    servedAt: string;
  }) => ({
    redemptionId: regex(/^mr-[0-9A-Z]{26}$/, o.redemptionId),
    voucherId: regex(VOUCHER_ID, MEAL_VOUCHER),
    method: o.method,
    pupilIin: o.pupilIin,
    schoolId: SCHOOL_ID,
    terminalId: string(o.terminalId),
    mealType: o.mealType,
    mealDate: '2025-09-03',
    servedAt: regex(DATE_TIME, o.servedAt),
    registeredAt: regex(DATE_TIME, o.servedAt),
  });
  const lunch = meal({
    redemptionId: 'mr-01J8YF0B2D4F6H8K0M2P4R6T8V',
    method: 'qr',
    pupilIin: PUPIL_IIN,
    terminalId: TERMINAL,
    mealType: 'lunch',
    servedAt: '2025-09-03T12:30:41+05:00',
  });
  const breakfast = meal({
    redemptionId: 'mr-01J8YF0B2D4F6H8K0M2P4R6T8W',
    method: 'id-card',
    pupilIin: CARD_PUPIL_IIN,
    terminalId: 'CANTEEN-79-0045-02',
    mealType: 'breakfast',
    servedAt: '2025-09-03T09:10:00+05:00',
  });

  it('listMealRedemptions returns the meals of a school on a day', () =>
    pact
      .addInteraction()
      .given(STATE)
      .uponReceiving('a request for the meals of a school on a day')
      .withRequest('GET', '/meal-redemptions', (b) => b.query({ schoolId: SCHOOL_ID, date: '2025-09-03' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: [breakfast, lunch], page: { nextCursor: null, hasMore: false } }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const page = await wallet.listMealRedemptions({ schoolId: SCHOOL_ID, date: '2025-09-03' });
        expect(page).toMatchObject({ hasMore: false, nextCursor: null });
        expect(page.items).toEqual([
          expect.objectContaining({ method: 'id-card', pupilIin: CARD_PUPIL_IIN, mealType: 'breakfast' }),
          expect.objectContaining({ method: 'qr', pupilIin: PUPIL_IIN, mealType: 'lunch' }),
        ]);
      }));

  it('mealRedemptions walks two pages of the meals of a school on a day', () => {
    pact
      .addInteraction()
      .given(STATE)
      .uponReceiving('a request for the first page of one meal of a school on a day')
      .withRequest('GET', '/meal-redemptions', (b) =>
        b.query({ schoolId: SCHOOL_ID, date: '2025-09-03', limit: '1' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: [breakfast], page: { nextCursor: string(CURSOR), hasMore: true } }),
      );
    return pact
      .addInteraction()
      .given(STATE)
      .uponReceiving('a request for the second page of meals of a school on a day')
      .withRequest('GET', '/meal-redemptions', (b) =>
        b.query({ schoolId: SCHOOL_ID, date: '2025-09-03', limit: '1', cursor: CURSOR }),
      )
      .willRespondWith(200, (b) => b.jsonBody({ items: [lunch], page: { nextCursor: null, hasMore: false } }))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const meals = [];
        for await (const m of wallet.mealRedemptions({ schoolId: SCHOOL_ID, date: '2025-09-03', limit: 1 }))
          meals.push(m);
        expect(meals).toEqual([
          expect.objectContaining({ pupilIin: CARD_PUPIL_IIN, mealType: 'breakfast' }),
          expect.objectContaining({ pupilIin: PUPIL_IIN, mealType: 'lunch' }),
        ]);
      });
  });

  it('listMealRedemptions refuses a cursor it did not issue', () =>
    pact
      .addInteraction()
      .given('the Wallet issued no cursor bogus-cursor')
      .uponReceiving('a request for meals with an unknown cursor')
      .withRequest('GET', '/meal-redemptions', (b) =>
        b.query({ schoolId: SCHOOL_ID, cursor: 'bogus-cursor' }),
      )
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.listMealRedemptions({ schoolId: SCHOOL_ID, cursor: 'bogus-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listMealRedemptions throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a request for meals while the Wallet is unavailable')
      .withRequest('GET', '/meal-redemptions', (b) => b.query({ schoolId: SCHOOL_ID, date: '2025-09-03' }))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.listMealRedemptions({ schoolId: SCHOOL_ID, date: '2025-09-03' }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});

const OFFER = {
  offerId: string('gas-offer-2025-08-25'),
  textKz: string('Ваучерді пайдалану шарттары (жария оферта) …'),
  textRu: string('Условия использования ваучера (публичная оферта) …'),
};
const ACCOUNT_SHOWN = {
  accountNumber: ACCOUNT,
  holder: { lastName: string('Ахметова'), firstName: string('Айгерим'), middleName: string('Серікқызы') },
  addressText: string('Шымкент қ., Әл-Фараби ауданы, Тәуке хан даңғылы, 45-үй, 12-пәтер'),
  region: SHYMKENT,
  group1PricePerM3: integer(2781),
  group9PricePerM3: integer(1835),
  normLitres: integer(120000),
};
const ISSUED_GAS_STATE = `a person with IIN ${IIN} has gas voucher ${GAS_VOUCHER} of 2025-09 issued and not activated in the Wallet`;
const ENTERED_STATE = `the gas activation of voucher ${GAS_VOUCHER} shows offer gas-offer-2025-08-25 for account ${ACCOUNT} in the Wallet`;
const ACCEPTED_STATE = `the gas activation of voucher ${GAS_VOUCHER} shows billing's data of account ${ACCOUNT} in the Wallet`;
const ISSUED_MEAL_STATE = `a parent with IIN ${IIN} has meal voucher ${MEAL_VOUCHER} of 2025-2026 for pupil with IIN ${PUPIL_IIN} issued and not activated in the Wallet`;
const ACTIVE_MEAL_STATE = `a parent with IIN ${IIN} has meal voucher ${MEAL_VOUCHER} of 2025-2026 for pupil with IIN ${PUPIL_IIN} activated in the Wallet`;

/** The meal voucher as the Wallet shows it after the parent activated it. */
function mealVoucherBody() {
  return {
    voucherId: MEAL_VOUCHER,
    service: 'school-meals',
    status: 'activated',
    owner: { iin: IIN, name: NAME },
    issuedAt: regex(DATE_TIME, '2025-09-02T12:41:00+05:00'),
    validFrom: regex(DATE, '2025-09-01'),
    validUntil: regex(DATE, '2026-05-31'),
    activatedAt: regex(DATE_TIME, '2025-09-02T20:05:13+05:00'),
    channel: 'egov-mobile',
    meals: {
      schoolYear: '2025-2026',
      pupil: { iin: PUPIL_IIN, name: PUPIL_NAME, birthDate: '2012-09-05' },
      school: SCHOOL,
      grade: integer(8),
      category: CATEGORY,
      canteenRegistration: {
        status: regex(/^(pending|registered|failed)$/, 'registered'),
        registeredAt: regex(DATE_TIME, '2025-09-02T20:05:15+05:00'),
      },
      mealsServed: integer(0),
    },
  };
}

describe("egov-mobile → Wallet: the citizen's gas activation, meal voucher, QR and history (seed 000 cl. 24–30, seed 002 Annex 2 cl. 6, 8, 11)", () => {
  const pact = pactBetween('egov-mobile', 'wallet');
  const entry = { accountNumber: ACCOUNT, channel: 'egov-mobile' as const };
  const ENTER_KEY = `gas-activation:${GAS_VOUCHER}:account:${ACCOUNT}`;
  const ACCEPT_KEY = `gas-activation:${GAS_VOUCHER}:offer:gas-offer-2025-08-25`;
  const CONFIRM_KEY = `gas-activation:${GAS_VOUCHER}:confirm:${ACCOUNT}`;
  const MEAL_ACTIVATION_KEY = `meal-activation:${MEAL_VOUCHER}`;
  const QR_KEY = `meal-qr:${MEAL_VOUCHER}:2025-09-03:lunch`;
  const HISTORY_CURSOR = 'eyJhZnRlciI6InZldi0wMko4WUQxQTNCNUM3RDlFMUYzRzVIN0owMiJ9';

  const offerShown = () => ({
    voucherId: GAS_VOUCHER,
    step: 'offer-shown',
    accountNumber: ACCOUNT,
    channel: 'egov-mobile',
    offer: OFFER,
    updatedAt: regex(DATE_TIME, '2025-09-08T19:11:02+05:00'),
  });
  const accountShown = () => ({
    ...offerShown(),
    step: 'account-shown',
    offerAcceptedAt: regex(DATE_TIME, '2025-09-08T19:12:01+05:00'),
    account: ACCOUNT_SHOWN,
    updatedAt: regex(DATE_TIME, '2025-09-08T19:12:02+05:00'),
  });

  it('getGasActivation returns the step the activation reached', () =>
    pact
      .addInteraction()
      .given(ENTERED_STATE)
      .uponReceiving('a request for where a gas activation stands')
      .withRequest('GET', `/vouchers/${GAS_VOUCHER}/gas-activation`)
      .willRespondWith(200, (b) => b.jsonBody(offerShown()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getGasActivation(GAS_VOUCHER)).resolves.toMatchObject({
          voucherId: GAS_VOUCHER,
          step: 'offer-shown',
          accountNumber: ACCOUNT,
          offer: { offerId: 'gas-offer-2025-08-25' },
        });
      }));

  it('getGasActivation throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('a request for the gas activation of an unknown voucher')
      .withRequest('GET', `/vouchers/${UNKNOWN_VOUCHER}/gas-activation`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getGasActivation(UNKNOWN_VOUCHER)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getGasActivation throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a request for a gas activation while the Wallet is unavailable')
      .withRequest('GET', `/vouchers/${GAS_VOUCHER}/gas-activation`)
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getGasActivation(GAS_VOUCHER)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('enterPersonalAccount records the account and shows the public offer', () =>
    pact
      .addInteraction()
      .given(ISSUED_GAS_STATE)
      .uponReceiving('a personal account entered in eGov Mobile')
      .withRequest('PUT', `/vouchers/${GAS_VOUCHER}/gas-activation`, keyed(entry, ENTER_KEY))
      .willRespondWith(200, (b) => b.jsonBody(offerShown()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.enterPersonalAccount(GAS_VOUCHER, entry, ENTER_KEY)).resolves.toMatchObject({
          step: 'offer-shown',
          accountNumber: ACCOUNT,
          offer: { offerId: 'gas-offer-2025-08-25' },
        });
      }));

  it('enterPersonalAccount is refused when the account already has a voucher this month (seed 000 cl. 8, 26)', () =>
    pact
      .addInteraction()
      .given(ISSUED_GAS_STATE)
      .given(`personal account ${ACCOUNT} already has another voucher activated in 2025-09 in the Wallet`)
      .uponReceiving('a personal account entered that already has a voucher this month')
      .withRequest('PUT', `/vouchers/${GAS_VOUCHER}/gas-activation`, keyed(entry, `${ENTER_KEY}:second`))
      .willRespondWith(
        422,
        problem(
          422,
          'ACCOUNT_ALREADY_HAS_VOUCHER',
          'The personal account already has a voucher this month',
          true,
        ),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .enterPersonalAccount(GAS_VOUCHER, entry, `${ENTER_KEY}:second`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'ACCOUNT_ALREADY_HAS_VOUCHER' });
      }));

  it('enterPersonalAccount throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('a personal account entered for an unknown voucher')
      .withRequest(
        'PUT',
        `/vouchers/${UNKNOWN_VOUCHER}/gas-activation`,
        keyed(entry, `gas-activation:${UNKNOWN_VOUCHER}:account:${ACCOUNT}`),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.enterPersonalAccount(
            UNKNOWN_VOUCHER,
            entry,
            `gas-activation:${UNKNOWN_VOUCHER}:account:${ACCOUNT}`,
          ),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('enterPersonalAccount is a Conflict when the key was used for another account', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${ENTER_KEY}:reused was used for another personal account in the Wallet`)
      .uponReceiving('a personal account entry that reuses an idempotency key with another body')
      .withRequest('PUT', `/vouchers/${GAS_VOUCHER}/gas-activation`, keyed(entry, `${ENTER_KEY}:reused`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.enterPersonalAccount(GAS_VOUCHER, entry, `${ENTER_KEY}:reused`),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('enterPersonalAccount throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a personal account entry while the Wallet is unavailable')
      .withRequest('PUT', `/vouchers/${GAS_VOUCHER}/gas-activation`, keyed(entry, ENTER_KEY))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.enterPersonalAccount(GAS_VOUCHER, entry, ENTER_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it("acceptGasOffer returns billing's data of the account to compare (seed 000 cl. 25–29)", () =>
    pact
      .addInteraction()
      .given(ENTERED_STATE)
      .given(`billing has personal account ${ACCOUNT} of a person with IIN ${IIN} in Shymkent`)
      .uponReceiving('an acceptance of the public offer shown')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`,
        keyed({ offerId: 'gas-offer-2025-08-25' }, ACCEPT_KEY),
      )
      .willRespondWith(200, (b) => b.jsonBody(accountShown()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.acceptGasOffer(GAS_VOUCHER, 'gas-offer-2025-08-25', ACCEPT_KEY),
        ).resolves.toMatchObject({
          step: 'account-shown',
          account: { accountNumber: ACCOUNT, group1PricePerM3: 2781, group9PricePerM3: 1835 },
        });
      }));

  it('acceptGasOffer is refused when billing has no such account (seed 000 cl. 28)', () =>
    pact
      .addInteraction()
      .given(
        `the gas activation of voucher ${GAS_VOUCHER} shows offer gas-offer-2025-08-25 for account 7900123465 in the Wallet`,
      )
      .given('billing has no personal account 7900123465')
      .uponReceiving('an acceptance of the offer for an account billing does not know')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`,
        keyed({ offerId: 'gas-offer-2025-08-25' }, `${ACCEPT_KEY}:mistyped`),
      )
      .willRespondWith(422, problem(422, 'PERSONAL_ACCOUNT_NOT_FOUND', 'Personal account not found', true))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .acceptGasOffer(GAS_VOUCHER, 'gas-offer-2025-08-25', `${ACCEPT_KEY}:mistyped`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'PERSONAL_ACCOUNT_NOT_FOUND' });
      }));

  it('acceptGasOffer throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('an acceptance of the offer for an unknown voucher')
      .withRequest(
        'POST',
        `/vouchers/${UNKNOWN_VOUCHER}/gas-activation/offer-acceptance`,
        keyed({ offerId: 'gas-offer-2025-08-25' }, `gas-activation:${UNKNOWN_VOUCHER}:offer`),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.acceptGasOffer(
            UNKNOWN_VOUCHER,
            'gas-offer-2025-08-25',
            `gas-activation:${UNKNOWN_VOUCHER}:offer`,
          ),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('acceptGasOffer is a Conflict when the key was used for another offer', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${ACCEPT_KEY}:reused was used for another offer in the Wallet`)
      .uponReceiving('an offer acceptance that reuses an idempotency key with another body')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`,
        keyed({ offerId: 'gas-offer-2025-08-25' }, `${ACCEPT_KEY}:reused`),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.acceptGasOffer(GAS_VOUCHER, 'gas-offer-2025-08-25', `${ACCEPT_KEY}:reused`),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('acceptGasOffer throws UpstreamUnavailable when billing does not answer', () =>
    pact
      .addInteraction()
      .given(ENTERED_STATE)
      .given('billing is unavailable')
      .uponReceiving('an acceptance of the offer while billing does not answer')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/offer-acceptance`,
        keyed({ offerId: 'gas-offer-2025-08-25' }, ACCEPT_KEY),
      )
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.acceptGasOffer(GAS_VOUCHER, 'gas-offer-2025-08-25', ACCEPT_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('confirmGasActivation activates the voucher on the account (seed 000 cl. 30)', () =>
    pact
      .addInteraction()
      .given(ACCEPTED_STATE)
      .uponReceiving('a confirmation of the account shown')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/confirmation`,
        keyed({ accountNumber: ACCOUNT }, CONFIRM_KEY),
      )
      .willRespondWith(200, (b) => b.jsonBody(gasVoucherBody()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.confirmGasActivation(GAS_VOUCHER, ACCOUNT, CONFIRM_KEY)).resolves.toMatchObject({
          voucherId: GAS_VOUCHER,
          status: 'activated',
          gas: { accountNumber: ACCOUNT },
        });
      }));

  it('confirmGasActivation is refused when another voucher won the account meanwhile', () =>
    pact
      .addInteraction()
      .given(ACCEPTED_STATE)
      .given(`personal account ${ACCOUNT} already has another voucher activated in 2025-09 in the Wallet`)
      .uponReceiving('a confirmation of an account that another voucher won meanwhile')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/confirmation`,
        keyed({ accountNumber: ACCOUNT }, `${CONFIRM_KEY}:late`),
      )
      .willRespondWith(
        422,
        problem(
          422,
          'ACCOUNT_ALREADY_HAS_VOUCHER',
          'The personal account already has a voucher this month',
          true,
        ),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .confirmGasActivation(GAS_VOUCHER, ACCOUNT, `${CONFIRM_KEY}:late`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'ACCOUNT_ALREADY_HAS_VOUCHER' });
      }));

  it('confirmGasActivation throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('a confirmation for an unknown voucher')
      .withRequest(
        'POST',
        `/vouchers/${UNKNOWN_VOUCHER}/gas-activation/confirmation`,
        keyed({ accountNumber: ACCOUNT }, `gas-activation:${UNKNOWN_VOUCHER}:confirm`),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.confirmGasActivation(UNKNOWN_VOUCHER, ACCOUNT, `gas-activation:${UNKNOWN_VOUCHER}:confirm`),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('confirmGasActivation is a Conflict when the key was used for another account', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${CONFIRM_KEY}:reused was used for another confirmation in the Wallet`)
      .uponReceiving('a confirmation that reuses an idempotency key with another body')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/confirmation`,
        keyed({ accountNumber: ACCOUNT }, `${CONFIRM_KEY}:reused`),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.confirmGasActivation(GAS_VOUCHER, ACCOUNT, `${CONFIRM_KEY}:reused`),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('confirmGasActivation throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a confirmation while the Wallet is unavailable')
      .withRequest(
        'POST',
        `/vouchers/${GAS_VOUCHER}/gas-activation/confirmation`,
        keyed({ accountNumber: ACCOUNT }, CONFIRM_KEY),
      )
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.confirmGasActivation(GAS_VOUCHER, ACCOUNT, CONFIRM_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('activateMealVoucher activates the voucher and registers the pupil with the canteen (seed 002 Annex 2 cl. 6)', () =>
    pact
      .addInteraction()
      .given(ISSUED_MEAL_STATE)
      .uponReceiving("a parent's activation of a meal voucher")
      .withRequest(
        'POST',
        `/vouchers/${MEAL_VOUCHER}/meal-activation`,
        keyed({ channel: 'egov-mobile' }, MEAL_ACTIVATION_KEY),
      )
      .willRespondWith(200, (b) => b.jsonBody(mealVoucherBody()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.activateMealVoucher(MEAL_VOUCHER, MEAL_ACTIVATION_KEY)).resolves.toMatchObject({
          voucherId: MEAL_VOUCHER,
          service: 'school-meals',
          status: 'activated',
          meals: { pupil: { iin: PUPIL_IIN }, canteenRegistration: { status: 'registered' } },
        });
      }));

  it('activateMealVoucher is refused for a voucher already activated', () =>
    pact
      .addInteraction()
      .given(ACTIVE_MEAL_STATE)
      .uponReceiving('an activation of a meal voucher that is already activated')
      .withRequest(
        'POST',
        `/vouchers/${MEAL_VOUCHER}/meal-activation`,
        keyed({ channel: 'egov-mobile' }, `${MEAL_ACTIVATION_KEY}:again`),
      )
      .willRespondWith(422, problem(422, 'VOUCHER_NOT_ACTIVATABLE', 'Voucher cannot be activated', true))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .activateMealVoucher(MEAL_VOUCHER, `${MEAL_ACTIVATION_KEY}:again`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'VOUCHER_NOT_ACTIVATABLE' });
      }));

  it('activateMealVoucher throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('an activation of an unknown meal voucher')
      .withRequest(
        'POST',
        `/vouchers/${UNKNOWN_VOUCHER}/meal-activation`,
        keyed({ channel: 'egov-mobile' }, `meal-activation:${UNKNOWN_VOUCHER}`),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.activateMealVoucher(UNKNOWN_VOUCHER, `meal-activation:${UNKNOWN_VOUCHER}`),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('activateMealVoucher is a Conflict when the key was used for another request', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${MEAL_ACTIVATION_KEY}:reused was used for another request in the Wallet`)
      .uponReceiving('a meal activation that reuses an idempotency key of another request')
      .withRequest(
        'POST',
        `/vouchers/${MEAL_VOUCHER}/meal-activation`,
        keyed({ channel: 'egov-mobile' }, `${MEAL_ACTIVATION_KEY}:reused`),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.activateMealVoucher(MEAL_VOUCHER, `${MEAL_ACTIVATION_KEY}:reused`),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('activateMealVoucher throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a meal activation while the Wallet is unavailable')
      .withRequest(
        'POST',
        `/vouchers/${MEAL_VOUCHER}/meal-activation`,
        keyed({ channel: 'egov-mobile' }, MEAL_ACTIVATION_KEY),
      )
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.activateMealVoucher(MEAL_VOUCHER, MEAL_ACTIVATION_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('generateMealQr returns a dynamic QR for one meal (seed 002 Annex 2 cl. 8)', () =>
    pact
      .addInteraction()
      .given(ACTIVE_MEAL_STATE)
      .uponReceiving('a request for a dynamic QR for lunch')
      .withRequest('POST', `/vouchers/${MEAL_VOUCHER}/meal-qr`, keyed({ mealType: 'lunch' }, QR_KEY))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          qrId: regex(/^qr-[0-9A-Z]{26}$/, 'qr-01J8YEZ9X7V5T3R1P9N7M5K3H1'),
          voucherId: MEAL_VOUCHER,
          payload: string(QR_PAYLOAD),
          mealType: 'lunch',
          generatedAt: regex(DATE_TIME, '2025-09-03T12:25:00+05:00'),
          expiresAt: regex(DATE_TIME, '2025-09-03T12:35:00+05:00'),
        }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.generateMealQr(MEAL_VOUCHER, 'lunch', QR_KEY)).resolves.toMatchObject({
          voucherId: MEAL_VOUCHER,
          mealType: 'lunch',
          payload: QR_PAYLOAD,
        });
      }));

  it('generateMealQr is refused for a voucher not activated', () =>
    pact
      .addInteraction()
      .given(ISSUED_MEAL_STATE)
      .uponReceiving('a request for a dynamic QR of a meal voucher not activated')
      .withRequest(
        'POST',
        `/vouchers/${MEAL_VOUCHER}/meal-qr`,
        keyed({ mealType: 'lunch' }, `${QR_KEY}:inactive`),
      )
      .willRespondWith(422, problem(422, 'VOUCHER_NOT_ACTIVE', 'Voucher is not active', true))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .generateMealQr(MEAL_VOUCHER, 'lunch', `${QR_KEY}:inactive`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'VOUCHER_NOT_ACTIVE' });
      }));

  it('generateMealQr throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('a request for a dynamic QR of an unknown voucher')
      .withRequest(
        'POST',
        `/vouchers/${UNKNOWN_VOUCHER}/meal-qr`,
        keyed({ mealType: 'lunch' }, `meal-qr:${UNKNOWN_VOUCHER}:2025-09-03:lunch`),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.generateMealQr(UNKNOWN_VOUCHER, 'lunch', `meal-qr:${UNKNOWN_VOUCHER}:2025-09-03:lunch`),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('generateMealQr is a Conflict when the key was used for another meal', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${QR_KEY}:reused was used for a QR of another meal in the Wallet`)
      .uponReceiving('a QR request that reuses an idempotency key with another meal')
      .withRequest(
        'POST',
        `/vouchers/${MEAL_VOUCHER}/meal-qr`,
        keyed({ mealType: 'lunch' }, `${QR_KEY}:reused`),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.generateMealQr(MEAL_VOUCHER, 'lunch', `${QR_KEY}:reused`)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('generateMealQr throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a QR request while the Wallet is unavailable')
      .withRequest('POST', `/vouchers/${MEAL_VOUCHER}/meal-qr`, keyed({ mealType: 'lunch' }, QR_KEY))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.generateMealQr(MEAL_VOUCHER, 'lunch', QR_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getVoucherHistory returns a page of events, oldest first, with the next cursor (seed 002 Annex 2 cl. 11)', () =>
    pact
      .addInteraction()
      .given(ACTIVE_MEAL_STATE)
      .given(
        `pupil with IIN ${PUPIL_IIN} was served lunch by QR on 2025-09-03 at school ${SCHOOL_ID} in the Wallet`,
      )
      .uponReceiving('a request for the first page of three events of a meal voucher')
      .withRequest('GET', `/vouchers/${MEAL_VOUCHER}/history`, (b) => b.query({ limit: '3' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              eventId: string('vev-01J8YD1A3B5C7D9E1F3G5H7J00'),
              voucherId: MEAL_VOUCHER,
              type: 'issued',
              at: regex(DATE_TIME, '2025-09-02T12:41:00+05:00'),
            },
            {
              eventId: string('vev-01J8YD1A3B5C7D9E1F3G5H7J01'),
              voucherId: MEAL_VOUCHER,
              type: 'activated',
              at: regex(DATE_TIME, '2025-09-02T20:05:13+05:00'),
              channel: 'egov-mobile',
            },
            {
              eventId: string('vev-01J8YD1A3B5C7D9E1F3G5H7J02'),
              voucherId: MEAL_VOUCHER,
              type: 'meal-served',
              at: regex(DATE_TIME, '2025-09-03T12:30:41+05:00'),
              redemptionId: regex(/^mr-[0-9A-Z]{26}$/, 'mr-01J8YF0B2D4F6H8K0M2P4R6T8V'),
              mealType: 'lunch',
              method: 'qr',
            },
          ],
          page: { nextCursor: string(HISTORY_CURSOR), hasMore: true },
        }),
      )
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const page = await wallet.getVoucherHistory(MEAL_VOUCHER, { limit: 3 });
        expect(page).toMatchObject({ hasMore: true, nextCursor: HISTORY_CURSOR });
        expect(page.items.map((e) => e.type)).toEqual(['issued', 'activated', 'meal-served']);
        expect(page.items[2]).toMatchObject({ mealType: 'lunch', method: 'qr' });
      }));

  it('getVoucherHistory throws NotFound for an unknown voucher', () =>
    pact
      .addInteraction()
      .given(`the Wallet has no voucher ${UNKNOWN_VOUCHER}`)
      .uponReceiving('a request for the history of an unknown voucher')
      .withRequest('GET', `/vouchers/${UNKNOWN_VOUCHER}/history`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getVoucherHistory(UNKNOWN_VOUCHER)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getVoucherHistory refuses a cursor it did not issue', () =>
    pact
      .addInteraction()
      .given(ACTIVE_MEAL_STATE)
      .given('the Wallet issued no cursor bogus-cursor')
      .uponReceiving('a request for the history of a voucher with an unknown cursor')
      .withRequest('GET', `/vouchers/${MEAL_VOUCHER}/history`, (b) => b.query({ cursor: 'bogus-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(
          wallet.getVoucherHistory(MEAL_VOUCHER, { cursor: 'bogus-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('getVoucherHistory throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a request for the history of a voucher while the Wallet is unavailable')
      .withRequest('GET', `/vouchers/${MEAL_VOUCHER}/history`)
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.getVoucherHistory(MEAL_VOUCHER)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});

describe("billing → Wallet: the discount applied for a voucher (seed 000 cl. 34, billing's discountApplied webhook)", () => {
  const pact = pactBetween('billing', 'wallet');
  const DISCOUNT: WalletGasDiscount = {
    voucherId: GAS_VOUCHER,
    listId: 'avl-2025-09',
    accountNumber: ACCOUNT,
    recipientIin: IIN,
    month: '2025-09',
    consumedLitres: 152340,
    normLitres: 120000,
    discountedLitres: 120000,
    capped: true,
    group1PricePerM3: tiyn(2781),
    group9PricePerM3: tiyn(1835),
    discountPerM3: tiyn(946),
    discountAmount: tiyn(113520),
    chargeAmount: tiyn(423658),
    amountDue: tiyn(310138),
    receiptNumber: 'R-2025-09-7900123456',
    calculatedAt: '2025-10-03T09:00:00+05:00',
  };
  const KEY = `discount:${GAS_VOUCHER}:2025-09`;
  const SIGNATURE = { timestamp: 1759464000, signature: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' };
  const ACTIVATED_STATE = `gas voucher ${GAS_VOUCHER} of 2025-09 was activated on account ${ACCOUNT} and sent to billing in list avl-2025-09`;
  const settled = () => {
    const v = gasVoucherBody();
    return {
      ...v,
      status: 'settled',
      gas: {
        ...v.gas,
        discountAmount: integer(113520),
        receiptNumber: string('R-2025-09-7900123456'),
        discountAppliedAt: regex(DATE_TIME, '2025-10-03T09:00:05+05:00'),
      },
    };
  };

  it('receiveGasDiscount records the signed discount and settles the voucher', () =>
    pact
      .addInteraction()
      .given(ACTIVATED_STATE)
      .uponReceiving('a signed discount applied for an activated gas voucher')
      .withRequest('POST', '/gas-discounts', (b) =>
        b
          .headers({
            'Idempotency-Key': KEY,
            'Webhook-Timestamp': String(SIGNATURE.timestamp),
            'Webhook-Signature': SIGNATURE.signature,
          })
          .jsonBody(DISCOUNT),
      )
      .willRespondWith(200, (b) => b.jsonBody(settled()))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.receiveGasDiscount(DISCOUNT, KEY, SIGNATURE)).resolves.toMatchObject({
          voucherId: GAS_VOUCHER,
          status: 'settled',
          gas: { discountAmount: 113520, receiptNumber: 'R-2025-09-7900123456' },
        });
      }));

  it('receiveGasDiscount is refused for a voucher never sent to billing as activated', () =>
    pact
      .addInteraction()
      .given(`the Wallet never sent voucher ${UNKNOWN_VOUCHER} to billing as activated`)
      .uponReceiving('a discount for a voucher never sent to billing')
      .withRequest(
        'POST',
        '/gas-discounts',
        keyed({ ...DISCOUNT, voucherId: UNKNOWN_VOUCHER }, `discount:${UNKNOWN_VOUCHER}:2025-09`),
      )
      .willRespondWith(422, problem(422, 'UNKNOWN_VOUCHER', 'Unknown voucher', true))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        const err = await wallet
          .receiveGasDiscount(
            { ...DISCOUNT, voucherId: UNKNOWN_VOUCHER },
            `discount:${UNKNOWN_VOUCHER}:2025-09`,
          )
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'UNKNOWN_VOUCHER' });
      }));

  it('receiveGasDiscount is a Conflict when the event id was used for another discount', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${KEY}:reused was used for another discount in the Wallet`)
      .uponReceiving('a discount that reuses an idempotency key with other figures')
      .withRequest('POST', '/gas-discounts', keyed(DISCOUNT, `${KEY}:reused`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.receiveGasDiscount(DISCOUNT, `${KEY}:reused`)).rejects.toBeInstanceOf(Conflict);
      }));

  it('receiveGasDiscount throws UpstreamUnavailable when the Wallet is down', () =>
    pact
      .addInteraction()
      .given('the Wallet is unavailable')
      .uponReceiving('a discount while the Wallet is unavailable')
      .withRequest('POST', '/gas-discounts', keyed(DISCOUNT, KEY))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const wallet = new WalletClient(pactClientConfig(server.url));
        await expect(wallet.receiveGasDiscount(DISCOUNT, KEY)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
