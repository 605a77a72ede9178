import { tiyn, type Tiyn } from '../../src/domain/money';
import type { components, operations } from '../../contracts/billing/openapi';
import { defined, type CursorPage } from '../transport/support';

/** Wire types of the QazaqGaz Aimaq billing contract (generated) and their domain counterparts; pure functions. */

type S = components['schemas'];

/** A personal account on the wire (`getPersonalAccount`). */
export type BillingPersonalAccountWire = S['PersonalAccount'];
/** Consumption on the wire (`getConsumption`). */
export type BillingConsumptionWire = S['Consumption'];
/** A receipt on the wire (`getReceipt`). */
export type BillingReceiptWire = S['Receipt'];
/** Body of `submitActivatedVoucherList` on the wire. */
export type BillingListPartWire = S['ActivatedVoucherListPart'];
/** Answer of `submitActivatedVoucherList` on the wire. */
export type BillingListPartResultWire = S['ActivatedVoucherListPartResult'];
/** Answer of `getActivatedVoucherList` on the wire. */
export type BillingActivatedVoucherListWire = S['ActivatedVoucherList'];
/** An applied discount on the wire (`getAppliedDiscount`, the `discountApplied` webhook). */
export type BillingAppliedDiscountWire = S['AppliedDiscount'];
/** Answer of `listAppliedDiscounts` on the wire. */
export type BillingAppliedDiscountPageWire =
  operations['listAppliedDiscounts']['responses'][200]['content']['application/json'];

/** A page of a billing list. */
export type BillingPage<T> = CursorPage<T>;

/** State of a personal account. */
export type BillingAccountStatus = S['PersonalAccount']['status'];
/** Where the voucher was activated. */
export type BillingChannel = NonNullable<S['ActivatedVoucher']['channel']>;
/** Progress of a list: `receiving`, `complete` (discounts being computed), `settled`. */
export type BillingListStatus = S['ListStatus'];
/** Why billing cannot settle a voucher of the list (seed 000 cl. 8, 28; cl. 4 3)). */
export type BillingRejectionCode = S['VoucherRejection']['code'];

