import { isValidBin } from '../../src/domain/bin';
import { isCalendarDate } from '../../src/domain/calendar';
import { isValidIin } from '../../src/domain/iin';
import { maskIin } from '../../src/domain/mask';
import { normalizeKzPhone } from '../../src/domain/phone';
import {
  BadInput,
  ConsentMissing,
  ContractViolation,
  type HttpTransport,
  type HttpTransportConfig,
  type Logger,
} from '../transport';
import { transportFor } from '../transport/support';
import {
  toConsentCheckRequest,
  toConsentMissingSubjects,
  toConsentPage,
  toConsentRecord,
  toConsentRecordRequest,
  toConsentToken,
  toConsentTokenIntrospection,
  toListConsentsQuery,
  toRevocationRequest,
  type ConsentCheckRequest,
  type ConsentCheckResultWire,
  type ConsentFilter,
  type ConsentIntrospectionWire,
  type ConsentMissingSubject,
  type ConsentPage,
  type ConsentPageWire,
  type ConsentRecord,
  type ConsentRecordResult,
  type ConsentRefusalReason,
  type ConsentRevocation,
  type ConsentTargetSystem,
  type ConsentToRecord,
  type ConsentToken,
  type ConsentTokenIntrospection,
  type ConsentWire,
} from './mapping';

/** The system id of the consent service: its folder under contracts/ and the `system` of its errors and log lines. */
export const CONSENT_SYSTEM = 'consent';

/**
 * The `code` of a 422 from `recordConsent` (a BusinessRuleViolation's `problemCode`): `givenAt` later than the
 * service's clock, `validUntil` before the day it was given, or a transfer the proactive services exclude.
 */
export type ConsentRecordRuleCode =
  'CONSENT_GIVEN_IN_FUTURE' | 'CONSENT_VALIDITY_BEFORE_GIVEN' | 'CONSENT_TRANSFER_NOT_ALLOWED';

/** The `code` of a 422 from `revokeConsent`: the consent has expired, nothing is left to revoke. */
export type ConsentRevokeRuleCode = 'CONSENT_EXPIRED';

/** Configuration of {@link ConsentClient}: the transport's, without `system`. */
export type ConsentClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link ConsentClient} can be given instead of building it from the configuration. */
export interface ConsentClientDeps {
  /** A transport to use (its system must be `consent`); the configuration is then not used. */
  readonly http?: HttpTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

/**
 * The consent service refused a check: some subject has no active consent covering the request. A
 * {@link ConsentMissing} (code CONSENT_MISSING) that also says why (`reason`, also its `problemCode`) and for whom
 * (`missing`); the caller must not request the data.
 */
export class ConsentRefused extends ConsentMissing {
  readonly reason: ConsentRefusalReason;
  readonly missing: readonly ConsentMissingSubject[];

  constructor(init: {
    operation: string;
    requestId: string;
    reason: ConsentRefusalReason;
    missing: readonly ConsentMissingSubject[];
  }) {
    super({
      system: CONSENT_SYSTEM,
      operation: init.operation,
      requestId: init.requestId,
      problemCode: init.reason,
      detail: `${init.reason} for ${init.missing.length} subject(s)`,
    });
    this.reason = init.reason;
    this.missing = init.missing;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      reason: this.reason,
      missing: this.missing.map((m) => ({ ...m, subjectIin: maskIin(m.subjectIin) })),
    };
  }
}

const CONSENT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9._~+/=-]{16,4096}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const SERVICES = ['gasVoucher', 'schoolMeals', 'homeSchoolingCompensation', 'socialServicesPortal'] as const;
const REQUESTERS = ['egov-portal', 'esobes', 'wallet', 'sdu', 'social-portal', 'qazaqgaz-aimaq'] as const;
const TARGETS = ['gbdfl', 'nobd', 'mab', 'banks', 'modb', 'sdu', 'billing'] as const;
const CATEGORIES = [
  'identity',
  'registrationAddress',
  'lifeStatus',
  'citizenship',
  'identityDocument',
  'birthCertificate',
  'kinship',
  'disability',
  'education',
  'mobilePhone',
  'bankAccounts',
  'socialAssistance',
  'familyIncome',
  'gasPersonalAccount',
] as const;
const ACCESS_LEVELS = ['public', 'restricted'] as const;
const GRANTOR_ROLES = ['subject', 'legalRepresentative'] as const;
const REPRESENTATIVE_KINDS = ['parent', 'guardian', 'trustee', 'adoptiveParent', 'fosterCarer'] as const;
const CHANNELS = ['smsReply', 'egovPortal', 'egovMobile', 'serviceCentre', 'socialPortal'] as const;
const STATUSES = ['active', 'revoked', 'expired'] as const;
const REVOCATION_REASONS = [
  'subjectRequest',
  'representativeRequest',
  'serviceEnded',
  'recordedInError',
] as const;

