import { isValidBin } from '../../src/domain/bin';
import { isCalendarDate } from '../../src/domain/calendar';
import { isValidIin } from '../../src/domain/iin';
import { normalizeKzPhone } from '../../src/domain/phone';
import {
  BadInput,
  ContractViolation,
  type HttpTransport,
  type HttpTransportConfig,
  type Logger,
} from '../transport';
import { transportFor } from '../transport/support';
import {
  EOTINISH_ANSWER_CHANNELS,
  EOTINISH_APPLICANT_ROLES,
  EOTINISH_ATTACHMENT_MEDIA_TYPES,
  EOTINISH_LANGUAGES,
  EOTINISH_STATUS_CODES,
  EOTINISH_TOPICS,
  toComplaintRequest,
  toEotinishComplaint,
  toEotinishComplaintPage,
  toListComplaintsQuery,
  toWithdrawalRequest,
  type EotinishComplaint,
  type EotinishComplaintFilter,
  type EotinishComplaintPage,
  type EotinishComplaintPageWire,
  type EotinishComplaintToFile,
  type EotinishComplaintWire,
  type EotinishOrganisation,
  type EotinishPersonName,
  type EotinishWithdrawal,
} from './mapping';

/** The system id of e-Otinish: its folder under contracts/ and the `system` of its errors and log lines. */
export const EOTINISH_SYSTEM = 'eotinish';

/**
 * The `code` of a 422 from `fileComplaint` (a BusinessRuleViolation's `problemCode`): `SCHOOL_NOT_ROUTED` (no
 * authorised body is registered for the school's region: file again with an `addressee`) or
 * `APPLICANT_NOT_REPRESENTATIVE` (the applicant is not a legal representative of the pupil).
 */
export type EotinishFileRuleCode = 'SCHOOL_NOT_ROUTED' | 'APPLICANT_NOT_REPRESENTATIVE';

/**
 * The `code` of a 422 from `withdrawComplaint`: the complaint was answered or left without consideration
 * (nothing left to withdraw), or the IIN is not the complaint's applicant.
 */
export type EotinishWithdrawRuleCode =
  'COMPLAINT_ALREADY_ANSWERED' | 'COMPLAINT_LEFT_WITHOUT_CONSIDERATION' | 'NOT_COMPLAINT_APPLICANT';

