import type { components } from '../../contracts/social-portal/openapi';
import { tiyn, type Tiyn } from '../../src/domain/money';
import type { CursorPage } from '../transport/support';

/** Wire types of the Social Services Portal contract (generated) and their domain counterparts; pure functions. */

type S = components['schemas'];

/** A measure on the wire. */
export type SocialPortalIprMeasureWire = S['IprMeasure'];
/** A page of measures on the wire. */
export type SocialPortalIprMeasurePageWire = S['IprMeasurePage'];
/** A notification on the wire. */
export type SocialPortalNotificationWire = S['Notification'];
/** A page of notifications on the wire. */
export type SocialPortalNotificationPageWire = S['NotificationPage'];
/** A reactivation request on the wire. */
export type SocialPortalReactivationRequestWire = S['ReactivationRequest'];
/** A page of executions on the wire. */
export type SocialPortalExecutionPageWire = S['ExecutionPage'];
/** A supplier on the wire. */
export type SocialPortalSupplierWire = S['Supplier'];
/** A page of suppliers on the wire. */
export type SocialPortalSupplierPageWire = S['SupplierPage'];
/** An offer on the wire. */
export type SocialPortalOfferWire = S['Offer'];
/** A page of offers on the wire. */
export type SocialPortalOfferPageWire = S['OfferPage'];
/** The body of the `measureStatusChanged` webhook on the wire. */
export type SocialPortalMeasureStatusChangedEventWire = S['MeasureStatusChangedEvent'];

/** A page of a portal list. */
export type SocialPortalPage<T> = CursorPage<T>;

/** A value of a reference book. */
export interface SocialPortalCodedValue<C extends string = string> {
  readonly code: C;
  readonly nameKz: string;
  readonly nameRu: string;
}

export interface SocialPortalPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

export type SocialPortalGender = S['Gender'];
/** Kind of aid or service (seed 004 cl. 2 14), cl. 13). */
export type SocialPortalMeasureKind = S['MeasureKind'];
export type SocialPortalMeasureUnit = S['Measure']['unit'];
/** Status of a measure on the portal (cl. 7, 10). */
export type SocialPortalMeasureStatusCode = S['MeasureStatusCode'];
/** `initial` or `general` (after reactivation, cl. 10). */
export type SocialPortalQueue = S['Queue'];
export type SocialPortalWithdrawalReason = S['WithdrawalReason'];
export type SocialPortalNotificationKind = S['NotificationKind'];
/** How the local executive body notified a person without a MAB phone (cl. 9). */
export type SocialPortalOtherMeansMethod = S['OtherMeansMethod'];
export type SocialPortalExecutionStage = S['ExecutionStage'];
export type SocialPortalSupplierKind = S['SupplierKind'];
export type SocialPortalDirection = S['Direction'];
export type SocialPortalSupplierStatus = S['SupplierStatus'];
export type SocialPortalRepresentativeRole = NonNullable<S['LegalRepresentative']>['role'];

