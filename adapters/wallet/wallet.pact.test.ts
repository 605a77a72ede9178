import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import { pactBetween, pactClientConfig, problemBody } from '../testing/pact';
import { WalletClient } from './client';
import type {
  WalletGasRecipientBatch,
  WalletMealRecipientBatch,
  WalletMealRedemptionRequest,
} from './mapping';

const { regex, integer, string, eachLike } = MatchersV3;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
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
