import { normalizeKzPhone } from '../../src/domain/phone';
import { type HttpTransport, type HttpTransportConfig } from '../transport';
import {
  InputChecks,
  allItems,
  otherRecord,
  transportFor,
  type ClientDeps,
  type PageRequest,
} from '../transport/support';
import {
  WALLET_CHANNELS,
  WALLET_MEAL_TYPES,
  WALLET_PARENT_ROLES,
  WALLET_VOUCHER_SERVICES,
  WALLET_VOUCHER_STATUSES,
  toEnterPersonalAccountWire,
  toGasDiscountWire,
  toGasRecipientBatchWire,
  toMealRecipientBatchWire,
  toRedeemMealWire,
  toWalletGasActivation,
  toWalletHandOverResult,
  toWalletMealQr,
  toWalletMealQrVerification,
  toWalletMealRedemption,
  toWalletMealRedemptionPage,
  toWalletVoucher,
  toWalletVoucherEventPage,
  toWalletVoucherPage,
  type WalletGasActivation,
  type WalletGasActivationWire,
  type WalletGasDiscount,
  type WalletGasRecipientBatch,
  type WalletHandOverResult,
  type WalletHandOverResultWire,
  type WalletMealQr,
  type WalletMealQrScan,
  type WalletMealQrVerification,
  type WalletMealQrVerificationWire,
  type WalletMealQrWire,
  type WalletMealRecipientBatch,
  type WalletMealRedemption,
  type WalletMealRedemptionFilter,
  type WalletMealRedemptionPageWire,
  type WalletMealRedemptionRequest,
  type WalletMealRedemptionWire,
  type WalletMealType,
  type WalletPage,
  type WalletPersonalAccountEntry,
  type WalletProblemCode,
  type WalletVoucher,
  type WalletVoucherEvent,
  type WalletVoucherEventPageWire,
  type WalletVoucherFilter,
  type WalletVoucherPageWire,
  type WalletVoucherWire,
} from './mapping';

/** The system id of the Social Wallet: its folder under contracts/ and the `system` of its errors and log lines. */
export const WALLET_SYSTEM = 'wallet';

/** The contract's `maxItems` of a hand-over batch. */
export const WALLET_HANDOVER_MAX = 1000;

/** Configuration of {@link WalletClient}: the transport's, without `system`. */
export type WalletClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link WalletClient} can be given instead of building it from the configuration. */
export type WalletClientDeps = ClientDeps;

/** The 422 codes of `enterPersonalAccount` (seed 000 cl. 7–9, 26). */
export type WalletEnterAccountRefusal = Extract<
  WalletProblemCode,
  | 'OUTSIDE_ACTIVATION_WINDOW'
  | 'VOUCHER_EXPIRED'
  | 'VOUCHER_NOT_ACTIVATABLE'
  | 'WRONG_SERVICE'
  | 'ACCOUNT_ALREADY_HAS_VOUCHER'
>;
/** The 422 codes of `acceptGasOffer`; `PERSONAL_ACCOUNT_NOT_FOUND` sends the recipient back to enter it (cl. 28). */
export type WalletAcceptOfferRefusal = Extract<
  WalletProblemCode,
  | 'PERSONAL_ACCOUNT_NOT_FOUND'
  | 'OFFER_OUTDATED'
  | 'STEP_OUT_OF_ORDER'
  | 'OUTSIDE_ACTIVATION_WINDOW'
  | 'ACCOUNT_ALREADY_HAS_VOUCHER'
>;
/** The 422 codes of `confirmGasActivation` (seed 000 cl. 30). */
export type WalletConfirmRefusal = Extract<
  WalletProblemCode,
  'OUTSIDE_ACTIVATION_WINDOW' | 'ACCOUNT_ALREADY_HAS_VOUCHER' | 'STEP_OUT_OF_ORDER'
>;
/** The 422 codes of `activateMealVoucher` (seed 002 Annex 2 cl. 6, 13). */
export type WalletMealActivationRefusal = Extract<
  WalletProblemCode,
  'VOUCHER_EXPIRED' | 'VOUCHER_NOT_ACTIVATABLE' | 'WRONG_SERVICE'
