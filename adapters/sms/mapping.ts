import type { components, operations } from '../../contracts/sms/openapi';

/** Wire types of the SMS gateway contract (generated) and their domain counterparts; pure functions between them. */

type Schemas = components['schemas'];
/** Body of `sendSms` on the wire. */
export type SendSmsRequestWire = Schemas['SendSmsRequest'];
/** An outbound message on the wire (`sendSms` 202, `getSmsMessage` 200). */
export type SmsMessageWire = Schemas['SmsMessage'];
/** Answer of `listSmsReplies` on the wire. */
export type SmsReplyPageWire = Schemas['SmsReplyPage'];
/** Query of `listSmsReplies` on the wire. */
export type ListSmsRepliesQueryWire = NonNullable<operations['listSmsReplies']['parameters']['query']>;

/** Short number an SMS is sent from and replied to: 1414 (call centre) or 5169 (amended gas SMS, seed 001). */
export type SmsShortNumber = Schemas['ShortNumber'];
/** The proactive service a message belongs to, as the gateway names it. */
export type SmsGatewayService = Schemas['Service'];
/** The system that sends a message and receives its replies. */
export type SmsSenderSystem = Schemas['SenderSystem'];
/** Language of a text: `kk`, `ru`, or both in one message `kk+ru`. */
export type SmsGatewayLanguage = Schemas['Language'];
/** Delivery status of an outbound SMS. */
export type SmsDeliveryStatus = Schemas['SmsStatus'];
/** Why an SMS was not delivered (operator's code and description). */
export type SmsDeliveryFailure = Readonly<Schemas['DeliveryFailure']>;

/** The short numbers, service names, sender systems and languages of the contract, for input checks. */
export const SMS_SHORT_NUMBERS: readonly SmsShortNumber[] = ['1414', '5169'];
export const SMS_SERVICES: readonly SmsGatewayService[] = [
  'gas-voucher',
  'school-meals',
  'home-schooling',
  'social-portal',
];
export const SMS_SENDER_SYSTEMS: readonly SmsSenderSystem[] = ['egov', 'esobes', 'social-portal'];
export const SMS_LANGUAGES: readonly SmsGatewayLanguage[] = ['kk', 'ru', 'kk+ru'];

/** One SMS to send: the text already rendered from its template (src/domain/sms). */
export interface SmsSendRequest {
  /** Kazakh mobile phone; any format `normalizeKzPhone` accepts, sent as `+77XXXXXXXXX`. */
  readonly phone: string;
  readonly shortNumber: SmsShortNumber;
  readonly service: SmsGatewayService;
  readonly senderSystem: SmsSenderSystem;
  /** Id of the template the text was rendered from, e.g. `home-schooling.2024-02-16.form-1.kk`. */
  readonly templateId: string;
  readonly language: SmsGatewayLanguage;
  /** The rendered text (1–2000 characters). */
  readonly text: string;
  /** The caller's case and step, echoed on replies and delivery reports; never personal data. */
  readonly reference: string;
  /** End of the reply window (RFC 3339 with offset); absent when no reply is expected. */
  readonly expectReplyUntil?: string;
  /** Where the gateway sends the `smsReply` and `deliveryReport` webhooks of this message. */
  readonly callbackUrl?: string;
}

/** An outbound SMS and its delivery status. Instants are RFC 3339 strings with their offset, as the gateway gave them. */
export interface SmsMessage {
  readonly messageId: string;
  readonly phone: string;
  readonly shortNumber: SmsShortNumber;
  readonly service: SmsGatewayService;
  readonly senderSystem: SmsSenderSystem;
  readonly templateId: string;
  readonly language: SmsGatewayLanguage;
  readonly reference: string;
  readonly status: SmsDeliveryStatus;
  readonly statusAt: string;
  /** SMS segments the text takes (1–10). */
  readonly segments: number;
  readonly encoding?: 'GSM7' | 'UCS2';
  readonly createdAt: string;
  readonly sentAt?: string;
  readonly deliveredAt?: string;
  readonly expectReplyUntil?: string;
  /** Present when the status is `failed` or `expired`. */
  readonly failure?: SmsDeliveryFailure;
}

