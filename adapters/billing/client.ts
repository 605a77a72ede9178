import { NotFound, type HttpTransport, type HttpTransportConfig } from '../transport';
import {
  InputChecks,
  allItems,
  isSystemNotFound,
  otherRecord,
  transportFor,
  type ClientDeps,
  type PageRequest,
} from '../transport/support';
import {
  toBillingActivatedVoucherList,
  toBillingAppliedDiscount,
  toBillingAppliedDiscountPage,
  toBillingConsumption,
  toBillingListPartResult,
  toBillingListPartWire,
  toBillingPersonalAccount,
  toBillingReceipt,
  type BillingActivatedVoucherList,
  type BillingActivatedVoucherListPart,
  type BillingActivatedVoucherListRequest,
  type BillingActivatedVoucherListWire,
  type BillingAppliedDiscount,
  type BillingAppliedDiscountFilter,
  type BillingAppliedDiscountPageWire,
  type BillingAppliedDiscountWire,
  type BillingConsumption,
  type BillingConsumptionWire,
  type BillingListPartResult,
  type BillingListPartResultWire,
  type BillingListSubmission,
  type BillingPage,
  type BillingPersonalAccount,
  type BillingPersonalAccountWire,
  type BillingReceipt,
  type BillingReceiptWire,
  type BillingVoucherRejection,
} from './mapping';

/** The system id of billing: its folder under contracts/ and the `system` of its errors and log lines. */
export const BILLING_SYSTEM = 'billing';

/** The contract's `maxItems` of a list part: longer lists are sent in parts of this size. */
export const BILLING_LIST_PART_SIZE = 1000;

/** Configuration of {@link BillingClient}: the transport's, without `system`. */
export type BillingClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link BillingClient} can be given instead of building it from the configuration. */
export type BillingClientDeps = ClientDeps;

/**
 * The `code` of a 422 from `submitActivatedVoucherList` (a BusinessRuleViolation's `problemCode`):
 * `PART_OUT_OF_RANGE` (a part above `partsTotal`, or another `partsTotal` than the list's first part),
 * `LIST_MONTH_MISMATCH` (another month than the list's), `LIST_CLOSED` (the month is already settled).
 */
export type BillingListRefusalCode = 'PART_OUT_OF_RANGE' | 'LIST_MONTH_MISMATCH' | 'LIST_CLOSED';

const ACCOUNT_NUMBER = /^[0-9]{6,16}$/;
const LIST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}$/;
const VOUCHER_ID = /^vch-[0-9A-Z]{26}$/;
const check = new InputChecks(BILLING_SYSTEM);

/**
 * Client of the QazaqGaz Aimaq billing (the service provider of the gas voucher pilot, seed 000 cl. 2 10)): the
 * Wallet checks the personal account a recipient enters (cl. 27–29), sends the month's activated vouchers on the
 * list day (cl. 31), follows the list's settlement and reads the consumption, the receipt and the discount applied
 * (cl. 32–34). Pact `wallet-billing`.
 */
