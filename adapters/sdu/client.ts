import { isValidBin } from '../../src/domain/bin';
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
  SDU_MEAL_CATEGORY_CODES,
  SDU_REPRESENTATIVE_ROLES,
  SDU_SERVICE_CODES,
  SDU_SERVICE_STATUS_CODES,
  toSduGasChangePage,
  toSduGasRecipientPage,
  toSduJournalReportWire,
  toSduMealChangePage,
  toSduMealPupilPage,
  toSduRecipientList,
  toSduReportBatch,
  toSduServiceStatusReportWire,
  type SduGasChange,
  type SduGasChangePage,
  type SduGasChangePageWire,
  type SduGasRecipient,
  type SduGasRecipientPage,
  type SduGasRecipientPageWire,
  type SduJournalEntry,
  type SduMealCategoryCode,
  type SduMealChange,
  type SduMealChangePage,
  type SduMealChangePageWire,
  type SduMealPupil,
  type SduMealPupilPage,
  type SduMealPupilPageWire,
  type SduRecipientList,
  type SduRecipientListWire,
  type SduReportBatch,
  type SduReportBatchWire,
  type SduServiceCode,
  type SduServiceStatus,
} from './mapping';

/** The system id of SDU: its folder under contracts/ and the `system` of its errors and log lines. */
export const SDU_SYSTEM = 'sdu';

/** The contract's `maxItems` of a report batch; longer reports are refused, the caller splits them (one key each). */
export const SDU_REPORT_BATCH = 1000;

/** Configuration of {@link SduClient}: the transport's, without `system`. */
export type SduClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What an {@link SduClient} can be given instead of building its transport from the configuration. */
export type SduClientDeps = ClientDeps;

/**
 * The `code` of a 422 from `reportJournalEntries` / `reportServiceStatuses` (BusinessRuleViolation.problemCode):
 * an item refers to a person or pupil who is not in that month's list.
 */
export type SduReportRuleCode = 'NOT_IN_LIST';

/** Filter of the recipients and pupils of a list. */
export interface SduListFilter {
  /** The version to read; the latest when absent (a cursor pins the version of its first page). */
  readonly version?: number;
  /** A region by its KATO prefix (`79` Shymkent, `27` West Kazakhstan). */
  readonly region?: string;
}

/** Filter of {@link SduClient.listSchoolMealPupils}. */
export interface SduMealPupilFilter extends SduListFilter {
  readonly schoolBin?: string;
  readonly category?: SduMealCategoryCode;
}

/** Filter of the changes of a list: after the version the caller holds, or after an instant. */
export interface SduChangeFilter {
  readonly sinceVersion?: number;
  /** RFC 3339 with offset. */
  readonly updatedSince?: string;
}

const REGION = /^[0-9]{2}$/;
const BATCH_ID = /^[A-Za-z0-9._-]+$/;

const check = new InputChecks(SDU_SYSTEM);

/**
 * Client of SDU (Smart Data Ukimet, with the Digital Family Card): the monthly lists of potential recipients that
 * the e-Gov portal's consent campaigns run on — gas vouchers (seed 000 cl. 11–12, 17–18; seed 001) and school
 * meals (seed 002 Annex 1 cl. 4–6) — and the portal's reports back: journal entries (no phone in MAB, seed 000
 * cl. 15, seed 002 Annex 1 cl. 8) and service statuses (Annex 1 cl. 12), which SDU passes on to NOBD.
 */