/**
 * Client of the consent service (ДДҚ / КДП, the state service controlling access to personal data): records the
 * consent a citizen gives by SMS reply, checks consent before personal data is requested and returns the consent
 * token that request carries (seed 003 cl. 7–9: E-Sobes asks GBD FL, NOBD, MAB and the banks "on the basis of
 * consent"), and revokes consents.
 */
export class ConsentClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: ConsentClientConfig, deps: ConsentClientDeps = {}) {
    this.http = transportFor(CONSENT_SYSTEM, config, deps);
  }

  /**
   * Records a consent (e.g. the SMS reply `3#1`, accepted as consent under art. 8 of the Law on personal data).
   * `created` is false when an active consent of the same subject, grantor, requester, service and scope already
   * existed: the service returns it instead of a second one. Carries the caller's idempotency key, so it is
   * retried safely.
   * @throws BadInput when an argument is invalid (nothing is sent; the message names the field, not its value);
   * BusinessRuleViolation with `problemCode` a {@link ConsentRecordRuleCode}; Conflict (the key was used with
   * another consent); ContractViolation when the answer is about another subject; the transport's errors.
   */
  async recordConsent(consent: ConsentToRecord, idempotencyKey: string): Promise<ConsentRecordResult> {
    const operation = 'recordConsent';
    const phone = checkConsentToRecord(consent, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<ConsentWire>({
      operationId: operation,
      method: 'POST',
      path: '/consents',
      body: toConsentRecordRequest(consent, phone),
      idempotencyKey,
    });
    if (res.data.subjectIin !== consent.subjectIin)
      throw mismatch(operation, res.requestId, '/subjectIin', 'the subject of the request');
    return { consent: toConsentRecord(res.data), created: res.status === 201 };
  }

  /**
   * A consent with its current status and revocation. An id comes from `recordConsent` or a list, so an unknown
   * one is not a domain answer: it is thrown as NotFound.
   * @throws BadInput when `consentId` is malformed; NotFound; ContractViolation when the answer is about another
   * consent; the transport's errors.
   */
  async getConsent(consentId: string): Promise<ConsentRecord> {
    const operation = 'getConsent';
    checkConsentId(consentId, operation);
    const res = await this.http.request<ConsentWire>({
      operationId: operation,
      method: 'GET',
      path: '/consents/{consentId}',
      pathParams: { consentId },
    });
    if (res.data.consentId !== consentId)
      throw mismatch(operation, res.requestId, '/consentId', 'the consent asked for');
    return toConsentRecord(res.data);
  }

  /**
   * Consents filtered by subject, grantor, requester, service and status, newest first, one page at a time.
   * @throws BadInput when a filter value is invalid (nothing is sent) or the service refuses it (400); the
   * transport's errors.
   */
  async listConsents(filter: ConsentFilter = {}): Promise<ConsentPage> {
    const operation = 'listConsents';
    checkFilter(filter, operation);
    const res = await this.http.request<ConsentPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/consents',
      query: toListConsentsQuery(filter),
    });
    return toConsentPage(res.data);
  }

  /**
   * Revokes a consent: no token is granted on it from then on. Revoking a revoked consent returns it unchanged.
   * @throws BadInput when an argument is invalid; NotFound (no such consent); BusinessRuleViolation with code
   * `CONSENT_EXPIRED` ({@link ConsentRevokeRuleCode}); Conflict; ContractViolation when the answer is about
   * another consent or is not revoked; the transport's errors.
   */
  async revokeConsent(
    consentId: string,
    revocation: ConsentRevocation,
    idempotencyKey: string,
  ): Promise<ConsentRecord> {
    const operation = 'revokeConsent';
    checkConsentId(consentId, operation);
    checkRevocation(revocation, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<ConsentWire>({
      operationId: operation,
      method: 'POST',
      path: '/consents/{consentId}/revocation',
      pathParams: { consentId },
      body: toRevocationRequest(revocation),
      idempotencyKey,
    });
    if (res.data.consentId !== consentId)
      throw mismatch(operation, res.requestId, '/consentId', 'the consent asked for');
    if (res.data.status !== 'revoked')
      throw mismatch(operation, res.requestId, '/status', 'revoked, the status after a revocation');
    return toConsentRecord(res.data);
  }

  /**
   * Checks that every subject has an active consent covering the request, and returns the consent token the data
   * request carries. A refusal is an answer of the service (200, `granted: false`), thrown as
   * {@link ConsentRefused} so that no caller can request the data without a token. Only reads: retried like a GET.
   * @throws BadInput when the request is invalid (nothing is sent); ConsentRefused (a ConsentMissing, with
   * `reason` and `missing`); ContractViolation when a grant has no token; the transport's errors.
   */
  async checkConsent(request: ConsentCheckRequest): Promise<ConsentToken> {
    const operation = 'checkConsent';
    checkCheckRequest(request, operation);
    const res = await this.http.request<ConsentCheckResultWire>({
      operationId: operation,
      method: 'POST',
      path: '/consents:check',
      body: toConsentCheckRequest(request),
      idempotent: true,
    });
    const result = res.data;
    if (!result.granted) {
      throw new ConsentRefused({
        operation,
        requestId: res.requestId,
        reason: result.reason ?? 'noConsent',
        missing: toConsentMissingSubjects(result),
      });
    }
    if (typeof result.token !== 'string')
      throw mismatch(operation, res.requestId, '/token', 'a token when consent is granted');
    return toConsentToken({ ...result, token: result.token });
  }

  /**
   * What a consent token grants (used by the holder of the data before it answers). Only reads.
   * @throws BadInput when the token is malformed or `holderSystem` unknown (nothing is sent); the transport's
   * errors.
   */
  async introspectToken(
    token: string,
    holderSystem?: ConsentTargetSystem,
  ): Promise<ConsentTokenIntrospection> {
    const operation = 'introspectConsentToken';
    if (typeof token !== 'string' || !TOKEN.test(token))
      throw badInput(operation, 'token is not a consent token (16–4096 URL-safe characters)');
    if (holderSystem !== undefined && !oneOf(holderSystem, TARGETS))
      throw badInput(operation, `holderSystem must be one of ${TARGETS.join(', ')}`);
    const res = await this.http.request<ConsentIntrospectionWire>({
      operationId: operation,
      method: 'POST',
      path: '/consent-tokens:introspect',
      body: holderSystem === undefined ? { token } : { token, holderSystem },
      idempotent: true,
    });
    return toConsentTokenIntrospection(res.data);
  }
}

