import { type HttpTransport, type HttpTransportConfig } from '../transport';
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
  NOBD_CHANGE_TYPES,
  NOBD_MEAL_STATUSES,
  NOBD_ORDER_STATUSES,
  NOBD_SERVICE_STATUS_VALUES,
  toNobdBatchResult,
  toNobdChangePage,
  toNobdHomeSchoolingOrder,
  toNobdLegalRepresentatives,
  toNobdOrderPage,
  toNobdPupilPage,
  toNobdSchoolPage,
  toNobdSubscription,
  toNobdWalletDailyReport,
  toNobdServiceStatusBatchWire,
  toNobdWalletReportPartWire,
  type NobdCreateWebhookSubscriptionResponse,
  type NobdGetHomeSchoolingOrderResponse,
  type NobdGetLegalRepresentativesResponse,
  type NobdGetWalletDailyReportResponse,
  type NobdListHomeSchoolingChangesResponse,
  type NobdListHomeSchoolingOrdersResponse,
  type NobdListPupilsResponse,
  type NobdListSchoolsResponse,
  type NobdBatchResult,
  type NobdChangeType,
  type NobdHomeSchoolingChange,
  type NobdHomeSchoolingOrder,
  type NobdLegalRepresentatives,
  type NobdMealStatus,
  type NobdOrderStatus,
  type NobdPage,
  type NobdPupil,
  type NobdSchool,
  type NobdServiceStatusBatch,
  type NobdSubscription,
  type NobdWalletDailyReport,
  type NobdWalletReportPart,
  type NobdWebhookEvent,
  type NobdSubmitServiceStatusesResponse,
  type NobdSubmitWalletDailyReportResponse,
} from './mapping';

/** The system id of NOBD: its folder under contracts/ and the `system` of its errors and log lines. */
export const NOBD_SYSTEM = 'nobd';

/** Configuration of {@link NobdClient}: the transport's, without `system`. */
export type NobdClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link NobdClient} can be given instead of building its transport from the configuration. */
export type NobdClientDeps = ClientDeps;

/**
 * The `code` of a 422 from `submitWalletDailyReport` (BusinessRuleViolation.problemCode): a part above
 * `partsTotal` or another `partsTotal` than an earlier part of the day, or a report of a day not yet over.
 */
export type NobdWalletReportRuleCode = 'PART_OUT_OF_RANGE' | 'REPORT_DATE_IN_FUTURE';

/** Filter of {@link NobdClient.listSchools}. */
export interface NobdSchoolFilter {
  /** Region by its KATO prefix, two digits (`79` Shymkent, `71` Astana). */
  readonly region?: string;
}

/** Filter of {@link NobdClient.listPupils}. */
export interface NobdPupilFilter {
  readonly region?: string;
  readonly schoolId?: string;
  readonly mealStatus?: NobdMealStatus;
  /** Only records changed at or after this instant (RFC 3339 with offset), for an incremental load. */
  readonly changedSince?: string;
}

/** Filter of {@link NobdClient.listHomeSchoolingOrders}. */
export interface NobdOrderFilter {
  readonly status?: NobdOrderStatus;
}

/** Filter of {@link NobdClient.listHomeSchoolingChanges}. */
export interface NobdChangeFilter {
  /** First day of changes for the first page (ignored by NOBD when a cursor is given). */
  readonly since?: string;
  readonly type?: NobdChangeType;
}

const REGION = /^[0-9]{2}$/;
const SCHOOL_YEAR = /^[0-9]{4}-[0-9]{4}$/;
const VOUCHER_ID = /^vch-[0-9A-Z]{26}$/;
const REDEMPTION_ID = /^mr-[0-9A-Z]{26}$/;
const SUBSCRIPTION_ID = /^sub-[0-9A-Z]{26}$/;
const WEBHOOK_EVENTS: readonly NobdWebhookEvent[] = ['home-schooling.daily-changes'];

const check = new InputChecks(NOBD_SYSTEM);

/**
 * Client of NOBD (Ұлттық білім беру деректер қоры / Национальная образовательная база данных): schools and
 * pupils for SDU (meals seed 002 Annex 1 cl. 4) and the meal-service statuses SDU passes back (cl. 8, 12); the
 * daily home-schooling orders, their changes (schooling ended stops payments) and the legal representatives of a
 * child for E-Sobes (seed 003 cl. 4, 7, 14); the Wallet's daily report (seed 002 Annex 2 cl. 14).
 */
