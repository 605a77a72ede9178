import { type HttpTransport, type HttpTransportConfig } from '../transport';
import {
  InputChecks,
  allItems,
  isSystemNotFound,
  otherRecord,
  transportFor,
  type ClientDeps,
  type PageRequest,
} from '../transport/support';
import {
  CANTEEN_CANCELLATION_REASONS,
  CANTEEN_DEACTIVATION_REASONS,
  CANTEEN_ENTITLEMENTS,
  CANTEEN_MEAL_TYPES,
  CANTEEN_REPRESENTATIVE_ROLES,
  CANTEEN_VOUCHER_STATUSES,
  toCanteenCancellationWire,
  toCanteenDeactivationWire,
  toCanteenMeal,
  toCanteenMealPage,
  toCanteenMealRegistrationWire,
  toCanteenPupil,
  toCanteenPupilActivationWire,
  toCanteenPupilPage,
  type CanteenCancellationRequest,
  type CanteenDeactivationRequest,
  type CanteenMeal,
  type CanteenMealFilter,
  type CanteenMealPageWire,
  type CanteenMealRegistration,
  type CanteenMealWire,
  type CanteenPage,
  type CanteenProblemCode,
  type CanteenPupil,
  type CanteenPupilActivation,
  type CanteenPupilFilter,
  type CanteenPupilPageWire,
  type CanteenPupilWire,
} from './mapping';

/** The system id of the canteen system: its folder under contracts/ and the `system` of its errors and log lines. */
export const CANTEEN_SYSTEM = 'canteen';

/** Configuration of {@link CanteenClient}: the transport's, without `system`. */
export type CanteenClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link CanteenClient} can be given instead of building it from the configuration. */
export type CanteenClientDeps = ClientDeps;

/** The 422 codes of `registerActivatedPupil` (one voucher per pupil, seed 002 Annex 2 cl. 9; cl. 13). */
export type CanteenRegistrationRefusal = Extract<
  CanteenProblemCode,
  'PUPIL_HAS_ACTIVE_VOUCHER' | 'SCHOOL_NOT_SERVED' | 'VALIDITY_ENDED'
>;
/** The 422 code of `deactivatePupilVoucher`. */
export type CanteenDeactivationRefusal = Extract<CanteenProblemCode, 'DEACTIVATION_BEFORE_ACTIVATION'>;
/** The 422 codes of `registerMeal` (cl. 7). */
export type CanteenMealRefusal = Extract<
  CanteenProblemCode,
  'UNKNOWN_CARD' | 'NO_ACTIVE_VOUCHER' | 'WRONG_SCHOOL' | 'MEAL_ALREADY_SERVED'
>;
/** The 422 code of `cancelMeal` (cl. 14). */
export type CanteenCancellationRefusal = Extract<CanteenProblemCode, 'MEAL_ALREADY_REPORTED'>;

const VOUCHER_ID = /^vch-[0-9A-Z]{26}$/;
const MEAL_ID = /^[A-Za-z0-9._-]+$/;
const BIN = /^[0-9]{12}$/;
const SCHOOL_YEAR = /^[0-9]{4}-[0-9]{4}$/;
const check = new InputChecks(CANTEEN_SYSTEM);

/**
 * Client of the information system of a school canteen (seed 002 Annex 2): the Wallet sends it the pupils whose
 * meal voucher the parent activated (cl. 6), reads and removes them, and reads the meals served (cl. 11, 14);
 * the canteen's own terminals register and cancel meals (cl. 7, 10). Pact `wallet-canteen`.
 */
