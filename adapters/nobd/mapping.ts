import type { components, operations } from '../../contracts/nobd/openapi';
import type { CursorPage } from '../transport/support';

/** Wire types of the NOBD contract (generated) and their domain counterparts; pure functions between them. */

type S = components['schemas'];
type Json<
  O extends keyof operations,
  C extends keyof operations[O]['responses'],
> = operations[O]['responses'][C] extends {
  content: { 'application/json': infer T };
}
  ? T
  : never;

/** Answer of `listSchools` on the wire. */
export type NobdListSchoolsResponse = Json<'listSchools', 200>;
/** Answer of `listPupils` on the wire. */
export type NobdListPupilsResponse = Json<'listPupils', 200>;
/** Answer of `listHomeSchoolingOrders` on the wire. */
export type NobdListHomeSchoolingOrdersResponse = Json<'listHomeSchoolingOrders', 200>;
/** Answer of `getHomeSchoolingOrder` on the wire. */
export type NobdGetHomeSchoolingOrderResponse = Json<'getHomeSchoolingOrder', 200>;
/** Answer of `listHomeSchoolingChanges` on the wire. */
export type NobdListHomeSchoolingChangesResponse = Json<'listHomeSchoolingChanges', 200>;
/** Answer of `getLegalRepresentatives` on the wire. */
export type NobdGetLegalRepresentativesResponse = Json<'getLegalRepresentatives', 200>;
/** Answer of `submitServiceStatuses` on the wire. */
export type NobdSubmitServiceStatusesResponse = Json<'submitServiceStatuses', 202>;
/** Answer of `submitWalletDailyReport` on the wire. */
export type NobdSubmitWalletDailyReportResponse = Json<'submitWalletDailyReport', 202>;
/** Answer of `getWalletDailyReport` on the wire. */
export type NobdGetWalletDailyReportResponse = Json<'getWalletDailyReport', 200>;
/** Answer of `createWebhookSubscription` on the wire. */
export type NobdCreateWebhookSubscriptionResponse = Json<'createWebhookSubscription', 201>;
/** Body of the `homeSchoolingDailyChanges` webhook on the wire. */
export type NobdDailyChangesWire = S['DailyChanges'];

/** A page of a NOBD list. */
export type NobdPage<T> = CursorPage<T>;