export const SOCIAL_PORTAL_MEASURE_KINDS: readonly SocialPortalMeasureKind[] = [
  'prosthetic-orthopaedic',
  'surdo',
  'tiflo',
  'hygiene',
  'mobility',
  'sign-language',
  'personal-assistant',
  'sanatorium',
  'special-social-services',
];
export const SOCIAL_PORTAL_MEASURE_UNITS: readonly SocialPortalMeasureUnit[] = [
  'piece',
  'pair',
  'set',
  'hour',
  'day',
  'month',
];
export const SOCIAL_PORTAL_MEASURE_STATUS_CODES: readonly SocialPortalMeasureStatusCode[] = [
  'received',
  'awaiting-notification',
  'notified',
  'supplier-chosen',
  'blocked',
  'reactivation-requested',
  'reactivated',
  'executed',
  'withdrawn',
];
export const SOCIAL_PORTAL_WITHDRAWAL_REASONS: readonly SocialPortalWithdrawalReason[] = [
  'ipr-revised',
  'person-deceased',
  'provided-otherwise',
  'disability-ended',
  'issued-in-error',
];
export const SOCIAL_PORTAL_OTHER_MEANS_METHODS: readonly SocialPortalOtherMeansMethod[] = [
  'registered-mail',
  'courier',
  'in-person',
  'phone-call',
  'email',
];
export const SOCIAL_PORTAL_EXECUTION_STAGES: readonly SocialPortalExecutionStage[] = [
  'supplier-chosen',
  'delivered',
  'executed',
  'cancelled-by-person',
];
export const SOCIAL_PORTAL_SUPPLIER_KINDS: readonly SocialPortalSupplierKind[] = [
  'legal-entity',
  'sole-proprietor',
  'personal-assistant',
];
export const SOCIAL_PORTAL_DIRECTIONS: readonly SocialPortalDirection[] = [
  'special-social-services',
  'technical-aid-sales',
  'sanatorium-treatment',
  'sign-language',
  'personal-assistant',
];
export const SOCIAL_PORTAL_SUPPLIER_STATUSES: readonly SocialPortalSupplierStatus[] = [
  'active',
  'suspended',
  'deregistered',
];