export class BillingClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: BillingClientConfig, deps: BillingClientDeps = {}) {
    this.http = transportFor(BILLING_SYSTEM, config, deps);
  }

  /**
   * The personal account with the tariffs and the norm of `month` (the current month when absent), or null when
   * billing has no such account: for the Wallet that is an answer (unknown or mistyped, seed 000 cl. 28: the
   * recipient enters it again). Null only when billing says so with a problem+json body; a bare 404 (a proxy, a
   * wrong baseUrl) is thrown as NotFound.
   * @throws BadInput when the account number is not 6–16 digits or the month is malformed (nothing is sent);
   * ContractViolation when the answer is about another account; the transport's errors.
   */
  async getPersonalAccount(accountNumber: string, month?: string): Promise<BillingPersonalAccount | null> {
    const operation = 'getPersonalAccount';
    checkAccountNumber(operation, 'accountNumber', accountNumber);
    if (month !== undefined) check.month(operation, 'month', month);
    let wire: BillingPersonalAccountWire;
    try {
      const res = await this.http.request<BillingPersonalAccountWire>({
        operationId: operation,
        method: 'GET',
        path: '/personal-accounts/{accountNumber}',
        pathParams: { accountNumber },
        query: { month },
      });
      wire = res.data;
      if (wire.accountNumber !== accountNumber)
        throw otherRecord(BILLING_SYSTEM, operation, res.requestId, '/accountNumber');
    } catch (err) {
      if (isSystemNotFound(err)) return null;
      throw err;
    }
    return toBillingPersonalAccount(wire);
  }

  /**
   * The gas consumed on an account in a month (seed 000 cl. 32), or null while the month's reading is not taken
   * yet (billing's `CONSUMPTION_NOT_AVAILABLE`: ask again later). Any other 404 (no such account) is NotFound.
   * @throws BadInput; NotFound; ContractViolation when the answer is about another account or month; the
   * transport's errors.
   */
  async getConsumption(accountNumber: string, month: string): Promise<BillingConsumption | null> {
    const operation = 'getConsumption';
    checkAccountNumber(operation, 'accountNumber', accountNumber);
    check.month(operation, 'month', month);
    let wire: BillingConsumptionWire;
    try {
      const res = await this.http.request<BillingConsumptionWire>({
        operationId: operation,
        method: 'GET',
        path: '/personal-accounts/{accountNumber}/consumption/{month}',
        pathParams: { accountNumber, month },
      });
      wire = res.data;
      checkAccountMonth(wire, accountNumber, month, operation, res.requestId);
    } catch (err) {
      if (err instanceof NotFound && err.problemCode === 'CONSUMPTION_NOT_AVAILABLE') return null;
      throw err;
    }
    return toBillingConsumption(wire);
  }

  /**
   * The receipt of an account for a month (seed 000 cl. 33; without a voucher the group-1 price in full, cl. 10), or
   * null while the month is not billed (billing answers 404 with a problem+json body). A bare 404 is NotFound.
   * @throws BadInput; NotFound; ContractViolation when the receipt is of another account or month; the transport's
   * errors.
   */
  async getReceipt(accountNumber: string, month: string): Promise<BillingReceipt | null> {
    const operation = 'getReceipt';
    checkAccountNumber(operation, 'accountNumber', accountNumber);
    check.month(operation, 'month', month);
    let wire: BillingReceiptWire;
    try {
      const res = await this.http.request<BillingReceiptWire>({
        operationId: operation,
        method: 'GET',
        path: '/personal-accounts/{accountNumber}/receipts/{month}',
        pathParams: { accountNumber, month },
      });
      wire = res.data;
      checkAccountMonth(wire, accountNumber, month, operation, res.requestId);
    } catch (err) {
      if (isSystemNotFound(err)) return null;
      throw err;
    }
    return toBillingReceipt(wire);
  }

  /**
   * Sends one part of the month's list of activated vouchers (seed 000 cl. 31). Idempotent by `idempotencyKey`:
   * the same key and part return the first answer; a voucher received in another part is counted once.
   * @throws BadInput when the part is invalid (nothing is sent; fields are named, values never echoed);
   * BusinessRuleViolation with `problemCode` a {@link BillingListRefusalCode}; Conflict (409) when the key was used
   * with another part; ContractViolation when the answer is about another list, month or part, or rejects a voucher
   * that was not sent; the transport's errors.
   */
  async submitActivatedVoucherListPart(
    part: BillingActivatedVoucherListPart,
    idempotencyKey: string,
  ): Promise<BillingListPartResult> {
    const operation = 'submitActivatedVoucherList';
    checkListPart(part, operation);
    check.idempotencyKey(operation, idempotencyKey);
    return this.sendPart(part, idempotencyKey, operation);
  }

  /**
   * Sends the whole list of activated vouchers of the month on the list day (seed 000 cl. 31; the 26th, the 30th
   * from 25 Aug 2025), in parts of {@link BILLING_LIST_PART_SIZE} that share the list id; part `n` carries the key
   * `${idempotencyKey}:part-${n}`, so a resumed run re-sends exactly the same parts. Discounts follow as webhooks
   * to `callbackUrl` (the Wallet's `receiveGasDiscount`).
   * @throws as {@link submitActivatedVoucherListPart}; the parts answered before a failure stay received.
   */
  async submitActivatedVoucherList(
    list: BillingActivatedVoucherListRequest,
    idempotencyKey: string,
  ): Promise<BillingListSubmission> {
    const operation = 'submitActivatedVoucherList';
    check.object(operation, 'list', list);
    check.array(operation, 'list.vouchers', list.vouchers, 1, BILLING_LIST_PART_SIZE * 10000);
    check.text(operation, 'idempotencyKey', idempotencyKey, 185, { min: 8 });
    const partsTotal = Math.ceil(list.vouchers.length / BILLING_LIST_PART_SIZE);
    const parts: BillingActivatedVoucherListPart[] = [];
    for (let i = 0; i < partsTotal; i++) {
      parts.push({
        ...list,
        part: i + 1,
        partsTotal,
        vouchers: list.vouchers.slice(i * BILLING_LIST_PART_SIZE, (i + 1) * BILLING_LIST_PART_SIZE),
      });
    }
    parts.forEach((p) => checkListPart(p, operation, BILLING_LIST_PART_SIZE * (p.part - 1)));
    const results: BillingListPartResult[] = [];
    for (const p of parts)
      results.push(await this.sendPart(p, `${idempotencyKey}:part-${p.part}`, operation));
    const rejected: BillingVoucherRejection[] = results.flatMap((r) => r.rejected);
    return {
      listId: list.listId,
      parts: results,
      accepted: results.reduce((n, r) => n + r.accepted, 0),
      rejected,
      status: results[results.length - 1]!.status,
    };
  }

  /**
   * How much of a list has arrived and how far its settlement went (seed 000 cl. 31–34). The list id is the
   * Wallet's own, so an unknown one is not a domain answer: it is thrown as NotFound.
   * @throws BadInput; NotFound; ContractViolation when the answer is about another list; the transport's errors.
   */
  async getActivatedVoucherList(listId: string): Promise<BillingActivatedVoucherList> {
    const operation = 'getActivatedVoucherList';
    checkListId(operation, 'listId', listId);
    const res = await this.http.request<BillingActivatedVoucherListWire>({
      operationId: operation,
      method: 'GET',
      path: '/activated-voucher-lists/{listId}',
      pathParams: { listId },
    });
    if (res.data.listId !== listId) throw otherRecord(BILLING_SYSTEM, operation, res.requestId, '/listId');
    return toBillingActivatedVoucherList(res.data);
  }

  /**
   * One page of the discounts applied, oldest first, by list or month: the polling twin of the `discountApplied`
   * webhook, for a Wallet that missed a delivery. Use {@link appliedDiscounts} to walk every page.
   * @throws BadInput; ContractViolation when a discount is of another list or month than asked; the transport's
   * errors.
   */
  async listAppliedDiscounts(
    filter: BillingAppliedDiscountFilter & PageRequest = {},
  ): Promise<BillingPage<BillingAppliedDiscount>> {
    const operation = 'listAppliedDiscounts';
    checkDiscountFilter(filter, operation);
    const res = await this.http.request<BillingAppliedDiscountPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/applied-discounts',
      query: { listId: filter.listId, month: filter.month, cursor: filter.cursor, limit: filter.limit },
    });
    res.data.items.forEach((d, i) => {
      if (filter.listId !== undefined && d.listId !== filter.listId)
        throw otherRecord(BILLING_SYSTEM, operation, res.requestId, `/items/${i}/listId`);
      if (filter.month !== undefined && d.month !== filter.month)
        throw otherRecord(BILLING_SYSTEM, operation, res.requestId, `/items/${i}/month`);
    });
    return toBillingAppliedDiscountPage(res.data);
  }

  /** Every applied discount that matches `filter`, page after page. @throws as {@link listAppliedDiscounts}. */
  appliedDiscounts(
    filter: BillingAppliedDiscountFilter & PageRequest = {},
  ): AsyncGenerator<BillingAppliedDiscount, void, undefined> {
    checkDiscountFilter(filter, 'listAppliedDiscounts');
    return allItems(
      BILLING_SYSTEM,
      'listAppliedDiscounts',
      (cursor) => this.listAppliedDiscounts({ ...filter, ...(cursor === undefined ? {} : { cursor }) }),
      filter.cursor,
    );
  }

  /**
   * The discount applied for a voucher (seed 000 cl. 32, 34), or null while it is not computed yet (billing answers
   * 404 with a problem+json body). A bare 404 is NotFound.
   * @throws BadInput; NotFound; ContractViolation when the answer is about another voucher; the transport's errors.
   */
  async getAppliedDiscount(voucherId: string): Promise<BillingAppliedDiscount | null> {
    const operation = 'getAppliedDiscount';
    checkVoucherId(operation, 'voucherId', voucherId);
    let wire: BillingAppliedDiscountWire;
    try {
      const res = await this.http.request<BillingAppliedDiscountWire>({
        operationId: operation,
        method: 'GET',
        path: '/applied-discounts/{voucherId}',
        pathParams: { voucherId },
      });
      wire = res.data;
      if (wire.voucherId !== voucherId)
        throw otherRecord(BILLING_SYSTEM, operation, res.requestId, '/voucherId');
    } catch (err) {
      if (isSystemNotFound(err)) return null;
      throw err;
    }
    return toBillingAppliedDiscount(wire);
  }

  private async sendPart(
    part: BillingActivatedVoucherListPart,
    idempotencyKey: string,
    operation: string,
  ): Promise<BillingListPartResult> {
    const res = await this.http.request<BillingListPartResultWire>({
      operationId: operation,
      method: 'POST',
      path: '/activated-voucher-lists',
      body: toBillingListPartWire(part),
      idempotencyKey,
    });
    const d = res.data;
    const pointer =
      d.listId !== part.listId
        ? '/listId'
        : d.month !== part.month
          ? '/month'
          : d.part !== part.part
            ? '/part'
            : undefined;
    if (pointer !== undefined) throw otherRecord(BILLING_SYSTEM, operation, res.requestId, pointer);
    const sent = new Set(part.vouchers.map((v) => v.voucherId));
    d.rejected.forEach((r, i) => {
      if (!sent.has(r.voucherId))
        throw otherRecord(BILLING_SYSTEM, operation, res.requestId, `/rejected/${i}/voucherId`);
    });
    return toBillingListPartResult(d);
  }
}

