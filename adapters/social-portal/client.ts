import { isValidBin } from '../../src/domain/bin';
import { isKzMobilePhone, normalizeKzPhone } from '../../src/domain/phone';
import { type HttpTransport, type HttpTransportConfig } from '../transport';
import {
  InputChecks,
  allItems,
  otherRecord,
  transportFor,
  type ClientDeps,
  type PageRequest,
} from '../transport/support';
import {
  SOCIAL_PORTAL_DIRECTIONS,
  SOCIAL_PORTAL_EXECUTION_STAGES,
  SOCIAL_PORTAL_MEASURE_KINDS,
  SOCIAL_PORTAL_MEASURE_STATUS_CODES,
  SOCIAL_PORTAL_MEASURE_UNITS,
  SOCIAL_PORTAL_OTHER_MEANS_METHODS,
  SOCIAL_PORTAL_SUPPLIER_KINDS,
  SOCIAL_PORTAL_SUPPLIER_STATUSES,
  SOCIAL_PORTAL_WITHDRAWAL_REASONS,
  toSocialPortalExecutionPage,
  toSocialPortalIprMeasure,
  toSocialPortalIprMeasurePage,
  toSocialPortalMeasureSubmissionWire,
  toSocialPortalNotification,
  toSocialPortalNotificationPage,
  toSocialPortalOffer,
  toSocialPortalOfferPage,
  toSocialPortalReactivationRequest,
  toSocialPortalSupplier,
  toSocialPortalSupplierPage,
  type SocialPortalCodedValue,
  type SocialPortalDirection,
  type SocialPortalExecution,
  type SocialPortalExecutionPageWire,
  type SocialPortalExecutionStage,
  type SocialPortalIprMeasure,
  type SocialPortalIprMeasurePageWire,
  type SocialPortalIprMeasureWire,
  type SocialPortalLocalExecutiveBody,
  type SocialPortalMeasureStatusCode,
  type SocialPortalMeasureSubmission,
  type SocialPortalNotification,
  type SocialPortalNotificationPageWire,
  type SocialPortalNotificationWire,
  type SocialPortalOffer,
  type SocialPortalOfferPageWire,
  type SocialPortalOfferWire,
  type SocialPortalOtherMeansNotification,
  type SocialPortalPage,
  type SocialPortalPersonName,
  type SocialPortalReactivation,
  type SocialPortalReactivationRequest,
  type SocialPortalReactivationRequestInput,
  type SocialPortalReactivationRequestWire,
  type SocialPortalSupplier,
  type SocialPortalSupplierChoice,
  type SocialPortalSupplierKind,
  type SocialPortalSupplierPageWire,
  type SocialPortalSupplierStatus,
  type SocialPortalSupplierWire,
  type SocialPortalWithdrawal,
} from './mapping';

/** The system id of the Social Services Portal: its folder under contracts/ and the `system` of its errors. */
export const SOCIAL_PORTAL_SYSTEM = 'social-portal';

/** Configuration of {@link SocialPortalClient}: the transport's, without `system`. */
export type SocialPortalClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link SocialPortalClient} can be given instead of building its transport from the configuration. */
export type SocialPortalClientDeps = ClientDeps;

/** Codes of a refused `receiveIprMeasure` (BusinessRuleViolation.problemCode). */
export type SocialPortalReceiveRuleCode = 'DEADLINE_BEFORE_IPR_DATE' | 'ITEM_NOT_OF_MEASURE_KIND';
/** Code of a refused `reactivateIprMeasure` or `requestReactivation`: the measure is not blocked (cl. 10). */
export type SocialPortalReactivationRuleCode = 'MEASURE_NOT_BLOCKED';
/** Code of a refused `withdrawIprMeasure`. */
export type SocialPortalWithdrawalRuleCode = 'MEASURE_ALREADY_EXECUTED';
/** Code of a refused `recordNotificationByOtherMeans`: the measure is not awaiting a notification. */
export type SocialPortalNotificationRuleCode = 'ALREADY_NOTIFIED';
/** Codes of a refused `chooseSupplier` (cl. 8, 10). */
export type SocialPortalChoiceRuleCode = 'CHOICE_BLOCKED' | 'OFFER_MISMATCH';