>;
/** The 422 codes of `generateMealQr`. */
export type WalletMealQrRefusal = Extract<WalletProblemCode, 'VOUCHER_NOT_ACTIVE' | 'WRONG_SERVICE'>;
/** The 422 codes of `redeemMeal`, also the refusal codes of `verifyMealQr` (seed 002 Annex 2 cl. 7, 10). */
export type WalletRedeemRefusal = Extract<
  WalletProblemCode,
  | 'QR_INVALID'
  | 'QR_EXPIRED'
  | 'QR_ALREADY_USED'
  | 'WRONG_SCHOOL'
  | 'VOUCHER_NOT_ACTIVE'
  | 'NO_VOUCHER_FOR_PUPIL'
  | 'MEAL_ALREADY_SERVED'
>;

const VOUCHER_ID = /^vch-[0-9A-Z]{26}$/;
const ACCOUNT_NUMBER = /^[0-9]{6,16}$/;
const SCHOOL_YEAR = /^[0-9]{4}-[0-9]{4}$/;
const LIST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}$/;
const check = new InputChecks(WALLET_SYSTEM);

/**
 * Client of the Social Wallet (Әлеуметтік әмиян / Социальный кошелёк) in eGov Mobile: the e-Gov portal hands over
 * the recipients who consented and the Wallet creates their vouchers (gas seed 000 cl. 21–22, meals seed 002
 * Annex 2 cl. 4); the citizen activates them (gas cl. 24–30, meals Annex 2 cl. 6) and generates meal QRs (cl. 8);
 * the canteen verifies a QR and registers meals (cl. 7, 10); billing reports the discount applied (cl. 34).
 *
 * The citizen's own steps (activation, QR) carry the citizen's session token: build a client per session with
 * `credentials.bearerToken` set to it (the contract validator is loaded once per process, so this is cheap), and
 * share one `breaker` instance between them.
 */
