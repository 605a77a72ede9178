import type { Gender } from '../../src/domain/iin';
import {
  contextXml,
  definedOnly,
  leafXml,
  payloadXml,
  type CodedValue,
  type PayloadReader,
  type Requester,
} from '../transport/soap-payload';
import type { XmlElement } from '../transport/soap-xml';

/**
 * GBD FL payloads (contracts/gbdfl/xsd) and their domain counterparts: request builders and response readers, pure
 * functions of their arguments and of the {@link PayloadReader}. Only the payload root is namespaced; its children
 * are unqualified.
 */

/** The SHEP service ids and payload namespaces of GBD FL, per adapter method. */
export const GBDFL_SERVICES = {
  getPerson: {
    serviceId: 'GBDFL_GetPerson',
    ns: 'urn:kz-proactive:gbdfl:get-person:v1',
    prefix: 'gp',
    request: 'getPersonRequest',
    response: 'getPersonResponse',
  },
  getBirthCertificate: {
    serviceId: 'GBDFL_GetBirthCertificate',
    ns: 'urn:kz-proactive:gbdfl:get-birth-certificate:v1',
    prefix: 'gb',
    request: 'getBirthCertificateRequest',
    response: 'getBirthCertificateResponse',
  },
  checkKinship: {
    serviceId: 'GBDFL_CheckKinship',
    ns: 'urn:kz-proactive:gbdfl:check-kinship:v1',
    prefix: 'gk',
    request: 'checkKinshipRequest',
    response: 'checkKinshipResponse',
  },
} as const;

export type GbdflOperation = keyof typeof GBDFL_SERVICES;

/** Life status (өмірлік мәртебесі / жизненный статус); seed 003 cl. 7 excludes DEAD, MISSING and INCAPABLE. */
export const GBDFL_LIFE_STATUSES = ['ALIVE', 'DEAD', 'MISSING', 'INCAPABLE'] as const;
export type GbdflLifeStatus = (typeof GBDFL_LIFE_STATUSES)[number];

/** Identity document types: 001 passport, 002 identity card, 003 residence permit, 004 stateless, 015 foreign passport. */
export const GBDFL_DOCUMENT_TYPES = ['001', '002', '003', '004', '015'] as const;
export type GbdflDocumentType = (typeof GBDFL_DOCUMENT_TYPES)[number];

/** Validity of an identity document (seed 003 cl. 7). */
export const GBDFL_DOCUMENT_STATUSES = ['VALID', 'EXPIRED', 'INVALIDATED'] as const;
export type GbdflDocumentStatus = (typeof GBDFL_DOCUMENT_STATUSES)[number];

/** What a representative is to a child (seed 004 cl. 2). */
export const GBDFL_RELATIONS = ['MOTHER', 'FATHER', 'ADOPTIVE_PARENT', 'GUARDIAN', 'TRUSTEE'] as const;
export type GbdflRelation = (typeof GBDFL_RELATIONS)[number];

/** The record a kinship rests on. */
export const GBDFL_KINSHIP_BASES = ['BIRTH_RECORD', 'ADOPTION_RECORD', 'GUARDIANSHIP_DECISION'] as const;
export type GbdflKinshipBasisCode = (typeof GBDFL_KINSHIP_BASES)[number];

const GENDER_CODES = ['1', '2'] as const;

/** A person as GBD FL records them (жеке тұлға / физическое лицо). Dates are ISO `YYYY-MM-DD`. */
export interface GbdflPerson {
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly birthDate: string;
  /** From the GBD FL code: 1 male, 2 female. */
  readonly gender: Gender;
  /** ISO 3166-1 numeric code, `398` Kazakhstan, `000` none. */
  readonly citizenship: CodedValue;
  readonly lifeStatus: CodedValue<GbdflLifeStatus> & {
    /** Date of the record behind a status other than ALIVE. */
    readonly since?: string;
  };
  /** Absent: no permanent registration in Kazakhstan (seed 003 cl. 7 excludes such a person). */
  readonly permanentRegistration?: GbdflAddress;
  /** Every identity document on record, newest first; empty for a child who has none yet. */
  readonly identityDocuments: readonly GbdflIdentityDocument[];
}

/** Permanent registration at the place of residence. Territories carry their KATO code. */
export interface GbdflAddress {
  readonly country: CodedValue;
  readonly region: CodedValue;
  readonly district?: CodedValue;
  readonly locality?: CodedValue;
  readonly street?: string;
  readonly building?: string;
  readonly flat?: string;
  /** Code of the address in the address register (16 digits). */
  readonly arCode?: string;
  readonly registeredOn: string;
}