/** Configuration of {@link EotinishClient}: the transport's, without `system`. */
export type EotinishClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What an {@link EotinishClient} can be given instead of building it from the configuration. */
export interface EotinishClientDeps {
  /** A transport to use (its system must be `eotinish`); the configuration is then not used. */
  readonly http?: HttpTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

const COMPLAINT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Client of e-Otinish (ИС «e-Otinish», the state system for appeals): the Social Wallet files a parent's complaint
 * about the service in the school canteen, with their rating, to the authorised body (seed 002 Annex 2 cl. 12),
 * follows its status, lists a parent's complaints and withdraws one at the parent's request.
 */
export class EotinishClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: EotinishClientConfig, deps: EotinishClientDeps = {}) {
    this.http = transportFor(EOTINISH_SYSTEM, config, deps);
  }

  /**
   * Files a complaint on the parent's behalf; e-Otinish registers it, routes it to the authorised body and sets
   * the answer deadline. `idempotencyKey` comes from the caller's case and step: a repeat with the same key and
   * complaint returns the first answer, so the call is retried safely and a resumed run never files twice.
   * @throws BadInput when an argument is invalid (nothing is sent; the message names the field, not its value);
   * BusinessRuleViolation with `problemCode` an {@link EotinishFileRuleCode}; Conflict (the key or the
   * `sourceRef` was used with another complaint); ContractViolation when the answer is about another complaint,
   * applicant or pupil; the transport's errors.
   */
  async fileComplaint(
    complaint: EotinishComplaintToFile,
    idempotencyKey: string,
  ): Promise<EotinishComplaint> {
    const operation = 'fileComplaint';
    const phone = checkComplaint(complaint, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<EotinishComplaintWire>({
      operationId: operation,
      method: 'POST',
      path: '/complaints',
      body: toComplaintRequest(complaint, phone),
      idempotencyKey,
    });
    const w = res.data;
    if (w.sourceRef !== complaint.sourceRef)
      throw mismatch(operation, res.requestId, '/sourceRef', 'the sourceRef filed');
    if (w.applicantIin !== complaint.applicantIin)
      throw mismatch(operation, res.requestId, '/applicantIin', 'the applicant filed for');
    if (w.pupilIin !== complaint.pupilIin)
      throw mismatch(operation, res.requestId, '/pupilIin', 'the pupil filed for');
    return toEotinishComplaint(w);
  }

  /**
   * A complaint with its status, addressee, deadline, history and, once answered, the answer (for a Wallet that
   * missed a `complaintStatusChanged` webhook). A complaint id comes from `fileComplaint` or a list, so an
   * unknown one is not a domain answer: it is thrown as NotFound.
   * @throws BadInput when `complaintId` is malformed (nothing is sent); NotFound; ContractViolation when the
   * answer is about another complaint; the transport's errors.
   */
  async getComplaint(complaintId: string): Promise<EotinishComplaint> {
    const operation = 'getComplaint';
    checkComplaintId(complaintId, operation);
    const res = await this.http.request<EotinishComplaintWire>({
      operationId: operation,
      method: 'GET',
      path: '/complaints/{complaintId}',
      pathParams: { complaintId },
    });
    if (res.data.complaintId !== complaintId)
      throw mismatch(operation, res.requestId, '/complaintId', 'the complaint asked for');
    return toEotinishComplaint(res.data);
  }

  /**
   * The complaints the Wallet filed, filtered by applicant, pupil, school, status or the Wallet's reference,
   * newest first, one page at a time (page on with `nextCursor`).
   * @throws BadInput when a filter value is invalid (nothing is sent) or e-Otinish refuses it (400, e.g. a stale
   * cursor); the transport's errors.
   */
  async listComplaints(filter: EotinishComplaintFilter = {}): Promise<EotinishComplaintPage> {
    const operation = 'listComplaints';
    checkFilter(filter, operation);
    const res = await this.http.request<EotinishComplaintPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/complaints',
      query: toListComplaintsQuery(filter),
    });
    return toEotinishComplaintPage(res.data);
  }

  /**
   * Withdraws a complaint at the applicant's request, before it is answered. Withdrawing a withdrawn complaint
   * returns it unchanged. Carries the caller's idempotency key, so it is retried safely.
   * @throws BadInput when an argument is invalid (nothing is sent); NotFound (no such complaint);
   * BusinessRuleViolation with `problemCode` an {@link EotinishWithdrawRuleCode}; Conflict; ContractViolation
   * when the answer is about another complaint or applicant, or is not withdrawn; the transport's errors.
   */
  async withdrawComplaint(
    complaintId: string,
    withdrawal: EotinishWithdrawal,
    idempotencyKey: string,
  ): Promise<EotinishComplaint> {
    const operation = 'withdrawComplaint';
    checkComplaintId(complaintId, operation);
    checkWithdrawal(withdrawal, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<EotinishComplaintWire>({
      operationId: operation,
      method: 'POST',
      path: '/complaints/{complaintId}/withdrawal',
      pathParams: { complaintId },
      body: toWithdrawalRequest(withdrawal),
      idempotencyKey,
    });
    const w = res.data;
    if (w.complaintId !== complaintId)
      throw mismatch(operation, res.requestId, '/complaintId', 'the complaint asked for');
    if (w.applicantIin !== withdrawal.applicantIin)
      throw mismatch(operation, res.requestId, '/applicantIin', 'the applicant who withdrew');
    if (w.status.code !== 'withdrawn')
      throw mismatch(operation, res.requestId, '/status/code', 'withdrawn, the status after a withdrawal');
    return toEotinishComplaint(w);
  }
}

function badInput(operation: string, detail: string): BadInput {
  return new BadInput({ system: EOTINISH_SYSTEM, operation, detail });
}

function oneOf<T>(value: unknown, allowed: readonly T[]): value is T {
  return allowed.includes(value as T);
}

function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDate(value);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function checkIin(value: unknown, operation: string, field: string): void {
  // The value is never echoed: an almost-valid IIN is still personal data.
  if (typeof value !== 'string' || !isValidIin(value))
    throw badInput(
      operation,
      `${field} is not a valid IIN (12 digits, a real birth date, a correct check digit)`,
    );
}

function checkBin(value: unknown, operation: string, field: string): void {
  if (typeof value !== 'string' || !isValidBin(value))
    throw badInput(operation, `${field} is not a valid BIN`);
}

