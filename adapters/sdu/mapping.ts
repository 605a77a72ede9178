import type { components } from '../../contracts/sdu/openapi';
import type { CursorPage } from '../transport/support';

/** Wire types of the SDU contract (generated) and their domain counterparts; pure functions between them. */

type S = components['schemas'];

/** A list header on the wire (`getGasVoucherList`, `getSchoolMealList`). */
export type SduRecipientListWire = S['RecipientList'];
/** A page of `listGasVoucherRecipients` on the wire. */
export type SduGasRecipientPageWire = S['GasRecipientPage'];
/** A page of `listGasVoucherListChanges` on the wire. */
export type SduGasChangePageWire = S['GasChangePage'];
/** A page of `listSchoolMealPupils` on the wire. */
export type SduMealPupilPageWire = S['MealPupilPage'];
/** A page of `listSchoolMealListChanges` on the wire. */
export type SduMealChangePageWire = S['MealChangePage'];
/** The answer of `reportJournalEntries`, `reportServiceStatuses` and `getReportBatch` on the wire. */
export type SduReportBatchWire = S['ReportBatch'];
/** The body of the `listUpdated` webhook on the wire. */
export type SduListUpdatedEventWire = S['ListUpdatedEvent'];

/** The proactive service a list or a report is about. */
export type SduServiceCode = S['ServiceCode'];
/** `published` (may still be updated, gas until the 14th) or `final`. */
export type SduListStatus = S['ListStatus'];
export type SduGender = S['Gender'];
/** `asp` (targeted social assistance) or `housing` (housing assistance), seed 000 cl. 2.2. */
export type SduAssistanceType = S['AssistanceType'];
/** `added`, `removed` or `updated`. */
export type SduChangeKind = S['ChangeKind'];
export type SduChangeReasonCode = S['ChangeReasonCode'];
/** The pupil's meal category, seed 002 Annex 1 cl. 5: `1` ASP, `2` low income, `3` orphans. */
export type SduMealCategoryCode = S['MealCategoryCode'];
/** The relation of a representative to a pupil. */
export type SduRepresentativeRole = S['RepresentativeRole'];
/** The portal's status of the service (seed 002 Annex 1 cl. 12). */
export type SduServiceStatusCode = S['ServiceStatusCode'];
/** SDU's forwarding of a batch's meals items to NOBD. */
export type SduForwardingState = S['ForwardingState'];

export const SDU_SERVICE_CODES: readonly SduServiceCode[] = ['gas-voucher', 'school-meals'];
export const SDU_MEAL_CATEGORY_CODES: readonly SduMealCategoryCode[] = ['1', '2', '3'];
export const SDU_REPRESENTATIVE_ROLES: readonly SduRepresentativeRole[] = [
  'mother',
  'father',
  'guardian',
  'trustee',
  'adoptive-parent',
  'foster-carer',
  'other-legal-representative',
];
export const SDU_SERVICE_STATUS_CODES: readonly SduServiceStatusCode[] = [
  'sms-sent',
  'reminder-sent',
  'consented',
  'refused',
  'no-reply',
  'no-phone',
  'handed-to-wallet',
  'removed-from-list',
];

/** A value of a reference book with its names. */
export interface SduCodedValue<C extends string = string> {
  readonly code: C;
  readonly nameKz: string;
  readonly nameRu: string;
}

export interface SduPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

/** A month's list of potential recipients: its header, without the people. */
export interface SduRecipientList {
  readonly listId: string;
  readonly service: SduServiceCode;
  /** `YYYY-MM`. */
  readonly month: string;
  /** 1 when first published, +1 with each update. */
  readonly version: number;
  readonly status: SduListStatus;
  /** The date the eligibility data is as of (gas: seed 001; meals: the NOBD data), null when not given. */
  readonly asOfDate: string | null;
  readonly formedAt: string;
  readonly updatedAt: string;
  /** Last day SDU may update the list (gas: the 14th, seed 000 cl. 17); null when not limited. */
  readonly updatableUntil: string | null;
  /** School year of a meals list; null for gas. */
  readonly schoolYear: string | null;
  readonly regions: readonly SduCodedValue[];
  /** People (gas) or pupils (meals) in the current version. */
  readonly total: number;
}

