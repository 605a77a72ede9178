import { isValidBin } from '../../src/domain/bin';
import { isValidKzIban } from '../../src/domain/iban';
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
  ESOBES_APPLICATION_STATUSES,
  ESOBES_EXECUTION_STAGES,
  toEsobesApplication,
  toEsobesApplicationPage,
  toEsobesCreateApplicationWire,
  toEsobesExecutionRecorded,
  toEsobesExecutionReportWire,
  toEsobesIprMeasure,
  toEsobesPaymentStopWire,
  toEsobesReactivationRequest,
  type EsobesApplication,
  type EsobesApplicationPageWire,
  type EsobesApplicationRequest,
  type EsobesApplicationStatus,
  type EsobesApplicationWire,
  type EsobesCodedValue,
  type EsobesExecutionRecorded,
  type EsobesExecutionRecordedWire,
  type EsobesExecutionReport,
  type EsobesIprMeasure,
  type EsobesIprMeasureWire,
  type EsobesPage,
  type EsobesPaymentStopRequest,
  type EsobesPersonName,
  type EsobesReactivationRequest,
  type EsobesReactivationRequestInput,
  type EsobesReactivationRequestWire,
} from './mapping';

/** The system id of E-Sobes: its folder under contracts/ and the `system` of its errors and log lines. */
export const ESOBES_SYSTEM = 'esobes';

/** Configuration of {@link EsobesClient}: the transport's, without `system`. */
export type EsobesClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What an {@link EsobesClient} can be given instead of building its transport from the configuration. */
export type EsobesClientDeps = ClientDeps;

/** Filter of {@link EsobesClient.listHomeSchoolingApplications}. */
export interface EsobesApplicationFilter {
  readonly childIin?: string;
  readonly representativeIin?: string;
  readonly status?: EsobesApplicationStatus;
}

const APPLICATION_ID = /^app-[0-9A-Z]{26}$/;
const REQUEST_ID = /^rr-[0-9A-Z]{26}$/;
const SMS_REPLY_ID = /^in-[0-9A-Z]{26}$/;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const BANK_CODE = /^[0-9]{3}$/;

const check = new InputChecks(ESOBES_SYSTEM);

/**
 * Client of E-Sobes (Е-Собес ААЖ / АИС «Е-Собес», Ministry of Labour and Social Protection): the home-schooling
 * compensation applications that E-Sobes' own proactive flow creates, reads and stops (seed 003 cl. 6, 12–14),
 * and the IPR measures whose reactivation and execution the Social Services Portal reports (seed 004 cl. 10–11).
 */