export class WalletClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: WalletClientConfig, deps: WalletClientDeps = {}) {
    this.http = transportFor(WALLET_SYSTEM, config, deps);
  }

  /**
   * Hands over the gas-voucher recipients of a month who consented (seed 000 cl. 21); the Wallet creates one voucher
   * per recipient and month (cl. 6, 22) and answers per recipient: `created`, `existing` (never a second voucher)
   * or `rejected` with a {@link WalletProblemCode} (e.g. `MONTH_CLOSED`, cl. 19). Idempotent by `idempotencyKey`.
   * @throws BadInput when an argument is invalid (nothing is sent; the message names the field, e.g.
   * `batch.recipients[3].iin`, never the value); BusinessRuleViolation (422) with a `problemCode`; Conflict (409)
   * when the key was used with another batch; ContractViolation when the answer is about another batch or person;
   * the transport's errors.
   */
  async handOverGasRecipients(
    batch: WalletGasRecipientBatch,
    idempotencyKey: string,
  ): Promise<WalletHandOverResult> {
    const operation = 'handOverGasRecipients';
    const normalised = checkGasBatch(batch, operation);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletHandOverResultWire>({
      operationId: operation,
      method: 'POST',
      path: '/gas-recipients',
      body: toGasRecipientBatchWire(normalised),
      idempotencyKey,
    });
    checkHandOverAnswer(
      res.data,
      batch.batchId,
      normalised.recipients.map((r) => r.iin),
      operation,
      res.requestId,
    );
    return toWalletHandOverResult(res.data);
  }

  /**
   * Hands over the pupils of a school year whose parent consented (seed 002 Annex 2 cl. 4); one voucher per pupil
   * (cl. 9). The answer is per pupil, by the pupil's IIN. Idempotent by `idempotencyKey`.
   * @throws as {@link handOverGasRecipients}.
   */
  async handOverMealRecipients(
    batch: WalletMealRecipientBatch,
    idempotencyKey: string,
  ): Promise<WalletHandOverResult> {
    const operation = 'handOverMealRecipients';
    const normalised = checkMealBatch(batch, operation);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletHandOverResultWire>({
      operationId: operation,
      method: 'POST',
      path: '/meal-recipients',
      body: toMealRecipientBatchWire(normalised),
      idempotencyKey,
    });
    checkHandOverAnswer(
      res.data,
      batch.batchId,
      normalised.recipients.map((r) => r.pupil.iin),
      operation,
      res.requestId,
    );
    return toWalletHandOverResult(res.data);
  }

  /**
   * One page of vouchers, newest first, by owner, pupil, service, state and period (the wallet screen, the flows'
   * reconciliation). Use {@link vouchers} to walk every page.
   * @throws BadInput when a filter value is invalid (nothing is sent); the transport's errors.
   */
  async listVouchers(filter: WalletVoucherFilter & PageRequest = {}): Promise<WalletPage<WalletVoucher>> {
    const operation = 'listVouchers';
    checkVoucherFilter(filter, operation);
    const res = await this.http.request<WalletVoucherPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/vouchers',
      query: {
        ownerIin: filter.ownerIin,
        pupilIin: filter.pupilIin,
        service: filter.service,
        status: filter.status,
        month: filter.month,
        schoolYear: filter.schoolYear,
        cursor: filter.cursor,
        limit: filter.limit,
      },
    });
    return toWalletVoucherPage(res.data);
  }

  /** Every voucher that matches `filter`, page after page. @throws as {@link listVouchers}. */
  vouchers(filter: WalletVoucherFilter & PageRequest = {}): AsyncGenerator<WalletVoucher, void, undefined> {
    checkVoucherFilter(filter, 'listVouchers');
    return allItems(
      WALLET_SYSTEM,
      'listVouchers',
      (cursor) => this.listVouchers({ ...filter, ...(cursor === undefined ? {} : { cursor }) }),
      filter.cursor,
    );
  }

  /**
   * A voucher and its state. Voucher ids come from the hand-over, so an unknown one (or, with a citizen's token,
   * another person's) is not a domain answer: it is thrown as NotFound.
   * @throws BadInput when `voucherId` is not a Wallet voucher id; NotFound; ContractViolation when the answer is
   * about another voucher; the transport's errors.
   */
  async getVoucher(voucherId: string): Promise<WalletVoucher> {
    const operation = 'getVoucher';
    checkVoucherId(operation, voucherId);
    const res = await this.http.request<WalletVoucherWire>({
      operationId: operation,
      method: 'GET',
      path: '/vouchers/{voucherId}',
      pathParams: { voucherId },
    });
    if (res.data.voucherId !== voucherId)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/voucherId');
    return toWalletVoucher(res.data);
  }

  /**
   * One page of a voucher's history, oldest first: issued, activated, each meal and how (seed 002 Annex 2 cl. 11),
   * the gas discount (seed 000 cl. 34), expiry.
   * @throws BadInput; NotFound for an unknown voucher; ContractViolation when an event is of another voucher; the
   * transport's errors.
   */
  async getVoucherHistory(
    voucherId: string,
    page: PageRequest = {},
  ): Promise<WalletPage<WalletVoucherEvent>> {
    const operation = 'getVoucherHistory';
    checkVoucherId(operation, voucherId);
    check.page(operation, page);
    const res = await this.http.request<WalletVoucherEventPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/vouchers/{voucherId}/history',
      pathParams: { voucherId },
      query: { cursor: page.cursor, limit: page.limit },
    });
    res.data.items.forEach((e, i) => {
      if (e.voucherId !== voucherId)
        throw otherRecord(WALLET_SYSTEM, operation, res.requestId, `/items/${i}/voucherId`);
    });
    return toWalletVoucherEventPage(res.data);
  }

  /**
   * Where the gas activation of a voucher stands (seed 000 cl. 24–30), for a screen that resumes.
   * @throws BadInput; NotFound for an unknown voucher; ContractViolation when the answer is about another voucher;
   * the transport's errors.
   */
  async getGasActivation(voucherId: string): Promise<WalletGasActivation> {
    const operation = 'getGasActivation';
    checkVoucherId(operation, voucherId);
    const res = await this.http.request<WalletGasActivationWire>({
      operationId: operation,
      method: 'GET',
      path: '/vouchers/{voucherId}/gas-activation',
      pathParams: { voucherId },
    });
    return activationOf(res.data, voucherId, operation, res.requestId);
  }

  /**
   * Step 1 of the gas activation, the citizen's: enters the personal account (seed 000 cl. 24) and returns the
   * activation at `offer-shown` with the public offer. Entering another account replaces the one before (re-entry
   * after `PERSONAL_ACCOUNT_NOT_FOUND`, cl. 28).
   * @throws BadInput; NotFound; BusinessRuleViolation with `problemCode` a {@link WalletEnterAccountRefusal};
   * Conflict (409); ContractViolation when the answer is about another voucher or account; the transport's errors.
   */
  async enterPersonalAccount(
    voucherId: string,
    entry: WalletPersonalAccountEntry,
    idempotencyKey: string,
  ): Promise<WalletGasActivation> {
    const operation = 'enterPersonalAccount';
    checkVoucherId(operation, voucherId);
    check.object(operation, 'entry', entry);
    checkAccountNumber(operation, 'entry.accountNumber', entry.accountNumber);
    check.oneOf(operation, 'entry.channel', entry.channel, WALLET_CHANNELS);
    if (entry.officeOperatorId !== undefined)
      check.text(operation, 'entry.officeOperatorId', entry.officeOperatorId, 60);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletGasActivationWire>({
      operationId: operation,
      method: 'PUT',
      path: '/vouchers/{voucherId}/gas-activation',
      pathParams: { voucherId },
      body: toEnterPersonalAccountWire(entry),
      idempotencyKey,
    });
    if (res.data.accountNumber !== undefined && res.data.accountNumber !== entry.accountNumber)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/accountNumber');
    return activationOf(res.data, voucherId, operation, res.requestId);
  }

  /**
   * Step 2, the citizen's: accepts the offer shown (seed 000 cl. 25); the Wallet checks the account in billing
   * (cl. 27) and returns the activation at `account-shown` with billing's data of the account (cl. 29).
   * An unknown account is a BusinessRuleViolation with `problemCode` `PERSONAL_ACCOUNT_NOT_FOUND`: the activation is
   * back at `account-entry` and the recipient enters the account again (cl. 28).
   * @throws BadInput; NotFound; BusinessRuleViolation with `problemCode` a {@link WalletAcceptOfferRefusal};
   * Conflict (409); UpstreamUnavailable (503: billing does not answer); ContractViolation; the transport's errors.
   */
  async acceptGasOffer(
    voucherId: string,
    offerId: string,
    idempotencyKey: string,
  ): Promise<WalletGasActivation> {
    const operation = 'acceptGasOffer';
    checkVoucherId(operation, voucherId);
    check.text(operation, 'offerId', offerId, 60);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletGasActivationWire>({
      operationId: operation,
      method: 'POST',
      path: '/vouchers/{voucherId}/gas-activation/offer-acceptance',
      pathParams: { voucherId },
      body: { offerId },
      idempotencyKey,
    });
    return activationOf(res.data, voucherId, operation, res.requestId);
  }

  /**
   * Step 3, the citizen's: confirms the account shown; the voucher is activated on it (seed 000 cl. 30).
   * @throws BadInput; NotFound; BusinessRuleViolation with `problemCode` a {@link WalletConfirmRefusal} (another
   * voucher may have won the account meanwhile); Conflict (409); ContractViolation when the voucher answered is
   * another or is activated on another account; the transport's errors.
   */
  async confirmGasActivation(
    voucherId: string,
    accountNumber: string,
    idempotencyKey: string,
  ): Promise<WalletVoucher> {
    const operation = 'confirmGasActivation';
    checkVoucherId(operation, voucherId);
    checkAccountNumber(operation, 'accountNumber', accountNumber);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletVoucherWire>({
      operationId: operation,
      method: 'POST',
      path: '/vouchers/{voucherId}/gas-activation/confirmation',
      pathParams: { voucherId },
      body: { accountNumber },
      idempotencyKey,
    });
    if (res.data.voucherId !== voucherId)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/voucherId');
    if (res.data.gas?.accountNumber !== accountNumber)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/gas/accountNumber');
    return toWalletVoucher(res.data);
  }

  /**
   * Delivers the discount billing applied for a voucher (seed 000 cl. 34): the Wallet records it, marks the
   * voucher `settled` and shows it. This is where billing's `discountApplied` webhook goes; `idempotencyKey` is the
   * webhook's (the same across its redeliveries). `signature` carries billing's `Webhook-Timestamp` and
   * `Webhook-Signature` when relaying a signed delivery.
   * @throws BadInput; BusinessRuleViolation (`UNKNOWN_VOUCHER`: never sent to billing as activated); Conflict (409);
   * ContractViolation when the answer is about another voucher; the transport's errors.
   */
  async receiveGasDiscount(
    discount: WalletGasDiscount,
    idempotencyKey: string,
    signature?: { readonly timestamp: number; readonly signature: string },
  ): Promise<WalletVoucher> {
    const operation = 'receiveGasDiscount';
    checkGasDiscount(discount, operation);
    check.idempotencyKey(operation, idempotencyKey);
    if (signature !== undefined) {
      check.object(operation, 'signature', signature);
      check.count(operation, 'signature.timestamp', signature.timestamp);
      check.text(operation, 'signature.signature', signature.signature, 512);
    }
    const res = await this.http.request<WalletVoucherWire>({
      operationId: operation,
      method: 'POST',
      path: '/gas-discounts',
      body: toGasDiscountWire(discount),
      idempotencyKey,
      ...(signature === undefined
        ? {}
        : {
            headers: {
              'Webhook-Timestamp': String(signature.timestamp),
              'Webhook-Signature': signature.signature,
            },
          }),
    });
    if (res.data.voucherId !== discount.voucherId)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/voucherId');
    return toWalletVoucher(res.data);
  }

  /**
   * The parent's activation of a meal voucher in eGov Mobile (seed 002 Annex 2 cl. 6); the Wallet sends the pupil's
   * IIN to the canteen system (`meals.canteenRegistration` says whether it took it).
   * @throws BadInput; NotFound; BusinessRuleViolation with `problemCode` a {@link WalletMealActivationRefusal};
   * Conflict (409); ContractViolation when the answer is about another voucher; the transport's errors.
   */
  async activateMealVoucher(voucherId: string, idempotencyKey: string): Promise<WalletVoucher> {
    const operation = 'activateMealVoucher';
    checkVoucherId(operation, voucherId);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletVoucherWire>({
      operationId: operation,
      method: 'POST',
      path: '/vouchers/{voucherId}/meal-activation',
      pathParams: { voucherId },
      body: { channel: 'egov-mobile' },
      idempotencyKey,
    });
    if (res.data.voucherId !== voucherId)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/voucherId');
    return toWalletVoucher(res.data);
  }

  /**
   * The parent generates a dynamic QR for one meal and gives it to the pupil (seed 002 Annex 2 cl. 8); a new QR
   * revokes the previous unused one. The idempotency key should name the meal (e.g. the case, day and meal type):
   * a retry then returns the same QR instead of revoking it.
   * @throws BadInput; NotFound; BusinessRuleViolation with `problemCode` a {@link WalletMealQrRefusal}; Conflict
   * (409); ContractViolation when the QR is of another voucher or meal; the transport's errors.
   */
  async generateMealQr(
    voucherId: string,
    mealType: WalletMealType,
    idempotencyKey: string,
  ): Promise<WalletMealQr> {
    const operation = 'generateMealQr';
    checkVoucherId(operation, voucherId);
    check.oneOf(operation, 'mealType', mealType, WALLET_MEAL_TYPES);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletMealQrWire>({
      operationId: operation,
      method: 'POST',
      path: '/vouchers/{voucherId}/meal-qr',
      pathParams: { voucherId },
      body: { mealType },
      idempotencyKey,
    });
    if (res.data.voucherId !== voucherId)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/voucherId');
    if (res.data.mealType !== mealType)
      throw otherRecord(WALLET_SYSTEM, operation, res.requestId, '/mealType');
    return toWalletMealQr(res.data);
  }

  /**
   * The canteen checks a scanned QR before serving (seed 002 Annex 2 cl. 10) without using it up. "No" is an
   * answer, not an error: `valid: false` with a `refusal` whose code is a {@link WalletRedeemRefusal}. Read-only,
   * so retried like a GET.
   * @throws BadInput when the scan is malformed (nothing is sent; the payload is never echoed); the transport's
   * errors.
   */
  async verifyMealQr(scan: WalletMealQrScan): Promise<WalletMealQrVerification> {
    const operation = 'verifyMealQr';
    checkScan(scan, 'scan', operation);
    const res = await this.http.request<WalletMealQrVerificationWire>({
      operationId: operation,
      method: 'POST',
      path: '/meal-qr:verify',
      body: { qrPayload: scan.qrPayload, schoolId: scan.schoolId, terminalId: scan.terminalId },
      idempotent: true,
    });
    return toWalletMealQrVerification(res.data);
  }

  /**
   * Registers one meal served against the pupil's voucher: by the scanned QR (seed 002 Annex 2 cl. 10; the QR is
   * used up) or by ID card or another identification (cl. 7). Idempotent by `idempotencyKey` (the terminal's).
   * @throws BadInput; BusinessRuleViolation with `problemCode` a {@link WalletRedeemRefusal}; Conflict (409);
   * ContractViolation when the meal registered is of another pupil, school, meal or method; the transport's errors.
   */
  async redeemMeal(
    redemption: WalletMealRedemptionRequest,
    idempotencyKey: string,
  ): Promise<WalletMealRedemption> {
    const operation = 'redeemMeal';
    checkRedemption(redemption, operation);
    check.idempotencyKey(operation, idempotencyKey);
    const res = await this.http.request<WalletMealRedemptionWire>({
      operationId: operation,
      method: 'POST',
      path: '/meal-redemptions',
      body: toRedeemMealWire(redemption),
      idempotencyKey,
    });
    const d = res.data;
    const mismatch =
      d.method !== redemption.method
        ? '/method'
        : redemption.method !== 'qr' && d.pupilIin !== redemption.pupilIin
          ? '/pupilIin'
          : d.schoolId !== redemption.schoolId
            ? '/schoolId'
            : d.mealType !== redemption.mealType
              ? '/mealType'
              : undefined;
    if (mismatch !== undefined) throw otherRecord(WALLET_SYSTEM, operation, res.requestId, mismatch);
    return toWalletMealRedemption(d);
  }

  /**
   * One page of the meals registered, oldest first, by school and day (the canteen's reconciliation, the daily
   * report to NOBD, seed 002 Annex 2 cl. 14). Use {@link mealRedemptions} to walk every page.
   * @throws BadInput when a filter value is invalid; the transport's errors.
   */
  async listMealRedemptions(
    filter: WalletMealRedemptionFilter & PageRequest = {},
  ): Promise<WalletPage<WalletMealRedemption>> {
    const operation = 'listMealRedemptions';
    checkRedemptionFilter(filter, operation);
    const res = await this.http.request<WalletMealRedemptionPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/meal-redemptions',
      query: { schoolId: filter.schoolId, date: filter.date, cursor: filter.cursor, limit: filter.limit },
    });
    return toWalletMealRedemptionPage(res.data);
  }

  /** Every meal registered that matches `filter`, page after page. @throws as {@link listMealRedemptions}. */
  mealRedemptions(
    filter: WalletMealRedemptionFilter & PageRequest = {},
  ): AsyncGenerator<WalletMealRedemption, void, undefined> {
    checkRedemptionFilter(filter, 'listMealRedemptions');
    return allItems(
      WALLET_SYSTEM,
      'listMealRedemptions',
      (cursor) => this.listMealRedemptions({ ...filter, ...(cursor === undefined ? {} : { cursor }) }),
      filter.cursor,
    );
  }
}

