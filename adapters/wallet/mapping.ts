import { tiyn, type Tiyn } from '../../src/domain/money';
import type { components, operations } from '../../contracts/wallet/openapi';
import { defined, type CursorPage } from '../transport/support';

/** Wire types of the Social Wallet contract (generated) and their domain counterparts; pure functions between them. */

type S = components['schemas'];
type Json<
  O extends keyof operations,
  C extends keyof operations[O]['responses'],
> = operations[O]['responses'][C] extends {
  content: { 'application/json': infer T };
}
  ? T
  : never;
type Body<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { 'application/json': infer T } };
}
  ? T
  : never;

/** Body of `handOverGasRecipients` on the wire. */
export type WalletGasRecipientBatchWire = Body<'handOverGasRecipients'>;
/** Body of `handOverMealRecipients` on the wire. */
export type WalletMealRecipientBatchWire = Body<'handOverMealRecipients'>;
/** Answer of both hand-overs on the wire. */
export type WalletHandOverResultWire = Json<'handOverGasRecipients', 200>;
/** A voucher on the wire (`getVoucher`, `confirmGasActivation`, `activateMealVoucher`, `receiveGasDiscount`). */
export type WalletVoucherWire = S['Voucher'];
/** Answer of `listVouchers` on the wire. */
export type WalletVoucherPageWire = Json<'listVouchers', 200>;
/** Answer of `getVoucherHistory` on the wire. */
export type WalletVoucherEventPageWire = Json<'getVoucherHistory', 200>;
/** A gas activation on the wire. */
export type WalletGasActivationWire = S['GasActivation'];
/** Body of `enterPersonalAccount` on the wire. */
export type WalletEnterPersonalAccountWire = Body<'enterPersonalAccount'>;
/** Body of `receiveGasDiscount` on the wire (billing's `AppliedDiscount`). */
export type WalletGasDiscountWire = S['GasDiscount'];
/** Answer of `generateMealQr` on the wire. */
export type WalletMealQrWire = Json<'generateMealQr', 201>;
/** Body of `verifyMealQr` on the wire. */
export type WalletVerifyMealQrWire = Body<'verifyMealQr'>;
/** Answer of `verifyMealQr` on the wire. */
export type WalletMealQrVerificationWire = Json<'verifyMealQr', 200>;
/** Body of `redeemMeal` on the wire. */
export type WalletRedeemMealWire = Body<'redeemMeal'>;
/** Answer of `redeemMeal` on the wire. */
export type WalletMealRedemptionWire = S['MealRedemption'];
/** Answer of `listMealRedemptions` on the wire. */
export type WalletMealRedemptionPageWire = Json<'listMealRedemptions', 200>;

/** A page of a Wallet list. */
export type WalletPage<T> = CursorPage<T>;

/**
 * The `code` of a Wallet 422 (a BusinessRuleViolation's `problemCode`), of a hand-over result's `rejected` entry and
 * of a QR verification's refusal; the contract's `WalletProblemCode` says what each means.
 */
export type WalletProblemCode = S['WalletProblemCode'];
/** The service a voucher belongs to: `gas-voucher` (seed 000) or `school-meals` (seed 002). */
export type WalletVoucherService = S['VoucherService'];
/** State of a voucher. */
export type WalletVoucherStatus = S['VoucherStatus'];
/** Where the recipient acted: eGov Mobile, or a QazaqGaz Aimaq customer office (seed 000 cl. 23). */
export type WalletChannel = S['Channel'];
/** The meal: breakfast, lunch or snack. */
export type WalletMealType = S['MealType'];
/** How a pupil was identified at the canteen. */
export type WalletMealMethod = S['MealMethod'];
/** Who consented for the pupil (seed 002 Annex 1 cl. 9). */
export type WalletParentRole = S['ParentRole'];
/** The step a gas activation reached (seed 000 cl. 24–30). */
export type WalletGasActivationStep = S['GasActivation']['step'];
/** Why a gas recipient is eligible: targeted social assistance and/or housing assistance. */
export type WalletAssistance = 'asp' | 'housing';