export class EsobesClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: EsobesClientConfig, deps: EsobesClientDeps = {}) {
    this.http = transportFor(ESOBES_SYSTEM, config, deps);
  }

  /**
   * Forms the electronic application with the account the representative chose (seed 003 cl. 12), carrying what
   * the flow established (cl. 4–11). Retried safely under `idempotencyKey`.
   * @throws BadInput on an invalid request or key (nothing is sent; the field is named, never its value);
   * BusinessRuleViolation with `problemCode` an {@link EsobesApplicationRuleCode} (e.g. `APPLICATION_ALREADY_EXISTS`,
   * cl. 6); Conflict when the key was used with another request; ContractViolation when E-Sobes answers about
   * another child; the transport's errors.
   */
  async createHomeSchoolingApplication(
    request: EsobesApplicationRequest,
    idempotencyKey: string,
  ): Promise<EsobesApplication> {
    const operation = 'createHomeSchoolingApplication';
    checkApplicationRequest(operation, request);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<EsobesApplicationWire>({
      operationId: operation,
      method: 'POST',
      path: '/home-schooling/applications',
      body: toEsobesCreateApplicationWire(request),
      idempotencyKey,
    });
    if (res.data.childIin !== request.child.iin) {
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/childIin');
    }
    return toEsobesApplication(res.data);
  }

  /**
   * One page of applications, newest first, by child, representative or state: whether an application for the
   * service already exists (seed 003 cl. 6).
   * @throws BadInput on an invalid filter or page (nothing is sent) or one E-Sobes refuses (400); the transport's
   * errors.
   */
  async listHomeSchoolingApplications(
    filter: EsobesApplicationFilter & PageRequest = {},
  ): Promise<EsobesPage<EsobesApplication>> {
    const operation = 'listHomeSchoolingApplications';
    checkApplicationFilter(operation, filter);
    const res = await this.http.request<EsobesApplicationPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/home-schooling/applications',
      query: {
        childIin: filter.childIin,
        representativeIin: filter.representativeIin,
        status: filter.status,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toEsobesApplicationPage(res.data);
  }

  /**
   * Every application of the filter, page after page:
   * `for await (const a of esobes.homeSchoolingApplications({ childIin }))`.
   * @throws BadInput at once on an invalid filter; while iterating, the errors of
   * {@link listHomeSchoolingApplications}.
   */
  homeSchoolingApplications(
    filter: EsobesApplicationFilter & PageRequest = {},
  ): AsyncGenerator<EsobesApplication, void, undefined> {
    const operation = 'listHomeSchoolingApplications';
    checkApplicationFilter(operation, filter);
    return allItems(
      ESOBES_SYSTEM,
      operation,
      (cursor) => this.listHomeSchoolingApplications({ ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * An application with its state and, once made, the decision (`assigned` → SMS form 5, seed 003 cl. 13). The id
   * comes from E-Sobes' own answer, so an unknown id is not an answer.
   * @throws BadInput on an invalid id (nothing is sent); NotFound; ContractViolation when E-Sobes answers with
   * another application; the transport's errors.
   */
  async getHomeSchoolingApplication(applicationId: string): Promise<EsobesApplication> {
    const operation = 'getHomeSchoolingApplication';
    checkApplicationId(operation, applicationId);
    const res = await this.http.request<EsobesApplicationWire>({
      operationId: operation,
      method: 'GET',
      path: '/home-schooling/applications/{applicationId}',
      pathParams: { applicationId },
    });
    if (res.data.applicationId !== applicationId) {
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/applicationId');
    }
    return toEsobesApplication(res.data);
  }

  /**
   * Stops the payments of an application because NOBD reported that the child is no longer home-schooled (seed
   * 003 cl. 14): from the month after `schoolingEndedOn`; an undecided application is closed as refused; an
   * application already stopped is returned unchanged.
   * @throws BadInput on invalid arguments (nothing is sent); NotFound; BusinessRuleViolation `NOTHING_TO_STOP`
   * (an {@link EsobesPaymentStopRuleCode}) for a refused application; Conflict when the key was used with another
   * body; ContractViolation when E-Sobes answers with another application; the transport's errors.
   */
  async stopHomeSchoolingPayments(
    applicationId: string,
    stop: EsobesPaymentStopRequest,
    idempotencyKey: string,
  ): Promise<EsobesApplication> {
    const operation = 'stopHomeSchoolingPayments';
    checkApplicationId(operation, applicationId);
    check.object(operation, 'stop', stop);
    check.date(operation, 'schoolingEndedOn', stop.schoolingEndedOn);
    check.text(operation, 'nobdOrderId', stop.nobdOrderId, 60);
    if (stop.nobdChangeId !== undefined) check.text(operation, 'nobdChangeId', stop.nobdChangeId, 60);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<EsobesApplicationWire>({
      operationId: operation,
      method: 'POST',
      path: '/home-schooling/applications/{applicationId}/payment-stop',
      pathParams: { applicationId },
      body: toEsobesPaymentStopWire(stop),
      idempotencyKey,
    });
    if (res.data.applicationId !== applicationId) {
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/applicationId');
    }
    return toEsobesApplication(res.data);
  }

  /**
   * An IPR measure as E-Sobes sent it to the portal, with its supplier-choice window (seed 004 cl. 9–10). The id
   * comes from the measure E-Sobes sent, so an unknown id is not an answer.
   * @throws BadInput on an invalid id (nothing is sent); NotFound; ContractViolation when E-Sobes answers with
   * another measure; the transport's errors.
   */
  async getIprMeasure(measureId: string): Promise<EsobesIprMeasure> {
    const operation = 'getIprMeasure';
    check.text(operation, 'measureId', measureId, 40);
    const res = await this.http.request<EsobesIprMeasureWire>({
      operationId: operation,
      method: 'GET',
      path: '/ipr/measures/{measureId}',
      pathParams: { measureId },
    });
    if (res.data.measureId !== measureId)
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/measureId');
    return toEsobesIprMeasure(res.data);
  }

  /**
   * Passes on the person's request to reactivate supplier choice after it was blocked two months after
   * notification (seed 004 cl. 10); E-Sobes reactivates the measure and queues it for the portal.
   * @throws BadInput on invalid arguments (nothing is sent); NotFound for an unknown measure;
   * BusinessRuleViolation with `problemCode` an {@link EsobesReactivationRuleCode}; Conflict when the key was used
   * with another body; ContractViolation when E-Sobes answers about another measure; the transport's errors.
   */
  async requestIprMeasureReactivation(
    measureId: string,
    request: EsobesReactivationRequestInput,
    idempotencyKey: string,
  ): Promise<EsobesReactivationRequest> {
    const operation = 'requestIprMeasureReactivation';
    check.text(operation, 'measureId', measureId, 40);
    check.object(operation, 'request', request);
    check.iin(operation, 'personIin', request.personIin);
    check.text(operation, 'portalRequestId', request.portalRequestId, 100);
    check.dateTime(operation, 'requestedAt', request.requestedAt);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<EsobesReactivationRequestWire>({
      operationId: operation,
      method: 'POST',
      path: '/ipr/measures/{measureId}/reactivation-requests',
      pathParams: { measureId },
      body: {
        personIin: request.personIin,
        portalRequestId: request.portalRequestId,
        requestedAt: request.requestedAt,
      },
      idempotencyKey,
    });
    if (res.data.measureId !== measureId)
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/measureId');
    return toEsobesReactivationRequest(res.data);
  }

  /**
   * The state of a reactivation request (seed 004 cl. 10).
   * @throws BadInput on an invalid id (nothing is sent); NotFound; ContractViolation when E-Sobes answers with
   * another request; the transport's errors.
   */
  async getIprReactivationRequest(requestId: string): Promise<EsobesReactivationRequest> {
    const operation = 'getIprReactivationRequest';
    check.text(operation, 'requestId', requestId, 29, { pattern: REQUEST_ID, rule: 'rr- and 26 characters' });
    const res = await this.http.request<EsobesReactivationRequestWire>({
      operationId: operation,
      method: 'GET',
      path: '/ipr/reactivation-requests/{requestId}',
      pathParams: { requestId },
    });
    if (res.data.requestId !== requestId)
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/requestId');
    return toEsobesReactivationRequest(res.data);
  }

  /**
   * Reports a stage of the execution of a measure — supplier chosen, delivered, executed, cancelled by the person —
   * which E-Sobes records in the IPR automatically (seed 004 cl. 11).
   * @throws BadInput on invalid arguments (nothing is sent); NotFound for an unknown measure;
   * BusinessRuleViolation with `problemCode` an {@link EsobesExecutionRuleCode}; Conflict when the key was used
   * with another body; ContractViolation when E-Sobes answers about another measure; the transport's errors.
   */
  async reportIprMeasureExecution(
    measureId: string,
    report: EsobesExecutionReport,
    idempotencyKey: string,
  ): Promise<EsobesExecutionRecorded> {
    const operation = 'reportIprMeasureExecution';
    check.text(operation, 'measureId', measureId, 40);
    checkExecutionReport(operation, report);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<EsobesExecutionRecordedWire>({
      operationId: operation,
      method: 'POST',
      path: '/ipr/measures/{measureId}/executions',
      pathParams: { measureId },
      body: toEsobesExecutionReportWire(report),
      idempotencyKey,
    });
    if (res.data.measureId !== measureId)
      throw otherRecord(ESOBES_SYSTEM, operation, res.requestId, '/measureId');
    return toEsobesExecutionRecorded(res.data);
  }
}

function checkApplicationId(operation: string, applicationId: unknown): void {
  check.text(operation, 'applicationId', applicationId, 30, {
    pattern: APPLICATION_ID,
    rule: 'app- and 26 characters',
  });
}

function checkApplicationFilter(operation: string, filter: EsobesApplicationFilter & PageRequest): void {
  check.object(operation, 'filter', filter);
  if (filter.childIin !== undefined) check.iin(operation, 'childIin', filter.childIin);
  if (filter.representativeIin !== undefined)
    check.iin(operation, 'representativeIin', filter.representativeIin);
  if (filter.status !== undefined)
    check.oneOf(operation, 'status', filter.status, ESOBES_APPLICATION_STATUSES);
  check.page(operation, filter);
}

function checkName(operation: string, field: string, name: EsobesPersonName): void {
  check.object(operation, field, name);
  check.text(operation, `${field}.lastName`, name.lastName, 100);
  check.text(operation, `${field}.firstName`, name.firstName, 100);
  if (name.middleName !== undefined)
    check.text(operation, `${field}.middleName`, name.middleName, 100, { min: 0 });
}

function checkCoded(operation: string, field: string, value: EsobesCodedValue): void {
  check.object(operation, field, value);
  check.text(operation, `${field}.code`, value.code, 50);
  check.text(operation, `${field}.nameKz`, value.nameKz, 500);
  check.text(operation, `${field}.nameRu`, value.nameRu, 500);
}

function checkApplicationRequest(operation: string, r: EsobesApplicationRequest): void {
  check.object(operation, 'request', r);
  check.text(operation, 'caseRef', r.caseRef, 200);
  check.object(operation, 'child', r.child);
  check.iin(operation, 'child.iin', r.child.iin);
  checkName(operation, 'child.name', r.child.name);
  check.date(operation, 'child.birthDate', r.child.birthDate);
  const rep = r.representative;
  check.object(operation, 'representative', rep);
  check.iin(operation, 'representative.iin', rep.iin);
  checkName(operation, 'representative.name', rep.name);
  check.date(operation, 'representative.birthDate', rep.birthDate);
  checkCoded(operation, 'representative.relation', rep.relation);
  check.oneOf(operation, 'representative.source', rep.source, ['gbdfl', 'nobd']);
  if (
    typeof rep.phone !== 'string' ||
    !isKzMobilePhone(rep.phone) ||
    normalizeKzPhone(rep.phone) !== rep.phone
  ) {
    throw check.fail(operation, 'representative.phone must be a Kazakh mobile phone written +77XXXXXXXXX');
  }
  const o = r.nobdOrder;
  check.object(operation, 'nobdOrder', o);
  check.text(operation, 'nobdOrder.orderId', o.orderId, 60);
  check.text(operation, 'nobdOrder.orderNumber', o.orderNumber, 40);
  check.date(operation, 'nobdOrder.orderDate', o.orderDate);
  check.date(operation, 'nobdOrder.periodFrom', o.periodFrom);
  check.date(operation, 'nobdOrder.periodTo', o.periodTo);
  check.text(operation, 'nobdOrder.vkkConclusionNumber', o.vkkConclusionNumber, 40);
  check.date(operation, 'nobdOrder.vkkConclusionDate', o.vkkConclusionDate);
  check.object(operation, 'disability', r.disability);
  checkCoded(operation, 'disability.category', r.disability.category);
  if (r.disability.validUntil !== undefined)
    check.date(operation, 'disability.validUntil', r.disability.validUntil);
  const a = r.account;
  check.object(operation, 'account', a);
  if (typeof a.iban !== 'string' || !isValidKzIban(a.iban)) {
    throw check.fail(operation, 'account.iban is not a valid KZ IBAN (20 characters, mod 97)');
  }
  check.text(operation, 'account.bankCode', a.bankCode, 3, { pattern: BANK_CODE, rule: 'three digits' });
  if (a.iban.slice(4, 7) !== a.bankCode)
    throw check.fail(operation, 'account.bankCode is not the bank of account.iban');
  check.text(operation, 'account.bic', a.bic, 11, { pattern: BIC, rule: 'a BIC (SWIFT code)' });
  check.text(operation, 'account.bankNameKz', a.bankNameKz, 200);
  check.text(operation, 'account.bankNameRu', a.bankNameRu, 200);
  check.oneOf(operation, 'account.source', a.source, [
    'single-bank',
    'chosen-from-list',
    'opened-after-form-3',
  ]);
  const c = r.consent;
  check.object(operation, 'consent', c);
  check.oneOf(operation, 'consent.form', c.form, ['form-1', 'form-2']);
  check.text(operation, 'consent.replyText', c.replyText, 100);
  if (c.smsReplyId !== undefined)
    check.text(operation, 'consent.smsReplyId', c.smsReplyId, 29, {
      pattern: SMS_REPLY_ID,
      rule: 'in- and 26 characters',
    });
  check.dateTime(operation, 'consent.receivedAt', c.receivedAt);
}

function checkExecutionReport(operation: string, r: EsobesExecutionReport): void {
  check.object(operation, 'report', r);
  check.iin(operation, 'personIin', r.personIin);
  check.text(operation, 'portalExecutionId', r.portalExecutionId, 100);
  check.oneOf(operation, 'stage', r.stage, ESOBES_EXECUTION_STAGES);
  check.dateTime(operation, 'at', r.at);
  if (r.supplier !== undefined) {
    const s = r.supplier;
    check.object(operation, 'supplier', s);
    check.oneOf(operation, 'supplier.type', s.type, [
      'legal-entity',
      'sole-proprietor',
      'personal-assistant',
    ]);
    if (s.bin !== undefined && (typeof s.bin !== 'string' || !isValidBin(s.bin))) {
      throw check.fail(operation, 'supplier.bin is not a valid BIN');
    }
    if (s.iin !== undefined) check.iin(operation, 'supplier.iin', s.iin);
    if (s.type === 'legal-entity' ? s.bin === undefined : s.iin === undefined) {
      throw check.fail(
        operation,
        'supplier needs a bin (legal entity) or an iin (sole proprietor, personal assistant)',
      );
    }
    check.text(operation, 'supplier.name', s.name, 300);
  }
  if (r.orderNumber !== undefined) check.text(operation, 'orderNumber', r.orderNumber, 60);
  if (r.quantity !== undefined) check.int(operation, 'quantity', r.quantity, 1, Number.MAX_SAFE_INTEGER);
  if (r.amount !== undefined) check.int(operation, 'amount', r.amount, 0, Number.MAX_SAFE_INTEGER);
  if (r.comment !== undefined) check.text(operation, 'comment', r.comment, 1000, { min: 0 });
}