function checkVoucherId(operation: string, voucherId: unknown, field = 'voucherId'): void {
  check.text(operation, field, voucherId, 30, {
    pattern: VOUCHER_ID,
    rule: 'a Wallet voucher id (vch-<26 characters>)',
  });
}

function checkAccountNumber(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 16, { min: 6, pattern: ACCOUNT_NUMBER, rule: '6 to 16 digits' });
}

function checkSchoolId(operation: string, field: string, value: unknown): void {
  check.text(operation, field, value, 40);
}

function phoneOf(operation: string, field: string, value: unknown): string {
  try {
    return normalizeKzPhone(value as string);
  } catch {
    // The value is never echoed: a phone is personal data.
    throw check.fail(operation, `${field} is not a Kazakh mobile phone (+7 7XX XXX XX XX)`);
  }
}

function checkGasBatch(batch: WalletGasRecipientBatch, operation: string): WalletGasRecipientBatch {
  check.object(operation, 'batch', batch);
  check.text(operation, 'batch.batchId', batch.batchId, 100);
  check.month(operation, 'batch.month', batch.month);
  check.array(operation, 'batch.recipients', batch.recipients, 1, WALLET_HANDOVER_MAX);
  const recipients = batch.recipients.map((r, i) => {
    const f = `batch.recipients[${i}]`;
    check.object(operation, f, r);
    check.iin(operation, `${f}.iin`, r.iin);
    check.personName(operation, `${f}.name`, r.name);
    const phone = phoneOf(operation, `${f}.phone`, r.phone);
    check.codedValue(operation, `${f}.region`, r.region);
    check.array(operation, `${f}.assistance`, r.assistance, 1, 2);
    r.assistance.forEach((a, j) => check.oneOf(operation, `${f}.assistance[${j}]`, a, ['asp', 'housing']));
    if (new Set(r.assistance).size !== r.assistance.length)
      throw check.fail(operation, `${f}.assistance must not repeat a value`);
    check.dateTime(operation, `${f}.consentedAt`, r.consentedAt);
    check.text(operation, `${f}.caseRef`, r.caseRef, 200);
    return { ...r, phone };
  });
  return { ...batch, recipients };
}