export class SduClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: SduClientConfig, deps: SduClientDeps = {}) {
    this.http = transportFor(SDU_SYSTEM, config, deps);
  }

  /**
   * The header of the month's gas-voucher list (version, status, until when it may change), or null when SDU has
   * not yet formed it: an answer (the campaign waits), said by SDU with a problem+json 404.
   * @throws BadInput on an invalid month (nothing is sent); NotFound on a bare 404; ContractViolation when SDU
   * answers about another month or service; the transport's errors.
   */
  getGasVoucherList(month: string): Promise<SduRecipientList | null> {
    return this.getList('getGasVoucherList', '/gas-voucher-lists/{month}', 'gas-voucher', month);
  }

  /**
   * One page of the potential recipients of the month's gas-voucher list, at one version.
   * @throws BadInput on invalid arguments (nothing is sent) or a cursor SDU refuses (400); NotFound when the month
   * has no list (check {@link getGasVoucherList} first); ContractViolation when SDU answers about another month;
   * the transport's errors.
   */
  async listGasVoucherRecipients(
    month: string,
    filter: SduListFilter & PageRequest = {},
  ): Promise<SduGasRecipientPage> {
    const operation = 'listGasVoucherRecipients';
    checkListFilter(operation, month, filter);
    const res = await this.http.request<SduGasRecipientPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/gas-voucher-lists/{month}/recipients',
      pathParams: { month },
      query: { version: filter.version, region: filter.region, cursor: filter.cursor, limit: filter.limit },
    });
    if (res.data.month !== month) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/month');
    return toSduGasRecipientPage(res.data);
  }

  /**
   * Every potential recipient of the month's list, page after page, at the version of the first page:
   * `for await (const r of sdu.gasVoucherRecipients('2025-09')) ask(r)`.
   * @throws BadInput at once on invalid arguments; while iterating, the errors of {@link listGasVoucherRecipients}.
   */
  gasVoucherRecipients(
    month: string,
    filter: SduListFilter & PageRequest = {},
  ): AsyncGenerator<SduGasRecipient, void, undefined> {
    const operation = 'listGasVoucherRecipients';
    checkListFilter(operation, month, filter);
    return allItems(
      SDU_SYSTEM,
      operation,
      (cursor) => this.listGasVoucherRecipients(month, { ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One page of the updates of the month's gas-voucher list after a version or an instant, oldest first: who was
   * added (they get the first SMS, seed 000 cl. 18), removed or corrected. `currentVersion` is the version the
   * caller holds once it has read every page.
   * @throws as {@link listGasVoucherRecipients}.
   */
  async listGasVoucherListChanges(
    month: string,
    filter: SduChangeFilter & PageRequest = {},
  ): Promise<SduGasChangePage> {
    const operation = 'listGasVoucherListChanges';
    checkChangeFilter(operation, month, filter);
    const res = await this.http.request<SduGasChangePageWire>({
      operationId: operation,
      method: 'GET',
      path: '/gas-voucher-lists/{month}/changes',
      pathParams: { month },
      query: changeQuery(filter),
    });
    if (res.data.month !== month) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/month');
    return toSduGasChangePage(res.data);
  }

  /**
   * Every change of the month's gas-voucher list after the filter, page after page:
   * `for await (const c of sdu.gasVoucherListChanges('2025-09', { sinceVersion: 2 }))`.
   * @throws BadInput at once on invalid arguments; while iterating, the errors of {@link listGasVoucherListChanges}.
   */
  gasVoucherListChanges(
    month: string,
    filter: SduChangeFilter & PageRequest = {},
  ): AsyncGenerator<SduGasChange, void, undefined> {
    const operation = 'listGasVoucherListChanges';
    checkChangeFilter(operation, month, filter);
    return allItems(
      SDU_SYSTEM,
      operation,
      (cursor) => this.listGasVoucherListChanges(month, { ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * The header of the month's school-meals list (version, school year, date of the NOBD data), or null when SDU
   * has not yet formed it (a problem+json 404).
   * @throws as {@link getGasVoucherList}.
   */
  getSchoolMealList(month: string): Promise<SduRecipientList | null> {
    return this.getList('getSchoolMealList', '/school-meal-lists/{month}', 'school-meals', month);
  }

  /**
   * One page of the pupils of the month's meals list, each with the parents and representatives to ask, in the
   * order to ask them (seed 002 Annex 1 cl. 6, 9).
   * @throws as {@link listGasVoucherRecipients}.
   */
  async listSchoolMealPupils(
    month: string,
    filter: SduMealPupilFilter & PageRequest = {},
  ): Promise<SduMealPupilPage> {
    const operation = 'listSchoolMealPupils';
    checkMealPupilFilter(operation, month, filter);
    const res = await this.http.request<SduMealPupilPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/school-meal-lists/{month}/pupils',
      pathParams: { month },
      query: {
        version: filter.version,
        region: filter.region,
        schoolBin: filter.schoolBin,
        category: filter.category,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    if (res.data.month !== month) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/month');
    return toSduMealPupilPage(res.data);
  }

  /**
   * Every pupil of the month's meals list, page after page: `for await (const p of sdu.schoolMealPupils('2025-09'))`.
   * @throws BadInput at once on invalid arguments; while iterating, the errors of {@link listSchoolMealPupils}.
   */
  schoolMealPupils(
    month: string,
    filter: SduMealPupilFilter & PageRequest = {},
  ): AsyncGenerator<SduMealPupil, void, undefined> {
    const operation = 'listSchoolMealPupils';
    checkMealPupilFilter(operation, month, filter);
    return allItems(
      SDU_SYSTEM,
      operation,
      (cursor) => this.listSchoolMealPupils(month, { ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * One page of the updates of the month's meals list after a version or an instant: pupils added, removed or
   * corrected.
   * @throws as {@link listGasVoucherRecipients}.
   */
  async listSchoolMealListChanges(
    month: string,
    filter: SduChangeFilter & PageRequest = {},
  ): Promise<SduMealChangePage> {
    const operation = 'listSchoolMealListChanges';
    checkChangeFilter(operation, month, filter);
    const res = await this.http.request<SduMealChangePageWire>({
      operationId: operation,
      method: 'GET',
      path: '/school-meal-lists/{month}/changes',
      pathParams: { month },
      query: changeQuery(filter),
    });
    if (res.data.month !== month) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/month');
    return toSduMealChangePage(res.data);
  }

  /**
   * Every change of the month's meals list after the filter, page after page.
   * @throws BadInput at once on invalid arguments; while iterating, the errors of {@link listSchoolMealListChanges}.
   */
  schoolMealListChanges(
    month: string,
    filter: SduChangeFilter & PageRequest = {},
  ): AsyncGenerator<SduMealChange, void, undefined> {
    const operation = 'listSchoolMealListChanges';
    checkChangeFilter(operation, month, filter);
    return allItems(
      SDU_SYSTEM,
      operation,
      (cursor) => this.listSchoolMealListChanges(month, { ...filter, cursor }),
      filter.cursor,
    );
  }

  /**
   * Reports the portal's journal entries: potential recipients without a phone in MAB, for whom the process
   * ended (seed 000 cl. 15; seed 002 Annex 1 cl. 8, passed on to NOBD). At most {@link SDU_REPORT_BATCH} entries
   * per call (split longer reports, one idempotency key per batch). Entries already received count as duplicates.
   * @throws BadInput on invalid entries or key (nothing is sent; the message names the field, e.g.
   * `entries[2].subjectIin`); BusinessRuleViolation with `problemCode` an {@link SduReportRuleCode}; Conflict
   * when the key was used with another batch; the transport's errors.
   */
  async reportJournalEntries(
    entries: readonly SduJournalEntry[],
    idempotencyKey: string,
  ): Promise<SduReportBatch> {
    const operation = 'reportJournalEntries';
    checkJournalEntries(operation, entries);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<SduReportBatchWire>({
      operationId: operation,
      method: 'POST',
      path: '/journal-entries',
      body: toSduJournalReportWire(entries),
      idempotencyKey,
    });
    if (res.data.kind !== 'journal-entries') throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/kind');
    return toSduReportBatch(res.data);
  }

  /**
   * Reports the statuses of the service for each pupil and representative (seed 002 Annex 1 cl. 12; SDU passes
   * the meals statuses on to NOBD). At most {@link SDU_REPORT_BATCH} statuses per call.
   * @throws as {@link reportJournalEntries} (fields named `statuses[i].…`).
   */
  async reportServiceStatuses(
    statuses: readonly SduServiceStatus[],
    idempotencyKey: string,
  ): Promise<SduReportBatch> {
    const operation = 'reportServiceStatuses';
    checkServiceStatuses(operation, statuses);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<SduReportBatchWire>({
      operationId: operation,
      method: 'POST',
      path: '/service-statuses',
      body: toSduServiceStatusReportWire(statuses),
      idempotencyKey,
    });
    if (res.data.kind !== 'service-statuses')
      throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/kind');
    return toSduReportBatch(res.data);
  }

  /**
   * A report batch as SDU holds it: accepted, duplicates, and its forwarding to NOBD with the items NOBD refused.
   * The id comes from SDU's own answer, so an unknown id is not an answer.
   * @throws BadInput on an invalid id (nothing is sent); NotFound when SDU has no such batch; ContractViolation
   * when SDU answers about another batch; the transport's errors.
   */
  async getReportBatch(batchId: string): Promise<SduReportBatch> {
    const operation = 'getReportBatch';
    check.text(operation, 'batchId', batchId, 64, {
      pattern: BATCH_ID,
      rule: 'letters, digits, ".", "_" or "-"',
    });
    const res = await this.http.request<SduReportBatchWire>({
      operationId: operation,
      method: 'GET',
      path: '/report-batches/{batchId}',
      pathParams: { batchId },
    });
    if (res.data.batchId !== batchId) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/batchId');
    return toSduReportBatch(res.data);
  }

  private async getList(
    operation: string,
    path: string,
    service: SduServiceCode,
    month: string,
  ): Promise<SduRecipientList | null> {
    check.month(operation, 'month', month);
    try {
      const res = await this.http.request<SduRecipientListWire>({
        operationId: operation,
        method: 'GET',
        path,
        pathParams: { month },
      });
      if (res.data.month !== month) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/month');
      if (res.data.service !== service) throw otherRecord(SDU_SYSTEM, operation, res.requestId, '/service');
      return toSduRecipientList(res.data);
    } catch (err) {
      if (isSystemNotFound(err)) return null;
      throw err;
    }
  }
}

function changeQuery(filter: SduChangeFilter & PageRequest) {
  return {
    sinceVersion: filter.sinceVersion,
    updatedSince: filter.updatedSince,
    cursor: filter.cursor,
    limit: filter.limit,
  };
}

function checkBin(operation: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || !isValidBin(value)) {
    throw check.fail(operation, `${field} is not a valid BIN (12 digits, a correct check digit)`);
  }
}

function checkListFilter(operation: string, month: string, filter: SduListFilter & PageRequest): void {
  check.month(operation, 'month', month);
  check.object(operation, 'filter', filter);
  if (filter.version !== undefined)
    check.int(operation, 'version', filter.version, 1, Number.MAX_SAFE_INTEGER);
  if (filter.region !== undefined)
    check.text(operation, 'region', filter.region, 2, { pattern: REGION, rule: 'a two-digit KATO prefix' });
  check.page(operation, filter);
}

function checkMealPupilFilter(
  operation: string,
  month: string,
  filter: SduMealPupilFilter & PageRequest,
): void {
  checkListFilter(operation, month, filter);
  if (filter.schoolBin !== undefined) checkBin(operation, 'schoolBin', filter.schoolBin);
  if (filter.category !== undefined)
    check.oneOf(operation, 'category', filter.category, SDU_MEAL_CATEGORY_CODES);
}

function checkChangeFilter(operation: string, month: string, filter: SduChangeFilter & PageRequest): void {
  check.month(operation, 'month', month);
  check.object(operation, 'filter', filter);
  if (filter.sinceVersion !== undefined)
    check.int(operation, 'sinceVersion', filter.sinceVersion, 0, Number.MAX_SAFE_INTEGER);
  if (filter.updatedSince !== undefined) check.dateTime(operation, 'updatedSince', filter.updatedSince);
  check.page(operation, filter);
}

function checkJournalEntries(operation: string, entries: readonly SduJournalEntry[]): void {
  check.array(operation, 'entries', entries, 1, SDU_REPORT_BATCH);
  entries.forEach((e, i) => {
    const at = `entries[${i}]`;
    check.object(operation, at, e);
    check.text(operation, `${at}.entryId`, e.entryId, 64);
    check.oneOf(operation, `${at}.service`, e.service, SDU_SERVICE_CODES);
    check.month(operation, `${at}.month`, e.month);
    check.oneOf(operation, `${at}.event`, e.event, ['no-phone']);
    check.iin(operation, `${at}.subjectIin`, e.subjectIin);
    if (e.pupilIin !== undefined) check.iin(operation, `${at}.pupilIin`, e.pupilIin);
    if (e.schoolBin !== undefined) checkBin(operation, `${at}.schoolBin`, e.schoolBin);
    check.dateTime(operation, `${at}.recordedAt`, e.recordedAt);
    if (e.listVersion !== undefined)
      check.int(operation, `${at}.listVersion`, e.listVersion, 1, Number.MAX_SAFE_INTEGER);
  });
}

function checkServiceStatuses(operation: string, statuses: readonly SduServiceStatus[]): void {
  check.array(operation, 'statuses', statuses, 1, SDU_REPORT_BATCH);
  statuses.forEach((s, i) => {
    const at = `statuses[${i}]`;
    check.object(operation, at, s);
    check.text(operation, `${at}.statusId`, s.statusId, 64);
    check.oneOf(operation, `${at}.service`, s.service, SDU_SERVICE_CODES);
    check.month(operation, `${at}.month`, s.month);
    if (s.pupilIin !== undefined) check.iin(operation, `${at}.pupilIin`, s.pupilIin);
    check.iin(operation, `${at}.recipientIin`, s.recipientIin);
    if (s.recipientRole !== undefined)
      check.oneOf(operation, `${at}.recipientRole`, s.recipientRole, SDU_REPRESENTATIVE_ROLES);
    if (s.schoolBin !== undefined) checkBin(operation, `${at}.schoolBin`, s.schoolBin);
    check.oneOf(operation, `${at}.status`, s.status, SDU_SERVICE_STATUS_CODES);
    check.dateTime(operation, `${at}.statusAt`, s.statusAt);
  });
}
