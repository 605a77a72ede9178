import { isValidIin } from '../../src/domain/iin';
import {
  BadInput,
  ContractViolation,
  type HttpTransport,
  type HttpTransportConfig,
  type Logger,
} from '../transport';
import { transportFor } from '../transport/support';
import {
  toBanksAccountSearchResult,
  toBanksAccountWatch,
  toBanksBankPage,
  toCreateWatchRequest,
  toListBanksQuery,
  type BanksAccountSearchResult,
  type BanksAccountSearchResultWire,
  type BanksAccountWatch,
  type BanksAccountWatchWire,
  type BanksBank,
  type BanksBankFilter,
  type BanksBankPage,
  type BanksBankPageWire,
  type BanksWatchToCreate,
} from './mapping';

/** The system id of the banks integration point: its folder under contracts/ and the `system` of its errors. */
export const BANKS_SYSTEM = 'banks';

/**
 * The `code` of a 422 from `createAccountWatch`: `UNKNOWN_BANK` (a bank code that is not integrated) or
 * `WATCH_UNTIL_OUT_OF_RANGE` (in the past, or more than 30 days ahead).
 */
export type BanksWatchRuleCode = 'UNKNOWN_BANK' | 'WATCH_UNTIL_OUT_OF_RANGE';

/** Configuration of {@link BanksClient}: the transport's, without `system`. */
export type BanksClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link BanksClient} can be given instead of building it from the configuration. */
export interface BanksClientDeps {
  /** A transport to use (its system must be `banks`); the configuration is then not used. */
  readonly http?: HttpTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

/** At most this many pages are read by {@link BanksClient.listAllBanks}: a guard against a cursor that loops. */
export const BANKS_MAX_PAGES = 50;

const WATCH_ID = /^aw-[0-9A-Z]{26}$/;
const BANK_CODE = /^[0-9]{3}$/;
const TOKEN = /^[\x21-\x7e]{16,4096}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Client of the second-tier banks (ЕДБ / БВУ) integrated with the labour ministry system, as one integration
 * point: the bank list, a person's special benefit accounts (seed 003 cl. 9: one bank → SMS form 1, several →
 * form 2, none → form 3) and the watch for a newly opened account after form 3 (cl. 10). Questions about a person
 * carry the consent token from the consent service.
 */