function checkMealBatch(batch: WalletMealRecipientBatch, operation: string): WalletMealRecipientBatch {
  check.object(operation, 'batch', batch);
  check.text(operation, 'batch.batchId', batch.batchId, 100);
  check.text(operation, 'batch.schoolYear', batch.schoolYear, 9, {
    pattern: SCHOOL_YEAR,
    rule: 'like 2025-2026',
  });
  check.array(operation, 'batch.recipients', batch.recipients, 1, WALLET_HANDOVER_MAX);
  const recipients = batch.recipients.map((r, i) => {
    const f = `batch.recipients[${i}]`;
    check.object(operation, f, r);
    check.object(operation, `${f}.pupil`, r.pupil);
    check.iin(operation, `${f}.pupil.iin`, r.pupil.iin);
    check.personName(operation, `${f}.pupil.name`, r.pupil.name);
    check.date(operation, `${f}.pupil.birthDate`, r.pupil.birthDate);
    check.object(operation, `${f}.school`, r.school);
    checkSchoolId(operation, `${f}.school.schoolId`, r.school.schoolId);
    check.text(operation, `${f}.school.bin`, r.school.bin, 12, {
      min: 12,
      pattern: /^[0-9]{12}$/,
      rule: '12 digits',
    });
    check.text(operation, `${f}.school.nameKz`, r.school.nameKz, 300);
    check.text(operation, `${f}.school.nameRu`, r.school.nameRu, 300);
    check.codedValue(operation, `${f}.school.region`, r.school.region);
    check.int(operation, `${f}.grade`, r.grade, 0, 12);
    check.codedValue(operation, `${f}.category`, r.category);
    check.object(operation, `${f}.parent`, r.parent);
    check.iin(operation, `${f}.parent.iin`, r.parent.iin);
    check.personName(operation, `${f}.parent.name`, r.parent.name);
    check.oneOf(operation, `${f}.parent.role`, r.parent.role, WALLET_PARENT_ROLES);
    const phone = phoneOf(operation, `${f}.parent.phone`, r.parent.phone);
    check.dateTime(operation, `${f}.consentedAt`, r.consentedAt);
    check.text(operation, `${f}.caseRef`, r.caseRef, 200);
    return { ...r, parent: { ...r.parent, phone } };
  });
  return { ...batch, recipients };
}