function badInput(operation: string, detail: string): BadInput {
  return new BadInput({ system: CONSENT_SYSTEM, operation, detail });
}

function oneOf<T>(value: unknown, allowed: readonly T[]): value is T {
  return allowed.includes(value as T);
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
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

function checkList<T>(
  value: unknown,
  allowed: readonly T[],
  max: number,
  operation: string,
  field: string,
): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > max)
    throw badInput(operation, `${field} must list 1 to ${max} values`);
  value.forEach((v, i) => {
    if (!oneOf(v, allowed)) throw badInput(operation, `${field}[${i}] must be one of ${allowed.join(', ')}`);
  });
  if (new Set(value).size !== value.length) throw badInput(operation, `${field} must not repeat a value`);
}

function checkConsentId(value: unknown, operation: string): void {
  if (typeof value !== 'string' || !CONSENT_ID.test(value))
    throw badInput(operation, 'consentId must be 1 to 64 letters, digits, dots, dashes or underscores');
}

function checkIdempotencyKey(key: unknown, operation: string): void {
  if (!isText(key, 8, 200) || !/^[\x21-\x7e]+$/.test(key))
    throw badInput(operation, 'idempotencyKey must have 8 to 200 printable ASCII characters');
}

/** Checks a consent to record and returns the phone of its SMS evidence normalised (when there is one). */
function checkConsentToRecord(c: ConsentToRecord, operation: string): string | undefined {
  if (typeof c !== 'object' || c === null) throw badInput(operation, 'consent must be an object');
  checkIin(c.subjectIin, operation, 'consent.subjectIin');
  checkIin(c.grantorIin, operation, 'consent.grantorIin');
  if (!oneOf(c.grantorRole, GRANTOR_ROLES))
    throw badInput(operation, 'consent.grantorRole must be subject or legalRepresentative');
  if (c.grantorRole === 'subject' && c.grantorIin !== c.subjectIin)
    throw badInput(operation, 'consent.grantorIin must equal consent.subjectIin when the subject consents');
  if (c.grantorRole === 'subject' && c.representativeKind !== undefined)
    throw badInput(operation, 'consent.representativeKind is only for a legal representative');
  if (c.grantorRole === 'legalRepresentative' && !oneOf(c.representativeKind, REPRESENTATIVE_KINDS))
    throw badInput(
      operation,
      `consent.representativeKind must be one of ${REPRESENTATIVE_KINDS.join(', ')} for a legal representative`,
    );
  if (!oneOf(c.requesterSystem, REQUESTERS))
    throw badInput(operation, `consent.requesterSystem must be one of ${REQUESTERS.join(', ')}`);
  if (c.requesterBin !== undefined && !(typeof c.requesterBin === 'string' && isValidBin(c.requesterBin)))
    throw badInput(operation, 'consent.requesterBin is not a valid BIN');
  const s = c.service as unknown;
  if (
    typeof s !== 'object' ||
    s === null ||
    !oneOf(c.service.code, SERVICES) ||
    !isText(c.service.nameKz, 1, 300) ||
    !isText(c.service.nameRu, 1, 300)
  )
    throw badInput(operation, `consent.service must be { code: ${SERVICES.join(' | ')}, nameKz, nameRu }`);
  checkList(c.scope, CATEGORIES, CATEGORIES.length, operation, 'consent.scope');
  checkList(c.accessLevels, ACCESS_LEVELS, 2, operation, 'consent.accessLevels');
  if (!oneOf(c.channel, CHANNELS))
    throw badInput(operation, `consent.channel must be one of ${CHANNELS.join(', ')}`);
  if (!isDateTime(c.givenAt))
    throw badInput(operation, 'consent.givenAt must be an RFC 3339 instant with an offset');
  if (c.validUntil !== undefined && !(typeof c.validUntil === 'string' && isCalendarDate(c.validUntil)))
    throw badInput(operation, 'consent.validUntil must be a date YYYY-MM-DD');
  if (c.caseRef !== undefined && !isText(c.caseRef, 1, 200))
    throw badInput(operation, 'consent.caseRef must have 1 to 200 characters');
  if (c.signedDocumentId !== undefined && !isText(c.signedDocumentId, 1, 128))
    throw badInput(operation, 'consent.signedDocumentId must have 1 to 128 characters');
  if (c.channel === 'smsReply' && c.smsReply === undefined)
    throw badInput(operation, 'consent.smsReply is required when the channel is smsReply');
  if (c.smsReply === undefined) return undefined;
  const e = c.smsReply;
  if (typeof e !== 'object' || e === null) throw badInput(operation, 'consent.smsReply must be an object');
  if (!isText(e.messageId, 1, 64))
    throw badInput(operation, 'consent.smsReply.messageId must have 1 to 64 characters');
  if (typeof e.shortNumber !== 'string' || !/^[0-9]{4}$/.test(e.shortNumber))
    throw badInput(operation, 'consent.smsReply.shortNumber must be 4 digits');
  if (!isText(e.text, 1, 160))
    throw badInput(operation, 'consent.smsReply.text must have 1 to 160 characters');
  if (!isDateTime(e.receivedAt))
    throw badInput(operation, 'consent.smsReply.receivedAt must be an RFC 3339 instant with an offset');
  try {
    return normalizeKzPhone(e.phone);
  } catch {
    throw badInput(operation, 'consent.smsReply.phone is not a Kazakh mobile phone (+7 7XX XXX XX XX)');
  }
}