export class NobdClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: NobdClientConfig, deps: NobdClientDeps = {}) {
    this.http = transportFor(NOBD_SYSTEM, config, deps);
  }

  /**
   * One page of the schools of a region (or of all regions).
   * @throws BadInput on an invalid filter or page (nothing is sent), or a cursor NOBD refuses (400); the
   * transport's errors.
   */
  async listSchools(filter: NobdSchoolFilter & PageRequest = {}): Promise<NobdPage<NobdSchool>> {
    const operation = 'listSchools';
    checkSchoolFilter(operation, filter);
    const res = await this.http.request<NobdListSchoolsResponse>({
      operationId: operation,
      method: 'GET',
      path: '/schools',
      query: { region: filter.region, cursor: filter.cursor, limit: filter.limit },
    });
    return toNobdSchoolPage(res.data);
  }

  /**
   * Every school of the filter, page after page: `for await (const school of nobd.schools({ region: '79' }))`.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listSchools}.
   */
  schools(filter: NobdSchoolFilter & PageRequest = {}): AsyncGenerator<NobdSchool, void, undefined> {
    checkSchoolFilter('listSchools', filter);
    return allItems(
      NOBD_SYSTEM,
      'listSchools',
      (cursor) => this.listSchools({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One page of pupils with their schools and meal status (seed 002 Annex 1 cl. 4).
   * @throws BadInput on an invalid filter or page (nothing is sent), or a cursor NOBD refuses (400); the
   * transport's errors.
   */
  async listPupils(filter: NobdPupilFilter & PageRequest = {}): Promise<NobdPage<NobdPupil>> {
    const operation = 'listPupils';
    checkPupilFilter(operation, filter);
    const res = await this.http.request<NobdListPupilsResponse>({
      operationId: operation,
      method: 'GET',
      path: '/pupils',
      query: {
        region: filter.region,
        schoolId: filter.schoolId,
        mealStatus: filter.mealStatus,
        changedSince: filter.changedSince,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toNobdPupilPage(res.data);
  }

  /**
   * Every pupil of the filter, page after page: `for await (const pupil of nobd.pupils({ region: '79' }))`.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listPupils}.
   */
  pupils(filter: NobdPupilFilter & PageRequest = {}): AsyncGenerator<NobdPupil, void, undefined> {
    checkPupilFilter('listPupils', filter);
    return allItems(
      NOBD_SYSTEM,
      'listPupils',
      (cursor) => this.listPupils({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One page of the children accepted for home schooling registered in NOBD on `date` (Astana time), with the
   * order and the ДКК / ВКК conclusion: E-Sobes' daily list (seed 003 cl. 4). Ask once the day is over.
   * @throws BadInput on an invalid date, filter or page (nothing is sent), or one NOBD refuses (400); the
   * transport's errors.
   */
  async listHomeSchoolingOrders(
    date: string,
    filter: NobdOrderFilter & PageRequest = {},
  ): Promise<NobdPage<NobdHomeSchoolingOrder>> {
    const operation = 'listHomeSchoolingOrders';
    checkOrderFilter(operation, date, filter);
    const res = await this.http.request<NobdListHomeSchoolingOrdersResponse>({
      operationId: operation,
      method: 'GET',
      path: '/home-schooling/orders',
      query: { date, status: filter.status, cursor: filter.cursor, limit: filter.limit },
    });
    return toNobdOrderPage(res.data);
  }

  /**
   * Every order of a day, page after page: `for await (const order of nobd.homeSchoolingOrders('2024-09-03'))`.
   * @throws BadInput at once on an invalid date or filter; while iterating, the errors of
   * {@link listHomeSchoolingOrders}.
   */
  homeSchoolingOrders(
    date: string,
    filter: NobdOrderFilter & PageRequest = {},
  ): AsyncGenerator<NobdHomeSchoolingOrder, void, undefined> {
    checkOrderFilter('listHomeSchoolingOrders', date, filter);
    return allItems(
      NOBD_SYSTEM,
      'listHomeSchoolingOrders',
      (cursor) => this.listHomeSchoolingOrders(date, { ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One home-schooling order with its current state (`ended`, `endedOn`, `endReason` once the child is no longer
   * home-schooled, seed 003 cl. 14). The id comes from NOBD's own lists, so an unknown id is not an answer.
   * @throws BadInput on an invalid id (nothing is sent); NotFound when NOBD has no such order; ContractViolation
   * when NOBD answers with another order; the transport's errors.
   */
  async getHomeSchoolingOrder(orderId: string): Promise<NobdHomeSchoolingOrder> {
    const operation = 'getHomeSchoolingOrder';
    check.text(operation, 'orderId', orderId, 60);
    const res = await this.http.request<NobdGetHomeSchoolingOrderResponse>({
      operationId: operation,
      method: 'GET',
      path: '/home-schooling/orders/{orderId}',
      pathParams: { orderId },
    });
    if (res.data.orderId !== orderId) throw otherRecord(NOBD_SYSTEM, operation, res.requestId, '/orderId');
    return toNobdHomeSchoolingOrder(res.data);
  }

  /**
   * One page of the feed of changes of home-schooling orders, oldest first: new orders, amended orders and
   * schooling ended, on which E-Sobes stops payments (seed 003 cl. 4, 14). Start with `since`, then pass the
   * page's `nextCursor`; on the last page keep `nextCursor` (when NOBD gives one) to poll for later changes.
   * @throws BadInput on an invalid filter or page (nothing is sent), or a cursor NOBD refuses (400); the
   * transport's errors.
   */
  async listHomeSchoolingChanges(
    filter: NobdChangeFilter & PageRequest = {},
  ): Promise<NobdPage<NobdHomeSchoolingChange>> {
    const operation = 'listHomeSchoolingChanges';
    checkChangeFilter(operation, filter);
    const res = await this.http.request<NobdListHomeSchoolingChangesResponse>({
      operationId: operation,
      method: 'GET',
      path: '/home-schooling/changes',
      query: { since: filter.since, type: filter.type, cursor: filter.cursor, limit: filter.limit },
    });
    return toNobdChangePage(res.data);
  }

  /**
   * Every change of the feed from `since` (or `cursor`) up to now, page after page:
   * `for await (const change of nobd.homeSchoolingChanges({ since: '2024-12-20', type: 'schooling-ended' }))`.
   * To resume a later poll where this one stopped, page with {@link listHomeSchoolingChanges} and keep the cursor.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listHomeSchoolingChanges}.
   */
  homeSchoolingChanges(
    filter: NobdChangeFilter & PageRequest = {},
  ): AsyncGenerator<NobdHomeSchoolingChange, void, undefined> {
    checkChangeFilter('listHomeSchoolingChanges', filter);
    return allItems(
      NOBD_SYSTEM,
      'listHomeSchoolingChanges',
      (cursor) => this.listHomeSchoolingChanges({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * The legal representatives NOBD holds for a child, asked when GBD FL has no parent data (seed 003 cl. 7);
   * an empty list when NOBD knows the child but no representative. The consent token comes from the consent
   * service and is sent in `X-Consent-Token`, never logged.
   * @throws BadInput on an invalid IIN or token (nothing is sent); ConsentMissing (403) when the token does not
   * cover the request; NotFound when NOBD does not know the child; ContractViolation when NOBD answers about
   * another child; the transport's errors.
   */
  async getLegalRepresentatives(childIin: string, consentToken: string): Promise<NobdLegalRepresentatives> {
    const operation = 'getLegalRepresentatives';
    check.iin(operation, 'childIin', childIin);
    check.text(operation, 'consentToken', consentToken, 4096, { min: 16 });
    const res = await this.http.request<NobdGetLegalRepresentativesResponse>({
      operationId: operation,
      method: 'GET',
      path: '/children/{childIin}/legal-representatives',
      pathParams: { childIin },
      headers: { 'X-Consent-Token': consentToken },
    });
    if (res.data.childIin !== childIin) throw otherRecord(NOBD_SYSTEM, operation, res.requestId, '/childIin');
    return toNobdLegalRepresentatives(res.data);
  }

  /**
   * Passes to NOBD a batch of meal-service statuses received from the e-Gov portal (seed 002 Annex 1 cl. 8, 12);
   * NOBD accepts or rejects each status (`rejected`, with a code). Retried safely under `idempotencyKey`.
   * @throws BadInput on an invalid batch or key (nothing is sent; the message names the field, e.g.
   * `statuses[3].pupilIin`); Conflict when the key was used with another batch; ContractViolation when NOBD
   * answers about another batch; the transport's errors.
   */
  async submitServiceStatuses(
    batch: NobdServiceStatusBatch,
    idempotencyKey: string,
  ): Promise<NobdBatchResult> {
    const operation = 'submitServiceStatuses';
    checkServiceStatusBatch(operation, batch);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<NobdSubmitServiceStatusesResponse>({
      operationId: operation,
      method: 'POST',
      path: '/service-statuses',
      body: toNobdServiceStatusBatchWire(batch),
      idempotencyKey,
    });
    if (res.data.batchId !== batch.batchId)
      throw otherRecord(NOBD_SYSTEM, operation, res.requestId, '/batchId');
    return toNobdBatchResult(res.data);
  }

  /**
   * Sends one part of the Wallet's daily report of meal vouchers activated and meals served (seed 002 Annex 2
   * cl. 14); answers what NOBD holds of the day so far. Records already received are counted once.
   * @throws BadInput on an invalid part or key (nothing is sent); BusinessRuleViolation with `problemCode` a
   * {@link NobdWalletReportRuleCode}; Conflict when the key was used with another part; the transport's errors.
   */
  async submitWalletDailyReport(
    part: NobdWalletReportPart,
    idempotencyKey: string,
  ): Promise<NobdWalletDailyReport> {
    const operation = 'submitWalletDailyReport';
    checkWalletReportPart(operation, part);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<NobdSubmitWalletDailyReportResponse>({
      operationId: operation,
      method: 'POST',
      path: '/wallet-reports',
      body: toNobdWalletReportPartWire(part),
      idempotencyKey,
    });
    if (res.data.reportDate !== part.reportDate) {
      throw otherRecord(NOBD_SYSTEM, operation, res.requestId, '/reportDate');
    }
    return toNobdWalletDailyReport(res.data);
  }

  /**
   * What NOBD received of the Wallet's report of a day, for reconciliation; null when NOBD received nothing for
   * that day (an answer: the Wallet sends the report). Only a 404 that NOBD says (problem+json) reads as null.
   * @throws BadInput on an invalid date (nothing is sent); NotFound on a bare 404; ContractViolation when NOBD
   * answers about another day; the transport's errors.
   */
  async getWalletDailyReport(reportDate: string): Promise<NobdWalletDailyReport | null> {
    const operation = 'getWalletDailyReport';
    check.date(operation, 'reportDate', reportDate);
    try {
      const res = await this.http.request<NobdGetWalletDailyReportResponse>({
        operationId: operation,
        method: 'GET',
        path: '/wallet-reports/{reportDate}',
        pathParams: { reportDate },
      });
      if (res.data.reportDate !== reportDate) {
        throw otherRecord(NOBD_SYSTEM, operation, res.requestId, '/reportDate');
      }
      return toNobdWalletDailyReport(res.data);
    } catch (err) {
      if (isSystemNotFound(err)) return null;
      throw err;
    }
  }

  /**
   * Subscribes `callbackUrl` to NOBD's webhooks (the daily changes of home-schooling orders, seed 003 cl. 4, 14).
   * @throws BadInput on an invalid URL, events or key (nothing is sent); Conflict when the key was used with
   * another body; the transport's errors.
   */
  async createWebhookSubscription(
    callbackUrl: string,
    events: readonly NobdWebhookEvent[],
    idempotencyKey: string,
  ): Promise<NobdSubscription> {
    const operation = 'createWebhookSubscription';
    check.text(operation, 'callbackUrl', callbackUrl, 2048);
    if (!/^https?:\/\/[^\s]+$/.test(callbackUrl) || !URL.canParse(callbackUrl)) {
      throw check.fail(operation, 'callbackUrl must be an absolute http(s) URL');
    }
    check.array(operation, 'events', events, 1, 10);
    events.forEach((e, i) => check.oneOf(operation, `events[${i}]`, e, WEBHOOK_EVENTS));
    if (new Set(events).size !== events.length) throw check.fail(operation, 'events must not repeat');
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<NobdCreateWebhookSubscriptionResponse>({
      operationId: operation,
      method: 'POST',
      path: '/webhook-subscriptions',
      body: { callbackUrl, events: [...events] },
      idempotencyKey,
    });
    return toNobdSubscription(res.data);
  }

  /**
   * Stops the webhook deliveries of a subscription; deleting it again is fine.
   * @throws BadInput on an invalid id or key (nothing is sent); NotFound when NOBD never had it; the
   * transport's errors.
   */
  async deleteWebhookSubscription(subscriptionId: string, idempotencyKey: string): Promise<void> {
    const operation = 'deleteWebhookSubscription';
    check.text(operation, 'subscriptionId', subscriptionId, 40, {
      pattern: SUBSCRIPTION_ID,
      rule: 'sub- and 26 characters',
    });
    check.idempotencyKey(operation, idempotencyKey);
    await this.http.request({
      operationId: operation,
      method: 'DELETE',
      path: '/webhook-subscriptions/{subscriptionId}',
      pathParams: { subscriptionId },
      idempotencyKey,
    });
  }
}

function checkRegion(operation: string, region: unknown): void {
  if (region !== undefined)
    check.text(operation, 'region', region, 2, { pattern: REGION, rule: 'a two-digit KATO prefix' });
}

function checkSchoolFilter(operation: string, filter: NobdSchoolFilter & PageRequest): void {
  check.object(operation, 'filter', filter);
  checkRegion(operation, filter.region);
  check.page(operation, filter);
}

function checkPupilFilter(operation: string, filter: NobdPupilFilter & PageRequest): void {
  check.object(operation, 'filter', filter);
  checkRegion(operation, filter.region);
  if (filter.schoolId !== undefined) check.text(operation, 'schoolId', filter.schoolId, 40);
  if (filter.mealStatus !== undefined)
    check.oneOf(operation, 'mealStatus', filter.mealStatus, NOBD_MEAL_STATUSES);
  if (filter.changedSince !== undefined) check.dateTime(operation, 'changedSince', filter.changedSince);
  check.page(operation, filter);
}

function checkOrderFilter(operation: string, date: string, filter: NobdOrderFilter & PageRequest): void {
  check.date(operation, 'date', date);
  check.object(operation, 'filter', filter);
  if (filter.status !== undefined) check.oneOf(operation, 'status', filter.status, NOBD_ORDER_STATUSES);
  check.page(operation, filter);
}

function checkChangeFilter(operation: string, filter: NobdChangeFilter & PageRequest): void {
  check.object(operation, 'filter', filter);
  if (filter.since !== undefined) check.date(operation, 'since', filter.since);
  if (filter.type !== undefined) check.oneOf(operation, 'type', filter.type, NOBD_CHANGE_TYPES);
  check.page(operation, filter);
}

function checkServiceStatusBatch(operation: string, batch: NobdServiceStatusBatch): void {
  check.object(operation, 'batch', batch);
  check.text(operation, 'batchId', batch.batchId, 100);
  check.text(operation, 'schoolYear', batch.schoolYear, 9, { pattern: SCHOOL_YEAR, rule: 'like 2025-2026' });
  check.array(operation, 'statuses', batch.statuses, 1, 5000);
  batch.statuses.forEach((s, i) => {
    const at = `statuses[${i}]`;
    check.object(operation, at, s);
    check.iin(operation, `${at}.pupilIin`, s.pupilIin);
    if (s.recipientIin !== undefined) check.iin(operation, `${at}.recipientIin`, s.recipientIin);
    check.oneOf(operation, `${at}.status`, s.status, NOBD_SERVICE_STATUS_VALUES);
    check.dateTime(operation, `${at}.statusAt`, s.statusAt);
    if (s.voucherId !== undefined) {
      check.text(operation, `${at}.voucherId`, s.voucherId, 30, {
        pattern: VOUCHER_ID,
        rule: 'a Wallet voucher id',
      });
    }
  });
}

function checkWalletReportPart(operation: string, part: NobdWalletReportPart): void {
  check.object(operation, 'part', part);
  check.date(operation, 'reportDate', part.reportDate);
  check.int(operation, 'partsTotal', part.partsTotal, 1, 10_000);
  check.int(operation, 'part', part.part, 1, part.partsTotal);
  check.array(operation, 'activations', part.activations, 0, 5000);
  check.array(operation, 'meals', part.meals, 0, 5000);
  part.activations.forEach((a, i) => {
    const at = `activations[${i}]`;
    check.object(operation, at, a);
    check.text(operation, `${at}.voucherId`, a.voucherId, 30, {
      pattern: VOUCHER_ID,
      rule: 'a Wallet voucher id',
    });
    check.iin(operation, `${at}.pupilIin`, a.pupilIin);
    if (a.parentIin !== undefined) check.iin(operation, `${at}.parentIin`, a.parentIin);
    check.text(operation, `${at}.schoolId`, a.schoolId, 40);
    check.dateTime(operation, `${at}.activatedAt`, a.activatedAt);
  });
  part.meals.forEach((m, i) => {
    const at = `meals[${i}]`;
    check.object(operation, at, m);
    check.text(operation, `${at}.redemptionId`, m.redemptionId, 30, {
      pattern: REDEMPTION_ID,
      rule: 'a Wallet redemption id',
    });
    check.text(operation, `${at}.voucherId`, m.voucherId, 30, {
      pattern: VOUCHER_ID,
      rule: 'a Wallet voucher id',
    });
    check.iin(operation, `${at}.pupilIin`, m.pupilIin);
    check.text(operation, `${at}.schoolId`, m.schoolId, 40);
    check.oneOf(operation, `${at}.mealType`, m.mealType, ['breakfast', 'lunch', 'snack']);
    check.oneOf(operation, `${at}.method`, m.method, ['qr', 'id-card', 'other']);
    check.dateTime(operation, `${at}.servedAt`, m.servedAt);
  });
}