function checkHandOverAnswer(
  answer: WalletHandOverResultWire,
  batchId: string,
  iins: readonly string[],
  operation: string,
  requestId: string,
): void {
  if (answer.batchId !== batchId) throw otherRecord(WALLET_SYSTEM, operation, requestId, '/batchId');
  const asked = new Set(iins);
  answer.results.forEach((r, i) => {
    if (!asked.has(r.iin)) throw otherRecord(WALLET_SYSTEM, operation, requestId, `/results/${i}/iin`);
  });
}

function checkVoucherFilter(filter: WalletVoucherFilter & PageRequest, operation: string): void {
  check.object(operation, 'filter', filter);
  if (filter.ownerIin !== undefined) check.iin(operation, 'filter.ownerIin', filter.ownerIin);
  if (filter.pupilIin !== undefined) check.iin(operation, 'filter.pupilIin', filter.pupilIin);
  if (filter.service !== undefined)
    check.oneOf(operation, 'filter.service', filter.service, WALLET_VOUCHER_SERVICES);
  if (filter.status !== undefined)
    check.oneOf(operation, 'filter.status', filter.status, WALLET_VOUCHER_STATUSES);
  if (filter.month !== undefined) check.month(operation, 'filter.month', filter.month);
  if (filter.schoolYear !== undefined)
    check.text(operation, 'filter.schoolYear', filter.schoolYear, 9, {
      pattern: SCHOOL_YEAR,
      rule: 'like 2025-2026',
    });
  check.page(operation, filter);
}