function checkRevocation(r: ConsentRevocation, operation: string): void {
  if (typeof r !== 'object' || r === null) throw badInput(operation, 'revocation must be an object');
  checkIin(r.revokedByIin, operation, 'revocation.revokedByIin');
  if (!oneOf(r.reason, REVOCATION_REASONS))
    throw badInput(operation, `revocation.reason must be one of ${REVOCATION_REASONS.join(', ')}`);
  if (!oneOf(r.channel, CHANNELS))
    throw badInput(operation, `revocation.channel must be one of ${CHANNELS.join(', ')}`);
  if (!isDateTime(r.revokedAt))
    throw badInput(operation, 'revocation.revokedAt must be an RFC 3339 instant with an offset');
  if (r.comment !== undefined && !isText(r.comment, 0, 500))
    throw badInput(operation, 'revocation.comment must have at most 500 characters');
}

function checkCheckRequest(r: ConsentCheckRequest, operation: string): void {
  if (typeof r !== 'object' || r === null) throw badInput(operation, 'request must be an object');
  if (!Array.isArray(r.subjectIins) || r.subjectIins.length === 0 || r.subjectIins.length > 20)
    throw badInput(operation, 'request.subjectIins must list 1 to 20 IINs');
  r.subjectIins.forEach((iin, i) => checkIin(iin, operation, `request.subjectIins[${i}]`));
  if (new Set(r.subjectIins).size !== r.subjectIins.length)
    throw badInput(operation, 'request.subjectIins must not repeat an IIN');
  if (!oneOf(r.requesterSystem, REQUESTERS))
    throw badInput(operation, `request.requesterSystem must be one of ${REQUESTERS.join(', ')}`);
  if (!oneOf(r.service, SERVICES))
    throw badInput(operation, `request.service must be one of ${SERVICES.join(', ')}`);
  checkList(r.scope, CATEGORIES, CATEGORIES.length, operation, 'request.scope');
  if (r.targetSystem !== undefined && !oneOf(r.targetSystem, TARGETS))
    throw badInput(operation, `request.targetSystem must be one of ${TARGETS.join(', ')}`);
  if (r.caseRef !== undefined && !isText(r.caseRef, 1, 200))
    throw badInput(operation, 'request.caseRef must have 1 to 200 characters');
}