/** An assistance that makes a person a potential gas-voucher recipient. */
export interface SduAssistance {
  readonly type: SduAssistanceType;
  readonly periodFrom: string;
  /** Null when open. */
  readonly periodTo: string | null;
}

/** A potential recipient of a gas voucher (seed 000 cl. 2.2, seed 001). */
export interface SduGasRecipient {
  readonly iin: string;
  readonly name: SduPersonName;
  readonly birthDate: string;
  readonly gender: SduGender;
  /** The family's card in the DFC. */
  readonly familyId: string;
  readonly region: SduCodedValue;
  readonly address: string | null;
  readonly assistance: readonly SduAssistance[];
  readonly addedInVersion: number;
  readonly addedAt: string;
}

/** A page of recipients at one version of the list. */
export interface SduGasRecipientPage extends CursorPage<SduGasRecipient> {
  readonly month: string;
  readonly version: number;
}

/** One change of a gas-voucher list. */
export interface SduGasChange {
  readonly version: number;
  readonly changedAt: string;
  readonly change: SduChangeKind;
  readonly iin: string;
  readonly reason: SduCodedValue<SduChangeReasonCode>;
  /** The entry as it is now; null when removed. */
  readonly recipient: SduGasRecipient | null;
}

/** A page of changes, with the list's latest version. */
export interface SduGasChangePage extends CursorPage<SduGasChange> {
  readonly month: string;
  readonly currentVersion: number;
}

/** A school as SDU shows it on a pupil. */
export interface SduSchool {
  readonly bin: string;
  readonly nobdSchoolId: string | null;
  readonly nameKz: string;
  readonly nameRu: string;
  readonly region: SduCodedValue;
}

/** A parent or legal representative of a pupil, a potential recipient (seed 002 Annex 1 cl. 6). */
export interface SduRepresentative {
  readonly iin: string;
  readonly name: SduPersonName;
  readonly role: SduRepresentativeRole;
  /** 1 is asked first (cl. 9: the mother, then the father, and/or the legal representatives). */
  readonly contactPriority: number;
  readonly source: 'nobd' | 'gbdfl' | null;
}

/** A pupil to be served, with the representatives who are potential recipients (seed 002 Annex 1 cl. 6). */
export interface SduMealPupil {
  readonly pupilIin: string;
  readonly name: SduPersonName;
  readonly birthDate: string;
  readonly gender: SduGender;
  readonly school: SduSchool;
  readonly grade: number | null;
  readonly classLetter: string | null;
  readonly category: SduCodedValue<SduMealCategoryCode>;
  readonly schoolYear: string;
  readonly familyId: string | null;
  /** Ordered by `contactPriority`. */
  readonly representatives: readonly SduRepresentative[];
  /** First month of the school year the pupil was in the list: whether the portal already asked. */
  readonly inListSince: string;
  readonly addedInVersion: number;
}

/** A page of pupils at one version of the list. */
export interface SduMealPupilPage extends CursorPage<SduMealPupil> {
  readonly month: string;
  readonly version: number;
}

/** One change of a school-meals list. */
export interface SduMealChange {
  readonly version: number;
  readonly changedAt: string;
  readonly change: SduChangeKind;
  readonly pupilIin: string;
  readonly reason: SduCodedValue<SduChangeReasonCode>;
  /** The entry as it is now; null when removed. */
  readonly pupil: SduMealPupil | null;
}

/** A page of changes of a school-meals list. */
export interface SduMealChangePage extends CursorPage<SduMealChange> {
  readonly month: string;
  readonly currentVersion: number;
}

