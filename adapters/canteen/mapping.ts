import { tiyn, type Tiyn } from '../../src/domain/money';
import type { components, operations } from '../../contracts/canteen/openapi';
import { defined, type CursorPage } from '../transport/support';

/** Wire types of the school canteen contract (generated) and their domain counterparts; pure functions between them. */

type S = components['schemas'];

/** Body of `registerActivatedPupil` on the wire. */
export type CanteenPupilActivationWire = S['PupilActivation'];
/** A pupil on the wire (`registerActivatedPupil`, `getPupil`, `deactivatePupilVoucher`). */
export type CanteenPupilWire = S['Pupil'];
/** Answer of `listPupils` on the wire. */
export type CanteenPupilPageWire = operations['listPupils']['responses'][200]['content']['application/json'];
/** Body of `deactivatePupilVoucher` on the wire. */
export type CanteenDeactivationWire = S['DeactivationRequest'];
/** Body of `registerMeal` on the wire. */
export type CanteenMealRegistrationWire = S['MealRegistration'];
/** A meal on the wire. */
export type CanteenMealWire = S['Meal'];
/** Answer of `listMeals` on the wire. */
export type CanteenMealPageWire = operations['listMeals']['responses'][200]['content']['application/json'];
/** Body of `cancelMeal` on the wire. */
export type CanteenCancellationWire = S['CancellationRequest'];

/** A page of a canteen list. */
export type CanteenPage<T> = CursorPage<T>;

/** The `code` of a canteen 422 (a BusinessRuleViolation's `problemCode`); the contract says what each means. */
export type CanteenProblemCode = S['CanteenProblemCode'];
/** The meal: breakfast, lunch or snack. */
export type CanteenMealType = S['MealType'];
/** `free` or `discounted` meals (seed 002 cl. 1). */
export type CanteenEntitlement = S['Entitlement'];
/** Who activated the voucher (seed 002 Annex 2 cl. 2.3). */
export type CanteenRepresentativeRole = S['RepresentativeRole'];
/** State of a voucher in the canteen: `active`, `deactivated` (by the Wallet), `expired` (cl. 13). */
export type CanteenVoucherStatus = S['VoucherStatus'];
/** Why the Wallet removed a voucher. */
export type CanteenDeactivationReason = S['DeactivationReason'];
/** How the pupil was identified at the counter: ID card, other identification (cl. 7), or dynamic QR (cl. 10). */
export type CanteenIdentificationMethod = S['IdentificationMethod'];
/** Why a meal was cancelled. */
export type CanteenCancellationReason = S['CancellationReason'];
/** `registered` (counts against the voucher) or `cancelled`. */
export type CanteenMealStatus = S['MealStatus'];

export const CANTEEN_MEAL_TYPES: readonly CanteenMealType[] = ['breakfast', 'lunch', 'snack'];
export const CANTEEN_ENTITLEMENTS: readonly CanteenEntitlement[] = ['free', 'discounted'];
export const CANTEEN_REPRESENTATIVE_ROLES: readonly CanteenRepresentativeRole[] = [
  'mother',
  'father',
  'guardian',
  'trustee',
  'adoptive-parent',
  'foster-carer',
  'other-legal-representative',
];
export const CANTEEN_VOUCHER_STATUSES: readonly CanteenVoucherStatus[] = ['active', 'deactivated', 'expired'];
export const CANTEEN_DEACTIVATION_REASONS: readonly CanteenDeactivationReason[] = [
  'school-year-ended',
  'transferred-to-another-school',
  'left-school',
  'eligibility-ended',
  'refused-by-representative',
  'issued-in-error',
];
export const CANTEEN_CANCELLATION_REASONS: readonly CanteenCancellationReason[] = [
  'wrong-pupil',
  'duplicate',
  'not-served',
];