/** An identity document of the person. */
export interface SocialPortalIdentityDocument {
  readonly type: SocialPortalCodedValue;
  readonly number: string;
  readonly issuer: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

/** The person with a disability (қатысушы / участник). */
export interface SocialPortalParticipant {
  readonly iin: string;
  readonly name: SocialPortalPersonName;
  readonly birthDate: string;
  readonly gender: SocialPortalGender;
  readonly registrationAddress?: string | null;
  /** The MAB phone, `+77XXXXXXXXX`; null without one (the local executive body notifies by other means, cl. 9). */
  readonly phone?: string | null;
  readonly identityDocument?: SocialPortalIdentityDocument;
}

/** The person's legal representative. */
export interface SocialPortalLegalRepresentative {
  readonly iin: string;
  readonly name: SocialPortalPersonName;
  readonly role: SocialPortalRepresentativeRole;
  readonly phone?: string | null;
}

/** The aid or service of a measure. */
export interface SocialPortalMeasureSpec {
  readonly kind: SocialPortalMeasureKind;
  readonly item: SocialPortalCodedValue;
  readonly quantity: number;
  readonly unit: SocialPortalMeasureUnit;
  /** The guaranteed sum the local executive body pays (cl. 2 2), cl. 8). */
  readonly guaranteedAmount?: Tiyn | null;
}

/** The local executive body (жергілікті атқарушы орган / местный исполнительный орган). */
export interface SocialPortalLocalExecutiveBody {
  readonly bin: string;
  readonly nameKz: string;
  readonly nameRu: string;
  /** KATO prefix of its region. */
  readonly regionCode?: string;
}

/** One measure of a person's IPR, as E-Sobes sends it (seed 004 cl. 9). */
export interface SocialPortalMeasureSubmission {
  readonly measureId: string;
  readonly iprNumber: string;
  readonly iprDate: string;
  readonly deadline: string;
  readonly person: SocialPortalParticipant;
  readonly legalRepresentative?: SocialPortalLegalRepresentative | null;
  readonly disability: { readonly group: SocialPortalCodedValue; readonly establishedUntil?: string | null };
  readonly measure: SocialPortalMeasureSpec;
  readonly localExecutiveBody: SocialPortalLocalExecutiveBody;
  readonly sentAt: string;
}

/** The supplier the person chose and the order signed (cl. 8). */
export interface SocialPortalChosenSupplier {
  readonly supplierId: string;
  readonly offerId: string;
  readonly supplierName: string;
  readonly chosenAt: string;
  readonly orderNumber: string;
  readonly signedByIin: string | null;
}

/** A measure on the portal with its status, choice window and history (cl. 7, 10). */
export interface SocialPortalIprMeasure {
  readonly measureId: string;
  readonly iprNumber: string;
  readonly iprDate: string;
  readonly deadline: string;
  readonly status: SocialPortalCodedValue<SocialPortalMeasureStatusCode>;
  readonly queue: SocialPortalQueue;
  readonly queuePosition: number | null;
  readonly person: SocialPortalParticipant;
  readonly legalRepresentative: SocialPortalLegalRepresentative | null;
  readonly disability: {
    readonly group: SocialPortalCodedValue;
    readonly establishedUntil: string | null;
  } | null;
  readonly measure: SocialPortalMeasureSpec;
  readonly localExecutiveBody: SocialPortalLocalExecutiveBody;
  readonly receivedAt: string;
  readonly notifiedAt: string | null;
  /** Two months from notification (cl. 10). */
  readonly choiceDeadline: string | null;
  readonly blockedAt: string | null;
  readonly reactivationRequestedAt: string | null;
  readonly reactivatedAt: string | null;
  readonly chosenSupplier: SocialPortalChosenSupplier | null;
  readonly updatedAt: string;
  readonly history: readonly {
    readonly status: SocialPortalMeasureStatusCode;
    readonly at: string;
    readonly comment: string | null;
  }[];
}

/** E-Sobes sends a measure back after reactivating it (seed 004 cl. 10). */
export interface SocialPortalReactivation {
  /** The portal's id of the person's request (E-Sobes got it as `portalRequestId`). */
  readonly reactivationRequestId: string;
  readonly reactivatedAt: string;
  readonly deadline?: string;
  readonly queuePosition?: number;
  readonly choiceDeadline?: string;
  /** E-Sobes' id of the request (`rr-…`). */
  readonly esobesRequestId?: string;
}

/** E-Sobes withdraws a measure that no longer applies. */
export interface SocialPortalWithdrawal {
  readonly reason: SocialPortalWithdrawalReason;
  readonly withdrawnAt: string;
  readonly comment?: string;
}

/** A notice to the person about a measure (cl. 9–10). */
export interface SocialPortalNotification {
  readonly notificationId: string;
  readonly measureId: string;
  readonly kind: SocialPortalNotificationKind;
  readonly channel: 'sms' | 'other-means';
  readonly phone: string | null;
  readonly smsMessageId: string | null;
  readonly method: SocialPortalOtherMeansMethod | null;
  readonly notifiedBy: SocialPortalLocalExecutiveBody | null;
  readonly documentRef: string | null;
  readonly sentAt: string;
  readonly deliveryStatus: 'pending' | 'delivered' | 'failed';
  readonly deliveredAt: string | null;
}

/** A notification by other means by the local executive body, for a person without a MAB phone (cl. 9). */
export interface SocialPortalOtherMeansNotification {
  readonly method: SocialPortalOtherMeansMethod;
  readonly notifiedAt: string;
  readonly notifiedBy: SocialPortalLocalExecutiveBody;
  readonly documentRef?: string;
}

/** The person's choice of an offer, signed with EDS (cl. 8). */
export interface SocialPortalSupplierChoice {
  readonly offerId: string;
  readonly chosenAt: string;
  readonly signedByIin: string;
  readonly signatureId: string;
}

/** The person's request to reactivate supplier choice (cl. 10). */
export interface SocialPortalReactivationRequestInput {
  readonly requestedByIin: string;
  readonly requestedAt: string;
}

/** A reactivation request as the portal holds it. */
export interface SocialPortalReactivationRequest {
  readonly reactivationRequestId: string;
  readonly measureId: string;
  readonly requestedByIin: string;
  readonly requestedAt: string;
  readonly state: 'sent-to-esobes' | 'reactivated';
  readonly sentToEsobesAt: string | null;
}

/** A record of the execution of a measure (seed 004 cl. 11). */
export interface SocialPortalExecution {
  readonly executionId: string;
  readonly measureId: string;
  readonly personIin: string;
  readonly supplierId: string;
  readonly offerId: string;
  readonly orderNumber: string;
  readonly stage: SocialPortalExecutionStage;
  readonly item: SocialPortalCodedValue;
  readonly quantity: number;
  /** Reimbursed within the guaranteed sum. */
  readonly amount: Tiyn | null;
  readonly executedOn: string | null;
  readonly actNumber: string | null;
  readonly actDate: string | null;
  readonly recordedAt: string;
  readonly updatedAt: string;
}

/** A supplier on the portal (cl. 12), with the data of its kind as the e-Gov gateway gave it. */
export interface SocialPortalSupplier {
  readonly supplierId: string;
  readonly kind: SocialPortalSupplierKind;
  readonly status: SocialPortalSupplierStatus;
  readonly directions: readonly SocialPortalDirection[];
  /** KATO prefixes. */
  readonly regions: readonly string[];
  readonly registeredAt: string;
  readonly legalEntity: Readonly<NonNullable<S['LegalEntityData']>> | null;
  readonly soleProprietor: Readonly<NonNullable<S['SoleProprietorData']>> | null;
  readonly personalAssistant: Readonly<NonNullable<S['PersonalAssistantData']>> | null;
}

/** A good or service a supplier offers (cl. 13). */
export interface SocialPortalOffer {
  readonly offerId: string;
  readonly supplierId: string;
  readonly direction: SocialPortalDirection;
  readonly item: SocialPortalCodedValue;
  readonly name: string;
  readonly description: string | null;
  readonly characteristics: readonly { readonly name: string; readonly value: string }[];
  readonly documents: readonly { readonly title: string; readonly url: string }[];
  readonly involvedPersons: readonly { readonly name: SocialPortalPersonName; readonly role: string }[];
  readonly price: Tiyn;
  readonly deliveryDays: number | null;
  readonly regions: readonly string[];
  readonly status: 'published' | 'withdrawn';
  readonly publishedAt: string;
}

/** The body of the `measureStatusChanged` webhook (once its signature is checked) as the domain sees it. */
export interface SocialPortalMeasureStatusChangedEvent {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly measureId: string;
  readonly personIin: string;
  readonly status: SocialPortalCodedValue<SocialPortalMeasureStatusCode>;
  readonly previousStatus: SocialPortalMeasureStatusCode | null;
  readonly queue: SocialPortalQueue;
}

export function toSocialPortalCodedValue<C extends string>(wire: {
  code: C;
  nameKz: string;
  nameRu: string;
}): SocialPortalCodedValue<C> {
  return { code: wire.code, nameKz: wire.nameKz, nameRu: wire.nameRu };
}

export function toSocialPortalPersonName(wire: S['PersonName']): SocialPortalPersonName {
  return wire.middleName === undefined
    ? { lastName: wire.lastName, firstName: wire.firstName }
    : { lastName: wire.lastName, firstName: wire.firstName, middleName: wire.middleName };
}

function page<W, D>(wire: { items: W[]; page: S['PageInfo'] }, map: (w: W) => D): SocialPortalPage<D> {
  return { items: wire.items.map(map), nextCursor: wire.page.nextCursor ?? null, hasMore: wire.page.hasMore };
}

function toBody(wire: S['LocalExecutiveBody']): SocialPortalLocalExecutiveBody {
  return {
    bin: wire.bin,
    nameKz: wire.nameKz,
    nameRu: wire.nameRu,
    ...(wire.regionCode === undefined ? {} : { regionCode: wire.regionCode }),
  };
}

function toParticipant(wire: S['Participant']): SocialPortalParticipant {
  return {
    iin: wire.iin,
    name: toSocialPortalPersonName(wire.name),
    birthDate: wire.birthDate,
    gender: wire.gender,
    registrationAddress: wire.registrationAddress ?? null,
    phone: wire.phone ?? null,
    ...(wire.identityDocument === undefined
      ? {}
      : {
          identityDocument: {
            ...wire.identityDocument,
            type: toSocialPortalCodedValue(wire.identityDocument.type),
          },
        }),
  };
}

export function toSocialPortalIprMeasure(wire: SocialPortalIprMeasureWire): SocialPortalIprMeasure {
  const rep = wire.legalRepresentative;
  const cs = wire.chosenSupplier;
  return {
    measureId: wire.measureId,
    iprNumber: wire.iprNumber,
    iprDate: wire.iprDate,
    deadline: wire.deadline,
    status: toSocialPortalCodedValue(wire.status),
    queue: wire.queue,
    queuePosition: wire.queuePosition ?? null,
    person: toParticipant(wire.person),
    legalRepresentative: rep
      ? { iin: rep.iin, name: toSocialPortalPersonName(rep.name), role: rep.role, phone: rep.phone ?? null }
      : null,
    disability: wire.disability
      ? {
          group: toSocialPortalCodedValue(wire.disability.group),
          establishedUntil: wire.disability.establishedUntil ?? null,
        }
      : null,
    measure: {
      kind: wire.measure.kind,
      item: toSocialPortalCodedValue(wire.measure.item),
      quantity: wire.measure.quantity,
      unit: wire.measure.unit,
      guaranteedAmount:
        wire.measure.guaranteedAmountTiyn === undefined ? null : tiyn(wire.measure.guaranteedAmountTiyn),
    },
    localExecutiveBody: toBody(wire.localExecutiveBody),
    receivedAt: wire.receivedAt,
    notifiedAt: wire.notifiedAt ?? null,
    choiceDeadline: wire.choiceDeadline ?? null,
    blockedAt: wire.blockedAt ?? null,
    reactivationRequestedAt: wire.reactivationRequestedAt ?? null,
    reactivatedAt: wire.reactivatedAt ?? null,
    chosenSupplier: cs
      ? {
          supplierId: cs.supplierId,
          offerId: cs.offerId,
          supplierName: cs.supplierName,
          chosenAt: cs.chosenAt,
          orderNumber: cs.orderNumber,
          signedByIin: cs.signedByIin ?? null,
        }
      : null,
    updatedAt: wire.updatedAt,
    history: wire.history.map((h) => ({ status: h.status, at: h.at, comment: h.comment ?? null })),
  };
}

export function toSocialPortalIprMeasurePage(
  wire: SocialPortalIprMeasurePageWire,
): SocialPortalPage<SocialPortalIprMeasure> {
  return page(wire, toSocialPortalIprMeasure);
}

/** The body of `receiveIprMeasure`: what the caller gave, the guaranteed sum as `guaranteedAmountTiyn`. */
export function toSocialPortalMeasureSubmissionWire(
  s: SocialPortalMeasureSubmission,
): S['IprMeasureSubmission'] {
  const { guaranteedAmount, ...measure } = s.measure;
  return {
    measureId: s.measureId,
    iprNumber: s.iprNumber,
    iprDate: s.iprDate,
    deadline: s.deadline,
    person: { ...s.person, name: { ...s.person.name } },
    ...(s.legalRepresentative === undefined ? {} : { legalRepresentative: s.legalRepresentative }),
    disability: { ...s.disability },
    measure: {
      ...measure,
      ...(guaranteedAmount === undefined || guaranteedAmount === null
        ? {}
        : { guaranteedAmountTiyn: guaranteedAmount }),
    },
    localExecutiveBody: { ...s.localExecutiveBody },
    sentAt: s.sentAt,
  };
}

export function toSocialPortalNotification(wire: SocialPortalNotificationWire): SocialPortalNotification {
  return {
    notificationId: wire.notificationId,
    measureId: wire.measureId,
    kind: wire.kind,
    channel: wire.channel,
    phone: wire.phone ?? null,
    smsMessageId: wire.smsMessageId ?? null,
    method: wire.method ?? null,
    notifiedBy: wire.notifiedBy ? toBody(wire.notifiedBy) : null,
    documentRef: wire.documentRef ?? null,
    sentAt: wire.sentAt,
    deliveryStatus: wire.deliveryStatus,
    deliveredAt: wire.deliveredAt ?? null,
  };
}

export function toSocialPortalNotificationPage(
  wire: SocialPortalNotificationPageWire,
): SocialPortalPage<SocialPortalNotification> {
  return page(wire, toSocialPortalNotification);
}

export function toSocialPortalReactivationRequest(
  wire: SocialPortalReactivationRequestWire,
): SocialPortalReactivationRequest {
  return {
    reactivationRequestId: wire.reactivationRequestId,
    measureId: wire.measureId,
    requestedByIin: wire.requestedByIin,
    requestedAt: wire.requestedAt,
    state: wire.state,
    sentToEsobesAt: wire.sentToEsobesAt ?? null,
  };
}

export function toSocialPortalExecutionPage(
  wire: SocialPortalExecutionPageWire,
): SocialPortalPage<SocialPortalExecution> {
  return page(wire, (e) => ({
    executionId: e.executionId,
    measureId: e.measureId,
    personIin: e.personIin,
    supplierId: e.supplierId,
    offerId: e.offerId,
    orderNumber: e.orderNumber,
    stage: e.stage,
    item: toSocialPortalCodedValue(e.item),
    quantity: e.quantity,
    amount: e.amountTiyn === undefined ? null : tiyn(e.amountTiyn),
    executedOn: e.executedOn ?? null,
    actNumber: e.actNumber ?? null,
    actDate: e.actDate ?? null,
    recordedAt: e.recordedAt,
    updatedAt: e.updatedAt,
  }));
}

export function toSocialPortalSupplier(wire: SocialPortalSupplierWire): SocialPortalSupplier {
  return {
    supplierId: wire.supplierId,
    kind: wire.kind,
    status: wire.status,
    directions: [...wire.directions],
    regions: [...wire.regions],
    registeredAt: wire.registeredAt,
    legalEntity: wire.legalEntity ?? null,
    soleProprietor: wire.soleProprietor ?? null,
    personalAssistant: wire.personalAssistant ?? null,
  };
}

export function toSocialPortalSupplierPage(
  wire: SocialPortalSupplierPageWire,
): SocialPortalPage<SocialPortalSupplier> {
  return page(wire, toSocialPortalSupplier);
}

export function toSocialPortalOffer(wire: SocialPortalOfferWire): SocialPortalOffer {
  return {
    offerId: wire.offerId,
    supplierId: wire.supplierId,
    direction: wire.direction,
    item: toSocialPortalCodedValue(wire.item),
    name: wire.name,
    description: wire.description ?? null,
    characteristics: (wire.characteristics ?? []).map((c) => ({ name: c.name, value: c.value })),
    documents: (wire.documents ?? []).map((d) => ({ title: d.title, url: d.url })),
    involvedPersons: (wire.involvedPersons ?? []).map((p) => ({
      name: toSocialPortalPersonName(p.name),
      role: p.role,
    })),
    price: tiyn(wire.priceTiyn),
    deliveryDays: wire.deliveryDays ?? null,
    regions: [...wire.regions],
    status: wire.status,
    publishedAt: wire.publishedAt,
  };
}

export function toSocialPortalOfferPage(
  wire: SocialPortalOfferPageWire,
): SocialPortalPage<SocialPortalOffer> {
  return page(wire, toSocialPortalOffer);
}

/** The body of a `measureStatusChanged` webhook as the domain sees it. */
export function toSocialPortalMeasureStatusChangedEvent(
  wire: SocialPortalMeasureStatusChangedEventWire,
): SocialPortalMeasureStatusChangedEvent {
  return {
    eventId: wire.eventId,
    occurredAt: wire.occurredAt,
    measureId: wire.measureId,
    personIin: wire.personIin,
    status: toSocialPortalCodedValue(wire.status),
    previousStatus: wire.previousStatus ?? null,
    queue: wire.queue,
  };
}