function checkFilter(f: ConsentFilter, operation: string): void {
  if (typeof f !== 'object' || f === null) throw badInput(operation, 'filter must be an object');
  if (f.subjectIin !== undefined) checkIin(f.subjectIin, operation, 'filter.subjectIin');
  if (f.grantorIin !== undefined) checkIin(f.grantorIin, operation, 'filter.grantorIin');
  if (f.requesterSystem !== undefined && !oneOf(f.requesterSystem, REQUESTERS))
    throw badInput(operation, `filter.requesterSystem must be one of ${REQUESTERS.join(', ')}`);
  if (f.service !== undefined && !oneOf(f.service, SERVICES))
    throw badInput(operation, `filter.service must be one of ${SERVICES.join(', ')}`);
  if (f.status !== undefined && !oneOf(f.status, STATUSES))
    throw badInput(operation, `filter.status must be one of ${STATUSES.join(', ')}`);
  if (f.cursor !== undefined && !isText(f.cursor, 1, 512))
    throw badInput(operation, 'filter.cursor must have 1 to 512 characters');
  if (f.limit !== undefined && !(Number.isInteger(f.limit) && f.limit >= 1 && f.limit <= 1000))
    throw badInput(operation, 'filter.limit must be an integer from 1 to 1000');
}

function mismatch(operation: string, requestId: string, pointer: string, what: string): ContractViolation {
  return new ContractViolation({
    system: CONSENT_SYSTEM,
    operation,
    requestId,
    pointer,
    rule: `equal to ${what}`,
    detail: `${pointer} is not ${what}`,
  });
}
