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
 * MODB payloads (contracts/modb/xsd) and their domain counterparts: request builders and response readers, pure
 * functions of their arguments and of the {@link PayloadReader}.
 */

/** The SHEP service ids and payload namespaces of MODB, per adapter method. */
export const MODB_SERVICES = {
  getDisability: {
    serviceId: 'MODB_GetDisability',
    ns: 'urn:kz-proactive:modb:get-disability:v1',
    prefix: 'md',
    request: 'getDisabilityRequest',
    response: 'getDisabilityResponse',
  },
  getIprMeasures: {
    serviceId: 'MODB_GetIprMeasures',
    ns: 'urn:kz-proactive:modb:get-ipr-measures:v1',
    prefix: 'mi',
    request: 'getIprMeasuresRequest',
    response: 'getIprMeasuresResponse',
  },
} as const;

export type ModbOperation = keyof typeof MODB_SERVICES;

/** Disability category: adult, child under seven (no group), child from seven to eighteen. */
export const MODB_DISABILITY_CATEGORIES = ['ADULT', 'CHILD_UNDER_7', 'CHILD_7_TO_18'] as const;
export type ModbDisabilityCategory = (typeof MODB_DISABILITY_CATEGORIES)[number];

/** Disability group (мүгедектік тобы / группа инвалидности). */
export const MODB_DISABILITY_GROUPS = ['1', '2', '3'] as const;
export type ModbDisabilityGroup = (typeof MODB_DISABILITY_GROUPS)[number];

/** Cause of disability (мүгедектіктің себебі / причина инвалидности). */
export const MODB_DISABILITY_CAUSES = [
  'GENERAL_DISEASE',
  'FROM_CHILDHOOD',
  'WORK_INJURY',
  'OCCUPATIONAL_DISEASE',
  'MILITARY_SERVICE',
  'CHERNOBYL',
  'SEMIPALATINSK_TESTS',
  'OTHER',
] as const;
export type ModbDisabilityCause = (typeof MODB_DISABILITY_CAUSES)[number];

/** Kinds of IPR measures: the aids and services of seed 004 cl. 2(14) and cl. 8. */
export const MODB_MEASURE_KINDS = [
  'PROSTHETIC_ORTHOPAEDIC_AID',
  'HEARING_AID',
  'VISION_AID',
  'HYGIENE_AID',
  'MOBILITY_AID',
  'SIGN_LANGUAGE_SERVICE',
  'PERSONAL_ASSISTANT_SERVICE',
  'SANATORIUM_TREATMENT',
  'SPECIAL_SOCIAL_SERVICE',
] as const;
export type ModbMeasureKind = (typeof MODB_MEASURE_KINDS)[number];

/** Execution of an IPR measure (seed 004 cl. 11: execution flows back through E-Sobes). */
export const MODB_EXECUTION_STATUSES = ['ASSIGNED', 'EXECUTED', 'CANCELLED'] as const;
export type ModbExecutionStatus = (typeof MODB_EXECUTION_STATUSES)[number];

/** A person's disability on a date (seed 003 cl. 5) with every record, newest first. Dates are ISO. */
export interface ModbDisability {
  readonly iin: string;
  /** The date `hasActiveDisability` is computed for. */
  readonly onDate: string;
  /** A record is in force on `onDate`: the answer of seed 003 cl. 5. */
  readonly hasActiveDisability: boolean;
  readonly records: readonly ModbDisabilityRecord[];
}

/** One establishment of disability by a medical-social expertise (МӘС / МСЭ). */
export interface ModbDisabilityRecord {
  readonly recordId: string;
  readonly category: CodedValue<ModbDisabilityCategory>;
  /** Absent for a child under seven. */
  readonly group?: CodedValue<ModbDisabilityGroup>;
  /** The person was under 18 when the disability was established (the children of seed 003). */
  readonly childWithDisability: boolean;
  readonly cause: CodedValue<ModbDisabilityCause>;
  readonly startDate: string;
  /** Inclusive; absent when established without a term. */
  readonly endDate?: string;
  readonly expertiseDate: string;
  readonly nextExaminationDate?: string;
  readonly expertiseDivision?: CodedValue;
}

/** The individual rehabilitation programme (IPR) of a person: what reaches the Social Services Portal (seed 004 cl. 9). */
export interface ModbIpr {
  readonly iin: string;
  readonly iprNumber: string;
  /** Date the programme was developed. */
  readonly iprDate: string;
  readonly validUntil?: string;
  readonly measures: readonly ModbIprMeasure[];
}

