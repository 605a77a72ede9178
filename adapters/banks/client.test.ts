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
import { BanksClient, type BanksClientConfig } from './client';
import type { BanksWatchToCreate } from './mapping';

// Synthetic people (valid checksums): one with an account in Halyk, one with none.
const WITH_ACCOUNT = '780523400010';
const NO_ACCOUNT = '610407400016';
const IBAN = 'KZ35601A000000012345';
const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJjb25zZW50cyI6WyJjLTEiXX0.MEUCIQDx';
const WATCH_ID = 'aw-01J8ZQ5D7F9H1K3M5P7R9T1V3X';
const KEY = 'home-schooling:2024-09:case-000457:watch';

const HALYK = {
  code: '601',
  bic: 'HSBKKZKX',
  nameKz: '"Қазақстан Халық Банкі" АҚ',
  nameRu: 'АО "Народный Банк Казахстана"',
};
const KASPI = { code: '722', bic: 'CASPKZKA', nameKz: '"Kaspi Bank" АҚ', nameRu: 'АО "Kaspi Bank"' };
const ACCOUNT = {
  iban: IBAN,
  accountType: {
    code: 'special-benefit',
    nameKz: 'Әлеуметтік төлемдерге арналған арнайы шот',
    nameRu: 'Специальный счёт для социальных выплат',
  },
  currency: 'KZT',
  openedOn: '2019-03-14',
  status: 'open',
};

const WATCH: BanksWatchToCreate = {
  iin: NO_ACCOUNT,
  bankCodes: ['601', '722'],
  watchUntil: '2024-09-12T23:59:59+05:00',
  callbackUrl: 'https://esobes.enbek.kz/callbacks/banks',
  reference: 'home-schooling:2024-09:case-000457',
};

function wireWatch(over: Record<string, unknown> = {}) {
  return {
    watchId: WATCH_ID,
    iin: NO_ACCOUNT,
    bankCodes: ['601', '722'],
    status: 'active',
    createdAt: '2024-09-09T11:05:00+05:00',
    watchUntil: WATCH.watchUntil,
    reference: WATCH.reference,
    ...over,
  };
}

type Mode =
  | 'unavailable'
  | 'no-consent'
  | 'wrong-outcome'
  | 'partial'
  | 'unknown-bank'
  | 'conflict'
  | 'fulfilled'
  | 'still-active'
  | 'two-pages';