export class CanteenClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: CanteenClientConfig, deps: CanteenClientDeps = {}) {
    this.http = transportFor(CANTEEN_SYSTEM, config, deps);
  }

  /**
   * Sends the pupil whose voucher was activated (seed 002 Annex 2 cl. 6); the canteen serves the pupil from
   * `validFrom`. A repeat of a voucher already registered with the same data returns it (201 or 200 alike).
   * Idempotent by `idempotencyKey`.
   * @throws BadInput when the activation is invalid (nothing is sent; fields named, values never echoed);
   * BusinessRuleViolation with `problemCode` a {@link CanteenRegistrationRefusal}; Conflict (409) when the key or
   * the voucher id was used with other data; ContractViolation when the answer is about another pupil or voucher;
   * the transport's errors.
   */
  async registerActivatedPupil(
    activation: CanteenPupilActivation,
    idempotencyKey: string,
  ): Promise<CanteenPupil> {
    const operation = 'registerActivatedPupil';
    checkActivation(activation, operation);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<CanteenPupilWire>({
      operationId: operation,
      method: 'POST',
      path: '/pupils',
      body: toCanteenPupilActivationWire(activation),
      idempotencyKey,
    });
    if (res.data.pupilIin !== activation.pupilIin)
      throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, '/pupilIin');
    if (res.data.currentVoucher?.voucherId !== activation.voucherId)
      throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, '/currentVoucher/voucherId');
    return toCanteenPupil(res.data);
  }

  /**
   * One page of the pupils registered for meals, by school and voucher status. Use {@link pupils} to walk every
   * page.
   * @throws BadInput when a filter value is invalid; the transport's errors.
   */
  async listPupils(filter: CanteenPupilFilter & PageRequest = {}): Promise<CanteenPage<CanteenPupil>> {
    const operation = 'listPupils';
    checkPupilFilter(filter, operation);
    const res = await this.http.request<CanteenPupilPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/pupils',
      query: {
        schoolBin: filter.schoolBin,
        status: filter.status,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toCanteenPupilPage(res.data);
  }

  /** Every pupil that matches `filter`, page after page. @throws as {@link listPupils}. */
  pupils(filter: CanteenPupilFilter & PageRequest = {}): AsyncGenerator<CanteenPupil, void, undefined> {
    checkPupilFilter(filter, 'listPupils');
    return allItems(
      CANTEEN_SYSTEM,
      'listPupils',
      (cursor) => this.listPupils({ ...filter, ...(cursor === undefined ? {} : { cursor }) }),
      filter.cursor,
    );
  }

  /**
   * The pupil with the current and past vouchers and the ID cards the canteen accepts, or null when the Wallet
   * never sent this pupil: for the Wallet's reconciliation that is an answer (send the pupil again). Null only when
   * the canteen says so with a problem+json body; a bare 404 is thrown as NotFound.
   * @throws BadInput when `pupilIin` is not a valid IIN; ContractViolation when the answer is about another pupil;
   * the transport's errors.
   */
  async getPupil(pupilIin: string): Promise<CanteenPupil | null> {
    const operation = 'getPupil';
    check.iin(operation, 'pupilIin', pupilIin);
    let wire: CanteenPupilWire;
    try {
      const res = await this.http.request<CanteenPupilWire>({
        operationId: operation,
        method: 'GET',
        path: '/pupils/{pupilIin}',
        pathParams: { pupilIin },
      });
      wire = res.data;
      if (wire.pupilIin !== pupilIin)
        throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, '/pupilIin');
    } catch (err) {
      if (isSystemNotFound(err)) return null;
      throw err;
    }
    return toCanteenPupil(wire);
  }

  /**
   * Tells the canteen to stop serving the pupil against the voucher (school year ended, moved, left, eligibility
   * ended, refused, issued in error); meals before stay in the history. Repeating it returns the pupil unchanged.
   * @throws BadInput; NotFound when the pupil or the voucher is unknown (the Wallet sent them, so this is not a
   * domain answer); BusinessRuleViolation with `problemCode` a {@link CanteenDeactivationRefusal}; Conflict (409);
   * ContractViolation when the answer is about another pupil; the transport's errors.
   */
  async deactivatePupilVoucher(
    pupilIin: string,
    request: CanteenDeactivationRequest,
    idempotencyKey: string,
  ): Promise<CanteenPupil> {
    const operation = 'deactivatePupilVoucher';
    check.iin(operation, 'pupilIin', pupilIin);
    check.object(operation, 'request', request);
    checkVoucherId(operation, 'request.voucherId', request.voucherId);
    check.oneOf(operation, 'request.reason', request.reason, CANTEEN_DEACTIVATION_REASONS);
    check.dateTime(operation, 'request.deactivatedAt', request.deactivatedAt);
    if (request.comment !== undefined)
      check.text(operation, 'request.comment', request.comment, 500, { min: 0 });
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<CanteenPupilWire>({
      operationId: operation,
      method: 'POST',
      path: '/pupils/{pupilIin}/deactivation',
      pathParams: { pupilIin },
      body: toCanteenDeactivationWire(request),
      idempotencyKey,
    });
    if (res.data.pupilIin !== pupilIin)
      throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, '/pupilIin');
    return toCanteenPupil(res.data);
  }

  /**
   * Registers one meal served (the canteen's own operation, its terminal): by ID card or another identification
   * (cl. 7), or after a QR scan through the Wallet (cl. 10; `identification.walletRedemptionId`). Idempotent by
   * `idempotencyKey` (a terminal retrying after a timeout gets the first answer).
   * @throws BadInput; BusinessRuleViolation with `problemCode` a {@link CanteenMealRefusal}; Conflict (409);
   * ContractViolation when the meal registered is of another school or meal; the transport's errors.
   */
  async registerMeal(meal: CanteenMealRegistration, idempotencyKey: string): Promise<CanteenMeal> {
    const operation = 'registerMeal';
    checkMealRegistration(meal, operation);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<CanteenMealWire>({
      operationId: operation,
      method: 'POST',
      path: '/meals',
      body: toCanteenMealRegistrationWire(meal),
      idempotencyKey,
    });
    const d = res.data;
    const pointer =
      d.schoolBin !== meal.schoolBin
        ? '/schoolBin'
        : d.mealType !== meal.mealType
          ? '/mealType'
          : meal.pupilIin !== undefined && meal.pupilIin !== null && d.pupilIin !== meal.pupilIin
            ? '/pupilIin'
            : undefined;
    if (pointer !== undefined) throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, pointer);
    return toCanteenMeal(d);
  }

  /**
   * One page of meals in the order served, by pupil (the Wallet's history, cl. 11), by day or period and school
   * (the daily report to NOBD, cl. 14), by voucher and status. Use {@link meals} to walk every page.
   * @throws BadInput when no selecting filter is given (the contract requires one of pupilIin, voucherId, date,
   * from, schoolBin) or a value is invalid; ContractViolation when a meal is of another pupil or voucher than
   * asked; the transport's errors.
   */
  async listMeals(filter: CanteenMealFilter & PageRequest): Promise<CanteenPage<CanteenMeal>> {
    const operation = 'listMeals';
    checkMealFilter(filter, operation);
    const res = await this.http.request<CanteenMealPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/meals',
      query: {
        pupilIin: filter.pupilIin,
        voucherId: filter.voucherId,
        schoolBin: filter.schoolBin,
        date: filter.date,
        from: filter.from,
        to: filter.to,
        status: filter.status,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    res.data.items.forEach((m, i) => {
      if (filter.pupilIin !== undefined && m.pupilIin !== filter.pupilIin)
        throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, `/items/${i}/pupilIin`);
      if (filter.voucherId !== undefined && m.voucherId !== filter.voucherId)
        throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, `/items/${i}/voucherId`);
    });
    return toCanteenMealPage(res.data);
  }

  /** Every meal that matches `filter`, page after page. @throws as {@link listMeals}. */
  meals(filter: CanteenMealFilter & PageRequest): AsyncGenerator<CanteenMeal, void, undefined> {
    checkMealFilter(filter, 'listMeals');
    return allItems(
      CANTEEN_SYSTEM,
      'listMeals',
      (cursor) => this.listMeals({ ...filter, ...(cursor === undefined ? {} : { cursor }) }),
      filter.cursor,
    );
  }

  /**
   * One registered meal. Meal ids come from the canteen itself, so an unknown one is thrown as NotFound.
   * @throws BadInput; NotFound; ContractViolation when the answer is about another meal; the transport's errors.
   */
  async getMeal(mealId: string): Promise<CanteenMeal> {
    const operation = 'getMeal';
    checkMealId(operation, mealId);
    const res = await this.http.request<CanteenMealWire>({
      operationId: operation,
      method: 'GET',
      path: '/meals/{mealId}',
      pathParams: { mealId },
    });
    if (res.data.mealId !== mealId) throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, '/mealId');
    return toCanteenMeal(res.data);
  }

  /**
   * Cancels a meal registered in error (a wrong card, a double tap); it stays in the history as `cancelled`.
   * Cancelling it again returns it unchanged.
   * @throws BadInput; NotFound; BusinessRuleViolation with `problemCode` a {@link CanteenCancellationRefusal}
   * (already reported to NOBD); Conflict (409); ContractViolation when the answer is about another meal; the
   * transport's errors.
   */
  async cancelMeal(
    mealId: string,
    cancellation: CanteenCancellationRequest,
    idempotencyKey: string,
  ): Promise<CanteenMeal> {
    const operation = 'cancelMeal';
    checkMealId(operation, mealId);
    check.object(operation, 'cancellation', cancellation);
    check.oneOf(operation, 'cancellation.reason', cancellation.reason, CANTEEN_CANCELLATION_REASONS);
    check.dateTime(operation, 'cancellation.cancelledAt', cancellation.cancelledAt);
    if (cancellation.comment !== undefined)
      check.text(operation, 'cancellation.comment', cancellation.comment, 500, { min: 0 });
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<CanteenMealWire>({
      operationId: operation,
      method: 'POST',
      path: '/meals/{mealId}/cancellation',
      pathParams: { mealId },
      body: toCanteenCancellationWire(cancellation),
      idempotencyKey,
    });
    if (res.data.mealId !== mealId) throw otherRecord(CANTEEN_SYSTEM, operation, res.requestId, '/mealId');
    return toCanteenMeal(res.data);
  }
}