/** A value of a reference book (region, category) with its Kazakh and Russian names. */
export interface CanteenCodedValue {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** Full name of the pupil. */
export interface CanteenPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

/** The school whose canteen serves the pupil. */
export interface CanteenSchool {
  readonly bin: string;
  /** The school's id in NOBD. */
  readonly nobdSchoolId?: string;
  readonly nameKz: string;
  readonly nameRu: string;
  /** Region by its KATO prefix (`79` Shymkent, `27` West Kazakhstan). */
  readonly region?: CanteenCodedValue;
}

/** A pupil whose voucher the parent activated in the Wallet (seed 002 Annex 2 cl. 6). */
export interface CanteenPupilActivation {
  readonly voucherId: string;
  readonly pupilIin: string;
  readonly pupilName?: CanteenPersonName;
  readonly school: CanteenSchool;
  readonly grade?: number;
  readonly classLetter?: string;
  /** Category `1`, `2` or `3` (seed 002 Annex 1 cl. 5). */
  readonly category: CanteenCodedValue;
  readonly entitlement: CanteenEntitlement;
  readonly mealTypes: readonly CanteenMealType[];
  readonly schoolYear: string;
  readonly validFrom: string;
  /** The end of the school year (cl. 13). */
  readonly validTo: string;
  readonly activatedAt: string;
  readonly activatedByIin?: string;
  readonly activatedByRole?: CanteenRepresentativeRole;
}

/** Why and when the Wallet removed a voucher. */
export interface CanteenDeactivation {
  readonly reason: CanteenDeactivationReason;
  readonly deactivatedAt: string;
  readonly comment?: string | null;
}

/** A voucher of the pupil as the canteen holds it. */
export interface CanteenPupilVoucher {
  readonly voucherId: string;
  readonly status: CanteenVoucherStatus;
  readonly school: CanteenSchool;
  readonly grade?: number | null;
  readonly classLetter?: string | null;
  readonly category: CanteenCodedValue;
  readonly entitlement: CanteenEntitlement;
  readonly mealTypes: readonly CanteenMealType[];
  readonly schoolYear: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly activatedAt: string;
  readonly activatedByIin?: string;
  readonly activatedByRole?: CanteenRepresentativeRole;
  /** When the canteen system received it from the Wallet. */
  readonly registeredAt: string;
  /** Meals registered against it so far, cancelled ones excluded. */
  readonly mealsServed?: number;
  /** Null while active. */
  readonly deactivation?: CanteenDeactivation | null;
}

/** An ID card of the pupil accepted in the canteen (cl. 7). */
export interface CanteenIdCard {
  readonly cardNumber: string;
  readonly status: 'active' | 'blocked';
  readonly issuedOn?: string;
}

/** A pupil registered for meals, with the current and past vouchers. */
export interface CanteenPupil {
  readonly pupilIin: string;
  readonly pupilName?: CanteenPersonName;
  /** The voucher of the current school year, active or not; null when none. */
  readonly currentVoucher: CanteenPupilVoucher | null;
  readonly pastVouchers: readonly CanteenPupilVoucher[];
  readonly idCards: readonly CanteenIdCard[];
}

/** The Wallet's request to stop serving the pupil against a voucher. */
export interface CanteenDeactivationRequest {
  readonly voucherId: string;
  readonly reason: CanteenDeactivationReason;
  readonly deactivatedAt: string;
  readonly comment?: string;
}

/** How the pupil was identified; the member that fits the method is set. */
export interface CanteenIdentification {
  readonly method: CanteenIdentificationMethod;
  readonly cardNumber?: string;
  readonly alternativeMethod?: 'biometric' | 'staff-class-list' | 'pin-code';
  readonly walletRedemptionId?: string;
}

/** A meal to register at the counter (the canteen's own operation). */
export interface CanteenMealRegistration {
  readonly schoolBin: string;
  readonly mealType: CanteenMealType;
  readonly servedAt: string;
  readonly identification: CanteenIdentification;
  /** Required unless the ID card identifies the pupil. */
  readonly pupilIin?: string | null;
  readonly terminalId?: string;
  readonly priceTiyn?: Tiyn;
}

/** A meal cancelled as registered in error. */
export interface CanteenCancellation {
  readonly reason: CanteenCancellationReason;
  readonly cancelledAt: string;
  readonly comment?: string | null;
}

/** A registered meal (the use of the voucher). */
export interface CanteenMeal {
  readonly mealId: string;
  readonly status: CanteenMealStatus;
  readonly voucherId: string;
  readonly pupilIin: string;
  readonly schoolBin: string;
  readonly mealType: CanteenMealType;
  readonly servedAt: string;
  /** The day of the meal in Astana time (the reporting day, cl. 14). */
  readonly servedOn: string;
  readonly identification: CanteenIdentification;
  readonly terminalId?: string | null;
  readonly priceTiyn?: Tiyn;
  readonly registeredAt: string;
  /** The Wallet's redemption of this meal; null until the Wallet has it. */
  readonly walletRedemptionId?: string | null;
  /** Null (or absent) when not cancelled. */
  readonly cancellation?: CanteenCancellation | null;
}

/** Filter of `listPupils`. */
export interface CanteenPupilFilter {
  readonly schoolBin?: string;
  readonly status?: CanteenVoucherStatus;
}

/** Filter of `listMeals`: at least one of `pupilIin`, `voucherId`, `date`, `from`, `schoolBin`. */
export interface CanteenMealFilter {
  readonly pupilIin?: string;
  readonly voucherId?: string;
  readonly schoolBin?: string;
  readonly date?: string;
  readonly from?: string;
  readonly to?: string;
  readonly status?: CanteenMealStatus;
}

/** A cancellation to make. */
export interface CanteenCancellationRequest {
  readonly reason: CanteenCancellationReason;
  readonly cancelledAt: string;
  readonly comment?: string;
}

function personName(w: NonNullable<S['Pupil']['pupilName']>): CanteenPersonName {
  return defined({ lastName: w.lastName, firstName: w.firstName, middleName: w.middleName });
}

function coded(w: { code: string; nameKz: string; nameRu: string }): CanteenCodedValue {
  return { code: w.code, nameKz: w.nameKz, nameRu: w.nameRu };
}

function school(w: S['School']): CanteenSchool {
  return defined({
    bin: w.bin,
    nobdSchoolId: w.nobdSchoolId,
    nameKz: w.nameKz,
    nameRu: w.nameRu,
    region: w.region === undefined ? undefined : coded(w.region),
  });
}

function identification(w: S['Identification']): CanteenIdentification {
  return defined({
    method: w.method,
    cardNumber: w.cardNumber,
    alternativeMethod: w.alternativeMethod,
    walletRedemptionId: w.walletRedemptionId,
  });
}

/** The body of `registerActivatedPupil`. */
export function toCanteenPupilActivationWire(a: CanteenPupilActivation): CanteenPupilActivationWire {
  return defined({
    voucherId: a.voucherId,
    pupilIin: a.pupilIin,
    pupilName: a.pupilName === undefined ? undefined : personName(a.pupilName),
    school: school(a.school),
    grade: a.grade,
    classLetter: a.classLetter,
    category: { ...coded(a.category), code: a.category.code as S['MealCategoryCode'] },
    entitlement: a.entitlement,
    mealTypes: [...a.mealTypes],
    schoolYear: a.schoolYear,
    validFrom: a.validFrom,
    validTo: a.validTo,
    activatedAt: a.activatedAt,
    activatedByIin: a.activatedByIin,
    activatedByRole: a.activatedByRole,
  });
}

function pupilVoucher(w: S['PupilVoucher']): CanteenPupilVoucher {
  const d = w.deactivation;
  return defined({
    voucherId: w.voucherId,
    status: w.status,
    school: school(w.school),
    grade: w.grade,
    classLetter: w.classLetter,
    category: coded(w.category),
    entitlement: w.entitlement,
    mealTypes: [...w.mealTypes],
    schoolYear: w.schoolYear,
    validFrom: w.validFrom,
    validTo: w.validTo,
    activatedAt: w.activatedAt,
    activatedByIin: w.activatedByIin,
    activatedByRole: w.activatedByRole,
    registeredAt: w.registeredAt,
    mealsServed: w.mealsServed,
    deactivation:
      d === undefined || d === null
        ? d
        : defined({ reason: d.reason, deactivatedAt: d.deactivatedAt, comment: d.comment }),
  });
}

/** A pupil as the domain sees it. */
export function toCanteenPupil(w: CanteenPupilWire): CanteenPupil {
  return defined({
    pupilIin: w.pupilIin,
    pupilName: w.pupilName === undefined ? undefined : personName(w.pupilName),
    currentVoucher: w.currentVoucher === null ? null : pupilVoucher(w.currentVoucher),
    pastVouchers: w.pastVouchers.map(pupilVoucher),
    idCards: w.idCards.map((c) =>
      defined({ cardNumber: c.cardNumber, status: c.status, issuedOn: c.issuedOn }),
    ),
  });
}

/** A page of pupils as the domain sees it. */
export function toCanteenPupilPage(w: CanteenPupilPageWire): CanteenPage<CanteenPupil> {
  return {
    items: w.items.map(toCanteenPupil),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}

/** The body of `deactivatePupilVoucher`. */
export function toCanteenDeactivationWire(r: CanteenDeactivationRequest): CanteenDeactivationWire {
  return defined({
    voucherId: r.voucherId,
    reason: r.reason,
    deactivatedAt: r.deactivatedAt,
    comment: r.comment,
  });
}

/** The body of `registerMeal`. */
export function toCanteenMealRegistrationWire(m: CanteenMealRegistration): CanteenMealRegistrationWire {
  return defined({
    schoolBin: m.schoolBin,
    mealType: m.mealType,
    servedAt: m.servedAt,
    identification: identification(m.identification as S['Identification']),
    pupilIin: m.pupilIin,
    terminalId: m.terminalId,
    priceTiyn: m.priceTiyn,
  });
}

/** A meal as the domain sees it (price in tiyn). */
export function toCanteenMeal(w: CanteenMealWire): CanteenMeal {
  const c = w.cancellation;
  return defined({
    mealId: w.mealId,
    status: w.status,
    voucherId: w.voucherId,
    pupilIin: w.pupilIin,
    schoolBin: w.schoolBin,
    mealType: w.mealType,
    servedAt: w.servedAt,
    servedOn: w.servedOn,
    identification: identification(w.identification),
    terminalId: w.terminalId,
    priceTiyn: w.priceTiyn === undefined ? undefined : tiyn(w.priceTiyn),
    registeredAt: w.registeredAt,
    walletRedemptionId: w.walletRedemptionId,
    cancellation:
      c === undefined || c === null
        ? c
        : defined({ reason: c.reason, cancelledAt: c.cancelledAt, comment: c.comment }),
  });
}

/** A page of meals as the domain sees it. */
export function toCanteenMealPage(w: CanteenMealPageWire): CanteenPage<CanteenMeal> {
  return {
    items: w.items.map(toCanteenMeal),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}

/** The body of `cancelMeal`. */
export function toCanteenCancellationWire(r: CanteenCancellationRequest): CanteenCancellationWire {
  return defined({ reason: r.reason, cancelledAt: r.cancelledAt, comment: r.comment });
}