/** An identity document: number, issuer, issue and expiry dates (inclusive), validity. */
export interface GbdflIdentityDocument {
  readonly type: CodedValue<GbdflDocumentType>;
  readonly number: string;
  readonly issuer: CodedValue;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly status: CodedValue<GbdflDocumentStatus>;
}

/** A birth certificate with its act record, the child and the parents as recorded. */
export interface GbdflBirthCertificate {
  readonly certificateNumber: string;
  readonly issueDate: string;
  readonly actRecord: {
    readonly number: string;
    readonly date: string;
    /** The civil registry office (АХАТ / ЗАГС). */
    readonly registryOffice: CodedValue;
  };
  readonly child: {
    readonly iin: string;
    readonly lastName: string;
    readonly firstName: string;
    readonly middleName?: string;
    readonly birthDate: string;
    readonly gender: Gender;
  };
  /** Absent only when the record has no mother. */
  readonly mother?: GbdflParent;
  /** Absent when the record names no father. */
  readonly father?: GbdflParent;
}

/** A parent as the birth record names them. */
export interface GbdflParent {
  /** Absent for a foreign parent who has none. */
  readonly iin?: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly citizenship?: CodedValue;
}

/** GBD FL's answer on the kinship of a child and a representative. */
export type GbdflKinship =
  | {
      readonly childIin: string;
      readonly representativeIin: string;
      readonly confirmed: true;
      readonly relation: CodedValue<GbdflRelation>;
      readonly basis: CodedValue<GbdflKinshipBasisCode> & {
        readonly recordNumber?: string;
        readonly recordDate?: string;
      };
    }
  | { readonly childIin: string; readonly representativeIin: string; readonly confirmed: false };

/** Requester and consent of a GBD FL request. */
export interface GbdflRequestContext {
  readonly consentToken: string;
  readonly requester: Requester;
}

// ---------- requests ----------

function request(operation: GbdflOperation, inner: string): string {
  const s = GBDFL_SERVICES[operation];
  return payloadXml(s.prefix, s.ns, s.request, inner);
}

/** The `getPersonRequest` payload. */
export function getPersonRequestXml(iin: string, ctx: GbdflRequestContext): string {
  return request('getPerson', contextXml(ctx.requester, ctx.consentToken) + leafXml('iin', iin));
}

/** The `getBirthCertificateRequest` payload. */
export function getBirthCertificateRequestXml(childIin: string, ctx: GbdflRequestContext): string {
  return request(
    'getBirthCertificate',
    contextXml(ctx.requester, ctx.consentToken) + leafXml('childIin', childIin),
  );
}

/** The `checkKinshipRequest` payload. */
export function checkKinshipRequestXml(
  childIin: string,
  representativeIin: string,
  ctx: GbdflRequestContext,
): string {
  return request(
    'checkKinship',
    contextXml(ctx.requester, ctx.consentToken) +
      leafXml('childIin', childIin) +
      leafXml('representativeIin', representativeIin),
  );
}

// ---------- responses ----------

function gender(reader: PayloadReader, parent: XmlElement): Gender {
  const code = reader.oneOf(reader.el(parent, 'gender'), 'code', GENDER_CODES);
  return code === '1' ? 'male' : 'female';
}

/** A `getPersonResponse`: the person, or null when GBD FL has no person with that IIN. */
export function readPerson(reader: PayloadReader, askedIin: string): GbdflPerson | null {
  const p = reader.data('person');
  if (!p) return null;
  const iin = reader.iin(p, 'iin');
  reader.expectSame(p, 'iin', iin, askedIin);
  const status = reader.el(p, 'lifeStatus');
  const since = reader.optDate(status, 'since');
  const registration = reader.optEl(p, 'permanentRegistration');
  const middleName = reader.optText(p, 'middleName');
  return {
    iin,
    lastName: reader.text(p, 'lastName'),
    firstName: reader.text(p, 'firstName'),
    ...(middleName === undefined ? {} : { middleName }),
    birthDate: reader.date(p, 'birthDate'),
    gender: gender(reader, p),
    citizenship: reader.coded(p, 'citizenship'),
    lifeStatus: {
      ...reader.codedOf(p, 'lifeStatus', GBDFL_LIFE_STATUSES),
      ...(since === undefined ? {} : { since }),
    },
    ...(registration === undefined ? {} : { permanentRegistration: readAddress(reader, registration) }),
    identityDocuments: reader
      .els(reader.el(p, 'identityDocuments'), 'identityDocument')
      .map((d) => readIdentityDocument(reader, d)),
  };
}

