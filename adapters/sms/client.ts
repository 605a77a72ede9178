import { normalizeKzPhone } from '../../src/domain/phone';
import {
  BadInput,
  ContractViolation,
  type HttpTransport,
  type HttpTransportConfig,
  type Logger,
} from '../transport';
import { transportFor } from '../transport/support';
import {
  SMS_LANGUAGES,
  SMS_SENDER_SYSTEMS,
  SMS_SERVICES,
  SMS_SHORT_NUMBERS,
  toListSmsRepliesQuery,
  toSendSmsRequest,
  toSmsMessage,
  toSmsReplyPage,
  type SmsMessage,
  type SmsMessageWire,
  type SmsReplyFilter,
  type SmsReplyPage,
  type SmsReplyPageWire,
  type SmsSendRequest,
} from './mapping';

/** The system id of the SMS gateway: its folder under contracts/ and the `system` of its errors and log lines. */
export const SMS_SYSTEM = 'sms';

/**
 * The `code` of a 422 from `sendSms` (a BusinessRuleViolation's `problemCode`): `PHONE_NOT_SERVED` (no Kazakh
 * mobile operator serves the number), `SHORT_NUMBER_NOT_ALLOWED` (the sender may not use that short number),
 * `TEXT_TOO_LONG` (more than 10 segments).
 */
export type SmsSendRefusalCode = 'PHONE_NOT_SERVED' | 'SHORT_NUMBER_NOT_ALLOWED' | 'TEXT_TOO_LONG';

/** Configuration of {@link SmsClient}: the transport's, without `system`. */
export type SmsClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link SmsClient} can be given instead of building it from the configuration. */
export interface SmsClientDeps {
  /** A transport to use (its system must be `sms`); the configuration is then not used. */
  readonly http?: HttpTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

const TEMPLATE_ID = /^[a-z0-9][a-z0-9.+-]{2,99}$/;
const MESSAGE_ID = /^sms-[0-9A-Z]{26}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Client of the SMS gateway (short numbers 1414 and 5169): sends the proactive SMS, reads their delivery status
 * and polls the citizens' replies. Used by the e-Gov portal (gas seed 000 cl. 16–20, seed 001; meals seed 002
 * Annex 1 cl. 9–11), E-Sobes (home schooling seed 003 cl. 9–13) and the Social Services Portal (seed 004 cl. 9–10).
 */
export class SmsClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: SmsClientConfig, deps: SmsClientDeps = {}) {
    this.http = transportFor(SMS_SYSTEM, config, deps);
  }

  /**
   * Queues one SMS. `idempotencyKey` comes from the caller's case and step: a repeated call with the same key and
   * message returns the first answer (so the call is retried safely and a resumed run never sends twice); the
   * same key with another message is a Conflict.
   * @throws BadInput when an argument is invalid (nothing is sent; the message names the field, not its value);
   * BusinessRuleViolation with `problemCode` a {@link SmsSendRefusalCode}; Conflict (409); ContractViolation
   * when the answer is about another message; the transport's errors.
   */
  async sendSms(message: SmsSendRequest, idempotencyKey: string): Promise<SmsMessage> {
    const operation = 'sendSms';
    const phone = checkSendRequest(message, operation);
    checkIdempotencyKey(idempotencyKey, operation);
    const res = await this.http.request<SmsMessageWire>({
      operationId: operation,
      method: 'POST',
      path: '/messages',
      body: toSendSmsRequest(message, phone),
      idempotencyKey,
    });
    if (res.data.reference !== message.reference)
      throw mismatch(operation, res.requestId, '/reference', 'the reference sent');
    if (res.data.phone !== phone) throw mismatch(operation, res.requestId, '/phone', 'the phone sent');
    return toSmsMessage(res.data);
  }

  /**
   * An outbound message and its delivery status, for a caller that missed the delivery report. A message id comes
   * from `sendSms`, so an unknown one is not a domain answer: it is thrown as NotFound.
   * @throws BadInput when `messageId` is not a gateway message id; NotFound; ContractViolation when the answer
   * is about another message; the transport's errors.
   */
  async getMessage(messageId: string): Promise<SmsMessage> {
    const operation = 'getSmsMessage';
    if (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId))
      throw badInput(operation, 'messageId is not a gateway message id (sms-<26 characters>)');
    const res = await this.http.request<SmsMessageWire>({
      operationId: operation,
      method: 'GET',
      path: '/messages/{messageId}',
      pathParams: { messageId },
    });
    if (res.data.messageId !== messageId)
      throw mismatch(operation, res.requestId, '/messageId', 'the message asked for');
    return toSmsMessage(res.data);
  }

  /**
   * One page of the citizens' replies to the caller's messages, oldest first. Poll on with the page's
   * `nextCursor`: a cursor never skips or repeats a reply. The text is raw; parse it with src/domain/sms.
   * @throws BadInput when a filter value is invalid (nothing is sent); BadInput (400) when the gateway refuses
   * the cursor; the transport's errors.
   */
  async listReplies(filter: SmsReplyFilter = {}): Promise<SmsReplyPage> {
    const operation = 'listSmsReplies';
    checkReplyFilter(filter, operation);
    const res = await this.http.request<SmsReplyPageWire>({
      operationId: operation,
      method: 'GET',
      path: '/replies',
      query: toListSmsRepliesQuery(filter),
    });
    return toSmsReplyPage(res.data);
  }
}

