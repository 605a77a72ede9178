import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  problemBody,
  type Consumer,
  ISO_DATE_TIME as DATE_TIME,
} from '../testing/pact';
import { SmsClient } from './client';
import type { SmsSendRequest, SmsShortNumber } from './mapping';

const { regex, integer, string, boolean, eachLike } = MatchersV3;

const MESSAGE_ID = /^sms-[0-9A-Z]{26}$/;
const REPLY_ID = /^in-[0-9A-Z]{26}$/;

// Synthetic phones: one served by an operator, one that no operator serves.
const PHONE = '+77012345678';
const UNSERVED_PHONE = '+77009998877';
const SENT_ID = 'sms-01J8ZK3Q4W6T1V0E2B9M7C5D3F';
const UNKNOWN_ID = 'sms-01J8ZK3Q4W6T1V0E2B9M7C5D3G';

/** What each party sends: the consent request of its own flow, and the reply it expects. */
interface Party {
  readonly consumer: Consumer;
  readonly sms: SmsSendRequest;
  readonly key: string;
  readonly reply: string;
}

const PARTIES: Party[] = [
  {
    // e-Gov portal: gas voucher consent request, amended text from short number 5169 (seed 001).
    consumer: 'egov',
    sms: {
      phone: PHONE,
      shortNumber: '5169',
      service: 'gas-voucher',
      senderSystem: 'egov',
      templateId: 'gas-voucher.2025-08-25.consent-request.ru',
      language: 'ru',
      text: 'Вашей семье доступна скидка на товарный газ. 21*1 означает «Согласен». Вопросы: 5169',
      reference: 'gas-voucher:2025-09:case-000123',
      expectReplyUntil: '2025-09-29T23:59:59+05:00',
      callbackUrl: 'https://callbacks.egov.kz/sms/events',
    },
    key: 'gas-voucher:2025-09:case-000123:consent-sms',
    reply: '21*1',
  },
  {
    // E-Sobes: home-schooling form 1 from short number 1414 (seed 003 cl. 9, appendix 1).
    consumer: 'esobes',
    sms: {
      phone: PHONE,
      shortNumber: '1414',
      service: 'home-schooling',
      senderSystem: 'esobes',
      templateId: 'home-schooling.2024-02-16.form-1.kk',
      language: 'kk',
      text: 'Құрметті азамат! Келісу үшін 140#3#1 деп жауап беріңіз.',
      reference: 'home-schooling:2024-09:case-000456',
      expectReplyUntil: '2024-09-13T23:59:59+05:00',
      callbackUrl: 'https://esobes.enbek.kz/callbacks/sms',
    },
    key: 'home-schooling:2024-09:case-000456:form-1',
    reply: '140#3#1',
  },
  {
    // Social Services Portal: the supplier-choice notice from short number 1414 (seed 004 cl. 9).
    consumer: 'social-portal',
    sms: {
      phone: PHONE,
      shortNumber: '1414',
      service: 'social-portal',
      senderSystem: 'social-portal',
      templateId: 'social-portal.2024-01-01.supplier-choice.ru',
      language: 'ru',
      text: 'Вам доступен выбор поставщика социальных услуг на портале aleumet.egov.kz.',
      reference: 'social-portal:2024-10:case-000789',
    },
    key: 'social-portal:2024-10:case-000789:notice',
    reply: '3#1',
  },
];

/** The queued message the gateway answers with: matchers on what varies, exact values on what the client checks. */
function queued(sms: SmsSendRequest, status: string) {
  return {
    messageId: regex(MESSAGE_ID, SENT_ID),
    phone: sms.phone,
    shortNumber: sms.shortNumber,
    service: sms.service,
    senderSystem: sms.senderSystem,
    templateId: sms.templateId,
    language: sms.language,
    reference: sms.reference,
    status,
    statusAt: regex(DATE_TIME, '2025-09-07T10:00:00+05:00'),
    segments: integer(2),
    createdAt: regex(DATE_TIME, '2025-09-07T10:00:00+05:00'),
  };
}

type BodyBuilder = { headers: (h: Record<string, string>) => { jsonBody: (body: unknown) => unknown } };

/** A problem answer; `exactCode` pins the code where the caller branches on it (a 422 rule). */
function problem(status: number, code: string, title: string, exactCode = false) {
  const body = exactCode ? { ...problemBody(status, code, title), code } : problemBody(status, code, title);
  return (b: BodyBuilder) => void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(body);
}