function checkVoucherId(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 30, {
    pattern: VOUCHER_ID,
    rule: 'a Wallet voucher id (vch-<26 characters>)',
  });
}

function checkBin(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 12, { min: 12, pattern: BIN, rule: '12 digits' });
}

function checkMealId(operation: string, value: unknown): void {
  check.text(operation, 'mealId', value, 64, {
    pattern: MEAL_ID,
    rule: 'letters, digits, dot, underscore or hyphen',
  });
}

function checkActivation(a: CanteenPupilActivation, operation: string): void {
  check.object(operation, 'activation', a);
  checkVoucherId(operation, 'activation.voucherId', a.voucherId);
  check.iin(operation, 'activation.pupilIin', a.pupilIin);
  if (a.pupilName !== undefined) check.personName(operation, 'activation.pupilName', a.pupilName);
  check.object(operation, 'activation.school', a.school);
  checkBin(operation, 'activation.school.bin', a.school.bin);
  if (a.school.nobdSchoolId !== undefined)
    check.text(operation, 'activation.school.nobdSchoolId', a.school.nobdSchoolId, 32);
  check.text(operation, 'activation.school.nameKz', a.school.nameKz, 300);
  check.text(operation, 'activation.school.nameRu', a.school.nameRu, 300);
  if (a.school.region !== undefined) {
    check.codedValue(operation, 'activation.school.region', a.school.region);
    check.text(operation, 'activation.school.region.code', a.school.region.code, 2, {
      min: 2,
      pattern: /^[0-9]{2}$/,
      rule: 'a KATO prefix of 2 digits',
    });
  }
  if (a.grade !== undefined) check.int(operation, 'activation.grade', a.grade, 0, 12);
  if (a.classLetter !== undefined) check.text(operation, 'activation.classLetter', a.classLetter, 4);
  check.codedValue(operation, 'activation.category', a.category);
  check.oneOf(operation, 'activation.category.code', a.category.code, ['1', '2', '3']);
  check.oneOf(operation, 'activation.entitlement', a.entitlement, CANTEEN_ENTITLEMENTS);
  check.array(operation, 'activation.mealTypes', a.mealTypes, 1, 3);
  a.mealTypes.forEach((m, i) => check.oneOf(operation, `activation.mealTypes[${i}]`, m, CANTEEN_MEAL_TYPES));
  if (new Set(a.mealTypes).size !== a.mealTypes.length)
    throw check.fail(operation, 'activation.mealTypes must not repeat a meal');
  check.text(operation, 'activation.schoolYear', a.schoolYear, 9, {
    pattern: SCHOOL_YEAR,
    rule: 'like 2025-2026',
  });
  check.date(operation, 'activation.validFrom', a.validFrom);
  check.date(operation, 'activation.validTo', a.validTo);
  if (a.validTo < a.validFrom) throw check.fail(operation, 'activation.validTo must not be before validFrom');
  check.dateTime(operation, 'activation.activatedAt', a.activatedAt);
  if (a.activatedByIin !== undefined) check.iin(operation, 'activation.activatedByIin', a.activatedByIin);
  if (a.activatedByRole !== undefined)
    check.oneOf(operation, 'activation.activatedByRole', a.activatedByRole, CANTEEN_REPRESENTATIVE_ROLES);
}

