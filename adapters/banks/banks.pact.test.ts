import { MatchersV3 } from '@pact-foundation/pact';
import { BusinessRuleViolation, ConsentMissing, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  problemBody,
  ISO_DATE_TIME as DATE_TIME,
  ISO_DATE as DATE,
} from '../testing/pact';
import { BanksClient } from './client';
import type { BanksWatchToCreate } from './mapping';

const { regex, string, boolean, eachLike } = MatchersV3;

const IBAN = /^KZ[0-9]{2}[0-9]{3}[0-9A-Z]{13}$/;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

// Synthetic legal representatives (valid checksums): accounts in one bank, in two banks, in none.
const ONE_BANK = '780523400010';
const TWO_BANKS = '820701300011';
const NO_ACCOUNT = '610407400016';
const TOKEN = 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImtkcC0yMDI0In0.eyJzdWIiOiJiYW5rcyJ9.MEUCIQDx';
const WATCH_ID = 'aw-01J8ZQ5D7F9H1K3M5P7R9T1V3X';
const UNKNOWN_WATCH = 'aw-01J8ZQ5D7F9H1K3M5P7R9T1V3Y';
const KEY = 'home-schooling:2024-09:case-000457:watch';
const CANCEL_KEY = 'home-schooling:2024-09:case-000457:watch-cancel';

const WATCH: BanksWatchToCreate = {
  iin: NO_ACCOUNT,
  bankCodes: ['601', '722'],
  watchUntil: '2024-09-12T23:59:59+05:00',
  callbackUrl: 'https://esobes.enbek.kz/callbacks/banks',
  reference: 'home-schooling:2024-09:case-000457',
};

/** A bank as the SMS forms name it: exact code (the flow compares it), matchers on the reference-book fields. */
function bankRef(code: string, bic: string, nameKz: string, nameRu: string) {
  return { code, bic: regex(BIC, bic), nameKz: string(nameKz), nameRu: string(nameRu) };
}
const HALYK = bankRef('601', 'HSBKKZKX', '"Қазақстан Халық Банкі" АҚ', 'АО "Народный Банк Казахстана"');
const KASPI = bankRef('722', 'CASPKZKA', '"Kaspi Bank" АҚ', 'АО "Kaspi Bank"');

function account(iban: string, openedOn: string) {
  return {
    iban: regex(IBAN, iban),
    accountType: {
      code: 'special-benefit',
      nameKz: string('Әлеуметтік төлемдерге арналған арнайы шот'),
      nameRu: string('Специальный счёт для социальных выплат'),
    },
    currency: 'KZT',
    openedOn: regex(DATE, openedOn),
    status: 'open',
  };
}

function search(iin: string, outcome: string, banks: unknown[]) {
  return {
    iin,
    searchedAt: regex(DATE_TIME, '2024-09-09T11:00:00+05:00'),
    outcome,
    complete: true,
    banks,
    banksUnavailable: [],
  };
}

function watchBody(status: string, extra: Record<string, unknown> = {}) {
  return {
    watchId: WATCH_ID,
    iin: NO_ACCOUNT,
    bankCodes: ['601', '722'],
    status,
    createdAt: regex(DATE_TIME, '2024-09-09T11:05:00+05:00'),
    watchUntil: WATCH.watchUntil,
    reference: WATCH.reference,
    ...extra,
  };
}

type BodyBuilder = { headers: (h: Record<string, string>) => { jsonBody: (body: unknown) => unknown } };

/** A problem answer; `exactCode` pins the code where the caller branches on it (a 422 rule). */
function problem(status: number, code: string, title: string, exactCode = false) {
  const body = exactCode ? { ...problemBody(status, code, title), code } : problemBody(status, code, title);
  return (b: BodyBuilder) => void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(body);
}

const searchRequest = (iin: string) => (b: BodyBuilder) =>
  void b.headers({ 'X-Consent-Token': TOKEN }).jsonBody({ iin, purpose: 'home-schooling' });