/** A value of a reference book (region, consumer group). */
export interface BillingCodedValue {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** Full name of the account holder. */
export interface BillingPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

/** A gas personal account and what the Wallet shows of it (seed 000 cl. 29). Prices in tiyn per m³. */
export interface BillingPersonalAccount {
  readonly accountNumber: string;
  readonly holder: BillingPersonName;
  readonly address: { readonly region: BillingCodedValue; readonly kato?: string; readonly text: string };
  /** Pilot region by its KATO prefix (`79` Shymkent, `27` West Kazakhstan). */
  readonly region: BillingCodedValue;
  /** Consumer group `1` or `9`. */
  readonly consumerGroup: BillingCodedValue;
  readonly status: BillingAccountStatus;
  readonly hasMeter: boolean;
  readonly meterNumber?: string;
  readonly tariff: {
    readonly month: string;
    readonly group1PricePerM3: Tiyn;
    readonly group9PricePerM3: Tiyn;
    readonly discountPerM3: Tiyn;
  };
  /** The regional monthly norm (seed 000 cl. 4 3)), litres. */
  readonly monthlyNorm: { readonly month: string; readonly normLitres: number; readonly approvedBy: string };
}

/** Gas consumed on an account in a month (seed 000 cl. 32); volumes in litres. */
export interface BillingConsumption {
  readonly accountNumber: string;
  readonly month: string;
  readonly readingStartOn?: string;
  readonly readingEndOn?: string;
  readonly readingStartLitres?: number;
  readonly readingEndLitres?: number;
  readonly consumedLitres: number;
  readonly source: 'meter' | 'estimate';
}

/** The receipt of a month (seed 000 cl. 33, cl. 10); amounts in tiyn. */
export interface BillingReceipt {
  readonly receiptNumber: string;
  readonly accountNumber: string;
  readonly month: string;
  readonly holder?: BillingPersonName;
  readonly consumedLitres: number;
  readonly group1PricePerM3: Tiyn;
  readonly chargeAmount: Tiyn;
  /** The voucher applied; null when none was activated (cl. 10). */
  readonly voucherId: string | null;
  readonly discountAmount: Tiyn;
  readonly amountDue: Tiyn;
  readonly issuedOn: string;
}

/** A voucher activated in the month (seed 000 cl. 30–31). */
export interface BillingActivatedVoucher {
  readonly voucherId: string;
  readonly accountNumber: string;
  readonly recipientIin: string;
  readonly activatedAt: string;
  readonly channel?: BillingChannel;
}

/** The month's list of activated vouchers as the Wallet holds it; sent in parts of at most 1,000. */
export interface BillingActivatedVoucherListRequest {
  /** The Wallet's id of the list, one per month, e.g. `avl-2025-09`. */
  readonly listId: string;
  readonly month: string;
  /** The list day (the 26th; the 30th from 25 Aug 2025). */
  readonly listDate: string;
  /** Where billing sends the `discountApplied` webhooks (the Wallet's `POST /gas-discounts`). */
  readonly callbackUrl: string;
  readonly vouchers: readonly BillingActivatedVoucher[];
}

/** One part of the list on its own (the contract's `ActivatedVoucherListPart`). */
export interface BillingActivatedVoucherListPart extends BillingActivatedVoucherListRequest {
  readonly part: number;
  readonly partsTotal: number;
}

/** A voucher that billing cannot settle, and why. */
export interface BillingVoucherRejection {
  readonly voucherId: string;
  readonly accountNumber: string;
  readonly code: BillingRejectionCode;
  readonly reason: string;
}

/** What billing did with a part of the list. */
export interface BillingListPartResult {
  readonly listId: string;
  readonly month: string;
  readonly part: number;
  readonly partsTotal: number;
  readonly partsReceived: number;
  readonly status: BillingListStatus;
  readonly accepted: number;
  readonly rejected: readonly BillingVoucherRejection[];
  readonly receivedAt: string;
}

/** What billing did with every part of a list sent by `submitActivatedVoucherList`. */
export interface BillingListSubmission {
  readonly listId: string;
  /** The answers, one per part, in order. */
  readonly parts: readonly BillingListPartResult[];
  /** Vouchers accepted over all parts. */
  readonly accepted: number;
  /** Vouchers rejected over all parts. */
  readonly rejected: readonly BillingVoucherRejection[];
  /** The status after the last part. */
  readonly status: BillingListStatus;
}

/** A list of activated vouchers and its settlement (seed 000 cl. 31–34). */
export interface BillingActivatedVoucherList {
  readonly listId: string;
  readonly month: string;
  readonly listDate: string;
  readonly partsTotal: number;
  readonly partsReceived: number;
  readonly status: BillingListStatus;
  readonly accepted: number;
  readonly rejected: number;
  readonly discountsApplied: number;
  readonly receivedAt: string;
  readonly settledAt?: string;
}

/** The discount applied for one voucher (seed 000 cl. 32–34): litres, tiyn per m³, tiyn. */
export interface BillingAppliedDiscount {
  readonly voucherId: string;
  readonly listId: string;
  readonly accountNumber: string;
  readonly recipientIin: string;
  readonly month: string;
  readonly consumedLitres: number;
  readonly normLitres: number;
  /** `min(consumedLitres, normLitres)`. */
  readonly discountedLitres: number;
  /** True when the norm capped the discount. */
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

/** Filter of `listAppliedDiscounts`. */
export interface BillingAppliedDiscountFilter {
  readonly listId?: string;
  readonly month?: string;
}

function personName(w: S['PersonalAccount']['holder']): BillingPersonName {
  return defined({ lastName: w.lastName, firstName: w.firstName, middleName: w.middleName });
}

function coded(w: S['Address']['region']): BillingCodedValue {
  return { code: w.code, nameKz: w.nameKz, nameRu: w.nameRu };
}

/** A personal account as the domain sees it. */
export function toBillingPersonalAccount(w: BillingPersonalAccountWire): BillingPersonalAccount {
  return defined({
    accountNumber: w.accountNumber,
    holder: personName(w.holder),
    address: defined({ region: coded(w.address.region), kato: w.address.kato, text: w.address.text }),
    region: coded(w.region),
    consumerGroup: coded(w.consumerGroup),
    status: w.status,
    hasMeter: w.hasMeter,
    meterNumber: w.meterNumber,
    tariff: {
      month: w.tariff.month,
      group1PricePerM3: tiyn(w.tariff.group1PricePerM3),
      group9PricePerM3: tiyn(w.tariff.group9PricePerM3),
      discountPerM3: tiyn(w.tariff.discountPerM3),
    },
    monthlyNorm: {
      month: w.monthlyNorm.month,
      normLitres: w.monthlyNorm.normLitres,
      approvedBy: w.monthlyNorm.approvedBy,
    },
  });
}

/** Consumption as the domain sees it. */
export function toBillingConsumption(w: BillingConsumptionWire): BillingConsumption {
  return defined({
    accountNumber: w.accountNumber,
    month: w.month,
    readingStartOn: w.readingStartOn,
    readingEndOn: w.readingEndOn,
    readingStartLitres: w.readingStartLitres,
    readingEndLitres: w.readingEndLitres,
    consumedLitres: w.consumedLitres,
    source: w.source,
  });
}

/** A receipt as the domain sees it (amounts in tiyn; `voucherId` null without a voucher). */
export function toBillingReceipt(w: BillingReceiptWire): BillingReceipt {
  return defined({
    receiptNumber: w.receiptNumber,
    accountNumber: w.accountNumber,
    month: w.month,
    holder: w.holder === undefined ? undefined : personName(w.holder),
    consumedLitres: w.consumedLitres,
    group1PricePerM3: tiyn(w.group1PricePerM3),
    chargeAmount: tiyn(w.chargeAmount),
    voucherId: w.voucherId ?? null,
    discountAmount: tiyn(w.discountAmount),
    amountDue: tiyn(w.amountDue),
    issuedOn: w.issuedOn,
  });
}

/** The body of one `submitActivatedVoucherList` call. */
export function toBillingListPartWire(p: BillingActivatedVoucherListPart): BillingListPartWire {
  return {
    listId: p.listId,
    month: p.month,
    listDate: p.listDate,
    part: p.part,
    partsTotal: p.partsTotal,
    callbackUrl: p.callbackUrl,
    vouchers: p.vouchers.map((v) =>
      defined({
        voucherId: v.voucherId,
        accountNumber: v.accountNumber,
        recipientIin: v.recipientIin,
        activatedAt: v.activatedAt,
        channel: v.channel,
      }),
    ),
  };
}

/** The answer to a part as the domain sees it. */
export function toBillingListPartResult(w: BillingListPartResultWire): BillingListPartResult {
  return {
    listId: w.listId,
    month: w.month,
    part: w.part,
    partsTotal: w.partsTotal,
    partsReceived: w.partsReceived,
    status: w.status,
    accepted: w.accepted,
    rejected: w.rejected.map((r) => ({
      voucherId: r.voucherId,
      accountNumber: r.accountNumber,
      code: r.code,
      reason: r.reason,
    })),
    receivedAt: w.receivedAt,
  };
}

/** A list and its settlement as the domain sees it. */
export function toBillingActivatedVoucherList(
  w: BillingActivatedVoucherListWire,
): BillingActivatedVoucherList {
  return defined({
    listId: w.listId,
    month: w.month,
    listDate: w.listDate,
    partsTotal: w.partsTotal,
    partsReceived: w.partsReceived,
    status: w.status,
    accepted: w.accepted,
    rejected: w.rejected,
    discountsApplied: w.discountsApplied,
    receivedAt: w.receivedAt,
    settledAt: w.settledAt,
  });
}

/** An applied discount as the domain sees it (prices and amounts in tiyn). */
export function toBillingAppliedDiscount(w: BillingAppliedDiscountWire): BillingAppliedDiscount {
  return {
    voucherId: w.voucherId,
    listId: w.listId,
    accountNumber: w.accountNumber,
    recipientIin: w.recipientIin,
    month: w.month,
    consumedLitres: w.consumedLitres,
    normLitres: w.normLitres,
    discountedLitres: w.discountedLitres,
    capped: w.capped,
    group1PricePerM3: tiyn(w.group1PricePerM3),
    group9PricePerM3: tiyn(w.group9PricePerM3),
    discountPerM3: tiyn(w.discountPerM3),
    discountAmount: tiyn(w.discountAmount),
    chargeAmount: tiyn(w.chargeAmount),
    amountDue: tiyn(w.amountDue),
    receiptNumber: w.receiptNumber,
    calculatedAt: w.calculatedAt,
  };
}

/** A page of applied discounts as the domain sees it. */
export function toBillingAppliedDiscountPage(
  w: BillingAppliedDiscountPageWire,
): BillingPage<BillingAppliedDiscount> {
  return {
    items: w.items.map(toBillingAppliedDiscount),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}