function checkName(n: EotinishPersonName, operation: string, field: string): void {
  if (typeof n !== 'object' || n === null) throw badInput(operation, `${field} must be an object`);
  if (!isText(n.lastName, 1, 100) || !isText(n.firstName, 1, 100))
    throw badInput(operation, `${field} must have a lastName and a firstName of 1 to 100 characters`);
  if (n.middleName !== undefined && !isText(n.middleName, 0, 100))
    throw badInput(operation, `${field}.middleName must have at most 100 characters`);
}

function checkOrganisation(o: EotinishOrganisation, operation: string, field: string): void {
  if (typeof o !== 'object' || o === null) throw badInput(operation, `${field} must be an object`);
  checkBin(o.bin, operation, `${field}.bin`);
  if (!isText(o.nameKz, 1, 300) || !isText(o.nameRu, 1, 300))
    throw badInput(operation, `${field} must have a nameKz and a nameRu of 1 to 300 characters`);
}

function checkComplaintId(value: unknown, operation: string): void {
  if (typeof value !== 'string' || !COMPLAINT_ID.test(value))
    throw badInput(operation, 'complaintId must be 1 to 64 letters, digits, dots, dashes or underscores');
}

function checkIdempotencyKey(key: unknown, operation: string): void {
  if (!isText(key, 8, 200) || !/^[\x21-\x7e]+$/.test(key))
    throw badInput(operation, 'idempotencyKey must have 8 to 200 printable ASCII characters');
}

/** Checks a complaint to file and returns the applicant's phone normalised (when there is one). */
function checkComplaint(c: EotinishComplaintToFile, operation: string): string | undefined {
  if (typeof c !== 'object' || c === null) throw badInput(operation, 'complaint must be an object');
  if (!isText(c.sourceRef, 1, 64))
    throw badInput(operation, 'complaint.sourceRef must have 1 to 64 characters');
  checkIin(c.applicantIin, operation, 'complaint.applicantIin');
  checkName(c.applicantName, operation, 'complaint.applicantName');
  if (!oneOf(c.applicantRole, EOTINISH_APPLICANT_ROLES))
    throw badInput(
      operation,
      `complaint.applicantRole must be one of ${EOTINISH_APPLICANT_ROLES.join(', ')}`,
    );
  checkIin(c.pupilIin, operation, 'complaint.pupilIin');
  if (c.pupilIin === c.applicantIin)
    throw badInput(operation, 'complaint.pupilIin must not be the applicant: a parent complains for a pupil');
  if (c.pupilName !== undefined) checkName(c.pupilName, operation, 'complaint.pupilName');
  const s = c.school as unknown;
  if (typeof s !== 'object' || s === null) throw badInput(operation, 'complaint.school must be an object');
  checkOrganisation(c.school, operation, 'complaint.school');
  if (c.school.nobdSchoolId !== undefined && !isText(c.school.nobdSchoolId, 1, 32))
    throw badInput(operation, 'complaint.school.nobdSchoolId must have 1 to 32 characters');
  const r = c.school.region;
  if (
    r !== undefined &&
    (typeof r !== 'object' ||
      r === null ||
      typeof r.code !== 'string' ||
      !/^[0-9]{2}$/.test(r.code) ||
      !isText(r.nameKz, 1, 200) ||
      !isText(r.nameRu, 1, 200))
  )
    throw badInput(operation, 'complaint.school.region must be { code: two KATO digits, nameKz, nameRu }');
  if (c.addressee !== undefined) checkOrganisation(c.addressee, operation, 'complaint.addressee');
  if (c.voucherId !== undefined && !isText(c.voucherId, 1, 64))
    throw badInput(operation, 'complaint.voucherId must have 1 to 64 characters');
  if (c.mealId !== undefined && !isText(c.mealId, 1, 64))
    throw badInput(operation, 'complaint.mealId must have 1 to 64 characters');
  if (c.mealDate !== undefined && !isDate(c.mealDate))
    throw badInput(operation, 'complaint.mealDate must be a date YYYY-MM-DD');
  if (!oneOf(c.topic, EOTINISH_TOPICS))
    throw badInput(operation, `complaint.topic must be one of ${EOTINISH_TOPICS.join(', ')}`);
  if (!isText(c.text, 1, 4000)) throw badInput(operation, 'complaint.text must have 1 to 4000 characters');
  if (
    c.rating !== undefined &&
    c.rating !== null &&
    !(Number.isInteger(c.rating) && c.rating >= 1 && c.rating <= 5)
  )
    throw badInput(operation, 'complaint.rating must be an integer from 1 to 5, or null');
  if (c.answerChannel !== undefined && !oneOf(c.answerChannel, EOTINISH_ANSWER_CHANNELS))
    throw badInput(
      operation,
      `complaint.answerChannel must be one of ${EOTINISH_ANSWER_CHANNELS.join(', ')}`,
    );
  if (c.language !== undefined && !oneOf(c.language, EOTINISH_LANGUAGES))
    throw badInput(operation, 'complaint.language must be kk or ru');
  if (!isDateTime(c.submittedAt))
    throw badInput(operation, 'complaint.submittedAt must be an RFC 3339 instant with an offset');
  if (c.attachments !== undefined) {
    if (!Array.isArray(c.attachments) || c.attachments.length > 5)
      throw badInput(operation, 'complaint.attachments must list at most 5 files');
    c.attachments.forEach((a, i) => {
      const field = `complaint.attachments[${i}]`;
      if (typeof a !== 'object' || a === null) throw badInput(operation, `${field} must be an object`);
      if (!isText(a.fileName, 1, 200))
        throw badInput(operation, `${field}.fileName must have 1 to 200 characters`);
      if (!oneOf(a.mediaType, EOTINISH_ATTACHMENT_MEDIA_TYPES))
        throw badInput(
          operation,
          `${field}.mediaType must be one of ${EOTINISH_ATTACHMENT_MEDIA_TYPES.join(', ')}`,
        );
      if (!(Number.isInteger(a.sizeBytes) && a.sizeBytes >= 1 && a.sizeBytes <= MAX_ATTACHMENT_BYTES))
        throw badInput(operation, `${field}.sizeBytes must be an integer from 1 to 10485760`);
      if (!isHttpUrl(a.url))
        throw badInput(operation, `${field}.url must be an absolute http(s) URL of at most 2000 characters`);
    });
  }
  if (c.applicantPhone === undefined) return undefined;
  try {
    return normalizeKzPhone(c.applicantPhone);
  } catch {
    // The value is never echoed: a phone is personal data.
    throw badInput(operation, 'complaint.applicantPhone is not a Kazakh mobile phone (+7 7XX XXX XX XX)');
  }
}