/** A citizen's reply as typed (the caller parses `text` with its reply parser, src/domain/sms). */
export interface SmsReply {
  readonly replyId: string;
  readonly phone: string;
  readonly shortNumber: SmsShortNumber;
  /** The raw text, spaces and stray characters kept. */
  readonly text: string;
  readonly receivedAt: string;
  /** The message answered; null when the reply answered no open message. */
  readonly inReplyTo: string | null;
  /** Of the message answered; absent when unmatched. */
  readonly service?: SmsGatewayService;
  readonly senderSystem?: SmsSenderSystem;
  readonly reference?: string;
}

/** Which replies to list; every key optional. */
export interface SmsReplyFilter {
  readonly shortNumber?: SmsShortNumber;
  readonly service?: SmsGatewayService;
  /** true: only replies linked to a message; false: only those that answered no open message. */
  readonly matched?: boolean;
  /** Start of the first page (RFC 3339 with offset); ignored by the gateway when `cursor` is given. */
  readonly since?: string;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Page size, 1–1000 (gateway default 100). */
  readonly limit?: number;
}

/** A page of replies, oldest first; poll on with `nextCursor` (null on the last page). */
export interface SmsReplyPage {
  readonly replies: readonly SmsReply[];
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

/** The body of a `sendSms` call (the phone already normalised). */
export function toSendSmsRequest(req: SmsSendRequest, phone: string): SendSmsRequestWire {
  const wire: SendSmsRequestWire = {
    phone,
    shortNumber: req.shortNumber,
    service: req.service,
    senderSystem: req.senderSystem,
    templateId: req.templateId,
    language: req.language,
    text: req.text,
    reference: req.reference,
  };
  if (req.expectReplyUntil !== undefined) wire.expectReplyUntil = req.expectReplyUntil;
  if (req.callbackUrl !== undefined) wire.callbackUrl = req.callbackUrl;
  return wire;
}

/** An outbound message as the domain sees it (optional fields only when present). */
export function toSmsMessage(wire: SmsMessageWire): SmsMessage {
  return {
    messageId: wire.messageId,
    phone: wire.phone,
    shortNumber: wire.shortNumber,
    service: wire.service,
    senderSystem: wire.senderSystem,
    templateId: wire.templateId,
    language: wire.language,
    reference: wire.reference,
    status: wire.status,
    statusAt: wire.statusAt,
    segments: wire.segments,
    createdAt: wire.createdAt,
    ...(wire.encoding === undefined ? {} : { encoding: wire.encoding }),
    ...(wire.sentAt === undefined ? {} : { sentAt: wire.sentAt }),
    ...(wire.deliveredAt === undefined ? {} : { deliveredAt: wire.deliveredAt }),
    ...(wire.expectReplyUntil === undefined ? {} : { expectReplyUntil: wire.expectReplyUntil }),
    ...(wire.failure === undefined
      ? {}
      : { failure: { code: wire.failure.code, description: wire.failure.description } }),
  };
}

/** The query of a `listSmsReplies` call (absent filters left out). */
export function toListSmsRepliesQuery(filter: SmsReplyFilter): ListSmsRepliesQueryWire {
  const q: ListSmsRepliesQueryWire = {};
  if (filter.shortNumber !== undefined) q.shortNumber = filter.shortNumber;
  if (filter.service !== undefined) q.service = filter.service;
  if (filter.matched !== undefined) q.matched = filter.matched;
  if (filter.since !== undefined) q.since = filter.since;
  if (filter.cursor !== undefined) q.cursor = filter.cursor;
  if (filter.limit !== undefined) q.limit = filter.limit;
  return q;
}

/** A page of replies as the domain sees it. */
export function toSmsReplyPage(wire: SmsReplyPageWire): SmsReplyPage {
  return {
    replies: wire.items.map((r) => ({
      replyId: r.replyId,
      phone: r.phone,
      shortNumber: r.shortNumber,
      text: r.text,
      receivedAt: r.receivedAt,
      inReplyTo: r.inReplyTo,
      ...(r.service === undefined ? {} : { service: r.service }),
      ...(r.senderSystem === undefined ? {} : { senderSystem: r.senderSystem }),
      ...(r.reference === undefined ? {} : { reference: r.reference }),
    })),
    nextCursor: wire.page.nextCursor ?? null,
    hasMore: wire.page.hasMore,
  };
}