const watchRequest = (watch: BanksWatchToCreate) => (b: BodyBuilder) =>
  void b.headers({ 'X-Consent-Token': TOKEN, 'Idempotency-Key': KEY }).jsonBody(watch);

const newClient = (url: string) => new BanksClient(pactClientConfig(url));

describe('esobes → banks', () => {
  const pact = pactBetween('esobes', 'banks');

  describe('listBanks', () => {
    it('returns the integrated banks', () =>
      pact
        .addInteraction()
        .given('banks 601 and 722 are integrated with the labour ministry system')
        .uponReceiving('a request for the integrated banks')
        .withRequest('GET', '/banks', (b) => b.query({ integrated: 'true' }))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            items: eachLike({
              ...HALYK,
              shortName: string('Halyk Bank'),
              integrated: true,
              openAccountUrl: string('https://halykbank.kz/social-account'),
            }),
            page: { nextCursor: null, hasMore: boolean(false) },
          }),
        )
        .executeTest(async (server) => {
          const page = await newClient(server.url).listBanks({ integrated: true });
          expect(page.banks[0]).toMatchObject({ code: '601', shortName: 'Halyk Bank', integrated: true });
          expect(page.hasMore).toBe(false);
        }));

    it('throws UpstreamUnavailable when the banks are unreachable', () =>
      pact
        .addInteraction()
        .given('the banks integration point is unavailable')
        .uponReceiving('a request for the banks while the integration point is unavailable')
        .withRequest('GET', '/banks', (b) => b.query({ integrated: 'true' }))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).listBanks({ integrated: true })).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('searchBenefitAccounts', () => {
    it('finds an account in one bank (SMS form 1)', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${ONE_BANK} has a special account in bank 601 only`)
        .uponReceiving('an account search for a person with an account in one bank')
        .withRequest('POST', '/benefit-accounts:search', searchRequest(ONE_BANK))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            search(ONE_BANK, 'one', [
              { bank: HALYK, accounts: [account('KZ35601A000000012345', '2019-03-14')] },
            ]),
          ),
        )
        .executeTest(async (server) => {
          const result = await newClient(server.url).searchBenefitAccounts(ONE_BANK, TOKEN);
          expect(result).toMatchObject({ outcome: 'one', complete: true });
          expect(result.banks[0]).toMatchObject({
            bank: { code: '601' },
            accounts: [{ iban: 'KZ35601A000000012345', status: 'open' }],
          });
        }));

    it('finds accounts in several banks (SMS form 2)', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${TWO_BANKS} has special accounts in banks 601 and 722`)
        .uponReceiving('an account search for a person with accounts in two banks')
        .withRequest('POST', '/benefit-accounts:search', searchRequest(TWO_BANKS))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            search(TWO_BANKS, 'several', [
              { bank: HALYK, accounts: [account('KZ35601A000000012345', '2019-03-14')] },
              { bank: KASPI, accounts: [account('KZ18722S000012345678', '2022-11-01')] },
            ]),
          ),
        )
        .executeTest(async (server) => {
          const result = await newClient(server.url).searchBenefitAccounts(TWO_BANKS, TOKEN);
          expect(result.outcome).toBe('several');
          expect(result.banks.map((b) => b.bank.code)).toEqual(['601', '722']);
        }));

    it('finds no account (SMS form 3)', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${NO_ACCOUNT} has no special account in any bank`)
        .uponReceiving('an account search for a person without an account')
        .withRequest('POST', '/benefit-accounts:search', searchRequest(NO_ACCOUNT))
        .willRespondWith(200, (b) => b.jsonBody(search(NO_ACCOUNT, 'none', [])))
        .executeTest(async (server) => {
          await expect(newClient(server.url).searchBenefitAccounts(NO_ACCOUNT, TOKEN)).resolves.toMatchObject(
            {
              outcome: 'none',
              complete: true,
              banks: [],
            },
          );
        }));

    it('throws ConsentMissing when the consent token does not cover the person', () =>
      pact
        .addInteraction()
        .given(`the consent token of the person with IIN ${ONE_BANK} has expired`)
        .uponReceiving('an account search with an expired consent token')
        .withRequest('POST', '/benefit-accounts:search', searchRequest(ONE_BANK))
        .willRespondWith(403, problem(403, 'CONSENT_MISSING', 'Consent missing', true))
        .executeTest(async (server) => {
          await expect(newClient(server.url).searchBenefitAccounts(ONE_BANK, TOKEN)).rejects.toBeInstanceOf(
            ConsentMissing,
          );
        }));

    it('throws UpstreamUnavailable when the banks are unreachable', () =>
      pact
        .addInteraction()
        .given('the banks integration point is unavailable')
        .uponReceiving('an account search while the integration point is unavailable')
        .withRequest('POST', '/benefit-accounts:search', searchRequest(ONE_BANK))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).searchBenefitAccounts(ONE_BANK, TOKEN)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('createAccountWatch', () => {
    it('starts watching banks 601 and 722 after SMS form 3', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${NO_ACCOUNT} has no special account in any bank`)
        .uponReceiving('a request to watch two banks for a new account')
        .withRequest('POST', '/account-watches', watchRequest(WATCH))
        .willRespondWith(201, (b) =>
          b.jsonBody(watchBody('active', { watchId: regex(/^aw-[0-9A-Z]{26}$/, WATCH_ID) })),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).createAccountWatch(WATCH, TOKEN, KEY)).resolves.toMatchObject({
            watchId: WATCH_ID,
            status: 'active',
            reference: WATCH.reference,
          });
        }));

    it('is refused with UNKNOWN_BANK for a bank that is not integrated', () =>
      pact
        .addInteraction()
        .given('bank 000 is not integrated with the labour ministry system')
        .uponReceiving('a request to watch a bank that is not integrated')
        .withRequest('POST', '/account-watches', watchRequest({ ...WATCH, bankCodes: ['000'] }))
        .willRespondWith(422, problem(422, 'UNKNOWN_BANK', 'Bank is not integrated', true))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).createAccountWatch({ ...WATCH, bankCodes: ['000'] }, TOKEN, KEY),
          ).rejects.toMatchObject({ constructor: BusinessRuleViolation, problemCode: 'UNKNOWN_BANK' });
        }));

    it('is a Conflict when the idempotency key was used for another watch', () =>
      pact
        .addInteraction()
        .given(`a watch was created with Idempotency-Key ${KEY} for other banks`)
        .uponReceiving('a request to watch banks that reuses an idempotency key with another body')
        .withRequest('POST', '/account-watches', watchRequest(WATCH))
        .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).createAccountWatch(WATCH, TOKEN, KEY)).rejects.toBeInstanceOf(
            Conflict,
          );
        }));

    it('throws UpstreamUnavailable when the banks are unreachable', () =>
      pact
        .addInteraction()
        .given('the banks integration point is unavailable')
        .uponReceiving('a request to watch banks while the integration point is unavailable')
        .withRequest('POST', '/account-watches', watchRequest(WATCH))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).createAccountWatch(WATCH, TOKEN, KEY)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('getAccountWatch', () => {
    it('returns a fulfilled watch with the account opened', () =>
      pact
        .addInteraction()
        .given(`watch ${WATCH_ID} of the person with IIN ${NO_ACCOUNT} found an account opened in bank 722`)
        .uponReceiving('a request for a fulfilled watch')
        .withRequest('GET', `/account-watches/${WATCH_ID}`)
        .willRespondWith(200, (b) =>
          b.jsonBody(
            watchBody('fulfilled', {
              fulfilledAt: regex(DATE_TIME, '2024-09-11T15:42:10+05:00'),
              bank: KASPI,
              account: account('KZ18722S000012345678', '2024-09-11'),
            }),
          ),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).getAccountWatch(WATCH_ID)).resolves.toMatchObject({
            status: 'fulfilled',
            bank: { code: '722' },
            account: { iban: 'KZ18722S000012345678' },
          });
        }));

    it('throws NotFound for an unknown watch', () =>
      pact
        .addInteraction()
        .given(`there is no watch ${UNKNOWN_WATCH}`)
        .uponReceiving('a request for an unknown watch')
        .withRequest('GET', `/account-watches/${UNKNOWN_WATCH}`)
        .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getAccountWatch(UNKNOWN_WATCH)).rejects.toBeInstanceOf(NotFound);
        }));

    it('throws UpstreamUnavailable when the banks are unreachable', () =>
      pact
        .addInteraction()
        .given('the banks integration point is unavailable')
        .uponReceiving('a request for a watch while the integration point is unavailable')
        .withRequest('GET', `/account-watches/${WATCH_ID}`)
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getAccountWatch(WATCH_ID)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('cancelAccountWatch', () => {
    it('cancels an active watch', () =>
      pact
        .addInteraction()
        .given(`watch ${WATCH_ID} of the person with IIN ${NO_ACCOUNT} is active`)
        .uponReceiving('a cancellation of an active watch')
        .withRequest('DELETE', `/account-watches/${WATCH_ID}`, (b) =>
          b.headers({ 'Idempotency-Key': CANCEL_KEY }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(watchBody('cancelled', { cancelledAt: regex(DATE_TIME, '2024-09-10T09:00:00+05:00') })),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).cancelAccountWatch(WATCH_ID, CANCEL_KEY)).resolves.toMatchObject(
            {
              status: 'cancelled',
              cancelledAt: '2024-09-10T09:00:00+05:00',
            },
          );
        }));

    it('throws NotFound for an unknown watch', () =>
      pact
        .addInteraction()
        .given(`there is no watch ${UNKNOWN_WATCH}`)
        .uponReceiving('a cancellation of an unknown watch')
        .withRequest('DELETE', `/account-watches/${UNKNOWN_WATCH}`, (b) =>
          b.headers({ 'Idempotency-Key': CANCEL_KEY }),
        )
        .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).cancelAccountWatch(UNKNOWN_WATCH, CANCEL_KEY),
          ).rejects.toBeInstanceOf(NotFound);
        }));

    it('throws UpstreamUnavailable when the banks are unreachable', () =>
      pact
        .addInteraction()
        .given('the banks integration point is unavailable')
        .uponReceiving('a cancellation of a watch while the integration point is unavailable')
        .withRequest('DELETE', `/account-watches/${WATCH_ID}`, (b) =>
          b.headers({ 'Idempotency-Key': CANCEL_KEY }),
        )
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).cancelAccountWatch(WATCH_ID, CANCEL_KEY)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });
});

