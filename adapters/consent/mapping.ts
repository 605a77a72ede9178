import type { components, operations } from '../../contracts/consent/openapi';

/** Wire types of the consent service contract (generated) and their domain counterparts; pure functions between them. */

type Schemas = components['schemas'];
/** Body of `recordConsent` on the wire. */
export type ConsentRecordRequestWire = Schemas['ConsentRecordRequest'];
/** A consent on the wire (`recordConsent`, `getConsent`, `revokeConsent`). */
export type ConsentWire = Schemas['Consent'];
/** Body of `revokeConsent` on the wire. */
export type ConsentRevocationRequestWire = Schemas['RevocationRequest'];
/** Body of `checkConsent` on the wire. */
export type ConsentCheckRequestWire = Schemas['ConsentCheckRequest'];
/** Answer of `checkConsent` on the wire. */
export type ConsentCheckResultWire = Schemas['ConsentCheckResult'];
/** Body of `introspectConsentToken` on the wire. */
export type ConsentIntrospectRequestWire =
  operations['introspectConsentToken']['requestBody']['content']['application/json'];
/** Answer of `introspectConsentToken` on the wire. */
export type ConsentIntrospectionWire = Schemas['TokenIntrospection'];
/** Answer of `listConsents` on the wire. */
export type ConsentPageWire = Schemas['ConsentPage'];
/** Query of `listConsents` on the wire. */
export type ListConsentsQueryWire = NonNullable<operations['listConsents']['parameters']['query']>;

/** The proactive service that is the purpose of processing: `gasVoucher`, `schoolMeals`, … */
export type ConsentServiceCode = Schemas['ServiceCode'];
/** A category of personal data in the scope of a consent (`identity`, `kinship`, `bankAccounts`, …). */
export type ConsentDataCategory = Schemas['DataCategory'];
/** The state system that asks for the data and to which the consent is given. */
export type ConsentRequesterSystem = Schemas['RequesterSystem'];
/** The system that holds the data (`gbdfl`, `nobd`, `mab`, `banks`, …). */
export type ConsentTargetSystem = Schemas['TargetSystem'];
/** Publicly available (`public`) or restricted-access (`restricted`) data. */
export type ConsentAccessLevel = Schemas['AccessLevel'];
/** Who gave the consent: the subject, or a legal representative on the subject's behalf. */
export type ConsentGrantorRole = Schemas['GrantorRole'];
/** Basis of representation (`parent`, `guardian`, …) when the grantor is a legal representative. */
export type ConsentRepresentativeKind = NonNullable<Schemas['RepresentativeKind']>;
/** How the consent was given (`smsReply`, `egovPortal`, …). */
export type ConsentChannel = Schemas['ConsentChannel'];
/** `active`, `revoked` or `expired`. */
export type ConsentStatus = Schemas['ConsentStatus'];
/** Why a consent was revoked. */
export type ConsentRevocationReason = Schemas['RevocationReason'];
/** Why a check grants no token: `noConsent`, `revoked`, `expired`, `scopeNotCovered`, `otherRequester`. */
export type ConsentRefusalReason = NonNullable<Schemas['CheckRefusalReason']>;
/** Why an introspected token is inactive. */
export type ConsentTokenInactiveReason = NonNullable<ConsentIntrospectionWire['inactiveReason']>;