export const WALLET_CHANNELS: readonly WalletChannel[] = ['egov-mobile', 'provider-office'];
export const WALLET_MEAL_TYPES: readonly WalletMealType[] = ['breakfast', 'lunch', 'snack'];
export const WALLET_VOUCHER_SERVICES: readonly WalletVoucherService[] = ['gas-voucher', 'school-meals'];
export const WALLET_VOUCHER_STATUSES: readonly WalletVoucherStatus[] = [
  'issued',
  'activated',
  'settled',
  'expired',
  'cancelled',
];
export const WALLET_PARENT_ROLES: readonly WalletParentRole[] = ['mother', 'father', 'legal-representative'];

/** A value of a reference book (region, category) with its Kazakh and Russian names. */
export interface WalletCodedValue {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** Full name: тегі / аты / әкесінің аты — фамилия / имя / отчество. */
export interface WalletPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

/** A gas-voucher recipient who consented by SMS, handed over by the e-Gov portal (seed 000 cl. 20–21). */
export interface WalletGasRecipient {
  readonly iin: string;
  readonly name: WalletPersonName;
  /** The MAB phone the consent came from; any Kazakh mobile form, sent as `+77XXXXXXXXX`. */
  readonly phone: string;
  /** Pilot region (`79` Shymkent, `27` West Kazakhstan). */
  readonly region: WalletCodedValue;
  readonly assistance: readonly WalletAssistance[];
  /** When the consent reply arrived, RFC 3339. */
  readonly consentedAt: string;
  /** The portal's case reference; never personal data. */
  readonly caseRef: string;
}

/** The recipients of a month handed over in one call (at most 1,000). */
export interface WalletGasRecipientBatch {
  readonly batchId: string;
  /** YYYY-MM. */
  readonly month: string;
  readonly recipients: readonly WalletGasRecipient[];
}

/** A pupil (оқушы / обучающийся). */
export interface WalletPupil {
  readonly iin: string;
  readonly name: WalletPersonName;
  readonly birthDate: string;
}

/** A general-education school. */
export interface WalletSchool {
  /** NOBD school id. */
  readonly schoolId: string;
  readonly bin: string;
  readonly nameKz: string;
  readonly nameRu: string;
  readonly region: WalletCodedValue;
}

/** The parent or legal representative who consented: the owner of the meal voucher. */
export interface WalletParent {
  readonly iin: string;
  readonly name: WalletPersonName;
  readonly role: WalletParentRole;
  /** Any Kazakh mobile form; sent as `+77XXXXXXXXX`. */
  readonly phone: string;
}

/** A pupil whose parent consented (seed 002 Annex 1 cl. 11, Annex 2 cl. 4). */
export interface WalletMealRecipient {
  readonly pupil: WalletPupil;
  readonly school: WalletSchool;
  /** 0 (pre-school class) to 12. */
  readonly grade: number;
  /** Category `1`, `2` or `3` (seed 002 Annex 1 cl. 5). */
  readonly category: WalletCodedValue;
  readonly parent: WalletParent;
  readonly consentedAt: string;
  readonly caseRef: string;
}

/** The pupils of a school year handed over in one call (at most 1,000). */
export interface WalletMealRecipientBatch {
  readonly batchId: string;
  /** E.g. `2025-2026`. */
  readonly schoolYear: string;
  readonly recipients: readonly WalletMealRecipient[];
}

/** What the Wallet did with one recipient (gas) or pupil (meals) of a batch. */
export interface WalletHandOverOutcome {
  /** IIN of the recipient (gas) or of the pupil (meals). */
  readonly iin: string;
  readonly outcome: 'created' | 'existing' | 'rejected';
  /** The voucher; absent when rejected. */
  readonly voucherId?: string;
  /** Why it was rejected. */
  readonly code?: WalletProblemCode;
}

/** What the Wallet did with a batch. */
export interface WalletHandOverResult {
  readonly batchId: string;
  readonly created: number;
  readonly existing: number;
  readonly rejected: number;
  readonly results: readonly WalletHandOverOutcome[];
}

/** The gas part of a voucher. */
export interface WalletGasDetails {
  readonly month: string;
  readonly region: WalletCodedValue;
  /** The personal account it is activated on; absent until activated. */
  readonly accountNumber?: string;
  /** The discount billing applied (seed 000 cl. 34); absent until settled. */
  readonly discountAmount?: Tiyn;
  readonly receiptNumber?: string;
  readonly discountAppliedAt?: string;
}

/** The meal part of a voucher. */
export interface WalletMealDetails {
  readonly schoolYear: string;
  readonly pupil: WalletPupil;
  readonly school: WalletSchool;
  readonly grade: number;
  readonly category: WalletCodedValue;
  /** Whether the canteen system took the pupil's IIN (seed 002 Annex 2 cl. 6). */
  readonly canteenRegistration?: {
    readonly status: 'pending' | 'registered' | 'failed';
    readonly registeredAt?: string;
  };
  readonly mealsServed?: number;
  readonly lastMealAt?: string;
}

/** A digital voucher in the Social Wallet; `gas` or `meals` according to `service`. */
export interface WalletVoucher {
  readonly voucherId: string;
  readonly service: WalletVoucherService;
  readonly status: WalletVoucherStatus;
  /** The recipient (gas) or the parent (meals). */
  readonly owner: { readonly iin: string; readonly name: WalletPersonName };
  readonly issuedAt: string;
  readonly validFrom: string;
  /** Last day of validity (gas: the 25th / 29th; meals: end of the school year). */
  readonly validUntil: string;
  readonly activatedAt?: string;
  readonly channel?: WalletChannel;
  readonly gas?: WalletGasDetails;
  readonly meals?: WalletMealDetails;
}

/** One event of a voucher's history (seed 002 Annex 2 cl. 11; seed 000 cl. 30, 34). */
export interface WalletVoucherEvent {
  readonly eventId: string;
  readonly voucherId: string;
  readonly type: S['VoucherEvent']['type'];
  readonly at: string;
  readonly channel?: WalletChannel;
  readonly redemptionId?: string;
  readonly mealType?: WalletMealType;
  readonly method?: WalletMealMethod;
  readonly discountAmount?: Tiyn;
}

/** The public offer shown before activation (seed 000 cl. 24). */
export interface WalletOffer {
  readonly offerId: string;
  readonly textKz: string;
  readonly textRu: string;
}

/** Billing's data of the personal account that the recipient compares before confirming (seed 000 cl. 29). */
export interface WalletAccountShown {
  readonly accountNumber: string;
  readonly holder: WalletPersonName;
  readonly addressText: string;
  readonly region: WalletCodedValue;
  /** Tiyn per m³. */
  readonly group1PricePerM3: Tiyn;
  /** Tiyn per m³. */
  readonly group9PricePerM3: Tiyn;
  /** Regional monthly norm, litres. */
  readonly normLitres: number;
}

/** The activation of a gas voucher in progress (seed 000 cl. 24–30). */
export interface WalletGasActivation {
  readonly voucherId: string;
  readonly step: WalletGasActivationStep;
  readonly accountNumber?: string;
  readonly channel?: WalletChannel;
  readonly offer?: WalletOffer;
  readonly offerAcceptedAt?: string;
  readonly account?: WalletAccountShown;
  readonly updatedAt: string;
}

/** The personal account a recipient enters (seed 000 cl. 24), in eGov Mobile or at a customer office (cl. 23). */
export interface WalletPersonalAccountEntry {
  readonly accountNumber: string;
  readonly channel: WalletChannel;
  /** The office operator, when `channel` is `provider-office`. */
  readonly officeOperatorId?: string;
}

/**
 * The discount billing applied for a voucher (seed 000 cl. 32–34): volumes in litres, prices in tiyn per m³,
 * amounts in tiyn. The same figures as billing's applied discount.
 */
export interface WalletGasDiscount {
  readonly voucherId: string;
  readonly listId: string;
  readonly accountNumber: string;
  readonly recipientIin: string;
  readonly month: string;
  readonly consumedLitres: number;
  readonly normLitres: number;
  readonly discountedLitres: number;
  readonly capped: boolean;
  readonly group1PricePerM3: Tiyn;
  readonly group9PricePerM3: Tiyn;
  readonly discountPerM3: Tiyn;
  readonly discountAmount: Tiyn;
  readonly chargeAmount: Tiyn;
  readonly amountDue: Tiyn;
  readonly receiptNumber: string;
  readonly calculatedAt: string;
}

/** A dynamic QR for one meal (seed 002 Annex 2 cl. 8); `payload` is what the QR image encodes. */
export interface WalletMealQr {
  readonly qrId: string;
  readonly voucherId: string;
  readonly payload: string;
  readonly mealType: WalletMealType;
  readonly generatedAt: string;
  readonly expiresAt: string;
}

/** A QR scanned by canteen staff (seed 002 Annex 2 cl. 10). */
export interface WalletMealQrScan {
  readonly qrPayload: string;
  readonly schoolId: string;
  readonly terminalId: string;
}

/** Whether a scanned QR may be served; the refusal when it may not. */
export interface WalletMealQrVerification {
  readonly valid: boolean;
  readonly qrId?: string;
  readonly voucherId?: string;
  readonly mealType?: WalletMealType;
  readonly pupil?: WalletPupil;
  readonly grade?: number;
  readonly expiresAt?: string;
  readonly refusal?: { readonly code: WalletProblemCode; readonly reason: string };
}

/** A meal served by dynamic QR (seed 002 Annex 2 cl. 10). */
export interface WalletQrMealRedemption {
  readonly method: 'qr';
  readonly qrPayload: string;
  readonly schoolId: string;
  readonly terminalId: string;
  readonly mealType: WalletMealType;
  readonly servedAt: string;
}

/** A meal served by ID card or another identification at the canteen (seed 002 Annex 2 cl. 7). */
export interface WalletCardMealRedemption {
  readonly method: 'id-card' | 'other';
  readonly pupilIin: string;
  readonly schoolId: string;
  readonly terminalId: string;
  readonly mealType: WalletMealType;
  readonly servedAt: string;
}

/** A meal to register against the pupil's voucher. */
export type WalletMealRedemptionRequest = WalletQrMealRedemption | WalletCardMealRedemption;

/** A meal registered against a voucher. */
export interface WalletMealRedemption {
  readonly redemptionId: string;
  readonly voucherId: string;
  readonly method: WalletMealMethod;
  readonly pupilIin: string;
  readonly schoolId: string;
  readonly terminalId: string;
  readonly mealType: WalletMealType;
  /** The day of the meal, Astana time. */
  readonly mealDate: string;
  readonly servedAt: string;
  readonly registeredAt: string;
}

/** Filter of `listVouchers`. */
export interface WalletVoucherFilter {
  /** The voucher's owner (the recipient, or the parent for meals). */
  readonly ownerIin?: string;
  readonly pupilIin?: string;
  readonly service?: WalletVoucherService;
  readonly status?: WalletVoucherStatus;
  /** Gas vouchers of this month, YYYY-MM. */
  readonly month?: string;
  /** Meal vouchers of this school year, e.g. 2025-2026. */
  readonly schoolYear?: string;
}

/** Filter of `listMealRedemptions`. */
export interface WalletMealRedemptionFilter {
  readonly schoolId?: string;
  /** Meals of this day, Astana time. */
  readonly date?: string;
}

function name(w: S['Person']['name']): WalletPersonName {
  return defined({ lastName: w.lastName, firstName: w.firstName, middleName: w.middleName });
}

function coded(w: S['School']['region']): WalletCodedValue {
  return { code: w.code, nameKz: w.nameKz, nameRu: w.nameRu };
}

function pupil(w: S['Pupil']): WalletPupil {
  return { iin: w.iin, name: name(w.name), birthDate: w.birthDate };
}

function school(w: S['School']): WalletSchool {
  return {
    schoolId: w.schoolId,
    bin: w.bin,
    nameKz: w.nameKz,
    nameRu: w.nameRu,
    region: coded(w.region),
  };
}

function optTiyn(n: number | undefined): Tiyn | undefined {
  return n === undefined ? undefined : tiyn(n);
}

/** The body of `handOverGasRecipients`, phones already normalised by the caller. */
export function toGasRecipientBatchWire(batch: WalletGasRecipientBatch): WalletGasRecipientBatchWire {
  return {
    batchId: batch.batchId,
    month: batch.month,
    recipients: batch.recipients.map((r) => ({
      iin: r.iin,
      name: name(r.name),
      phone: r.phone,
      region: coded(r.region),
      assistance: [...r.assistance],
      consentedAt: r.consentedAt,
      caseRef: r.caseRef,
    })),
  };
}

/** The body of `handOverMealRecipients`, phones already normalised by the caller. */
export function toMealRecipientBatchWire(batch: WalletMealRecipientBatch): WalletMealRecipientBatchWire {
  return {
    batchId: batch.batchId,
    schoolYear: batch.schoolYear,
    recipients: batch.recipients.map((r) => ({
      pupil: pupil(r.pupil),
      school: school(r.school),
      grade: r.grade,
      category: coded(r.category),
      parent: { iin: r.parent.iin, name: name(r.parent.name), role: r.parent.role, phone: r.parent.phone },
      consentedAt: r.consentedAt,
      caseRef: r.caseRef,
    })),
  };
}

/** A hand-over answer as the domain sees it. */
export function toWalletHandOverResult(w: WalletHandOverResultWire): WalletHandOverResult {
  return {
    batchId: w.batchId,
    created: w.created,
    existing: w.existing,
    rejected: w.rejected,
    results: w.results.map((r) =>
      defined({ iin: r.iin, outcome: r.outcome, voucherId: r.voucherId, code: r.code }),
    ),
  };
}

/** A voucher as the domain sees it (amounts in tiyn, optional parts only when present). */
export function toWalletVoucher(w: WalletVoucherWire): WalletVoucher {
  const gas = w.gas;
  const meals = w.meals;
  return defined({
    voucherId: w.voucherId,
    service: w.service,
    status: w.status,
    owner: { iin: w.owner.iin, name: name(w.owner.name) },
    issuedAt: w.issuedAt,
    validFrom: w.validFrom,
    validUntil: w.validUntil,
    activatedAt: w.activatedAt,
    channel: w.channel,
    gas:
      gas === undefined
        ? undefined
        : defined({
            month: gas.month,
            region: coded(gas.region),
            accountNumber: gas.accountNumber,
            discountAmount: optTiyn(gas.discountAmount),
            receiptNumber: gas.receiptNumber,
            discountAppliedAt: gas.discountAppliedAt,
          }),
    meals:
      meals === undefined
        ? undefined
        : defined({
            schoolYear: meals.schoolYear,
            pupil: pupil(meals.pupil),
            school: school(meals.school),
            grade: meals.grade,
            category: coded(meals.category),
            canteenRegistration:
              meals.canteenRegistration === undefined
                ? undefined
                : defined({
                    status: meals.canteenRegistration.status,
                    registeredAt: meals.canteenRegistration.registeredAt,
                  }),
            mealsServed: meals.mealsServed,
            lastMealAt: meals.lastMealAt,
          }),
  });
}

/** A page of vouchers as the domain sees it. */
export function toWalletVoucherPage(w: WalletVoucherPageWire): WalletPage<WalletVoucher> {
  return {
    items: w.items.map(toWalletVoucher),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}

/** A page of voucher events as the domain sees it. */
export function toWalletVoucherEventPage(w: WalletVoucherEventPageWire): WalletPage<WalletVoucherEvent> {
  return {
    items: w.items.map((e) =>
      defined({
        eventId: e.eventId,
        voucherId: e.voucherId,
        type: e.type,
        at: e.at,
        channel: e.channel,
        redemptionId: e.redemptionId,
        mealType: e.mealType,
        method: e.method,
        discountAmount: optTiyn(e.discountAmount),
      }),
    ),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}

/** A gas activation as the domain sees it (prices in tiyn per m³). */
export function toWalletGasActivation(w: WalletGasActivationWire): WalletGasActivation {
  const a = w.account;
  return defined({
    voucherId: w.voucherId,
    step: w.step,
    accountNumber: w.accountNumber,
    channel: w.channel,
    offer: w.offer === undefined ? undefined : { ...w.offer },
    offerAcceptedAt: w.offerAcceptedAt,
    account:
      a === undefined
        ? undefined
        : {
            accountNumber: a.accountNumber,
            holder: name(a.holder),
            addressText: a.addressText,
            region: coded(a.region),
            group1PricePerM3: tiyn(a.group1PricePerM3),
            group9PricePerM3: tiyn(a.group9PricePerM3),
            normLitres: a.normLitres,
          },
    updatedAt: w.updatedAt,
  });
}

/** The body of `enterPersonalAccount`. */
export function toEnterPersonalAccountWire(
  entry: WalletPersonalAccountEntry,
): WalletEnterPersonalAccountWire {
  return defined({
    accountNumber: entry.accountNumber,
    channel: entry.channel,
    officeOperatorId: entry.officeOperatorId,
  });
}

/** The body of `receiveGasDiscount` (the same figures, as plain integers). */
export function toGasDiscountWire(d: WalletGasDiscount): WalletGasDiscountWire {
  return {
    voucherId: d.voucherId,
    listId: d.listId,
    accountNumber: d.accountNumber,
    recipientIin: d.recipientIin,
    month: d.month,
    consumedLitres: d.consumedLitres,
    normLitres: d.normLitres,
    discountedLitres: d.discountedLitres,
    capped: d.capped,
    group1PricePerM3: d.group1PricePerM3,
    group9PricePerM3: d.group9PricePerM3,
    discountPerM3: d.discountPerM3,
    discountAmount: d.discountAmount,
    chargeAmount: d.chargeAmount,
    amountDue: d.amountDue,
    receiptNumber: d.receiptNumber,
    calculatedAt: d.calculatedAt,
  };
}

/** A dynamic QR as the domain sees it. */
export function toWalletMealQr(w: WalletMealQrWire): WalletMealQr {
  return {
    qrId: w.qrId,
    voucherId: w.voucherId,
    payload: w.payload,
    mealType: w.mealType,
    generatedAt: w.generatedAt,
    expiresAt: w.expiresAt,
  };
}

/** A QR verification as the domain sees it. */
export function toWalletMealQrVerification(w: WalletMealQrVerificationWire): WalletMealQrVerification {
  return defined({
    valid: w.valid,
    qrId: w.qrId,
    voucherId: w.voucherId,
    mealType: w.mealType,
    pupil: w.pupil === undefined ? undefined : pupil(w.pupil),
    grade: w.grade,
    expiresAt: w.expiresAt,
    refusal: w.refusal === undefined ? undefined : { code: w.refusal.code, reason: w.refusal.reason },
  });
}

/** The body of `redeemMeal`. */
export function toRedeemMealWire(r: WalletMealRedemptionRequest): WalletRedeemMealWire {
  return r.method === 'qr'
    ? {
        method: 'qr',
        qrPayload: r.qrPayload,
        schoolId: r.schoolId,
        terminalId: r.terminalId,
        mealType: r.mealType,
        servedAt: r.servedAt,
      }
    : {
        method: r.method,
        pupilIin: r.pupilIin,
        schoolId: r.schoolId,
        terminalId: r.terminalId,
        mealType: r.mealType,
        servedAt: r.servedAt,
      };
}

/** A meal registration as the domain sees it. */
export function toWalletMealRedemption(w: WalletMealRedemptionWire): WalletMealRedemption {
  return {
    redemptionId: w.redemptionId,
    voucherId: w.voucherId,
    method: w.method,
    pupilIin: w.pupilIin,
    schoolId: w.schoolId,
    terminalId: w.terminalId,
    mealType: w.mealType,
    mealDate: w.mealDate,
    servedAt: w.servedAt,
    registeredAt: w.registeredAt,
  };
}

/** A page of meal registrations as the domain sees it. */
export function toWalletMealRedemptionPage(
  w: WalletMealRedemptionPageWire,
): WalletPage<WalletMealRedemption> {
  return {
    items: w.items.map(toWalletMealRedemption),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}