function checkPupilFilter(filter: CanteenPupilFilter & PageRequest, operation: string): void {
  check.object(operation, 'filter', filter);
  if (filter.schoolBin !== undefined) checkBin(operation, 'filter.schoolBin', filter.schoolBin);
  if (filter.status !== undefined)
    check.oneOf(operation, 'filter.status', filter.status, CANTEEN_VOUCHER_STATUSES);
  check.page(operation, filter);
}

function checkMealFilter(filter: CanteenMealFilter & PageRequest, operation: string): void {
  check.object(operation, 'filter', filter);
  if (
    filter.pupilIin === undefined &&
    filter.voucherId === undefined &&
    filter.date === undefined &&
    filter.from === undefined &&
    filter.schoolBin === undefined
  ) {
    throw check.fail(operation, 'filter needs one of pupilIin, voucherId, date, from or schoolBin');
  }
  if (filter.pupilIin !== undefined) check.iin(operation, 'filter.pupilIin', filter.pupilIin);
  if (filter.voucherId !== undefined) checkVoucherId(operation, 'filter.voucherId', filter.voucherId);
  if (filter.schoolBin !== undefined) checkBin(operation, 'filter.schoolBin', filter.schoolBin);
  if (filter.date !== undefined) check.date(operation, 'filter.date', filter.date);
  if (filter.from !== undefined) check.date(operation, 'filter.from', filter.from);
  if (filter.to !== undefined) check.date(operation, 'filter.to', filter.to);
  if (filter.status !== undefined)
    check.oneOf(operation, 'filter.status', filter.status, ['registered', 'cancelled']);
  check.page(operation, filter);
}