/** The proactive service as a coded value with its Kazakh and Russian names. */
export interface ConsentService {
  readonly code: ConsentServiceCode;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** The inbound SMS whose text is the consent (a reply such as `3#1`, `21*1`, `140#3#1`). */
export interface ConsentSmsReplyEvidence {
  /** Id of the inbound message in the SMS gateway (its `replyId`). */
  readonly messageId: string;
  readonly shortNumber: string;
  /** Kazakh mobile phone; any format `normalizeKzPhone` accepts, sent as `+77XXXXXXXXX`. */
  readonly phone: string;
  /** The reply as received (1–160 characters). */
  readonly text: string;
  readonly receivedAt: string;
}

/**
 * A consent to record. Transfer to third parties and cross-border transfer are always sent as false: the proactive
 * services exclude both (seed 000 appendix).
 */
export interface ConsentToRecord {
  readonly subjectIin: string;
  /** Equals `subjectIin` when `grantorRole` is `subject`. */
  readonly grantorIin: string;
  readonly grantorRole: ConsentGrantorRole;
  /** Required when `grantorRole` is `legalRepresentative`. */
  readonly representativeKind?: ConsentRepresentativeKind;
  readonly requesterSystem: ConsentRequesterSystem;
  readonly requesterBin?: string;
  readonly service: ConsentService;
  readonly scope: readonly ConsentDataCategory[];
  readonly accessLevels: readonly ConsentAccessLevel[];
  readonly channel: ConsentChannel;
  /** Required when `channel` is `smsReply`. */
  readonly smsReply?: ConsentSmsReplyEvidence;
  /** The EDS-signed consent document (channels egovPortal, egovMobile, socialPortal). */
  readonly signedDocumentId?: string;
  /** When the consent was given (RFC 3339 with offset), e.g. the `receivedAt` of the SMS reply. */
  readonly givenAt: string;
  /** Last day of validity (YYYY-MM-DD); absent when open-ended. */
  readonly validUntil?: string;
  /** The requester's case reference. */
  readonly caseRef?: string;
}

/** The revocation of a consent. */
export interface ConsentRevocation {
  readonly revokedByIin: string;
  readonly reason: ConsentRevocationReason;
  readonly channel: ConsentChannel;
  readonly revokedAt: string;
  readonly comment?: string;
}

/** A recorded consent with its current status. Absent optional values are null. */
export interface ConsentRecord {
  readonly consentId: string;
  readonly status: ConsentStatus;
  readonly subjectIin: string;
  readonly grantorIin: string;
  readonly grantorRole: ConsentGrantorRole;
  readonly representativeKind: ConsentRepresentativeKind | null;
  readonly requesterSystem: ConsentRequesterSystem;
  readonly requesterBin: string | null;
  readonly service: ConsentService;
  readonly scope: readonly ConsentDataCategory[];
  readonly accessLevels: readonly ConsentAccessLevel[];
  readonly thirdPartyTransfer: boolean;
  readonly crossBorderTransfer: boolean;
  readonly channel: ConsentChannel;
  readonly smsReply: ConsentSmsReplyEvidence | null;
  readonly signedDocumentId: string | null;
  readonly givenAt: string;
  readonly validUntil: string | null;
  readonly caseRef: string | null;
  readonly recordedAt: string;
  readonly revocation: ConsentRevocation | null;
}

/** The answer of `recordConsent`: the consent, and whether this call created it (false: an active one existed). */
export interface ConsentRecordResult {
  readonly consent: ConsentRecord;
  readonly created: boolean;
}

/** What the caller is about to request, and about whom. */
export interface ConsentCheckRequest {
  /** Every person whose data the request will return (1–20, no repeats). */
  readonly subjectIins: readonly string[];
  readonly requesterSystem: ConsentRequesterSystem;
  readonly service: ConsentServiceCode;
  readonly scope: readonly ConsentDataCategory[];
  readonly targetSystem?: ConsentTargetSystem;
  readonly caseRef?: string;
}

/** The consent token a data request carries (e.g. a GBD FL request), with what it rests on. */
export interface ConsentToken {
  /** A compact JWS; a secret of the call: never log it. */
  readonly token: string;
  readonly tokenType: 'kdp-consent';
  /** When the token expires (minutes from now); null when the service does not say. */
  readonly expiresAt: string | null;
  readonly consentIds: readonly string[];
}

/** A subject without a covering consent. */
export interface ConsentMissingSubject {
  readonly subjectIin: string;
  readonly reason: ConsentRefusalReason;
  /** Requested categories the subject's consent does not cover. */
  readonly missingScope: readonly ConsentDataCategory[];
}

/** What an introspected token grants. Lists are empty and values absent when the token is inactive. */
export interface ConsentTokenIntrospection {
  readonly active: boolean;
  readonly subjectIins: readonly string[];
  readonly requesterSystem?: ConsentRequesterSystem;
  readonly service?: ConsentServiceCode;
  readonly scope: readonly ConsentDataCategory[];
  readonly targetSystem?: ConsentTargetSystem;
  readonly consentIds: readonly string[];
  readonly issuedAt?: string;
  readonly expiresAt?: string;
  readonly inactiveReason: ConsentTokenInactiveReason | null;
}

/** Which consents to list; every key optional. */
export interface ConsentFilter {
  readonly subjectIin?: string;
  readonly grantorIin?: string;
  readonly requesterSystem?: ConsentRequesterSystem;
  readonly service?: ConsentServiceCode;
  readonly status?: ConsentStatus;
  readonly cursor?: string;
  /** 1–1000 (service default 100). */
  readonly limit?: number;
}

/** A page of consents, newest first. */
export interface ConsentPage {
  readonly consents: readonly ConsentRecord[];
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

/** The body of a `recordConsent` call (the evidence phone already normalised). */
export function toConsentRecordRequest(c: ConsentToRecord, evidencePhone?: string): ConsentRecordRequestWire {
  const wire: ConsentRecordRequestWire = {
    subjectIin: c.subjectIin,
    grantorIin: c.grantorIin,
    grantorRole: c.grantorRole,
    requesterSystem: c.requesterSystem,
    service: { code: c.service.code, nameKz: c.service.nameKz, nameRu: c.service.nameRu },
    scope: [...c.scope],
    accessLevels: [...c.accessLevels],
    thirdPartyTransfer: false,
    crossBorderTransfer: false,
    channel: c.channel,
    evidence: {
      ...(c.smsReply === undefined
        ? {}
        : { smsReply: { ...c.smsReply, phone: evidencePhone ?? c.smsReply.phone } }),
      ...(c.signedDocumentId === undefined ? {} : { signedDocumentId: c.signedDocumentId }),
    },
    givenAt: c.givenAt,
  };
  if (c.representativeKind !== undefined) wire.representativeKind = c.representativeKind;
  if (c.requesterBin !== undefined) wire.requesterBin = c.requesterBin;
  if (c.validUntil !== undefined) wire.validUntil = c.validUntil;
  if (c.caseRef !== undefined) wire.caseRef = c.caseRef;
  return wire;
}

function toRevocation(r: NonNullable<ConsentWire['revocation']>): ConsentRevocation {
  return {
    revokedByIin: r.revokedByIin,
    reason: r.reason,
    channel: r.channel,
    revokedAt: r.revokedAt,
    ...(r.comment === undefined ? {} : { comment: r.comment }),
  };
}

/** A consent as the domain sees it. */
export function toConsentRecord(w: ConsentWire): ConsentRecord {
  const sms = w.evidence?.smsReply;
  return {
    consentId: w.consentId,
    status: w.status,
    subjectIin: w.subjectIin,
    grantorIin: w.grantorIin,
    grantorRole: w.grantorRole,
    representativeKind: w.representativeKind ?? null,
    requesterSystem: w.requesterSystem,
    requesterBin: w.requesterBin ?? null,
    service: { code: w.service.code, nameKz: w.service.nameKz, nameRu: w.service.nameRu },
    scope: [...w.scope],
    accessLevels: [...w.accessLevels],
    thirdPartyTransfer: w.thirdPartyTransfer,
    crossBorderTransfer: w.crossBorderTransfer,
    channel: w.channel,
    smsReply:
      sms === undefined || sms === null
        ? null
        : {
            messageId: sms.messageId,
            shortNumber: sms.shortNumber,
            phone: sms.phone,
            text: sms.text,
            receivedAt: sms.receivedAt,
          },
    signedDocumentId: w.evidence?.signedDocumentId ?? null,
    givenAt: w.givenAt,
    validUntil: w.validUntil ?? null,
    caseRef: w.caseRef ?? null,
    recordedAt: w.recordedAt,
    revocation: w.revocation === undefined || w.revocation === null ? null : toRevocation(w.revocation),
  };
}

/** The body of a `revokeConsent` call. */
export function toRevocationRequest(r: ConsentRevocation): ConsentRevocationRequestWire {
  return {
    revokedByIin: r.revokedByIin,
    reason: r.reason,
    channel: r.channel,
    revokedAt: r.revokedAt,
    ...(r.comment === undefined ? {} : { comment: r.comment }),
  };
}

/** The body of a `checkConsent` call. */
export function toConsentCheckRequest(r: ConsentCheckRequest): ConsentCheckRequestWire {
  return {
    subjectIins: [...r.subjectIins],
    requesterSystem: r.requesterSystem,
    service: r.service,
    scope: [...r.scope],
    ...(r.targetSystem === undefined ? {} : { targetSystem: r.targetSystem }),
    ...(r.caseRef === undefined ? {} : { caseRef: r.caseRef }),
  };
}

/** The subjects a refused check lists, as the domain sees them (a subject without a reason counts as `noConsent`). */
export function toConsentMissingSubjects(w: ConsentCheckResultWire): ConsentMissingSubject[] {
  return w.missing.map((m) => ({
    subjectIin: m.subjectIin,
    reason: m.reason ?? 'noConsent',
    missingScope: [...(m.missingScope ?? [])],
  }));
}

/** The token of a granted check (the caller has checked that `token` is there). */
export function toConsentToken(w: ConsentCheckResultWire & { token: string }): ConsentToken {
  return {
    token: w.token,
    tokenType: 'kdp-consent',
    expiresAt: w.expiresAt ?? null,
    consentIds: [...(w.consentIds ?? [])],
  };
}

/** An introspection as the domain sees it. */
export function toConsentTokenIntrospection(w: ConsentIntrospectionWire): ConsentTokenIntrospection {
  return {
    active: w.active,
    subjectIins: [...(w.subjectIins ?? [])],
    scope: [...(w.scope ?? [])],
    consentIds: [...(w.consentIds ?? [])],
    inactiveReason: w.inactiveReason ?? null,
    ...(w.requesterSystem === undefined ? {} : { requesterSystem: w.requesterSystem }),
    ...(w.service === undefined ? {} : { service: w.service }),
    ...(w.targetSystem === undefined ? {} : { targetSystem: w.targetSystem }),
    ...(w.issuedAt === undefined ? {} : { issuedAt: w.issuedAt }),
    ...(w.expiresAt === undefined ? {} : { expiresAt: w.expiresAt }),
  };
}

/** The query of a `listConsents` call. */
export function toListConsentsQuery(f: ConsentFilter): ListConsentsQueryWire {
  const q: ListConsentsQueryWire = {};
  if (f.subjectIin !== undefined) q.subjectIin = f.subjectIin;
  if (f.grantorIin !== undefined) q.grantorIin = f.grantorIin;
  if (f.requesterSystem !== undefined) q.requesterSystem = f.requesterSystem;
  if (f.service !== undefined) q.service = f.service;
  if (f.status !== undefined) q.status = f.status;
  if (f.cursor !== undefined) q.cursor = f.cursor;
  if (f.limit !== undefined) q.limit = f.limit;
  return q;
}

/** A page of consents as the domain sees it. */
export function toConsentPage(w: ConsentPageWire): ConsentPage {
  return {
    consents: w.items.map(toConsentRecord),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}