async function fakeBanks(tweak?: (n: number) => Mode | undefined): Promise<TestServer> {
  return startServer((req, res, n) => {
    const mode = tweak?.(n);
    if (mode === 'unavailable') return problem(res, 503, 'UNAVAILABLE');
    if (mode === 'no-consent') return problem(res, 403, 'CONSENT_MISSING', { detail: 'token expired' });
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === '/banks') {
      const first = url.searchParams.get('cursor') === null;
      const bank = first ? HALYK : KASPI;
      return json(res, 200, {
        items: [{ ...bank, shortName: bank.code === '601' ? 'Halyk Bank' : 'Kaspi Bank', integrated: true }],
        page:
          mode === 'two-pages' && first
            ? { nextCursor: 'p2', hasMore: true }
            : { nextCursor: null, hasMore: false },
      });
    }
    if (req.method === 'POST' && url.pathname === '/benefit-accounts:search') {
      const { iin } = JSON.parse(req.body) as { iin: string };
      const banks = iin === WITH_ACCOUNT ? [{ bank: HALYK, accounts: [ACCOUNT] }] : [];
      return json(res, 200, {
        iin,
        searchedAt: '2024-09-09T11:00:00+05:00',
        outcome: mode === 'wrong-outcome' ? 'several' : banks.length === 0 ? 'none' : 'one',
        complete: mode !== 'partial',
        banks,
        banksUnavailable: mode === 'partial' ? [KASPI] : [],
      });
    }
    if (req.method === 'POST' && url.pathname === '/account-watches') {
      if (mode === 'unknown-bank') return problem(res, 422, 'UNKNOWN_BANK');
      if (mode === 'conflict') return problem(res, 409, 'IDEMPOTENCY_CONFLICT');
      return json(res, 201, wireWatch());
    }
    if (url.pathname.startsWith('/account-watches/')) {
      if (url.pathname !== `/account-watches/${WATCH_ID}`) return problem(res, 404, 'NOT_FOUND');
      if (req.method === 'DELETE')
        return json(
          res,
          200,
          wireWatch(
            mode === 'still-active' ? {} : { status: 'cancelled', cancelledAt: '2024-09-10T09:00:00+05:00' },
          ),
        );
      return json(
        res,
        200,
        wireWatch(
          mode === 'fulfilled'
            ? { status: 'fulfilled', fulfilledAt: '2024-09-11T15:42:10+05:00', bank: HALYK, account: ACCOUNT }
            : {},
        ),
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

function client(s: TestServer, config: Partial<BanksClientConfig> = {}): BanksClient {
  return new BanksClient({
    baseUrl: s.url,
    credentials: { bearerToken: 'banks-token' },
    logger: createLogger({ level: 'silent' }),
    sleep: recordingSleep().sleep,
    ...config,
  });
}

describe('BanksClient.listBanks and listAllBanks', () => {
  it('returns a page of banks with the filter as a query', async () => {
    server = await fakeBanks();
    await expect(client(server).listBanks({ integrated: true, limit: 20 })).resolves.toEqual({
      banks: [{ ...HALYK, shortName: 'Halyk Bank', integrated: true }],
      nextCursor: null,
      hasMore: false,
    });
    expect(server.requests[0]!.url).toBe('/banks?integrated=true&limit=20');
    await expect(client(server).listBanks({ limit: 0 })).rejects.toThrow(/filter\.limit/);
    expect(server.requests).toHaveLength(1);
  });

  it('listAllBanks follows the cursor to the last page', async () => {
    server = await fakeBanks(() => 'two-pages');
    const banks = await client(server).listAllBanks(true);
    expect(banks.map((b) => b.code)).toEqual(['601', '722']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/banks?integrated=true',
      '/banks?integrated=true&cursor=p2',
    ]);
  });
});

describe('BanksClient.searchBenefitAccounts', () => {
  it('returns the accounts per bank, sending the IIN in the body and the consent token in its header', async () => {
    server = await fakeBanks();
    await expect(client(server).searchBenefitAccounts(WITH_ACCOUNT, TOKEN)).resolves.toEqual({
      iin: WITH_ACCOUNT,
      searchedAt: '2024-09-09T11:00:00+05:00',
      outcome: 'one',
      complete: true,
      banks: [{ bank: HALYK, accounts: [ACCOUNT] }],
      banksUnavailable: [],
    });
    const seen = server.requests[0]!;
    expect(seen.url).toBe('/benefit-accounts:search');
    expect(seen.headers['x-consent-token']).toBe(TOKEN);
    expect(JSON.parse(seen.body)).toEqual({ iin: WITH_ACCOUNT, purpose: 'home-schooling' });
  });

  it('returns none when no bank holds an account, and says when a bank did not answer', async () => {
    server = await fakeBanks(() => 'partial');
    await expect(client(server).searchBenefitAccounts(NO_ACCOUNT, TOKEN)).resolves.toMatchObject({
      outcome: 'none',
      complete: false,
      banksUnavailable: [KASPI],
    });
  });

  it('a token that does not cover the request is ConsentMissing', async () => {
    server = await fakeBanks(() => 'no-consent');
    await expect(client(server).searchBenefitAccounts(WITH_ACCOUNT, TOKEN)).rejects.toBeInstanceOf(
      ConsentMissing,
    );
  });

  it('an outcome that does not count the banks listed breaks the contract', async () => {
    server = await fakeBanks(() => 'wrong-outcome');
    await expect(client(server).searchBenefitAccounts(WITH_ACCOUNT, TOKEN)).rejects.toMatchObject({
      constructor: ContractViolation,
      pointer: '/outcome',
    });
  });

  it('is retried like a GET: the search only reads', async () => {
    server = await fakeBanks((n) => (n === 1 ? 'unavailable' : undefined));
    await expect(client(server).searchBenefitAccounts(WITH_ACCOUNT, TOKEN)).resolves.toMatchObject({
      outcome: 'one',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses an invalid IIN or token before any call, without echoing them', async () => {
    server = await fakeBanks();
    const err = await client(server)
      .searchBenefitAccounts('780523400011', TOKEN)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInput);
    expect((err as Error).message).not.toContain('78052340001');
    await expect(client(server).searchBenefitAccounts(WITH_ACCOUNT, '')).rejects.toThrow(/consentToken/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('BanksClient: account watches', () => {
  it('creates a watch with the token and the idempotency key', async () => {
    server = await fakeBanks();
    await expect(client(server).createAccountWatch(WATCH, TOKEN, KEY)).resolves.toEqual({
      watchId: WATCH_ID,
      iin: NO_ACCOUNT,
      bankCodes: ['601', '722'],
      status: 'active',
      createdAt: '2024-09-09T11:05:00+05:00',
      watchUntil: WATCH.watchUntil,
      reference: WATCH.reference,
    });
    const seen = server.requests[0]!;
    expect(seen.headers['idempotency-key']).toBe(KEY);
    expect(seen.headers['x-consent-token']).toBe(TOKEN);
    expect(JSON.parse(seen.body)).toEqual(WATCH);
  });

  it('an unknown bank is a BusinessRuleViolation UNKNOWN_BANK; a reused key a Conflict', async () => {
    server = await fakeBanks(() => 'unknown-bank');
    await expect(client(server).createAccountWatch(WATCH, TOKEN, KEY)).rejects.toMatchObject({
      constructor: BusinessRuleViolation,
      problemCode: 'UNKNOWN_BANK',
    });
    await server.close();
    server = await fakeBanks(() => 'conflict');
    await expect(client(server).createAccountWatch(WATCH, TOKEN, KEY)).rejects.toBeInstanceOf(Conflict);
  });

  it('refuses an invalid watch before any call', async () => {
    server = await fakeBanks();
    const c = client(server);
    await expect(c.createAccountWatch({ ...WATCH, iin: '1' }, TOKEN, KEY)).rejects.toThrow(/watch\.iin/);
    await expect(c.createAccountWatch({ ...WATCH, bankCodes: [] }, TOKEN, KEY)).rejects.toThrow(/bankCodes/);
    await expect(c.createAccountWatch({ ...WATCH, bankCodes: ['601', '6O1'] }, TOKEN, KEY)).rejects.toThrow(
      /bankCodes\[1\]/,
    );
    await expect(c.createAccountWatch({ ...WATCH, bankCodes: ['601', '601'] }, TOKEN, KEY)).rejects.toThrow(
      /repeat/,
    );
    await expect(c.createAccountWatch({ ...WATCH, watchUntil: '2024-09-12' }, TOKEN, KEY)).rejects.toThrow(
      /watchUntil/,
    );
    await expect(c.createAccountWatch({ ...WATCH, callbackUrl: 'callbacks' }, TOKEN, KEY)).rejects.toThrow(
      /callbackUrl/,
    );
    await expect(c.createAccountWatch({ ...WATCH, reference: '' }, TOKEN, KEY)).rejects.toThrow(/reference/);
    await expect(c.createAccountWatch(WATCH, TOKEN, 'k')).rejects.toThrow(/idempotencyKey/);
    expect(server.requests).toHaveLength(0);
  });

  it('getAccountWatch returns a fulfilled watch with the account opened', async () => {
    server = await fakeBanks(() => 'fulfilled');
    await expect(client(server).getAccountWatch(WATCH_ID)).resolves.toMatchObject({
      status: 'fulfilled',
      fulfilledAt: '2024-09-11T15:42:10+05:00',
      bank: HALYK,
      account: { iban: IBAN, status: 'open' },
    });
  });

  it('an unknown watch is NotFound; a malformed id is refused before any call', async () => {
    server = await fakeBanks();
    await expect(client(server).getAccountWatch('aw-01J8ZQ5D7F9H1K3M5P7R9T1V3Y')).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(client(server).getAccountWatch('aw-1')).rejects.toThrow(/watchId/);
    expect(server.requests).toHaveLength(1);
  });

  it('cancelAccountWatch sends DELETE with the key and returns the cancelled watch', async () => {
    server = await fakeBanks();
    await expect(client(server).cancelAccountWatch(WATCH_ID, KEY)).resolves.toMatchObject({
      status: 'cancelled',
      cancelledAt: '2024-09-10T09:00:00+05:00',
    });
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', url: `/account-watches/${WATCH_ID}` });
    expect(server.requests[0]!.headers['idempotency-key']).toBe(KEY);
  });

  it('a cancellation answered with an active watch breaks the contract', async () => {
    server = await fakeBanks(() => 'still-active');
    await expect(client(server).cancelAccountWatch(WATCH_ID, KEY)).rejects.toMatchObject({
      pointer: '/status',
    });
  });
});

describe('BanksClient: construction and logs', () => {
  it('refuses a transport of another system and an unknown configuration key', () => {
    const other = new HttpTransport({ system: 'sms', baseUrl: 'http://127.0.0.1:1', validation: 'off' });
    expect(() => new BanksClient({ baseUrl: 'http://127.0.0.1:1' }, { http: other })).toThrow(/system sms/);
    expect(() => new BanksClient({ baseUrl: 'http://127.0.0.1:1', consentToken: 'x' } as never)).toThrow(
      /unknown key "consentToken"/,
    );
  });

  it('logs every call with no IIN, IBAN, consent token or credential unmasked', async () => {
    server = await fakeBanks((n) => (n === 1 ? 'unavailable' : n === 3 ? 'no-consent' : undefined));
    const out = memoryStream();
    const c = client(server, { logger: createLogger({ level: 'debug', destination: out.stream }) });
    await c.searchBenefitAccounts(WITH_ACCOUNT, TOKEN);
    await c.searchBenefitAccounts(NO_ACCOUNT, TOKEN).catch(() => undefined);
    await c.createAccountWatch(WATCH, TOKEN, KEY);
    const text = out.text();
    expect(out.lines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [WITH_ACCOUNT, NO_ACCOUNT, IBAN, TOKEN, 'banks-token'])
      expect(text).not.toContain(secret);
    expect(text).toContain('"operation":"searchBenefitAccounts"');
  });
});