describe.each(PARTIES)('$consumer → SMS gateway', ({ consumer, sms, key, reply }) => {
  const pact = pactBetween(consumer, 'sms');
  const shortNumber: SmsShortNumber = sms.shortNumber;
  const sendRequest = (body: SmsSendRequest, idempotencyKey: string) => (b: BodyBuilder) =>
    void b.headers({ 'Idempotency-Key': idempotencyKey }).jsonBody(body);

  it('sendSms queues the message and answers with its id', () =>
    pact
      .addInteraction()
      .given(`phone ${PHONE} is served by a mobile operator`)
      .uponReceiving(`a ${sms.service} SMS to send from ${shortNumber}`)
      .withRequest('POST', '/messages', sendRequest(sms, key))
      .willRespondWith(202, (b) => b.jsonBody(queued(sms, 'accepted')))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.sendSms(sms, key)).resolves.toMatchObject({
          messageId: SENT_ID,
          phone: PHONE,
          reference: sms.reference,
          status: 'accepted',
        });
      }));

  it('sendSms is refused with the code of the rule when no operator serves the phone', () =>
    pact
      .addInteraction()
      .given(`no mobile operator serves phone ${UNSERVED_PHONE}`)
      .uponReceiving(`a ${sms.service} SMS to a phone no operator serves`)
      .withRequest('POST', '/messages', sendRequest({ ...sms, phone: UNSERVED_PHONE }, `${key}:unserved`))
      .willRespondWith(422, problem(422, 'PHONE_NOT_SERVED', 'Phone not served', true))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        const err = await client
          .sendSms({ ...sms, phone: UNSERVED_PHONE }, `${key}:unserved`)
          .catch((e) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'PHONE_NOT_SERVED' });
      }));

  it('sendSms is a Conflict when the idempotency key was used for another message', () =>
    pact
      .addInteraction()
      .given(`an SMS with Idempotency-Key ${key} was already sent with another text`)
      .uponReceiving(`a ${sms.service} SMS that reuses an idempotency key with another text`)
      .withRequest('POST', '/messages', sendRequest(sms, key))
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.sendSms(sms, key)).rejects.toBeInstanceOf(Conflict);
      }));

  it('sendSms throws UpstreamUnavailable when the gateway is down', () =>
    pact
      .addInteraction()
      .given('the SMS gateway is unavailable')
      .uponReceiving(`a ${sms.service} SMS to send while the gateway is unavailable`)
      .withRequest('POST', '/messages', sendRequest(sms, key))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.sendSms(sms, key)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('getMessage returns the delivery status of a message sent', () =>
    pact
      .addInteraction()
      .given(`message ${SENT_ID} (reference ${sms.reference}) was delivered to phone ${PHONE}`)
      .uponReceiving(`a request for the status of a delivered ${sms.service} SMS`)
      .withRequest('GET', `/messages/${SENT_ID}`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          ...queued(sms, 'delivered'),
          messageId: SENT_ID,
          deliveredAt: regex(DATE_TIME, '2025-09-07T10:00:07+05:00'),
        }),
      )
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.getMessage(SENT_ID)).resolves.toMatchObject({
          messageId: SENT_ID,
          status: 'delivered',
          deliveredAt: '2025-09-07T10:00:07+05:00',
        });
      }));

  it('getMessage throws NotFound for a message the gateway does not know', () =>
    pact
      .addInteraction()
      .given(`there is no message ${UNKNOWN_ID}`)
      .uponReceiving('a request for the status of an unknown SMS')
      .withRequest('GET', `/messages/${UNKNOWN_ID}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.getMessage(UNKNOWN_ID)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getMessage throws UpstreamUnavailable when the gateway is down', () =>
    pact
      .addInteraction()
      .given('the SMS gateway is unavailable')
      .uponReceiving('a request for the status of an SMS while the gateway is unavailable')
      .withRequest('GET', `/messages/${SENT_ID}`)
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.getMessage(SENT_ID)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  const since = '2024-09-01T00:00:00+05:00';
  const query = { shortNumber, service: sms.service, matched: 'true', since };

  it('listReplies returns the replies to the caller’s messages with the cursor of the next page', () =>
    pact
      .addInteraction()
      .given(
        `phone ${PHONE} replied "${reply}" on short number ${shortNumber} to message ${SENT_ID} (reference ${sms.reference})`,
      )
      .uponReceiving(`a poll for the replies to ${sms.service} SMS`)
      .withRequest('GET', '/replies', (b) => b.query(query))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: eachLike({
            replyId: regex(REPLY_ID, 'in-01J8ZP2B4C6D8E0F2G4H6J8K0L'),
            phone: PHONE,
            shortNumber,
            text: reply,
            receivedAt: regex(DATE_TIME, '2025-09-08T09:15:42+05:00'),
            inReplyTo: SENT_ID,
            service: sms.service,
            senderSystem: sms.senderSystem,
            reference: sms.reference,
          }),
          page: { nextCursor: string('eyJhZnRlciI6ImluLTAxIn0'), hasMore: boolean(false) },
        }),
      )
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        const page = await client.listReplies({ shortNumber, service: sms.service, matched: true, since });
        expect(page.replies[0]).toMatchObject({ text: reply, inReplyTo: SENT_ID, reference: sms.reference });
        expect(page.nextCursor).toBe('eyJhZnRlciI6ImluLTAxIn0');
      }));

  it('listReplies is BadInput when the gateway refuses the cursor', () =>
    pact
      .addInteraction()
      .given('the cursor "not-a-cursor" was not issued by the SMS gateway')
      .uponReceiving('a poll for replies with a cursor the gateway did not issue')
      .withRequest('GET', '/replies', (b) => b.query({ cursor: 'not-a-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(client.listReplies({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(BadInput);
      }));

  it('listReplies throws UpstreamUnavailable when the gateway is down', () =>
    pact
      .addInteraction()
      .given('the SMS gateway is unavailable')
      .uponReceiving('a poll for replies while the gateway is unavailable')
      .withRequest('GET', '/replies', (b) => b.query(query))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        const client = new SmsClient(pactClientConfig(server.url));
        await expect(
          client.listReplies({ shortNumber, service: sms.service, matched: true, since }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