function checkRedemptionFilter(filter: WalletMealRedemptionFilter & PageRequest, operation: string): void {
  check.object(operation, 'filter', filter);
  if (filter.schoolId !== undefined) checkSchoolId(operation, 'filter.schoolId', filter.schoolId);
  if (filter.date !== undefined) check.date(operation, 'filter.date', filter.date);
  check.page(operation, filter);
}

function checkScan(scan: WalletMealQrScan, field: string, operation: string): void {
  check.object(operation, field, scan);
  check.text(operation, `${field}.qrPayload`, scan.qrPayload, 1000);
  checkSchoolId(operation, `${field}.schoolId`, scan.schoolId);
  check.text(operation, `${field}.terminalId`, scan.terminalId, 60);
}

function checkRedemption(r: WalletMealRedemptionRequest, operation: string): void {
  check.object(operation, 'redemption', r);
  check.oneOf(operation, 'redemption.method', r.method, ['qr', 'id-card', 'other']);
  if (r.method === 'qr') {
    checkScan(r, 'redemption', operation);
  } else {
    check.iin(operation, 'redemption.pupilIin', r.pupilIin);
    checkSchoolId(operation, 'redemption.schoolId', r.schoolId);
    check.text(operation, 'redemption.terminalId', r.terminalId, 60);
  }
  check.oneOf(operation, 'redemption.mealType', r.mealType, WALLET_MEAL_TYPES);
  check.dateTime(operation, 'redemption.servedAt', r.servedAt);
}

