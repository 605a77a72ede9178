import type { components } from '../../contracts/esobes/openapi';
import { tiyn, type Tiyn } from '../../src/domain/money';
import type { CursorPage } from '../transport/support';

/** Wire types of the E-Sobes contract (generated) and their domain counterparts; pure functions between them. */

type S = components['schemas'];

/** An application on the wire. */
export type EsobesApplicationWire = S['Application'];
/** A page of applications on the wire. */
export type EsobesApplicationPageWire = S['ApplicationPage'];
/** An IPR measure on the wire. */
export type EsobesIprMeasureWire = S['IprMeasure'];
/** A reactivation request on the wire. */
export type EsobesReactivationRequestWire = S['ReactivationRequest'];
/** An execution stage as recorded, on the wire. */
export type EsobesExecutionRecordedWire = S['ExecutionRecorded'];

/** A page of an E-Sobes list. */
export type EsobesPage<T> = CursorPage<T>;

/** A value of a reference book. */
export interface EsobesCodedValue {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

export interface EsobesPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

/** State of a home-schooling application. */
export type EsobesApplicationStatus = S['ApplicationStatus'];
export const ESOBES_APPLICATION_STATUSES: readonly EsobesApplicationStatus[] = [
  'registered',
  'under-review',
  'assigned',
  'refused',
  'payments-stopped',
];
/** How an application came. */
export type EsobesApplicationChannel = S['Application']['channel'];
/** How the special account was chosen (seed 003 cl. 9–10). */
export type EsobesAccountSource = S['ChosenAccount']['source'];
/** State of an IPR measure on the portal side. */
export type EsobesIprMeasureStatus = S['IprMeasureStatus'];
/** Stage of the execution of an IPR measure (seed 004 cl. 11). */
export type EsobesExecutionStage = S['ExecutionStage'];
export const ESOBES_EXECUTION_STAGES: readonly EsobesExecutionStage[] = [
  'supplier-chosen',
  'delivered',
  'executed',
  'cancelled-by-person',
];
/** Kind of supplier of an aid or service. */
export type EsobesSupplierType = S['Supplier']['type'];

/** The special bank account chosen for the benefit (seed 003 cl. 9–12). */
export interface EsobesChosenAccount {
  readonly iban: string;
  /** First three characters of the BBAN. */
  readonly bankCode: string;
  readonly bic: string;
  /** `{payNameBankKz}` of SMS form 5. */
  readonly bankNameKz: string;
  readonly bankNameRu: string;
  readonly source: EsobesAccountSource;
}

/** What the proactive flow established for the electronic application (seed 003 cl. 4–12). */
export interface EsobesApplicationRequest {
  /** The flow's case reference; never personal data. */
  readonly caseRef: string;
  readonly child: { readonly iin: string; readonly name: EsobesPersonName; readonly birthDate: string };
  readonly representative: {
    readonly iin: string;
    readonly name: EsobesPersonName;
    readonly birthDate: string;
    /** `mother`, `father`, `guardian`, `trustee`, `adoptive-parent`, `foster-carer`. */
    readonly relation: EsobesCodedValue;
    /** Where the representation was established (cl. 7). */
    readonly source: 'gbdfl' | 'nobd';
    /** The MAB phone the SMS went to, `+77XXXXXXXXX` (cl. 8). */
    readonly phone: string;
  };
  /** The NOBD order and medical commission conclusion (cl. 4). */
  readonly nobdOrder: {
    readonly orderId: string;
    readonly orderNumber: string;
    readonly orderDate: string;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly vkkConclusionNumber: string;
    readonly vkkConclusionDate: string;
  };
  /** The disability as confirmed in MODB (cl. 5). */
  readonly disability: { readonly category: EsobesCodedValue; readonly validUntil?: string };
  readonly account: EsobesChosenAccount;
  /** The SMS reply that is the consent (appendices 1–2). */
  readonly consent: {
    readonly form: 'form-1' | 'form-2';
    readonly replyText: string;
    readonly smsReplyId?: string;
    readonly receivedAt: string;
  };
}

/** The decision on an application. */
export interface EsobesDecision {
  readonly decisionId: string;
  readonly outcome: 'assigned' | 'refused';
  readonly decidedAt: string;
  /** Per month; only when assigned. */
  readonly monthlyAmount: Tiyn | null;
  readonly paymentFrom: string | null;
  readonly paymentTo: string | null;
  /** Only when refused. */
  readonly refusalReason: EsobesCodedValue | null;
}

/** Payments stopped because the child is no longer home-schooled (seed 003 cl. 14). */
export interface EsobesPaymentStop {
  readonly reason: 'home-schooling-ended';
  readonly schoolingEndedOn: string;
  /** `YYYY-MM`. */
  readonly lastPaidMonth: string;
  readonly stoppedAt: string;
  readonly nobdChangeId: string | null;
}

/** An electronic application for home-schooling compensation (seed 003 cl. 12). */
export interface EsobesApplication {
  readonly applicationId: string;
  readonly number: string;
  readonly status: EsobesApplicationStatus;
  readonly channel: EsobesApplicationChannel;
  readonly caseRef: string | null;
  readonly childIin: string;
  readonly representativeIin: string;
  readonly nobdOrderId: string;
  readonly account: EsobesChosenAccount;
  /** Once decided; on `assigned` E-Sobes sends SMS form 5 (cl. 13). */
  readonly decision: EsobesDecision | null;
  readonly paymentStop: EsobesPaymentStop | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Why payments stop: what NOBD reported (seed 003 cl. 14). */
export interface EsobesPaymentStopRequest {
  /** Last day of home schooling, as NOBD reports it. */
  readonly schoolingEndedOn: string;
  readonly nobdOrderId: string;
  readonly nobdChangeId?: string;
}

/** A measure of a person's IPR as E-Sobes sent it to the portal (seed 004 cl. 9). */
export interface EsobesIprMeasure {
  readonly measureId: string;
  readonly personIin: string;
  readonly personName: EsobesPersonName;
  readonly iprNumber: string;
  readonly iprDate: string;
  readonly measureType: EsobesCodedValue;
  readonly item: EsobesCodedValue;
  readonly quantity: number | null;
  readonly deadline: string;
  readonly status: EsobesIprMeasureStatus;
  readonly sentToPortalAt: string;
  readonly notifiedAt: string | null;
  /** Two months from notification (cl. 10). */
  readonly choiceDeadline: string | null;
}

/** The person's request to reactivate supplier choice, passed on by the portal (seed 004 cl. 10). */
export interface EsobesReactivationRequestInput {
  /** Must be the measure's person. */
  readonly personIin: string;
  readonly portalRequestId: string;
  readonly requestedAt: string;
}

/** A reactivation request and its outcome. */
export interface EsobesReactivationRequest {
  readonly requestId: string;
  readonly measureId: string;
  readonly portalRequestId: string;
  readonly status: 'reactivated' | 'sent-to-portal' | 'rejected';
  readonly requestedAt: string;
  readonly reactivatedAt: string | null;
  readonly queuedForPortalAt: string | null;
  readonly sentToPortalAt: string | null;
  readonly newChoiceDeadline: string | null;
  readonly rejection: { readonly code: EsobesReactivationRuleCode; readonly reason: string } | null;
}

/** Codes of a refused reactivation (a 422's `problemCode`, or a rejection's `code`), seed 004 cl. 10. */
export type EsobesReactivationRuleCode = 'CHOICE_NOT_BLOCKED' | 'MEASURE_CLOSED' | 'PERSON_MISMATCH';
/** Codes of a refused execution report (a 422's `problemCode`), seed 004 cl. 11. */
export type EsobesExecutionRuleCode = 'MEASURE_CLOSED' | 'INVALID_TRANSITION' | 'PERSON_MISMATCH';
/** Codes of a refused application (a 422's `problemCode`), seed 003 cl. 5, 6. */
export type EsobesApplicationRuleCode =
  'APPLICATION_ALREADY_EXISTS' | 'DISABILITY_NOT_CONFIRMED' | 'ORDER_NOT_ACTIVE' | 'ACCOUNT_BANK_MISMATCH';
/** Code of a refused payment stop (a 422's `problemCode`): the application was refused. */
export type EsobesPaymentStopRuleCode = 'NOTHING_TO_STOP';

/** The supplier of an aid or service (seed 004 cl. 12): a legal entity by BIN, a person by IIN. */
export interface EsobesSupplier {
  readonly type: EsobesSupplierType;
  readonly bin?: string;
  readonly iin?: string;
  readonly name: string;
}

/** A stage of the execution of a measure, from the portal (seed 004 cl. 11). */
export interface EsobesExecutionReport {
  readonly personIin: string;
  readonly portalExecutionId: string;
  readonly stage: EsobesExecutionStage;
  readonly at: string;
  readonly supplier?: EsobesSupplier;
  readonly orderNumber?: string;
  readonly quantity?: number;
  /** Cost to reimburse within the guaranteed sum. */
  readonly amount?: Tiyn;
  readonly comment?: string;
}

/** The execution stage as E-Sobes recorded it, with the measure's new state. */
export interface EsobesExecutionRecorded {
  readonly executionId: string;
  readonly measureId: string;
  readonly stage: EsobesExecutionStage;
  readonly measureStatus: EsobesIprMeasureStatus;
  readonly recordedAt: string;
}

export function toEsobesCodedValue(wire: S['CodedValue']): EsobesCodedValue {
  return { code: wire.code, nameKz: wire.nameKz, nameRu: wire.nameRu };
}

export function toEsobesPersonName(wire: S['PersonName']): EsobesPersonName {
  return wire.middleName === undefined
    ? { lastName: wire.lastName, firstName: wire.firstName }
    : { lastName: wire.lastName, firstName: wire.firstName, middleName: wire.middleName };
}

/** The body of `createHomeSchoolingApplication`. */
export function toEsobesCreateApplicationWire(req: EsobesApplicationRequest): S['CreateApplicationRequest'] {
  return {
    caseRef: req.caseRef,
    child: { iin: req.child.iin, name: { ...req.child.name }, birthDate: req.child.birthDate },
    representative: {
      iin: req.representative.iin,
      name: { ...req.representative.name },
      birthDate: req.representative.birthDate,
      relation: toEsobesCodedValue(req.representative.relation),
      source: req.representative.source,
      phone: req.representative.phone,
    },
    nobdOrder: { ...req.nobdOrder },
    disability: {
      confirmed: true,
      category: toEsobesCodedValue(req.disability.category),
      ...(req.disability.validUntil === undefined ? {} : { validUntil: req.disability.validUntil }),
    },
    account: { ...req.account },
    consent: { ...req.consent },
  };
}

export function toEsobesApplication(wire: EsobesApplicationWire): EsobesApplication {
  const d = wire.decision;
  const stop = wire.paymentStop;
  return {
    applicationId: wire.applicationId,
    number: wire.number,
    status: wire.status,
    channel: wire.channel,
    caseRef: wire.caseRef ?? null,
    childIin: wire.childIin,
    representativeIin: wire.representativeIin,
    nobdOrderId: wire.nobdOrderId,
    account: { ...wire.account },
    decision: d
      ? {
          decisionId: d.decisionId,
          outcome: d.outcome,
          decidedAt: d.decidedAt,
          monthlyAmount: d.monthlyAmount === undefined ? null : tiyn(d.monthlyAmount),
          paymentFrom: d.paymentFrom ?? null,
          paymentTo: d.paymentTo ?? null,
          refusalReason: d.refusalReason ? toEsobesCodedValue(d.refusalReason) : null,
        }
      : null,
    paymentStop: stop
      ? {
          reason: stop.reason,
          schoolingEndedOn: stop.schoolingEndedOn,
          lastPaidMonth: stop.lastPaidMonth,
          stoppedAt: stop.stoppedAt,
          nobdChangeId: stop.nobdChangeId ?? null,
        }
      : null,
    createdAt: wire.createdAt,
    updatedAt: wire.updatedAt,
  };
}

export function toEsobesApplicationPage(wire: EsobesApplicationPageWire): EsobesPage<EsobesApplication> {
  return {
    items: wire.items.map(toEsobesApplication),
    nextCursor: wire.page.nextCursor ?? null,
    hasMore: wire.page.hasMore,
  };
}

/** The body of `stopHomeSchoolingPayments`. */
export function toEsobesPaymentStopWire(req: EsobesPaymentStopRequest): S['PaymentStopRequest'] {
  return {
    reason: 'home-schooling-ended',
    schoolingEndedOn: req.schoolingEndedOn,
    nobdOrderId: req.nobdOrderId,
    ...(req.nobdChangeId === undefined ? {} : { nobdChangeId: req.nobdChangeId }),
  };
}

export function toEsobesIprMeasure(wire: EsobesIprMeasureWire): EsobesIprMeasure {
  return {
    measureId: wire.measureId,
    personIin: wire.personIin,
    personName: toEsobesPersonName(wire.personName),
    iprNumber: wire.iprNumber,
    iprDate: wire.iprDate,
    measureType: toEsobesCodedValue(wire.measureType),
    item: toEsobesCodedValue(wire.item),
    quantity: wire.quantity ?? null,
    deadline: wire.deadline,
    status: wire.status,
    sentToPortalAt: wire.sentToPortalAt,
    notifiedAt: wire.notifiedAt ?? null,
    choiceDeadline: wire.choiceDeadline ?? null,
  };
}

export function toEsobesReactivationRequest(wire: EsobesReactivationRequestWire): EsobesReactivationRequest {
  return {
    requestId: wire.requestId,
    measureId: wire.measureId,
    portalRequestId: wire.portalRequestId,
    status: wire.status,
    requestedAt: wire.requestedAt,
    reactivatedAt: wire.reactivatedAt ?? null,
    queuedForPortalAt: wire.queuedForPortalAt ?? null,
    sentToPortalAt: wire.sentToPortalAt ?? null,
    newChoiceDeadline: wire.newChoiceDeadline ?? null,
    rejection: wire.rejection ? { code: wire.rejection.code, reason: wire.rejection.reason } : null,
  };
}

/** The body of `reportIprMeasureExecution`. */
export function toEsobesExecutionReportWire(report: EsobesExecutionReport): S['ExecutionReport'] {
  return {
    personIin: report.personIin,
    portalExecutionId: report.portalExecutionId,
    stage: report.stage,
    at: report.at,
    ...(report.supplier === undefined ? {} : { supplier: { ...report.supplier } }),
    ...(report.orderNumber === undefined ? {} : { orderNumber: report.orderNumber }),
    ...(report.quantity === undefined ? {} : { quantity: report.quantity }),
    ...(report.amount === undefined ? {} : { amount: report.amount }),
    ...(report.comment === undefined ? {} : { comment: report.comment }),
  };
}

export function toEsobesExecutionRecorded(wire: EsobesExecutionRecordedWire): EsobesExecutionRecorded {
  return {
    executionId: wire.executionId,
    measureId: wire.measureId,
    stage: wire.stage,
    measureStatus: wire.measureStatus,
    recordedAt: wire.recordedAt,
  };
}