function badInput(operation: string, detail: string): BadInput {
  return new BadInput({ system: SMS_SYSTEM, operation, detail });
}

function oneOf<T>(value: unknown, allowed: readonly T[]): value is T {
  return allowed.includes(value as T);
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** Checks a message to send and returns its phone normalised to `+77XXXXXXXXX`. */
function checkSendRequest(m: SmsSendRequest, operation: string): string {
  if (typeof m !== 'object' || m === null) throw badInput(operation, 'message must be an object');
  let phone: string;
  try {
    phone = normalizeKzPhone(m.phone);
  } catch {
    // The value is never echoed: a phone is personal data.
    throw badInput(operation, 'message.phone is not a Kazakh mobile phone (+7 7XX XXX XX XX)');
  }
  if (!oneOf(m.shortNumber, SMS_SHORT_NUMBERS))
    throw badInput(operation, 'message.shortNumber must be 1414 or 5169');
  if (!oneOf(m.service, SMS_SERVICES))
    throw badInput(operation, `message.service must be one of ${SMS_SERVICES.join(', ')}`);
  if (!oneOf(m.senderSystem, SMS_SENDER_SYSTEMS))
    throw badInput(operation, `message.senderSystem must be one of ${SMS_SENDER_SYSTEMS.join(', ')}`);
  if (typeof m.templateId !== 'string' || !TEMPLATE_ID.test(m.templateId))
    throw badInput(operation, 'message.templateId must match ^[a-z0-9][a-z0-9.+-]{2,99}$');
  if (!oneOf(m.language, SMS_LANGUAGES))
    throw badInput(operation, `message.language must be one of ${SMS_LANGUAGES.join(', ')}`);
  if (!isText(m.text, 1, 2000)) throw badInput(operation, 'message.text must have 1 to 2000 characters');
  if (!isText(m.reference, 1, 200))
    throw badInput(operation, 'message.reference must have 1 to 200 characters');
  if (m.expectReplyUntil !== undefined && !isDateTime(m.expectReplyUntil))
    throw badInput(operation, 'message.expectReplyUntil must be an RFC 3339 instant with an offset');
  if (m.callbackUrl !== undefined && !isHttpUrl(m.callbackUrl))
    throw badInput(
      operation,
      'message.callbackUrl must be an absolute http(s) URL of at most 2048 characters',
    );
  return phone;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function checkReplyFilter(f: SmsReplyFilter, operation: string): void {
  if (typeof f !== 'object' || f === null) throw badInput(operation, 'filter must be an object');
  if (f.shortNumber !== undefined && !oneOf(f.shortNumber, SMS_SHORT_NUMBERS))
    throw badInput(operation, 'filter.shortNumber must be 1414 or 5169');
  if (f.service !== undefined && !oneOf(f.service, SMS_SERVICES))
    throw badInput(operation, `filter.service must be one of ${SMS_SERVICES.join(', ')}`);
  if (f.matched !== undefined && typeof f.matched !== 'boolean')
    throw badInput(operation, 'filter.matched must be a boolean');
  if (f.since !== undefined && !isDateTime(f.since))
    throw badInput(operation, 'filter.since must be an RFC 3339 instant with an offset');
  if (f.cursor !== undefined && !isText(f.cursor, 1, 512))
    throw badInput(operation, 'filter.cursor must have 1 to 512 characters');
  if (f.limit !== undefined && !(Number.isInteger(f.limit) && f.limit >= 1 && f.limit <= 1000))
    throw badInput(operation, 'filter.limit must be an integer from 1 to 1000');
}

function checkIdempotencyKey(key: unknown, operation: string): void {
  if (!isText(key, 8, 200) || !/^[\x21-\x7e]+$/.test(key))
    throw badInput(operation, 'idempotencyKey must have 8 to 200 printable ASCII characters');
}

function mismatch(operation: string, requestId: string, pointer: string, what: string): ContractViolation {
  return new ContractViolation({
    system: SMS_SYSTEM,
    operation,
    requestId,
    pointer,
    rule: `equal to ${what}`,
    detail: `${pointer} is not ${what}`,
  });
}