function checkAccountNumber(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 16, { min: 6, pattern: ACCOUNT_NUMBER, rule: '6 to 16 digits' });
}

function checkListId(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 64, { min: 3, pattern: LIST_ID, rule: 'a list id like avl-2025-09' });
}

function checkVoucherId(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 30, {
    pattern: VOUCHER_ID,
    rule: 'a Wallet voucher id (vch-<26 characters>)',
  });
}

function checkAccountMonth(
  wire: { accountNumber: string; month: string },
  accountNumber: string,
  month: string,
  operation: string,
  requestId: string,
): void {
  if (wire.accountNumber !== accountNumber)
    throw otherRecord(BILLING_SYSTEM, operation, requestId, '/accountNumber');
  if (wire.month !== month) throw otherRecord(BILLING_SYSTEM, operation, requestId, '/month');
}

function checkListPart(p: BillingActivatedVoucherListPart, operation: string, offset = 0): void {
  check.object(operation, 'list', p);
  checkListId(operation, 'list.listId', p.listId);
  check.month(operation, 'list.month', p.month);
  check.date(operation, 'list.listDate', p.listDate);
  check.int(operation, 'list.part', p.part, 1, 10000);
  check.int(operation, 'list.partsTotal', p.partsTotal, 1, 10000);
  if (p.part > p.partsTotal) throw check.fail(operation, 'list.part must not be above list.partsTotal');
  check.text(operation, 'list.callbackUrl', p.callbackUrl, 2048);
  if (!isHttpUrl(p.callbackUrl))
    throw check.fail(operation, 'list.callbackUrl must be an absolute http(s) URL');
  check.array(operation, 'list.vouchers', p.vouchers, 1, BILLING_LIST_PART_SIZE);
  p.vouchers.forEach((v, i) => {
    const f = `list.vouchers[${offset + i}]`;
    check.object(operation, f, v);
    checkVoucherId(operation, `${f}.voucherId`, v.voucherId);
    checkAccountNumber(operation, `${f}.accountNumber`, v.accountNumber);
    check.iin(operation, `${f}.recipientIin`, v.recipientIin);
    check.dateTime(operation, `${f}.activatedAt`, v.activatedAt);
    if (v.channel !== undefined)
      check.oneOf(operation, `${f}.channel`, v.channel, ['egov-mobile', 'provider-office']);
  });
}

function checkDiscountFilter(filter: BillingAppliedDiscountFilter & PageRequest, operation: string): void {
  check.object(operation, 'filter', filter);
  if (filter.listId !== undefined) checkListId(operation, 'filter.listId', filter.listId);
  if (filter.month !== undefined) check.month(operation, 'filter.month', filter.month);
  check.page(operation, filter);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