// SMS form 2 numbers the banks and form 3 lists where to open an account (seed 003 cl. 9): E-Sobes reads the whole
// list, page after page.
describe('esobes → banks: the whole bank list', () => {
  const pact = pactBetween('esobes', 'banks');
  const cursor = 'eyJhZnRlciI6IjYwMSJ9';
  const bank = (ref: object, shortName: string, url: string) => ({
    ...ref,
    shortName: string(shortName),
    integrated: true,
    openAccountUrl: string(url),
  });

  it('listAllBanks walks two pages of the integrated banks', () => {
    pact
      .addInteraction()
      .given('banks 601 and 722 are integrated with the labour ministry system, one bank a page')
      .uponReceiving('a request for the first page of the integrated banks')
      .withRequest('GET', '/banks', (b) => b.query({ integrated: 'true' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [bank(HALYK, 'Halyk Bank', 'https://halykbank.kz/social-account')],
          page: { nextCursor: string(cursor), hasMore: true },
        }),
      );
    return pact
      .addInteraction()
      .given('banks 601 and 722 are integrated with the labour ministry system, one bank a page')
      .uponReceiving('a request for the second page of the integrated banks')
      .withRequest('GET', '/banks', (b) => b.query({ integrated: 'true', cursor }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [bank(KASPI, 'Kaspi Bank', 'https://kaspi.kz/social-account')],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const banks = await newClient(server.url).listAllBanks(true);
        expect(banks.map((b) => b.code)).toEqual(['601', '722']);
      });
  });
});