function checkWithdrawal(w: EotinishWithdrawal, operation: string): void {
  if (typeof w !== 'object' || w === null) throw badInput(operation, 'withdrawal must be an object');
  checkIin(w.applicantIin, operation, 'withdrawal.applicantIin');
  if (!isDateTime(w.withdrawnAt))
    throw badInput(operation, 'withdrawal.withdrawnAt must be an RFC 3339 instant with an offset');
  if (w.reason !== undefined && !isText(w.reason, 0, 1000))
    throw badInput(operation, 'withdrawal.reason must have at most 1000 characters');
}

function checkFilter(f: EotinishComplaintFilter, operation: string): void {
  if (typeof f !== 'object' || f === null) throw badInput(operation, 'filter must be an object');
  if (f.applicantIin !== undefined) checkIin(f.applicantIin, operation, 'filter.applicantIin');
  if (f.pupilIin !== undefined) checkIin(f.pupilIin, operation, 'filter.pupilIin');
  if (f.schoolBin !== undefined) checkBin(f.schoolBin, operation, 'filter.schoolBin');
  if (f.status !== undefined && !oneOf(f.status, EOTINISH_STATUS_CODES))
    throw badInput(operation, `filter.status must be one of ${EOTINISH_STATUS_CODES.join(', ')}`);
  if (f.sourceRef !== undefined && !isText(f.sourceRef, 1, 64))
    throw badInput(operation, 'filter.sourceRef must have 1 to 64 characters');
  if (f.cursor !== undefined && !isText(f.cursor, 1, 512))
    throw badInput(operation, 'filter.cursor must have 1 to 512 characters');
  if (f.limit !== undefined && !(Number.isInteger(f.limit) && f.limit >= 1 && f.limit <= 1000))
    throw badInput(operation, 'filter.limit must be an integer from 1 to 1000');
}

function mismatch(operation: string, requestId: string, pointer: string, what: string): ContractViolation {
  return new ContractViolation({
    system: EOTINISH_SYSTEM,
    operation,
    requestId,
    pointer,
    rule: `equal to ${what}`,
    detail: `${pointer} is not ${what}`,
  });
}