/** A value of a NOBD reference book (region, representative role, end reason). */
export interface NobdCodedValue {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** Full name: тегі / аты / әкесінің аты — фамилия / имя / отчество. */
export interface NobdPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

export type NobdGender = S['Gender'];
/** Meal status of a pupil (seed 002 Annex 1 cl. 4). */
export type NobdMealStatus = S['MealStatus'];
/** State of a home-schooling order; `ended` stops the payments (seed 003 cl. 14). */
export type NobdOrderStatus = S['OrderStatus'];
/** Type of change in the home-schooling feed. */
export type NobdChangeType = S['ChangeType'];
/** Language of instruction. */
export type NobdStudyLanguage = NonNullable<S['Pupil']['studyLanguage']>;

export const NOBD_MEAL_STATUSES: readonly NobdMealStatus[] = [
  'provided-free',
  'provided-discounted',
  'candidate',
  'none',
];
export const NOBD_ORDER_STATUSES: readonly NobdOrderStatus[] = ['active', 'ended', 'cancelled'];
export const NOBD_CHANGE_TYPES: readonly NobdChangeType[] = [
  'order-registered',
  'order-amended',
  'schooling-ended',
];

/** A general-education school. */
export interface NobdSchool {
  readonly schoolId: string;
  /** БСН / БИН of the school. */
  readonly bin: string;
  readonly nameKz: string;
  readonly nameRu: string;
  /** Region; `code` is the KATO prefix. */
  readonly region: NobdCodedValue;
  /** KATO code of the locality. */
  readonly kato: string;
  readonly address: string;
}

/** A school as shown on a pupil or an order. */
export type NobdSchoolRef = Omit<NobdSchool, 'kato' | 'address'>;

/** A pupil with the school and the meal status (seed 002 Annex 1 cl. 4). */
export interface NobdPupil {
  readonly iin: string;
  readonly name: NobdPersonName;
  /** ISO date. */
  readonly birthDate: string;
  readonly gender: NobdGender;
  readonly school: NobdSchoolRef;
  /** 0 is the pre-school class. */
  readonly grade: number;
  readonly classLetter?: string;
  readonly studyLanguage?: NobdStudyLanguage;
  readonly mealStatus: NobdMealStatus;
  /** `2025-2026`. */
  readonly schoolYear: string;
  /** ISO date-time with offset. */
  readonly updatedAt: string;
}

/** A child accepted for home schooling. */
export interface NobdChild {
  readonly iin: string;
  readonly name: NobdPersonName;
  readonly birthDate: string;
  readonly gender: NobdGender;
}

/** An order accepting a child for free individual home schooling, with the ДКК / ВКК conclusion (seed 003 cl. 4). */
export interface NobdHomeSchoolingOrder {
  readonly orderId: string;
  readonly child: NobdChild;
  readonly school: NobdSchoolRef;
  readonly grade: number;
  readonly orderNumber: string;
  readonly orderDate: string;
  /** First day of home schooling. */
  readonly periodFrom: string;
  /** Last day of home schooling as ordered. */
  readonly periodTo: string;
  readonly vkkConclusionNumber: string;
  readonly vkkConclusionDate: string;
  readonly status: NobdOrderStatus;
  /** Last day of home schooling, once it ended (seed 003 cl. 14). */
  readonly endedOn?: string;
  /** Why it ended: `returned-to-school`, `period-over`, `left-school`, `moved-abroad`, `deceased`, `vkk-revoked`. */
  readonly endReason?: NobdCodedValue;
  /** The day of the daily list the order was in (cl. 4). */
  readonly registeredOn: string;
  readonly updatedAt: string;
}

/** One change in the home-schooling feed, with the order as it is after the change. */
export interface NobdHomeSchoolingChange {
  readonly changeId: string;
  readonly type: NobdChangeType;
  readonly occurredOn: string;
  readonly order: NobdHomeSchoolingOrder;
}

/** A legal representative of a child (заңды өкіл / законный представитель). */
export interface NobdLegalRepresentative {
  readonly iin: string;
  readonly name: NobdPersonName;
  readonly birthDate: string;
  readonly gender: NobdGender;
  /** `parent`, `guardian`, `trustee`, `adoptive-parent`, `foster-carer`. */
  readonly role: NobdCodedValue;
  /** The document that makes the person a representative. */
  readonly basis?: {
    readonly documentType: string;
    readonly documentNumber: string;
    readonly documentDate: string;
    readonly issuer?: string;
  };
  readonly since: string;
}

/** The legal representatives NOBD holds for a child (seed 003 cl. 7); empty when it knows none. */
export interface NobdLegalRepresentatives {
  readonly childIin: string;
  readonly representatives: readonly NobdLegalRepresentative[];
}

/** A status of the meal service for a pupil, passed on by SDU (seed 002 Annex 1 cl. 8, 12). */
export type NobdServiceStatus = Readonly<S['ServiceStatus']>;
/** The status values of {@link NobdServiceStatus}. */
export type NobdServiceStatusValue = S['ServiceStatus']['status'];
export const NOBD_SERVICE_STATUS_VALUES: readonly NobdServiceStatusValue[] = [
  'no-phone',
  'sms-sent',
  'reminder-sent',
  'consented',
  'refused',
  'no-reply',
  'voucher-issued',
  'voucher-activated',
];

/** A batch of statuses from SDU. */
export interface NobdServiceStatusBatch {
  /** SDU's id of the batch. */
  readonly batchId: string;
  /** `2025-2026`. */
  readonly schoolYear: string;
  /** 1 to 5000 statuses. */
  readonly statuses: readonly NobdServiceStatus[];
}

/** Why NOBD refused a record of a batch. */
export type NobdRejectionCode = S['Rejection']['code'];

/** A record NOBD could not take. */
export interface NobdRejection {
  /** The record: a pupil IIN, a voucher id or a redemption id. */
  readonly ref: string;
  readonly code: NobdRejectionCode;
  readonly reason: string;
}

/** What NOBD did with a batch of statuses. */
export interface NobdBatchResult {
  readonly batchId: string;
  readonly accepted: number;
  readonly rejected: readonly NobdRejection[];
  readonly receivedAt: string;
}

/** A meal voucher activated (seed 002 Annex 2 cl. 6, 14). */
export type NobdReportedActivation = Readonly<S['ReportedActivation']>;
/** A meal served (seed 002 Annex 2 cl. 7, 10, 14). */
export type NobdReportedMeal = Readonly<S['ReportedMeal']>;

/** One part of the Wallet's report of a day (up to 5000 activations and 5000 meals). */
export interface NobdWalletReportPart {
  readonly reportDate: string;
  /** From 1. */
  readonly part: number;
  readonly partsTotal: number;
  readonly activations: readonly NobdReportedActivation[];
  readonly meals: readonly NobdReportedMeal[];
}

/** What NOBD has received of the Wallet's report of a day. */
export interface NobdWalletDailyReport {
  readonly reportDate: string;
  readonly partsTotal: number;
  readonly partsReceived: number;
  readonly activations: number;
  readonly meals: number;
  readonly rejected: readonly NobdRejection[];
  /** True when every part arrived. */
  readonly complete: boolean;
  /** When the last part arrived. */
  readonly receivedAt: string;
}

/** The webhooks NOBD sends. */
export type NobdWebhookEvent = S['CreateSubscriptionRequest']['events'][number];

/** A webhook subscription. */
export interface NobdSubscription {
  readonly subscriptionId: string;
  readonly callbackUrl: string;
  readonly events: readonly NobdWebhookEvent[];
  readonly createdAt: string;
}

/** The body of the `homeSchoolingDailyChanges` webhook: the changes of one day (seed 003 cl. 4, 14). */
export interface NobdDailyChanges {
  readonly date: string;
  readonly newOrders: number;
  readonly schoolingEnded: number;
  readonly changes: readonly NobdHomeSchoolingChange[];
  /** True when the rest of the day is in the feed after `nextCursor`. */
  readonly hasMore: boolean;
  readonly nextCursor?: string;
}

/** A reference-book value. */
export function toNobdCodedValue(wire: S['CodedValue']): NobdCodedValue {
  return { code: wire.code, nameKz: wire.nameKz, nameRu: wire.nameRu };
}

/** A name, `middleName` only when present. */
export function toNobdPersonName(wire: S['PersonName']): NobdPersonName {
  return wire.middleName === undefined
    ? { lastName: wire.lastName, firstName: wire.firstName }
    : { lastName: wire.lastName, firstName: wire.firstName, middleName: wire.middleName };
}

function page<W, D>(wire: { items: W[]; page: S['PageInfo'] }, map: (w: W) => D): NobdPage<D> {
  return {
    items: wire.items.map(map),
    nextCursor: wire.page.nextCursor ?? null,
    hasMore: wire.page.hasMore,
  };
}

export function toNobdSchool(wire: S['School']): NobdSchool {
  return { ...toNobdSchoolRef(wire), kato: wire.kato, address: wire.address };
}

export function toNobdSchoolRef(wire: S['SchoolRef']): NobdSchoolRef {
  return {
    schoolId: wire.schoolId,
    bin: wire.bin,
    nameKz: wire.nameKz,
    nameRu: wire.nameRu,
    region: toNobdCodedValue(wire.region),
  };
}

export function toNobdPupil(wire: S['Pupil']): NobdPupil {
  return {
    iin: wire.iin,
    name: toNobdPersonName(wire.name),
    birthDate: wire.birthDate,
    gender: wire.gender,
    school: toNobdSchoolRef(wire.school),
    grade: wire.grade,
    ...(wire.classLetter === undefined ? {} : { classLetter: wire.classLetter }),
    ...(wire.studyLanguage === undefined ? {} : { studyLanguage: wire.studyLanguage }),
    mealStatus: wire.mealStatus,
    schoolYear: wire.schoolYear,
    updatedAt: wire.updatedAt,
  };
}

export function toNobdHomeSchoolingOrder(wire: S['HomeSchoolingOrder']): NobdHomeSchoolingOrder {
  return {
    orderId: wire.orderId,
    child: {
      iin: wire.child.iin,
      name: toNobdPersonName(wire.child.name),
      birthDate: wire.child.birthDate,
      gender: wire.child.gender,
    },
    school: toNobdSchoolRef(wire.school),
    grade: wire.grade,
    orderNumber: wire.orderNumber,
    orderDate: wire.orderDate,
    periodFrom: wire.periodFrom,
    periodTo: wire.periodTo,
    vkkConclusionNumber: wire.vkkConclusionNumber,
    vkkConclusionDate: wire.vkkConclusionDate,
    status: wire.status,
    ...(wire.endedOn === undefined ? {} : { endedOn: wire.endedOn }),
    ...(wire.endReason === undefined ? {} : { endReason: toNobdCodedValue(wire.endReason) }),
    registeredOn: wire.registeredOn,
    updatedAt: wire.updatedAt,
  };
}

export function toNobdHomeSchoolingChange(wire: S['HomeSchoolingChange']): NobdHomeSchoolingChange {
  return {
    changeId: wire.changeId,
    type: wire.type,
    occurredOn: wire.occurredOn,
    order: toNobdHomeSchoolingOrder(wire.order),
  };
}

export function toNobdSchoolPage(wire: NobdListSchoolsResponse): NobdPage<NobdSchool> {
  return page(wire, toNobdSchool);
}

export function toNobdPupilPage(wire: NobdListPupilsResponse): NobdPage<NobdPupil> {
  return page(wire, toNobdPupil);
}

export function toNobdOrderPage(wire: NobdListHomeSchoolingOrdersResponse): NobdPage<NobdHomeSchoolingOrder> {
  return page(wire, toNobdHomeSchoolingOrder);
}

export function toNobdChangePage(
  wire: NobdListHomeSchoolingChangesResponse,
): NobdPage<NobdHomeSchoolingChange> {
  return page(wire, toNobdHomeSchoolingChange);
}

export function toNobdLegalRepresentatives(
  wire: NobdGetLegalRepresentativesResponse,
): NobdLegalRepresentatives {
  return {
    childIin: wire.childIin,
    representatives: wire.representatives.map((r) => ({
      iin: r.iin,
      name: toNobdPersonName(r.name),
      birthDate: r.birthDate,
      gender: r.gender,
      role: toNobdCodedValue(r.role),
      ...(r.basis === undefined
        ? {}
        : {
            basis: {
              documentType: r.basis.documentType,
              documentNumber: r.basis.documentNumber,
              documentDate: r.basis.documentDate,
              ...(r.basis.issuer === undefined ? {} : { issuer: r.basis.issuer }),
            },
          }),
      since: r.since,
    })),
  };
}

/** The body of a `submitServiceStatuses` call. */
export function toNobdServiceStatusBatchWire(batch: NobdServiceStatusBatch): S['ServiceStatusBatch'] {
  return {
    batchId: batch.batchId,
    schoolYear: batch.schoolYear,
    statuses: batch.statuses.map((s) => ({ ...s })),
  };
}

function toNobdRejection(wire: S['Rejection']): NobdRejection {
  return { ref: wire.ref, code: wire.code, reason: wire.reason };
}

export function toNobdBatchResult(wire: NobdSubmitServiceStatusesResponse): NobdBatchResult {
  return {
    batchId: wire.batchId,
    accepted: wire.accepted,
    rejected: wire.rejected.map(toNobdRejection),
    receivedAt: wire.receivedAt,
  };
}

/** The body of a `submitWalletDailyReport` call. */
export function toNobdWalletReportPartWire(part: NobdWalletReportPart): S['WalletDailyReportPart'] {
  return {
    reportDate: part.reportDate,
    part: part.part,
    partsTotal: part.partsTotal,
    activations: part.activations.map((a) => ({ ...a })),
    meals: part.meals.map((m) => ({ ...m })),
  };
}

export function toNobdWalletDailyReport(wire: S['WalletDailyReport']): NobdWalletDailyReport {
  return {
    reportDate: wire.reportDate,
    partsTotal: wire.partsTotal,
    partsReceived: wire.partsReceived,
    activations: wire.activations,
    meals: wire.meals,
    rejected: wire.rejected.map(toNobdRejection),
    complete: wire.complete,
    receivedAt: wire.receivedAt,
  };
}

export function toNobdSubscription(wire: NobdCreateWebhookSubscriptionResponse): NobdSubscription {
  return {
    subscriptionId: wire.subscriptionId,
    callbackUrl: wire.callbackUrl,
    events: [...wire.events],
    createdAt: wire.createdAt,
  };
}

/** The body of a `homeSchoolingDailyChanges` webhook (already verified by the receiver) as the domain sees it. */
export function toNobdDailyChanges(wire: NobdDailyChangesWire): NobdDailyChanges {
  return {
    date: wire.date,
    newOrders: wire.newOrders,
    schoolingEnded: wire.schoolingEnded,
    changes: wire.changes.map(toNobdHomeSchoolingChange),
    hasMore: wire.hasMore,
    ...(wire.nextCursor === undefined ? {} : { nextCursor: wire.nextCursor }),
  };
}