function readAddress(reader: PayloadReader, a: XmlElement): GbdflAddress {
  const optional = {
    district: reader.optCoded(a, 'district'),
    locality: reader.optCoded(a, 'locality'),
    street: reader.optText(a, 'street'),
    building: reader.optText(a, 'building'),
    flat: reader.optText(a, 'flat'),
    arCode: reader.optText(a, 'arCode'),
  };
  return {
    country: reader.coded(a, 'country'),
    region: reader.coded(a, 'region'),
    ...definedOnly(optional),
    registeredOn: reader.date(a, 'registeredOn'),
  };
}

function readIdentityDocument(reader: PayloadReader, d: XmlElement): GbdflIdentityDocument {
  return {
    type: reader.codedOf(d, 'type', GBDFL_DOCUMENT_TYPES),
    number: reader.text(d, 'number'),
    issuer: reader.coded(d, 'issuer'),
    issueDate: reader.date(d, 'issueDate'),
    expiryDate: reader.date(d, 'expiryDate'),
    status: reader.codedOf(d, 'status', GBDFL_DOCUMENT_STATUSES),
  };
}

/** A `getBirthCertificateResponse`: the certificate, or null when GBD FL has no birth record for the child. */
export function readBirthCertificate(
  reader: PayloadReader,
  askedChildIin: string,
): GbdflBirthCertificate | null {
  const b = reader.data('birthCertificate');
  if (!b) return null;
  const act = reader.el(b, 'actRecord');
  const c = reader.el(b, 'child');
  const childIin = reader.iin(c, 'iin');
  reader.expectSame(c, 'iin', childIin, askedChildIin);
  const mother = reader.optEl(b, 'mother');
  const father = reader.optEl(b, 'father');
  const childMiddleName = reader.optText(c, 'middleName');
  return {
    certificateNumber: reader.text(b, 'certificateNumber'),
    issueDate: reader.date(b, 'issueDate'),
    actRecord: {
      number: reader.text(act, 'number'),
      date: reader.date(act, 'date'),
      registryOffice: reader.coded(act, 'registryOffice'),
    },
    child: {
      iin: childIin,
      lastName: reader.text(c, 'lastName'),
      firstName: reader.text(c, 'firstName'),
      ...(childMiddleName === undefined ? {} : { middleName: childMiddleName }),
      birthDate: reader.date(c, 'birthDate'),
      gender: gender(reader, c),
    },
    ...(mother === undefined ? {} : { mother: readParent(reader, mother) }),
    ...(father === undefined ? {} : { father: readParent(reader, father) }),
  };
}

function readParent(reader: PayloadReader, p: XmlElement): GbdflParent {
  return {
    ...definedOnly({ iin: reader.optIin(p, 'iin') }),
    lastName: reader.text(p, 'lastName'),
    firstName: reader.text(p, 'firstName'),
    ...definedOnly({
      middleName: reader.optText(p, 'middleName'),
      citizenship: reader.optCoded(p, 'citizenship'),
    }),
  };
}

/** A `checkKinshipResponse`: the kinship, or null when GBD FL does not know one of the two IINs. */
export function readKinship(
  reader: PayloadReader,
  askedChildIin: string,
  askedRepresentativeIin: string,
): GbdflKinship | null {
  const k = reader.data('kinship');
  if (!k) return null;
  const childIin = reader.iin(k, 'childIin');
  reader.expectSame(k, 'childIin', childIin, askedChildIin);
  const representativeIin = reader.iin(k, 'representativeIin');
  reader.expectSame(k, 'representativeIin', representativeIin, askedRepresentativeIin);
  if (!reader.bool(k, 'confirmed')) return { childIin, representativeIin, confirmed: false };
  // The contract has relation and basis present exactly when confirmed is true; a confirmation without them
  // cannot be acted on.
  const basis = reader.el(k, 'basis');
  const recordNumber = reader.optText(basis, 'recordNumber');
  const recordDate = reader.optDate(basis, 'recordDate');
  return {
    childIin,
    representativeIin,
    confirmed: true,
    relation: reader.codedOf(k, 'relation', GBDFL_RELATIONS),
    basis: {
      ...reader.codedOf(k, 'basis', GBDFL_KINSHIP_BASES),
      ...(recordNumber === undefined ? {} : { recordNumber }),
      ...(recordDate === undefined ? {} : { recordDate }),
    },
  };
}