export class BanksClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: BanksClientConfig, deps: BanksClientDeps = {}) {
    this.http = transportFor(BANKS_SYSTEM, config, deps);
  }

  /**
   * One page of the bank list (code, BIC, names, whether integrated, where to open an account).
   * @throws BadInput when a filter value is invalid (nothing is sent); the transport's errors.
   */
  async listBanks(filter: BanksBankFilter = {}): Promise<BanksBankPage> {
    const operation = 'listBanks';
    if (typeof filter !== 'object' || filter === null) throw badInput(operation, 'filter must be an object');
    if (filter.integrated !== undefined && typeof filter.integrated !== 'boolean')
      throw badInput(operation, 'filter.integrated must be a boolean');
    if (filter.cursor !== undefined && !isText(filter.cursor, 1, 512))
      throw badInput(operation, 'filter.cursor must have 1 to 512 characters');
    if (
      filter.limit !== undefined &&
      !(Number.isInteger(filter.limit) && filter.limit >= 1 && filter.limit <= 1000)
    )
      throw badInput(operation, 'filter.limit must be an integer from 1 to 1000');
    const res = await this.http.request<BanksBankPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/banks',
      query: toListBanksQuery(filter),
    });
    return toBanksBankPage(res.data);
  }

  /**
   * Every bank of the list (every page, in order): the numbered list of SMS form 2 and the list of form 3.
   * @throws ContractViolation when the list has more than {@link BANKS_MAX_PAGES} pages; as {@link listBanks}.
   */
  async listAllBanks(integrated?: boolean): Promise<BanksBank[]> {
    const banks: BanksBank[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < BANKS_MAX_PAGES; page++) {
      const res = await this.listBanks({
        ...(integrated === undefined ? {} : { integrated }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      banks.push(...res.banks);
      if (!res.hasMore || res.nextCursor === null) return banks;
      cursor = res.nextCursor;
    }
    throw new ContractViolation({
      system: BANKS_SYSTEM,
      operation: 'listBanks',
      pointer: '/page/nextCursor',
      rule: `at most ${BANKS_MAX_PAGES} pages`,
      detail: 'the bank list does not end',
    });
  }

  /**
   * The person's special benefit accounts in every integrated bank, grouped by bank. `outcome` counts banks:
   * `none` → SMS form 3, `one` → form 1, `several` → form 2. When `complete` is false a bank did not answer:
   * retry before deciding. Only reads (the IIN travels in the body): retried like a GET.
   * @throws BadInput when `iin` or `consentToken` is invalid (nothing is sent); ConsentMissing (403) when the
   * token does not cover the request; ContractViolation when the answer is about another person or its
   * `outcome` does not match the banks it lists; the transport's errors.
   */
  async searchBenefitAccounts(iin: string, consentToken: string): Promise<BanksAccountSearchResult> {
    const operation = 'searchBenefitAccounts';
    checkIin(iin, operation, 'iin');
    checkToken(consentToken, operation);
    const res = await this.http.request<BanksAccountSearchResultWire>({
      operationId: operation,
      method: 'POST',
      path: '/benefit-accounts:search',
      body: { iin, purpose: 'home-schooling' },
      headers: { 'X-Consent-Token': consentToken },
      idempotent: true,
    });
    const w = res.data;
    if (w.iin !== iin) throw violation(operation, res.requestId, '/iin', 'the IIN asked for');
    const expected = w.banks.length === 0 ? 'none' : w.banks.length === 1 ? 'one' : 'several';
    if (w.outcome !== expected)
      throw violation(operation, res.requestId, '/outcome', `${expected}, the count of banks listed`);
    return toBanksAccountSearchResult(w);
  }

  /**
   * Starts watching the banks for a new special account of the person (after SMS form 3, seed 003 cl. 10). The
   * watch is `fulfilled` at once when an account already exists. Carries the caller's idempotency key.
   * @throws BadInput when an argument is invalid (nothing is sent); ConsentMissing (403); BusinessRuleViolation
   * with `problemCode` a {@link BanksWatchRuleCode}; Conflict (409); ContractViolation when the answer is about
   * another person or case; the transport's errors.
   */
  async createAccountWatch(
    watch: BanksWatchToCreate,
    consentToken: string,
    idempotencyKey: string,
  ): Promise<BanksAccountWatch> {
    const operation = 'createAccountWatch';
    checkWatch(watch, operation);
    checkToken(consentToken, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<BanksAccountWatchWire>({
      operationId: operation,
      method: 'POST',
      path: '/account-watches',
      body: toCreateWatchRequest(watch),
      headers: { 'X-Consent-Token': consentToken },
      idempotencyKey,
    });
    if (res.data.iin !== watch.iin) throw violation(operation, res.requestId, '/iin', 'the IIN asked for');
    if (res.data.reference !== watch.reference)
      throw violation(operation, res.requestId, '/reference', 'the reference sent');
    return toBanksAccountWatch(res.data);
  }

  /**
   * A watch and its result (catch up on a missed `accountOpened` webhook). A watch id comes from
   * `createAccountWatch`, so an unknown one is thrown as NotFound.
   * @throws BadInput when `watchId` is malformed; NotFound; ContractViolation when the answer is about another
   * watch; the transport's errors.
   */
  async getAccountWatch(watchId: string): Promise<BanksAccountWatch> {
    const operation = 'getAccountWatch';
    checkWatchId(watchId, operation);
    const res = await this.http.request<BanksAccountWatchWire>({
      operationId: operation,
      method: 'GET',
      path: '/account-watches/{watchId}',
      pathParams: { watchId },
    });
    if (res.data.watchId !== watchId)
      throw violation(operation, res.requestId, '/watchId', 'the watch asked for');
    return toBanksAccountWatch(res.data);
  }

  /**
   * Cancels an active watch; a watch already fulfilled, expired or cancelled is returned unchanged (check its
   * `status`: a fulfilled watch found an account). Carries the caller's idempotency key.
   * @throws BadInput when an argument is invalid; NotFound; Conflict; ContractViolation when the answer is about
   * another watch or is still `active`; the transport's errors.
   */
  async cancelAccountWatch(watchId: string, idempotencyKey: string): Promise<BanksAccountWatch> {
    const operation = 'cancelAccountWatch';
    checkWatchId(watchId, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<BanksAccountWatchWire>({
      operationId: operation,
      method: 'DELETE',
      path: '/account-watches/{watchId}',
      pathParams: { watchId },
      idempotencyKey,
    });
    if (res.data.watchId !== watchId)
      throw violation(operation, res.requestId, '/watchId', 'the watch asked for');
    if (res.data.status === 'active')
      throw violation(operation, res.requestId, '/status', 'a status other than active after a cancellation');
    return toBanksAccountWatch(res.data);
  }
}

function badInput(operation: string, detail: string): BadInput {
  return new BadInput({ system: BANKS_SYSTEM, operation, detail });
}

function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function checkIin(value: unknown, operation: string, field: string): void {
  // The value is never echoed: an almost-valid IIN is still personal data.
  if (typeof value !== 'string' || !isValidIin(value))
    throw badInput(
      operation,
      `${field} is not a valid IIN (12 digits, a real birth date, a correct check digit)`,
    );
}

function checkToken(value: unknown, operation: string): void {
  if (typeof value !== 'string' || !TOKEN.test(value))
    throw badInput(
      operation,
      'consentToken must be the token of a consent check (16–4096 printable characters)',
    );
}

function checkIdempotencyKey(key: unknown, operation: string): void {
  if (!isText(key, 8, 200) || !/^[\x21-\x7e]+$/.test(key))
    throw badInput(operation, 'idempotencyKey must have 8 to 200 printable ASCII characters');
}

function checkWatchId(value: unknown, operation: string): void {
  if (typeof value !== 'string' || !WATCH_ID.test(value))
    throw badInput(operation, 'watchId is not a watch id (aw-<26 characters>)');
}

function checkWatch(w: BanksWatchToCreate, operation: string): void {
  if (typeof w !== 'object' || w === null) throw badInput(operation, 'watch must be an object');
  checkIin(w.iin, operation, 'watch.iin');
  if (w.bankCodes !== undefined) {
    if (!Array.isArray(w.bankCodes) || w.bankCodes.length === 0 || w.bankCodes.length > 50)
      throw badInput(operation, 'watch.bankCodes must list 1 to 50 bank codes, or be absent for every bank');
    w.bankCodes.forEach((c, i) => {
      if (typeof c !== 'string' || !BANK_CODE.test(c))
        throw badInput(operation, `watch.bankCodes[${i}] is not a three-digit bank code`);
    });
    if (new Set(w.bankCodes).size !== w.bankCodes.length)
      throw badInput(operation, 'watch.bankCodes must not repeat a bank');
  }
  if (
    typeof w.watchUntil !== 'string' ||
    !DATE_TIME.test(w.watchUntil) ||
    Number.isNaN(Date.parse(w.watchUntil))
  )
    throw badInput(operation, 'watch.watchUntil must be an RFC 3339 instant with an offset');
  if (!isHttpUrl(w.callbackUrl))
    throw badInput(operation, 'watch.callbackUrl must be an absolute http(s) URL of at most 2048 characters');
  if (!isText(w.reference, 1, 200))
    throw badInput(operation, 'watch.reference must have 1 to 200 characters');
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function violation(operation: string, requestId: string, pointer: string, what: string): ContractViolation {
  return new ContractViolation({
    system: BANKS_SYSTEM,
    operation,
    requestId,
    pointer,
    rule: `equal to ${what}`,
    detail: `${pointer} is not ${what}`,
  });
}
