import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  problemBody,
  ISO_DATE_TIME as DATE_TIME,
  ISO_DATE as DATE,
} from '../testing/pact';
import { BillingClient } from './client';
import type { BillingActivatedVoucherListPart, BillingActivatedVoucherListRequest } from './mapping';

const { regex, integer, string, boolean, eachLike } = MatchersV3;

// Synthetic recipients (valid checksums) and their accounts: Shymkent (79) and West Kazakhstan (27).
const IIN = '850312400019';
const IIN_2 = '530120300012';
const ACCOUNT = '7900123456';
const ACCOUNT_2 = '2700654321';
const MISTYPED_ACCOUNT = '7900123465';
const VOUCHER = 'vch-01J8YB2C4D6E8F0G2H4J6K8M0N';
const VOUCHER_2 = 'vch-01J8YC7Q9S1U3W5Y7A9C1E3G5J';
const LIST_ID = 'avl-2025-09';

const NAME = { lastName: 'Ахметова', firstName: 'Айгерим', middleName: 'Серікқызы' };
const SHYMKENT = { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' };

const PART: BillingActivatedVoucherListPart = {
  listId: LIST_ID,
  month: '2025-09',
  listDate: '2025-09-30',
  part: 1,
  partsTotal: 1,
  callbackUrl: 'http://127.0.0.1:4108/gas-discounts',
  vouchers: [
    {
      voucherId: VOUCHER,
      accountNumber: ACCOUNT,
      recipientIin: IIN,
      activatedAt: '2025-09-08T19:12:44+05:00',
      channel: 'egov-mobile',
    },
    {
      voucherId: VOUCHER_2,
      accountNumber: ACCOUNT_2,
      recipientIin: IIN_2,
      activatedAt: '2025-09-15T10:03:00+05:00',
      channel: 'provider-office',
    },
  ],
};
const LIST_KEY = 'gas-voucher:2025-09:activated-list:part-1';

type BodyBuilder = { headers: (h: Record<string, string>) => { jsonBody: (body: unknown) => unknown } };

/** A problem answer; `exactCode` pins the code where the caller branches on it. */
function problem(status: number, code: string, title: string, exactCode = false) {
  const body = exactCode ? { ...problemBody(status, code, title), code } : problemBody(status, code, title);
  return (b: BodyBuilder) => void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(body);
}

const keyed = (body: unknown, idempotencyKey: string) => (b: BodyBuilder) =>
  void b.headers({ 'Idempotency-Key': idempotencyKey }).jsonBody(body);

/** An applied discount: the figures vary with the month's data, so only their types are pinned. */
function discountBody() {
  return {
    voucherId: VOUCHER,
    listId: LIST_ID,
    accountNumber: ACCOUNT,
    recipientIin: IIN,
    month: '2025-09',
    consumedLitres: integer(152340),
    normLitres: integer(120000),
    discountedLitres: integer(120000),
    capped: boolean(true),
    group1PricePerM3: integer(2781),
    group9PricePerM3: integer(1835),
    discountPerM3: integer(946),
    discountAmount: integer(113520),
    chargeAmount: integer(423658),
    amountDue: integer(310138),
    receiptNumber: string('R-2025-09-7900123456'),
    calculatedAt: regex(DATE_TIME, '2025-10-03T09:00:00+05:00'),
  };
}

const unavailable = problem(503, 'UNAVAILABLE', 'Service unavailable');
const ACCOUNT_STATE = `personal account ${ACCOUNT} of a person with IIN ${IIN} has a meter in billing`;
const SETTLED_STATE = `voucher ${VOUCHER} on personal account ${ACCOUNT} is settled in list ${LIST_ID} in billing`;

describe('wallet → billing (seed 000 cl. 27–34)', () => {
  const pact = pactBetween('wallet', 'billing');
  const billing = (url: string) => new BillingClient(pactClientConfig(url));

  it('getPersonalAccount returns the account with the tariff and norm of the month', () =>
    pact
      .addInteraction()
      .given(ACCOUNT_STATE)
      .uponReceiving('a request for a personal account')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}`, (b) => b.query({ month: '2025-09' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          accountNumber: ACCOUNT,
          holder: NAME,
          address: { region: SHYMKENT, text: string('Шымкент қ., Тәуке хан даңғылы, 45-үй, 12-пәтер') },
          region: SHYMKENT,
          consumerGroup: { code: string('1'), nameKz: string('1-топ'), nameRu: string('1 группа') },
          status: 'active',
          hasMeter: true,
          tariff: {
            month: '2025-09',
            group1PricePerM3: integer(2781),
            group9PricePerM3: integer(1835),
            discountPerM3: integer(946),
          },
          monthlyNorm: { month: '2025-09', normLitres: integer(120000), approvedBy: string('№ 6014 қаулы') },
        }),
      )
      .executeTest(async (server) => {
        await expect(billing(server.url).getPersonalAccount(ACCOUNT, '2025-09')).resolves.toMatchObject({
          accountNumber: ACCOUNT,
          status: 'active',
          hasMeter: true,
          tariff: { group1PricePerM3: 2781, group9PricePerM3: 1835, discountPerM3: 946 },
          monthlyNorm: { normLitres: 120000 },
        });
      }));

  it('getPersonalAccount answers null for an unknown or mistyped account (cl. 28)', () =>
    pact
      .addInteraction()
      .given(`billing has no personal account ${MISTYPED_ACCOUNT}`)
      .uponReceiving('a request for a mistyped personal account')
      .withRequest('GET', `/personal-accounts/${MISTYPED_ACCOUNT}`)
      .willRespondWith(404, problem(404, 'PERSONAL_ACCOUNT_NOT_FOUND', 'Personal account not found', true))
      .executeTest(async (server) => {
        await expect(billing(server.url).getPersonalAccount(MISTYPED_ACCOUNT)).resolves.toBeNull();
      }));

  it('getPersonalAccount throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a request for a personal account while billing is unavailable')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).getPersonalAccount(ACCOUNT)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('submitActivatedVoucherList sends the list on the list day and reads what was accepted', () =>
    pact
      .addInteraction()
      .given(ACCOUNT_STATE)
      .given(`personal account ${ACCOUNT_2} already has another voucher of 2025-09 in billing`)
      .uponReceiving('the list of activated vouchers of 2025-09 in one part')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, LIST_KEY))
      .willRespondWith(202, (b) =>
        b.jsonBody({
          listId: LIST_ID,
          month: '2025-09',
          part: 1,
          partsTotal: 1,
          partsReceived: 1,
          status: 'complete',
          accepted: 1,
          rejected: [
            {
              voucherId: VOUCHER_2,
              accountNumber: ACCOUNT_2,
              code: 'DUPLICATE_ACCOUNT_IN_MONTH',
              reason: string('Another voucher of 2025-09 is already applied to this account.'),
            },
          ],
          receivedAt: regex(DATE_TIME, '2025-09-30T06:00:04+05:00'),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          billing(server.url).submitActivatedVoucherListPart(PART, LIST_KEY),
        ).resolves.toMatchObject({
          status: 'complete',
          accepted: 1,
          rejected: [{ voucherId: VOUCHER_2, code: 'DUPLICATE_ACCOUNT_IN_MONTH' }],
        });
      }));

  it('submitActivatedVoucherList is refused once the month is settled', () =>
    pact
      .addInteraction()
      .given(`list ${LIST_ID} of 2025-09 is settled in billing`)
      .uponReceiving('a part of a list whose month is settled')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, `${LIST_KEY}:late`))
      .willRespondWith(422, problem(422, 'LIST_CLOSED', 'List closed', true))
      .executeTest(async (server) => {
        const err = await billing(server.url)
          .submitActivatedVoucherListPart(PART, `${LIST_KEY}:late`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'LIST_CLOSED' });
      }));

  it('submitActivatedVoucherList is a Conflict when the key was used for another part', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${LIST_KEY} was used for another part in billing`)
      .uponReceiving('a part that reuses an idempotency key with another body')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, LIST_KEY))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          billing(server.url).submitActivatedVoucherListPart(PART, LIST_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('submitActivatedVoucherList throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a part of the list while billing is unavailable')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, LIST_KEY))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(
          billing(server.url).submitActivatedVoucherListPart(PART, LIST_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('getActivatedVoucherList returns how far the list is settled', () =>
    pact
      .addInteraction()
      .given(SETTLED_STATE)
      .uponReceiving('a request for the status of a list')
      .withRequest('GET', `/activated-voucher-lists/${LIST_ID}`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          listId: LIST_ID,
          month: '2025-09',
          listDate: regex(DATE, '2025-09-30'),
          partsTotal: integer(1),
          partsReceived: integer(1),
          status: 'settled',
          accepted: integer(1),
          rejected: integer(0),
          discountsApplied: integer(1),
          receivedAt: regex(DATE_TIME, '2025-09-30T06:00:04+05:00'),
          settledAt: regex(DATE_TIME, '2025-10-03T09:00:00+05:00'),
        }),
      )
      .executeTest(async (server) => {
        await expect(billing(server.url).getActivatedVoucherList(LIST_ID)).resolves.toMatchObject({
          listId: LIST_ID,
          status: 'settled',
          discountsApplied: 1,
        });
      }));

  it('getActivatedVoucherList throws NotFound for a list never sent', () =>
    pact
      .addInteraction()
      .given('billing has no list avl-2025-08')
      .uponReceiving('a request for a list that was never sent')
      .withRequest('GET', '/activated-voucher-lists/avl-2025-08')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(billing(server.url).getActivatedVoucherList('avl-2025-08')).rejects.toBeInstanceOf(
          NotFound,
        );
      }));

  it('getActivatedVoucherList throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a request for a list while billing is unavailable')
      .withRequest('GET', `/activated-voucher-lists/${LIST_ID}`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).getActivatedVoucherList(LIST_ID)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getConsumption returns the litres consumed in the month', () =>
    pact
      .addInteraction()
      .given(SETTLED_STATE)
      .uponReceiving('a request for the consumption of a month')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}/consumption/2025-09`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          accountNumber: ACCOUNT,
          month: '2025-09',
          consumedLitres: integer(152340),
          source: 'meter',
        }),
      )
      .executeTest(async (server) => {
        await expect(billing(server.url).getConsumption(ACCOUNT, '2025-09')).resolves.toEqual({
          accountNumber: ACCOUNT,
          month: '2025-09',
          consumedLitres: 152340,
          source: 'meter',
        });
      }));

  it('getConsumption answers null while the reading of the month is not taken', () =>
    pact
      .addInteraction()
      .given(`personal account ${ACCOUNT} has no reading of 2025-10 in billing`)
      .uponReceiving('a request for the consumption of a month not read yet')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}/consumption/2025-10`)
      .willRespondWith(404, problem(404, 'CONSUMPTION_NOT_AVAILABLE', 'Consumption not available', true))
      .executeTest(async (server) => {
        await expect(billing(server.url).getConsumption(ACCOUNT, '2025-10')).resolves.toBeNull();
      }));

  it('getConsumption throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a request for consumption while billing is unavailable')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}/consumption/2025-09`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).getConsumption(ACCOUNT, '2025-09')).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getReceipt returns the receipt with the discount deducted (cl. 33)', () =>
    pact
      .addInteraction()
      .given(SETTLED_STATE)
      .uponReceiving('a request for the receipt of a month')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}/receipts/2025-09`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          receiptNumber: string('R-2025-09-7900123456'),
          accountNumber: ACCOUNT,
          month: '2025-09',
          consumedLitres: integer(152340),
          group1PricePerM3: integer(2781),
          chargeAmount: integer(423658),
          voucherId: VOUCHER,
          discountAmount: integer(113520),
          amountDue: integer(310138),
          issuedOn: regex(DATE, '2025-10-03'),
        }),
      )
      .executeTest(async (server) => {
        await expect(billing(server.url).getReceipt(ACCOUNT, '2025-09')).resolves.toMatchObject({
          voucherId: VOUCHER,
          discountAmount: 113520,
          amountDue: 310138,
        });
      }));

  it('getReceipt answers null while the month is not billed', () =>
    pact
      .addInteraction()
      .given(`personal account ${ACCOUNT} is not billed for 2025-10 in billing`)
      .uponReceiving('a request for the receipt of a month not billed yet')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}/receipts/2025-10`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(billing(server.url).getReceipt(ACCOUNT, '2025-10')).resolves.toBeNull();
      }));

  it('getReceipt throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a request for a receipt while billing is unavailable')
      .withRequest('GET', `/personal-accounts/${ACCOUNT}/receipts/2025-09`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).getReceipt(ACCOUNT, '2025-09')).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getAppliedDiscount returns the discount and every figure it came from', () =>
    pact
      .addInteraction()
      .given(SETTLED_STATE)
      .uponReceiving('a request for the discount applied for a voucher')
      .withRequest('GET', `/applied-discounts/${VOUCHER}`)
      .willRespondWith(200, (b) => b.jsonBody(discountBody()))
      .executeTest(async (server) => {
        await expect(billing(server.url).getAppliedDiscount(VOUCHER)).resolves.toMatchObject({
          voucherId: VOUCHER,
          capped: true,
          discountAmount: 113520,
        });
      }));

  it('getAppliedDiscount answers null while the discount is not computed', () =>
    pact
      .addInteraction()
      .given(`voucher ${VOUCHER_2} has no discount computed in billing`)
      .uponReceiving('a request for a discount not computed yet')
      .withRequest('GET', `/applied-discounts/${VOUCHER_2}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(billing(server.url).getAppliedDiscount(VOUCHER_2)).resolves.toBeNull();
      }));

  it('getAppliedDiscount throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a request for a discount while billing is unavailable')
      .withRequest('GET', `/applied-discounts/${VOUCHER}`)
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).getAppliedDiscount(VOUCHER)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('listAppliedDiscounts returns the discounts of a list (polling after a missed webhook)', () =>
    pact
      .addInteraction()
      .given(SETTLED_STATE)
      .uponReceiving('a request for the discounts of a list')
      .withRequest('GET', '/applied-discounts', (b) => b.query({ listId: LIST_ID }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: eachLike(discountBody()), page: { nextCursor: null, hasMore: false } }),
      )
      .executeTest(async (server) => {
        await expect(billing(server.url).listAppliedDiscounts({ listId: LIST_ID })).resolves.toMatchObject({
          items: [{ voucherId: VOUCHER, listId: LIST_ID }],
          hasMore: false,
        });
      }));

  it('listAppliedDiscounts refuses a cursor it did not issue', () =>
    pact
      .addInteraction()
      .given('billing issued no cursor bogus-cursor')
      .uponReceiving('a request for discounts with an unknown cursor')
      .withRequest('GET', '/applied-discounts', (b) => b.query({ listId: LIST_ID, cursor: 'bogus-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          billing(server.url).listAppliedDiscounts({ listId: LIST_ID, cursor: 'bogus-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listAppliedDiscounts throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('a request for discounts while billing is unavailable')
      .withRequest('GET', '/applied-discounts', (b) => b.query({ listId: LIST_ID }))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).listAppliedDiscounts({ listId: LIST_ID })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

describe('wallet → billing: the whole list in parts, and the discounts page after page (seed 000 cl. 31, 34)', () => {
  const pact = pactBetween('wallet', 'billing');
  const billing = (url: string) => new BillingClient(pactClientConfig(url));
  // The whole list of the month: two vouchers fit in one part, sent with the key `${RUN_KEY}:part-1`.
  const LIST: BillingActivatedVoucherListRequest = {
    listId: PART.listId,
    month: PART.month,
    listDate: PART.listDate,
    callbackUrl: PART.callbackUrl,
    vouchers: PART.vouchers,
  };
  const RUN_KEY = 'gas-voucher:2025-09:activated-list:run-1';
  const partAnswer = (rejected: unknown[]) => ({
    listId: LIST_ID,
    month: '2025-09',
    part: 1,
    partsTotal: 1,
    partsReceived: 1,
    status: 'complete',
    accepted: integer(2 - rejected.length),
    rejected,
    receivedAt: regex(DATE_TIME, '2025-09-30T06:00:04+05:00'),
  });

  it('submitActivatedVoucherList sends the whole list as its parts and sums what was accepted', () =>
    pact
      .addInteraction()
      .given(ACCOUNT_STATE)
      .given(`personal account ${ACCOUNT_2} already has another voucher of 2025-09 in billing`)
      .uponReceiving('the whole list of activated vouchers of 2025-09, its one part keyed by the run')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, `${RUN_KEY}:part-1`))
      .willRespondWith(202, (b) =>
        b.jsonBody(
          partAnswer([
            {
              voucherId: VOUCHER_2,
              accountNumber: ACCOUNT_2,
              code: 'DUPLICATE_ACCOUNT_IN_MONTH',
              reason: string('Another voucher of 2025-09 is already applied to this account.'),
            },
          ]),
        ),
      )
      .executeTest(async (server) => {
        await expect(billing(server.url).submitActivatedVoucherList(LIST, RUN_KEY)).resolves.toMatchObject({
          listId: LIST_ID,
          status: 'complete',
          accepted: 1,
          rejected: [{ voucherId: VOUCHER_2, code: 'DUPLICATE_ACCOUNT_IN_MONTH' }],
        });
      }));

  it('submitActivatedVoucherList (whole list) is refused once the month is settled', () =>
    pact
      .addInteraction()
      .given(`list ${LIST_ID} of 2025-09 is settled in billing`)
      .uponReceiving('the whole list of a month that is settled')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, `${RUN_KEY}:late:part-1`))
      .willRespondWith(422, problem(422, 'LIST_CLOSED', 'List closed', true))
      .executeTest(async (server) => {
        const err = await billing(server.url)
          .submitActivatedVoucherList(LIST, `${RUN_KEY}:late`)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'LIST_CLOSED' });
      }));

  it('submitActivatedVoucherList (whole list) is a Conflict when a part key was used for another part', () =>
    pact
      .addInteraction()
      .given(`Idempotency-Key ${RUN_KEY}:reused:part-1 was used for another part in billing`)
      .uponReceiving('the whole list whose part key was used with another body')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, `${RUN_KEY}:reused:part-1`))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          billing(server.url).submitActivatedVoucherList(LIST, `${RUN_KEY}:reused`),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('submitActivatedVoucherList (whole list) throws UpstreamUnavailable when billing is down', () =>
    pact
      .addInteraction()
      .given('billing is unavailable')
      .uponReceiving('the whole list while billing is unavailable')
      .withRequest('POST', '/activated-voucher-lists', keyed(PART, `${RUN_KEY}:part-1`))
      .willRespondWith(503, unavailable)
      .executeTest(async (server) => {
        await expect(billing(server.url).submitActivatedVoucherList(LIST, RUN_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('appliedDiscounts walks two pages of the discounts of a list', () => {
    const cursor = 'eyJhZnRlciI6InZjaC0wMUo4WUIyQzRENkU4RjBHMkg0SjZLOE0wTiJ9';
    const state = `vouchers ${VOUCHER} and ${VOUCHER_2} are settled in list ${LIST_ID} in billing`;
    pact
      .addInteraction()
      .given(state)
      .uponReceiving('a request for the first page of one discount of a list')
      .withRequest('GET', '/applied-discounts', (b) => b.query({ listId: LIST_ID, limit: '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: [discountBody()], page: { nextCursor: string(cursor), hasMore: true } }),
      );
    return pact
      .addInteraction()
      .given(state)
      .uponReceiving('a request for the second page of discounts of a list')
      .withRequest('GET', '/applied-discounts', (b) => b.query({ listId: LIST_ID, limit: '1', cursor }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              ...discountBody(),
              voucherId: VOUCHER_2,
              accountNumber: ACCOUNT_2,
              recipientIin: IIN_2,
              receiptNumber: string('R-2025-09-2700654321'),
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const discounts = [];
        for await (const d of billing(server.url).appliedDiscounts({ listId: LIST_ID, limit: 1 }))
          discounts.push(d);
        expect(discounts.map((d) => d.voucherId)).toEqual([VOUCHER, VOUCHER_2]);
      });
  });
});