function checkGasDiscount(d: WalletGasDiscount, operation: string): void {
  check.object(operation, 'discount', d);
  checkVoucherId(operation, d.voucherId, 'discount.voucherId');
  check.text(operation, 'discount.listId', d.listId, 64, {
    min: 3,
    pattern: LIST_ID,
    rule: 'a list id like avl-2025-09',
  });
  checkAccountNumber(operation, 'discount.accountNumber', d.accountNumber);
  check.iin(operation, 'discount.recipientIin', d.recipientIin);
  check.month(operation, 'discount.month', d.month);
  for (const k of [
    'consumedLitres',
    'normLitres',
    'discountedLitres',
    'group1PricePerM3',
    'group9PricePerM3',
    'discountPerM3',
    'discountAmount',
    'chargeAmount',
    'amountDue',
  ] as const) {
    check.count(operation, `discount.${k}`, d[k]);
  }
  check.bool(operation, 'discount.capped', d.capped);
  check.text(operation, 'discount.receiptNumber', d.receiptNumber, 40);
  check.dateTime(operation, 'discount.calculatedAt', d.calculatedAt);
}

function activationOf(
  wire: WalletGasActivationWire,
  voucherId: string,
  operation: string,
  requestId: string,
): WalletGasActivation {
  if (wire.voucherId !== voucherId) throw otherRecord(WALLET_SYSTEM, operation, requestId, '/voucherId');
  return toWalletGasActivation(wire);
}