/** An entry of the portal's registration journal: no phone in MAB, the process ended (seed 000 cl. 15). */
export interface SduJournalEntry {
  /** The portal's id of the entry; SDU ignores a second entry with the same id. */
  readonly entryId: string;
  readonly service: SduServiceCode;
  readonly month: string;
  readonly event: 'no-phone';
  /** The potential recipient (gas) or the parent or representative (meals). */
  readonly subjectIin: string;
  /** The pupil (meals). */
  readonly pupilIin?: string;
  /** The pupil's school (meals). */
  readonly schoolBin?: string;
  readonly recordedAt: string;
  readonly listVersion?: number;
}

/** A status of the service for a pupil and a representative (seed 002 Annex 1 cl. 12). */
export interface SduServiceStatus {
  /** The portal's id of the status; SDU ignores a second status with the same id. */
  readonly statusId: string;
  readonly service: SduServiceCode;
  readonly month: string;
  /** The pupil (meals). */
  readonly pupilIin?: string;
  /** The person asked: the parent or representative (meals), the recipient (gas). */
  readonly recipientIin: string;
  readonly recipientRole?: SduRepresentativeRole;
  readonly schoolBin?: string;
  readonly status: SduServiceStatusCode;
  readonly statusAt: string;
}

/** A batch of reports as SDU received it, and its forwarding to NOBD. */
export interface SduReportBatch {
  readonly batchId: string;
  readonly kind: 'journal-entries' | 'service-statuses';
  readonly receivedAt: string;
  readonly accepted: number;
  /** Items already received before (by entryId / statusId). */
  readonly duplicates: number;
  readonly nobdForwarding: SduForwardingState;
  /** Null while pending or not applicable. */
  readonly forwardedAt: string | null;
  readonly rejectedByNobd: readonly { readonly itemId: string; readonly reason: string }[];
}

export function toSduCodedValue<C extends string>(wire: {
  code: C;
  nameKz: string;
  nameRu: string;
}): SduCodedValue<C> {
  return { code: wire.code, nameKz: wire.nameKz, nameRu: wire.nameRu };
}

export function toSduPersonName(wire: S['PersonName']): SduPersonName {
  return wire.middleName === undefined
    ? { lastName: wire.lastName, firstName: wire.firstName }
    : { lastName: wire.lastName, firstName: wire.firstName, middleName: wire.middleName };
}

function cursor(page: S['PageInfo']): { nextCursor: string | null; hasMore: boolean } {
  return { nextCursor: page.nextCursor ?? null, hasMore: page.hasMore };
}

export function toSduRecipientList(wire: SduRecipientListWire): SduRecipientList {
  return {
    listId: wire.listId,
    service: wire.service,
    month: wire.month,
    version: wire.version,
    status: wire.status,
    asOfDate: wire.asOfDate ?? null,
    formedAt: wire.formedAt,
    updatedAt: wire.updatedAt,
    updatableUntil: wire.updatableUntil ?? null,
    schoolYear: wire.schoolYear ?? null,
    regions: (wire.regions ?? []).map(toSduCodedValue),
    total: wire.total,
  };
}

export function toSduGasRecipient(wire: S['GasRecipient']): SduGasRecipient {
  return {
    iin: wire.iin,
    name: toSduPersonName(wire.name),
    birthDate: wire.birthDate,
    gender: wire.gender,
    familyId: wire.familyId,
    region: toSduCodedValue(wire.region),
    address: wire.address ?? null,
    assistance: wire.assistance.map((a) => ({
      type: a.type,
      periodFrom: a.periodFrom,
      periodTo: a.periodTo ?? null,
    })),
    addedInVersion: wire.addedInVersion,
    addedAt: wire.addedAt,
  };
}

export function toSduGasRecipientPage(wire: SduGasRecipientPageWire): SduGasRecipientPage {
  return {
    month: wire.month,
    version: wire.version,
    items: wire.items.map(toSduGasRecipient),
    ...cursor(wire.page),
  };
}