/** What `receiveIprMeasure` answers: the measure, and whether the portal already had it (200) or not (201). */
export interface SocialPortalReceipt {
  readonly measure: SocialPortalIprMeasure;
  readonly alreadyReceived: boolean;
}

/** What `requestReactivation` answers: the request, and whether one was already pending (200). */
export interface SocialPortalReactivationReceipt {
  readonly request: SocialPortalReactivationRequest;
  readonly alreadyPending: boolean;
}

/** Filter of {@link SocialPortalClient.listIprMeasures}. */
export interface SocialPortalMeasureFilter {
  readonly personIin?: string;
  readonly status?: SocialPortalMeasureStatusCode;
  /** RFC 3339 with offset: only measures changed after it, to reconcile. */
  readonly updatedSince?: string;
}

/** Filter of {@link SocialPortalClient.listExecutions}. */
export interface SocialPortalExecutionFilter {
  readonly updatedSince?: string;
  readonly personIin?: string;
  readonly measureId?: string;
  readonly stage?: SocialPortalExecutionStage;
}

/** Filter of {@link SocialPortalClient.listSuppliers}. */
export interface SocialPortalSupplierFilter {
  readonly kind?: SocialPortalSupplierKind;
  readonly direction?: SocialPortalDirection;
  /** KATO prefix, two digits. */
  readonly region?: string;
  readonly status?: SocialPortalSupplierStatus;
}

/** Filter of {@link SocialPortalClient.listOffers}. */
export interface SocialPortalOfferFilter {
  readonly direction?: SocialPortalDirection;
  readonly itemCode?: string;
  readonly region?: string;
  readonly supplierId?: string;
}

const ID = /^[A-Za-z0-9._-]+$/;
const REGION = /^[0-9]{2}$/;

const check = new InputChecks(SOCIAL_PORTAL_SYSTEM);

/**
 * Client of the Social Services Portal (Әлеуметтік көрсетілетін қызметтер порталы / Портал социальных услуг,
 * aleumet.egov.kz; seed 004): E-Sobes sends the measures of a person's IPR (cl. 9), records a notification by other
 * means, sends a reactivated measure back (cl. 10), withdraws measures, and reads statuses, notifications and
 * executions (cl. 11); the personal cabinet chooses suppliers and asks for reactivation; suppliers and offers are
 * readable (cl. 12–13).
 */