/** One measure of an IPR: an aid or a service, with its deadline. */
export interface ModbIprMeasure {
  readonly measureId: string;
  readonly kind: CodedValue<ModbMeasureKind>;
  /** The aid or service in the labour ministry's classifier, with its names. */
  readonly aid: CodedValue;
  /** Items, or hours or days of the service. */
  readonly quantity?: number;
  readonly deadline: string;
  readonly executionStatus: CodedValue<ModbExecutionStatus>;
}

/** Requester and, when the requester holds one, consent of a MODB request. */
export interface ModbRequestContext {
  readonly consentToken?: string;
  readonly requester: Requester;
}

// ---------- requests ----------

function request(operation: ModbOperation, inner: string): string {
  const s = MODB_SERVICES[operation];
  return payloadXml(s.prefix, s.ns, s.request, inner);
}

/** The `getDisabilityRequest` payload; `onDate` absent means today in Astana, as MODB sees it. */
export function getDisabilityRequestXml(iin: string, ctx: ModbRequestContext, onDate?: string): string {
  return request(
    'getDisability',
    contextXml(ctx.requester, ctx.consentToken) +
      leafXml('iin', iin) +
      (onDate === undefined ? '' : leafXml('onDate', onDate)),
  );
}

/** The `getIprMeasuresRequest` payload. */
export function getIprMeasuresRequestXml(iin: string, ctx: ModbRequestContext): string {
  return request('getIprMeasures', contextXml(ctx.requester, ctx.consentToken) + leafXml('iin', iin));
}

// ---------- responses ----------

/** A `getDisabilityResponse`: the disability, or null when the person was never examined. */
export function readDisability(reader: PayloadReader, askedIin: string): ModbDisability | null {
  const d = reader.data('disability');
  if (!d) return null;
  const iin = reader.iin(d, 'iin');
  reader.expectSame(d, 'iin', iin, askedIin);
  return {
    iin,
    onDate: reader.date(d, 'onDate'),
    hasActiveDisability: reader.bool(d, 'hasActiveDisability'),
    records: reader.els(reader.el(d, 'records'), 'record').map((r) => readRecord(reader, r)),
  };
}

function readRecord(reader: PayloadReader, r: XmlElement): ModbDisabilityRecord {
  return {
    recordId: reader.text(r, 'recordId'),
    category: reader.codedOf(r, 'category', MODB_DISABILITY_CATEGORIES),
    ...definedOnly({ group: reader.optCodedOf(r, 'group', MODB_DISABILITY_GROUPS) }),
    childWithDisability: reader.bool(r, 'childWithDisability'),
    cause: reader.codedOf(r, 'cause', MODB_DISABILITY_CAUSES),
    startDate: reader.date(r, 'startDate'),
    ...definedOnly({ endDate: reader.optDate(r, 'endDate') }),
    expertiseDate: reader.date(r, 'expertiseDate'),
    ...definedOnly({
      nextExaminationDate: reader.optDate(r, 'nextExaminationDate'),
      expertiseDivision: reader.optCoded(r, 'expertiseDivision'),
    }),
  };
}

/** A `getIprMeasuresResponse`: the IPR, or null when the person has none. */
export function readIpr(reader: PayloadReader, askedIin: string): ModbIpr | null {
  const p = reader.data('ipr');
  if (!p) return null;
  const iin = reader.iin(p, 'iin');
  reader.expectSame(p, 'iin', iin, askedIin);
  return {
    iin,
    iprNumber: reader.text(p, 'iprNumber'),
    iprDate: reader.date(p, 'iprDate'),
    ...definedOnly({ validUntil: reader.optDate(p, 'validUntil') }),
    measures: reader.els(reader.el(p, 'measures'), 'measure').map((m) => readMeasure(reader, m)),
  };
}

function readMeasure(reader: PayloadReader, m: XmlElement): ModbIprMeasure {
  return {
    measureId: reader.text(m, 'measureId'),
    kind: reader.codedOf(m, 'kind', MODB_MEASURE_KINDS),
    aid: { code: reader.text(m, 'code'), nameKz: reader.text(m, 'nameKz'), nameRu: reader.text(m, 'nameRu') },
    ...definedOnly({ quantity: reader.optPositiveInt(m, 'quantity', 9999) }),
    deadline: reader.date(m, 'deadline'),
    executionStatus: reader.codedOf(m, 'executionStatus', MODB_EXECUTION_STATUSES),
  };
}