export function toSduGasChangePage(wire: SduGasChangePageWire): SduGasChangePage {
  return {
    month: wire.month,
    currentVersion: wire.currentVersion,
    items: wire.items.map((c) => ({
      version: c.version,
      changedAt: c.changedAt,
      change: c.change,
      iin: c.iin,
      reason: toSduCodedValue(c.reason),
      recipient: c.recipient ? toSduGasRecipient(c.recipient) : null,
    })),
    ...cursor(wire.page),
  };
}

export function toSduMealPupil(wire: S['MealPupil']): SduMealPupil {
  return {
    pupilIin: wire.pupilIin,
    name: toSduPersonName(wire.name),
    birthDate: wire.birthDate,
    gender: wire.gender,
    school: {
      bin: wire.school.bin,
      nobdSchoolId: wire.school.nobdSchoolId ?? null,
      nameKz: wire.school.nameKz,
      nameRu: wire.school.nameRu,
      region: toSduCodedValue(wire.school.region),
    },
    grade: wire.grade ?? null,
    classLetter: wire.classLetter ?? null,
    category: toSduCodedValue(wire.category),
    schoolYear: wire.schoolYear,
    familyId: wire.familyId ?? null,
    representatives: [...wire.representatives]
      .sort((a, b) => a.contactPriority - b.contactPriority)
      .map((r) => ({
        iin: r.iin,
        name: toSduPersonName(r.name),
        role: r.role,
        contactPriority: r.contactPriority,
        source: r.source ?? null,
      })),
    inListSince: wire.inListSince,
    addedInVersion: wire.addedInVersion,
  };
}

export function toSduMealPupilPage(wire: SduMealPupilPageWire): SduMealPupilPage {
  return {
    month: wire.month,
    version: wire.version,
    items: wire.items.map(toSduMealPupil),
    ...cursor(wire.page),
  };
}

export function toSduMealChangePage(wire: SduMealChangePageWire): SduMealChangePage {
  return {
    month: wire.month,
    currentVersion: wire.currentVersion,
    items: wire.items.map((c) => ({
      version: c.version,
      changedAt: c.changedAt,
      change: c.change,
      pupilIin: c.pupilIin,
      reason: toSduCodedValue(c.reason),
      pupil: c.pupil ? toSduMealPupil(c.pupil) : null,
    })),
    ...cursor(wire.page),
  };
}

/** The body of `reportJournalEntries`: absent pupil and school are sent as null, as the contract has them for gas. */
export function toSduJournalReportWire(entries: readonly SduJournalEntry[]): S['JournalReport'] {
  return {
    entries: entries.map((e) => ({
      entryId: e.entryId,
      service: e.service,
      month: e.month,
      event: e.event,
      subjectIin: e.subjectIin,
      pupilIin: e.pupilIin ?? null,
      schoolBin: e.schoolBin ?? null,
      recordedAt: e.recordedAt,
      ...(e.listVersion === undefined ? {} : { listVersion: e.listVersion }),
    })),
  };
}

/** The body of `reportServiceStatuses`. */
export function toSduServiceStatusReportWire(
  statuses: readonly SduServiceStatus[],
): S['ServiceStatusReport'] {
  return {
    statuses: statuses.map((s) => ({
      statusId: s.statusId,
      service: s.service,
      month: s.month,
      pupilIin: s.pupilIin ?? null,
      recipientIin: s.recipientIin,
      recipientRole: s.recipientRole ?? null,
      schoolBin: s.schoolBin ?? null,
      status: s.status,
      statusAt: s.statusAt,
    })),
  };
}

export function toSduReportBatch(wire: SduReportBatchWire): SduReportBatch {
  return {
    batchId: wire.batchId,
    kind: wire.kind,
    receivedAt: wire.receivedAt,
    accepted: wire.accepted,
    duplicates: wire.duplicates,
    nobdForwarding: wire.nobdForwarding,
    forwardedAt: wire.forwardedAt ?? null,
    rejectedByNobd: (wire.rejectedByNobd ?? []).map((r) => ({ itemId: r.itemId, reason: r.reason })),
  };
}