export class SocialPortalClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: SocialPortalClientConfig, deps: SocialPortalClientDeps = {}) {
    this.http = transportFor(SOCIAL_PORTAL_SYSTEM, config, deps);
  }

  /**
   * Sends one measure of a person's IPR (seed 004 cl. 9); the portal then sends the sign-in SMS or waits for the
   * local executive body's notification. Sending the same measure again answers it with `alreadyReceived`.
   * @throws BadInput on an invalid submission or key (nothing is sent; the field is named, never its value);
   * BusinessRuleViolation with `problemCode` a {@link SocialPortalReceiveRuleCode}; Conflict when the key or the
   * measure id was used with other content; ContractViolation when the portal answers about another measure; the
   * transport's errors.
   */
  async receiveIprMeasure(
    submission: SocialPortalMeasureSubmission,
    idempotencyKey: string,
  ): Promise<SocialPortalReceipt> {
    const operation = 'receiveIprMeasure';
    checkSubmission(operation, submission);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<SocialPortalIprMeasureWire>({
      operationId: operation,
      method: 'POST',
      path: '/ipr-measures',
      body: toSocialPortalMeasureSubmissionWire(submission),
      idempotencyKey,
    });
    this.sameMeasure(operation, res.requestId, res.data.measureId, submission.measureId);
    return { measure: toSocialPortalIprMeasure(res.data), alreadyReceived: res.status === 200 };
  }

  /**
   * One page of measures with their status, oldest change first, by person, status or last change.
   * @throws BadInput on an invalid filter or page (nothing is sent) or one the portal refuses (400); the
   * transport's errors.
   */
  async listIprMeasures(
    filter: SocialPortalMeasureFilter & PageRequest = {},
  ): Promise<SocialPortalPage<SocialPortalIprMeasure>> {
    const operation = 'listIprMeasures';
    checkMeasureFilter(operation, filter);
    const res = await this.http.request<SocialPortalIprMeasurePageWire>({
      operationId: operation,
      method: 'GET',
      path: '/ipr-measures',
      query: {
        personIin: filter.personIin,
        status: filter.status,
        updatedSince: filter.updatedSince,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toSocialPortalIprMeasurePage(res.data);
  }

  /**
   * Every measure of the filter, page after page: `for await (const m of portal.iprMeasures({ updatedSince }))`.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listIprMeasures}.
   */
  iprMeasures(
    filter: SocialPortalMeasureFilter & PageRequest = {},
  ): AsyncGenerator<SocialPortalIprMeasure, void, undefined> {
    const operation = 'listIprMeasures';
    checkMeasureFilter(operation, filter);
    return allItems(
      SOCIAL_PORTAL_SYSTEM,
      operation,
      (cursor) => this.listIprMeasures({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * A measure with its status, choice window, chosen supplier and history (cl. 7, 10). Its id is E-Sobes' own,
   * so an unknown id is thrown, not read as an answer.
   * @throws BadInput on an invalid id (nothing is sent); NotFound; ContractViolation when the portal answers with
   * another measure; the transport's errors.
   */
  async getIprMeasure(measureId: string): Promise<SocialPortalIprMeasure> {
    const operation = 'getIprMeasure';
    checkId(operation, 'measureId', measureId, 40);
    const res = await this.http.request<SocialPortalIprMeasureWire>({
      operationId: operation,
      method: 'GET',
      path: '/ipr-measures/{measureId}',
      pathParams: { measureId },
    });
    this.sameMeasure(operation, res.requestId, res.data.measureId, measureId);
    return toSocialPortalIprMeasure(res.data);
  }

  /**
   * Sends a measure back after E-Sobes reactivated it at the person's request, for supplier choice in the general
   * queue (seed 004 cl. 10); the portal notifies the person again.
   * @throws BadInput on invalid arguments (nothing is sent); NotFound; BusinessRuleViolation
   * `MEASURE_NOT_BLOCKED` ({@link SocialPortalReactivationRuleCode}); Conflict; ContractViolation when the portal
   * answers about another measure; the transport's errors.
   */
  async reactivateIprMeasure(
    measureId: string,
    reactivation: SocialPortalReactivation,
    idempotencyKey: string,
  ): Promise<SocialPortalIprMeasure> {
    const operation = 'reactivateIprMeasure';
    checkId(operation, 'measureId', measureId, 40);
    check.object(operation, 'reactivation', reactivation);
    check.text(operation, 'reactivationRequestId', reactivation.reactivationRequestId, 64);
    check.dateTime(operation, 'reactivatedAt', reactivation.reactivatedAt);
    if (reactivation.deadline !== undefined) check.date(operation, 'deadline', reactivation.deadline);
    if (reactivation.queuePosition !== undefined)
      check.int(operation, 'queuePosition', reactivation.queuePosition, 1, Number.MAX_SAFE_INTEGER);
    if (reactivation.choiceDeadline !== undefined)
      check.date(operation, 'choiceDeadline', reactivation.choiceDeadline);
    if (reactivation.esobesRequestId !== undefined)
      check.text(operation, 'esobesRequestId', reactivation.esobesRequestId, 64);
    check.idempotencyKey(operation, idempotencyKey);
    return this.measureAction(
      operation,
      '/ipr-measures/{measureId}/reactivation',
      measureId,
      { ...reactivation },
      idempotencyKey,
    );
  }

  /**
   * Withdraws a measure that no longer applies (IPR revised, person deceased, provided otherwise, …); the person can
   * no longer choose a supplier for it. Withdrawing it again returns it unchanged.
   * @throws BadInput on invalid arguments (nothing is sent); NotFound; BusinessRuleViolation
   * `MEASURE_ALREADY_EXECUTED` ({@link SocialPortalWithdrawalRuleCode}); Conflict; ContractViolation; the
   * transport's errors.
   */
  async withdrawIprMeasure(
    measureId: string,
    withdrawal: SocialPortalWithdrawal,
    idempotencyKey: string,
  ): Promise<SocialPortalIprMeasure> {
    const operation = 'withdrawIprMeasure';
    checkId(operation, 'measureId', measureId, 40);
    check.object(operation, 'withdrawal', withdrawal);
    check.oneOf(operation, 'reason', withdrawal.reason, SOCIAL_PORTAL_WITHDRAWAL_REASONS);
    check.dateTime(operation, 'withdrawnAt', withdrawal.withdrawnAt);
    if (withdrawal.comment !== undefined)
      check.text(operation, 'comment', withdrawal.comment, 500, { min: 0 });
    check.idempotencyKey(operation, idempotencyKey);
    return this.measureAction(
      operation,
      '/ipr-measures/{measureId}/withdrawal',
      measureId,
      { ...withdrawal },
      idempotencyKey,
    );
  }

  /**
   * One page of the notices about a measure, oldest first: the sign-in SMS (cl. 9), the blocking SMS (cl. 10),
   * the notice after reactivation, a notification by other means, with delivery status.
   * @throws BadInput on invalid arguments (nothing is sent); NotFound for an unknown measure; the transport's
   * errors.
   */
  async listMeasureNotifications(
    measureId: string,
    page: PageRequest = {},
  ): Promise<SocialPortalPage<SocialPortalNotification>> {
    const operation = 'listMeasureNotifications';
    checkId(operation, 'measureId', measureId, 40);
    check.page(operation, page);
    const res = await this.http.request<SocialPortalNotificationPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/ipr-measures/{measureId}/notifications',
      pathParams: { measureId },
      query: { cursor: page.cursor, limit: page.limit },
    });
    return toSocialPortalNotificationPage(res.data);
  }

  /**
   * Every notice about a measure, page after page: `for await (const n of portal.measureNotifications(id))`.
   * @throws BadInput at once on invalid arguments; while iterating, the errors of {@link listMeasureNotifications}.
   */
  measureNotifications(
    measureId: string,
    page: PageRequest = {},
  ): AsyncGenerator<SocialPortalNotification, void, undefined> {
    const operation = 'listMeasureNotifications';
    checkId(operation, 'measureId', measureId, 40);
    check.page(operation, page);
    return allItems(
      SOCIAL_PORTAL_SYSTEM,
      operation,
      (cursor) => this.listMeasureNotifications(measureId, { ...page, cursor }),
      page.cursor,
    );
  }

  /**
   * Records that the local executive body notified a person without a MAB phone by other means (seed 004 cl. 9);
   * it starts the two-month choice window (cl. 10).
   * @throws BadInput on invalid arguments (nothing is sent); NotFound; BusinessRuleViolation `ALREADY_NOTIFIED`
   * ({@link SocialPortalNotificationRuleCode}); Conflict; ContractViolation when the portal answers about another
   * measure; the transport's errors.
   */
  async recordNotificationByOtherMeans(
    measureId: string,
    notification: SocialPortalOtherMeansNotification,
    idempotencyKey: string,
  ): Promise<SocialPortalNotification> {
    const operation = 'recordNotificationByOtherMeans';
    checkId(operation, 'measureId', measureId, 40);
    check.object(operation, 'notification', notification);
    check.oneOf(operation, 'method', notification.method, SOCIAL_PORTAL_OTHER_MEANS_METHODS);
    check.dateTime(operation, 'notifiedAt', notification.notifiedAt);
    checkBody(operation, 'notifiedBy', notification.notifiedBy);
    if (notification.documentRef !== undefined)
      check.text(operation, 'documentRef', notification.documentRef, 64);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<SocialPortalNotificationWire>({
      operationId: operation,
      method: 'POST',
      path: '/ipr-measures/{measureId}/notifications',
      pathParams: { measureId },
      body: { ...notification, notifiedBy: { ...notification.notifiedBy } },
      idempotencyKey,
    });
    this.sameMeasure(operation, res.requestId, res.data.measureId, measureId);
    return toSocialPortalNotification(res.data);
  }

  /**
   * The person (or representative) chooses an offer for the measure and signs the order with EDS in the personal
   * cabinet (seed 004 cl. 8), within two months of the notification (cl. 10).
   * @throws BadInput on invalid arguments (nothing is sent); NotFound; BusinessRuleViolation with `problemCode` a
   * {@link SocialPortalChoiceRuleCode}; Conflict; ContractViolation; the transport's errors.
   */
  async chooseSupplier(
    measureId: string,
    choice: SocialPortalSupplierChoice,
    idempotencyKey: string,
  ): Promise<SocialPortalIprMeasure> {
    const operation = 'chooseSupplier';
    checkId(operation, 'measureId', measureId, 40);
    check.object(operation, 'choice', choice);
    checkId(operation, 'offerId', choice.offerId, 64);
    check.dateTime(operation, 'chosenAt', choice.chosenAt);
    check.iin(operation, 'signedByIin', choice.signedByIin);
    check.text(operation, 'signatureId', choice.signatureId, 128);
    check.idempotencyKey(operation, idempotencyKey);
    return this.measureAction(
      operation,
      '/ipr-measures/{measureId}/supplier-choice',
      measureId,
      { ...choice },
      idempotencyKey,
    );
  }

  /**
   * The person presses "activate supplier choice" on a blocked measure (seed 004 cl. 10); the portal passes the
   * request to E-Sobes. Pressing again while a request is pending answers it with `alreadyPending`.
   * @throws BadInput on invalid arguments (nothing is sent); NotFound; BusinessRuleViolation `MEASURE_NOT_BLOCKED`;
   * Conflict; ContractViolation when the portal answers about another measure; the transport's errors.
   */
  async requestReactivation(
    measureId: string,
    request: SocialPortalReactivationRequestInput,
    idempotencyKey: string,
  ): Promise<SocialPortalReactivationReceipt> {
    const operation = 'requestReactivation';
    checkId(operation, 'measureId', measureId, 40);
    check.object(operation, 'request', request);
    check.iin(operation, 'requestedByIin', request.requestedByIin);
    check.dateTime(operation, 'requestedAt', request.requestedAt);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<SocialPortalReactivationRequestWire>({
      operationId: operation,
      method: 'POST',
      path: '/ipr-measures/{measureId}/reactivation-requests',
      pathParams: { measureId },
      body: { requestedByIin: request.requestedByIin, requestedAt: request.requestedAt },
      idempotencyKey,
    });
    this.sameMeasure(operation, res.requestId, res.data.measureId, measureId);
    return { request: toSocialPortalReactivationRequest(res.data), alreadyPending: res.status === 200 };
  }

  /**
   * One page of the records of execution of measures (seed 004 cl. 11), oldest change first; E-Sobes reconciles
   * with `updatedSince`.
   * @throws BadInput on an invalid filter or page (nothing is sent) or one the portal refuses (400); the
   * transport's errors.
   */
  async listExecutions(
    filter: SocialPortalExecutionFilter & PageRequest = {},
  ): Promise<SocialPortalPage<SocialPortalExecution>> {
    const operation = 'listExecutions';
    checkExecutionFilter(operation, filter);
    const res = await this.http.request<SocialPortalExecutionPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/executions',
      query: {
        updatedSince: filter.updatedSince,
        personIin: filter.personIin,
        measureId: filter.measureId,
        stage: filter.stage,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toSocialPortalExecutionPage(res.data);
  }

  /**
   * Every execution record of the filter, page after page: `for await (const e of portal.executions({ updatedSince }))`.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listExecutions}.
   */
  executions(
    filter: SocialPortalExecutionFilter & PageRequest = {},
  ): AsyncGenerator<SocialPortalExecution, void, undefined> {
    const operation = 'listExecutions';
    checkExecutionFilter(operation, filter);
    return allItems(
      SOCIAL_PORTAL_SYSTEM,
      operation,
      (cursor) => this.listExecutions({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One page of the suppliers registered on the portal (cl. 12–13).
   * @throws BadInput on an invalid filter or page; the transport's errors.
   */
  async listSuppliers(
    filter: SocialPortalSupplierFilter & PageRequest = {},
  ): Promise<SocialPortalPage<SocialPortalSupplier>> {
    const operation = 'listSuppliers';
    checkSupplierFilter(operation, filter);
    const res = await this.http.request<SocialPortalSupplierPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/suppliers',
      query: {
        kind: filter.kind,
        direction: filter.direction,
        region: filter.region,
        status: filter.status,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toSocialPortalSupplierPage(res.data);
  }

  /**
   * Every supplier of the filter, page after page.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listSuppliers}.
   */
  suppliers(
    filter: SocialPortalSupplierFilter & PageRequest = {},
  ): AsyncGenerator<SocialPortalSupplier, void, undefined> {
    const operation = 'listSuppliers';
    checkSupplierFilter(operation, filter);
    return allItems(
      SOCIAL_PORTAL_SYSTEM,
      operation,
      (cursor) => this.listSuppliers({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One supplier with the data of its kind (cl. 12).
   * @throws BadInput on an invalid id (nothing is sent); NotFound; ContractViolation when the portal answers with
   * another supplier; the transport's errors.
   */
  async getSupplier(supplierId: string): Promise<SocialPortalSupplier> {
    const operation = 'getSupplier';
    checkId(operation, 'supplierId', supplierId, 64);
    const res = await this.http.request<SocialPortalSupplierWire>({
      operationId: operation,
      method: 'GET',
      path: '/suppliers/{supplierId}',
      pathParams: { supplierId },
    });
    if (res.data.supplierId !== supplierId) {
      throw otherRecord(SOCIAL_PORTAL_SYSTEM, operation, res.requestId, '/supplierId');
    }
    return toSocialPortalSupplier(res.data);
  }

  /**
   * One page of the offers participants see in "Help for you" (cl. 8, 13), prices in tiyn.
   * @throws BadInput on an invalid filter or page; the transport's errors.
   */
  async listOffers(
    filter: SocialPortalOfferFilter & PageRequest = {},
  ): Promise<SocialPortalPage<SocialPortalOffer>> {
    const operation = 'listOffers';
    checkOfferFilter(operation, filter);
    const res = await this.http.request<SocialPortalOfferPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/offers',
      query: {
        direction: filter.direction,
        itemCode: filter.itemCode,
        region: filter.region,
        supplierId: filter.supplierId,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toSocialPortalOfferPage(res.data);
  }

  /**
   * Every offer of the filter, page after page.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of {@link listOffers}.
   */
  offers(
    filter: SocialPortalOfferFilter & PageRequest = {},
  ): AsyncGenerator<SocialPortalOffer, void, undefined> {
    const operation = 'listOffers';
    checkOfferFilter(operation, filter);
    return allItems(
      SOCIAL_PORTAL_SYSTEM,
      operation,
      (cursor) => this.listOffers({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One offer with its characteristics, documents and involved persons (cl. 13).
   * @throws BadInput on an invalid id (nothing is sent); NotFound; ContractViolation when the portal answers with
   * another offer; the transport's errors.
   */
  async getOffer(offerId: string): Promise<SocialPortalOffer> {
    const operation = 'getOffer';
    checkId(operation, 'offerId', offerId, 64);
    const res = await this.http.request<SocialPortalOfferWire>({
      operationId: operation,
      method: 'GET',
      path: '/offers/{offerId}',
      pathParams: { offerId },
    });
    if (res.data.offerId !== offerId)
      throw otherRecord(SOCIAL_PORTAL_SYSTEM, operation, res.requestId, '/offerId');
    return toSocialPortalOffer(res.data);
  }

  private async measureAction(
    operation: string,
    path: string,
    measureId: string,
    body: object,
    idempotencyKey: string,
  ): Promise<SocialPortalIprMeasure> {
    const res = await this.http.request<SocialPortalIprMeasureWire>({
      operationId: operation,
      method: 'POST',
      path,
      pathParams: { measureId },
      body,
      idempotencyKey,
    });
    this.sameMeasure(operation, res.requestId, res.data.measureId, measureId);
    return toSocialPortalIprMeasure(res.data);
  }

  private sameMeasure(operation: string, requestId: string, answered: string, asked: string): void {
    if (answered !== asked) throw otherRecord(SOCIAL_PORTAL_SYSTEM, operation, requestId, '/measureId');
  }
}

function checkId(operation: string, field: string, value: unknown, max: number): void {
  check.text(operation, field, value, max, { pattern: ID, rule: 'letters, digits, ".", "_" or "-"' });
}

function checkRegion(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 2, { pattern: REGION, rule: 'a two-digit KATO prefix' });
}

function checkName(operation: string, field: string, name: SocialPortalPersonName): void {
  check.object(operation, field, name);
  check.text(operation, `${field}.lastName`, name.lastName, 100);
  check.text(operation, `${field}.firstName`, name.firstName, 100);
  if (name.middleName !== undefined)
    check.text(operation, `${field}.middleName`, name.middleName, 100, { min: 0 });
}

function checkCoded(operation: string, field: string, value: SocialPortalCodedValue): void {
  check.object(operation, field, value);
  check.text(operation, `${field}.code`, value.code, 32);
  check.text(operation, `${field}.nameKz`, value.nameKz, 300);
  check.text(operation, `${field}.nameRu`, value.nameRu, 300);
}

function checkPhone(operation: string, field: string, phone: unknown): void {
  if (phone === undefined || phone === null) return;
  if (typeof phone !== 'string' || !isKzMobilePhone(phone) || normalizeKzPhone(phone) !== phone) {
    throw check.fail(operation, `${field} must be a Kazakh mobile phone written +77XXXXXXXXX, or null`);
  }
}

function checkBody(operation: string, field: string, body: SocialPortalLocalExecutiveBody): void {
  check.object(operation, field, body);
  if (typeof body.bin !== 'string' || !isValidBin(body.bin))
    throw check.fail(operation, `${field}.bin is not a valid BIN`);
  check.text(operation, `${field}.nameKz`, body.nameKz, 300);
  check.text(operation, `${field}.nameRu`, body.nameRu, 300);
  if (body.regionCode !== undefined) checkRegion(operation, `${field}.regionCode`, body.regionCode);
}

function checkSubmission(operation: string, s: SocialPortalMeasureSubmission): void {
  check.object(operation, 'submission', s);
  checkId(operation, 'measureId', s.measureId, 40);
  check.text(operation, 'iprNumber', s.iprNumber, 32);
  check.date(operation, 'iprDate', s.iprDate);
  check.date(operation, 'deadline', s.deadline);
  const p = s.person;
  check.object(operation, 'person', p);
  check.iin(operation, 'person.iin', p.iin);
  checkName(operation, 'person.name', p.name);
  check.date(operation, 'person.birthDate', p.birthDate);
  check.oneOf(operation, 'person.gender', p.gender, ['male', 'female']);
  if (p.registrationAddress !== undefined && p.registrationAddress !== null)
    check.text(operation, 'person.registrationAddress', p.registrationAddress, 500, { min: 0 });
  checkPhone(operation, 'person.phone', p.phone);
  if (p.identityDocument !== undefined) {
    const d = p.identityDocument;
    check.object(operation, 'person.identityDocument', d);
    checkCoded(operation, 'person.identityDocument.type', d.type);
    check.text(operation, 'person.identityDocument.number', d.number, 20);
    check.text(operation, 'person.identityDocument.issuer', d.issuer, 200);
    check.date(operation, 'person.identityDocument.issueDate', d.issueDate);
    check.date(operation, 'person.identityDocument.expiryDate', d.expiryDate);
  }
  const rep = s.legalRepresentative;
  if (rep !== undefined && rep !== null) {
    check.object(operation, 'legalRepresentative', rep);
    check.iin(operation, 'legalRepresentative.iin', rep.iin);
    checkName(operation, 'legalRepresentative.name', rep.name);
    check.oneOf(operation, 'legalRepresentative.role', rep.role, ['guardian', 'trustee', 'parent']);
    checkPhone(operation, 'legalRepresentative.phone', rep.phone);
  }
  check.object(operation, 'disability', s.disability);
  checkCoded(operation, 'disability.group', s.disability.group);
  if (s.disability.establishedUntil !== undefined && s.disability.establishedUntil !== null)
    check.date(operation, 'disability.establishedUntil', s.disability.establishedUntil);
  const m = s.measure;
  check.object(operation, 'measure', m);
  check.oneOf(operation, 'measure.kind', m.kind, SOCIAL_PORTAL_MEASURE_KINDS);
  checkCoded(operation, 'measure.item', m.item);
  check.int(operation, 'measure.quantity', m.quantity, 1, Number.MAX_SAFE_INTEGER);
  check.oneOf(operation, 'measure.unit', m.unit, SOCIAL_PORTAL_MEASURE_UNITS);
  if (m.guaranteedAmount !== undefined && m.guaranteedAmount !== null)
    check.int(operation, 'measure.guaranteedAmount', m.guaranteedAmount, 0, Number.MAX_SAFE_INTEGER);
  checkBody(operation, 'localExecutiveBody', s.localExecutiveBody);
  check.dateTime(operation, 'sentAt', s.sentAt);
}

function checkMeasureFilter(operation: string, f: SocialPortalMeasureFilter & PageRequest): void {
  check.object(operation, 'filter', f);
  if (f.personIin !== undefined) check.iin(operation, 'personIin', f.personIin);
  if (f.status !== undefined) check.oneOf(operation, 'status', f.status, SOCIAL_PORTAL_MEASURE_STATUS_CODES);
  if (f.updatedSince !== undefined) check.dateTime(operation, 'updatedSince', f.updatedSince);
  check.page(operation, f);
}

function checkExecutionFilter(operation: string, f: SocialPortalExecutionFilter & PageRequest): void {
  check.object(operation, 'filter', f);
  if (f.updatedSince !== undefined) check.dateTime(operation, 'updatedSince', f.updatedSince);
  if (f.personIin !== undefined) check.iin(operation, 'personIin', f.personIin);
  if (f.measureId !== undefined) checkId(operation, 'measureId', f.measureId, 40);
  if (f.stage !== undefined) check.oneOf(operation, 'stage', f.stage, SOCIAL_PORTAL_EXECUTION_STAGES);
  check.page(operation, f);
}

function checkSupplierFilter(operation: string, f: SocialPortalSupplierFilter & PageRequest): void {
  check.object(operation, 'filter', f);
  if (f.kind !== undefined) check.oneOf(operation, 'kind', f.kind, SOCIAL_PORTAL_SUPPLIER_KINDS);
  if (f.direction !== undefined) check.oneOf(operation, 'direction', f.direction, SOCIAL_PORTAL_DIRECTIONS);
  if (f.region !== undefined) checkRegion(operation, 'region', f.region);
  if (f.status !== undefined) check.oneOf(operation, 'status', f.status, SOCIAL_PORTAL_SUPPLIER_STATUSES);
  check.page(operation, f);
}

function checkOfferFilter(operation: string, f: SocialPortalOfferFilter & PageRequest): void {
  check.object(operation, 'filter', f);
  if (f.direction !== undefined) check.oneOf(operation, 'direction', f.direction, SOCIAL_PORTAL_DIRECTIONS);
  if (f.itemCode !== undefined) check.text(operation, 'itemCode', f.itemCode, 32);
  if (f.region !== undefined) checkRegion(operation, 'region', f.region);
  if (f.supplierId !== undefined) checkId(operation, 'supplierId', f.supplierId, 64);
  check.page(operation, f);
}