function checkMealRegistration(m: CanteenMealRegistration, operation: string): void {
  check.object(operation, 'meal', m);
  checkBin(operation, 'meal.schoolBin', m.schoolBin);
  check.oneOf(operation, 'meal.mealType', m.mealType, CANTEEN_MEAL_TYPES);
  check.dateTime(operation, 'meal.servedAt', m.servedAt);
  check.object(operation, 'meal.identification', m.identification);
  const id = m.identification;
  check.oneOf(operation, 'meal.identification.method', id.method, ['id-card', 'other', 'qr']);
  if (id.method === 'id-card') check.text(operation, 'meal.identification.cardNumber', id.cardNumber, 32);
  if (id.method === 'other')
    check.oneOf(operation, 'meal.identification.alternativeMethod', id.alternativeMethod, [
      'biometric',
      'staff-class-list',
      'pin-code',
    ]);
  if (id.method === 'qr')
    check.text(operation, 'meal.identification.walletRedemptionId', id.walletRedemptionId, 64);
  if (m.pupilIin !== undefined && m.pupilIin !== null) check.iin(operation, 'meal.pupilIin', m.pupilIin);
  else if (id.method !== 'id-card')
    throw check.fail(operation, 'meal.pupilIin is required unless an ID card identifies the pupil');
  if (m.terminalId !== undefined) check.text(operation, 'meal.terminalId', m.terminalId, 64);
  if (m.priceTiyn !== undefined) check.count(operation, 'meal.priceTiyn', m.priceTiyn);
}
