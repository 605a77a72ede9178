import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import { pactBetween, pactClientConfig, problemBody, ISO_DATE_TIME as DATE_TIME } from '../testing/pact';
import { ConsentClient, ConsentRefused } from './client';
import type { ConsentCheckRequest, ConsentRevocation, ConsentToRecord } from './mapping';

const { regex, eachLike } = MatchersV3;

const CONSENT_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;
const TOKEN_RE = /^[A-Za-z0-9._~+/=-]{16,4096}$/;

// Synthetic family (valid checksums): a mother born 1985-03-12 with phone +77012345678, her son born 2012-09-05.
const MOTHER = '850312400019';
const CHILD = '120905500017';
const PHONE = '+77012345678';
const CONSENT_ID = 'c-2024-05-13-000123';
const UNKNOWN_CONSENT = 'c-2024-05-13-999999';
const EXPIRED_CONSENT = 'c-2023-05-10-000077';
const KEY = 'home-schooling:2024-05:case-000456:consent';
const REVOKE_KEY = 'home-schooling:2024-05:case-000456:revoke';
const TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImtkcC0yMDI0In0.eyJjb25zZW50cyI6WyJjLTIwMjQtMDUtMTMtMDAwMTIzIl19.MEUCIQDx';

const SERVICE = {
  code: 'homeSchoolingCompensation' as const,
  nameKz: 'Мүгедектігі бар балаларды үйде оқытуға жұмсалған шығындарды өтеу',
  nameRu: 'Возмещение затрат на обучение на дому детей с инвалидностью',
};

// E-Sobes records the mother's reply "140#3#1" to home-schooling form 1 as her consent (seed 003 cl. 9, appendix 1).
const SMS_CONSENT: ConsentToRecord = {
  subjectIin: MOTHER,
  grantorIin: MOTHER,
  grantorRole: 'subject',
  requesterSystem: 'esobes',
  requesterBin: '200340000011',
  service: SERVICE,
  scope: ['identity', 'registrationAddress', 'kinship', 'mobilePhone', 'bankAccounts'],
  accessLevels: ['public', 'restricted'],
  channel: 'smsReply',
  smsReply: {
    messageId: 'in-01J8ZM0A7S2D4F6G8H0J2K4L6N',
    shortNumber: '1414',
    phone: PHONE,
    text: '140#3#1',
    receivedAt: '2024-05-13T10:15:00+05:00',
  },
  givenAt: '2024-05-13T10:15:00+05:00',
  validUntil: '2024-12-31',
  caseRef: 'home-schooling:2024-05:case-000456',
};

const RECORD_BODY = {
  subjectIin: MOTHER,
  grantorIin: MOTHER,
  grantorRole: 'subject',
  requesterSystem: 'esobes',
  requesterBin: '200340000011',
  service: SERVICE,
  scope: SMS_CONSENT.scope,
  accessLevels: SMS_CONSENT.accessLevels,
  thirdPartyTransfer: false,
  crossBorderTransfer: false,
  channel: 'smsReply',
  evidence: { smsReply: SMS_CONSENT.smsReply },
  givenAt: SMS_CONSENT.givenAt,
  validUntil: SMS_CONSENT.validUntil,
  caseRef: SMS_CONSENT.caseRef,
};

const REVOCATION: ConsentRevocation = {
  revokedByIin: MOTHER,
  reason: 'subjectRequest',
  channel: 'egovPortal',
  revokedAt: '2024-06-02T18:40:00+05:00',
};

// Before asking GBD FL for the kinship of the child and the mother (seed 003 cl. 7).
const CHECK: ConsentCheckRequest = {
  subjectIins: [CHILD, MOTHER],
  requesterSystem: 'esobes',
  service: 'homeSchoolingCompensation',
  scope: ['identity', 'kinship'],
  targetSystem: 'gbdfl',
  caseRef: 'home-schooling:2024-05:case-000456',
};

/** The consent the service answers with: exact where the client compares, matchers where the service decides. */
function consentBody(consentId: unknown, status: string, revocation: unknown = null) {
  const { thirdPartyTransfer, crossBorderTransfer, ...rest } = RECORD_BODY;
  return {
    ...rest,
    consentId,
    status,
    thirdPartyTransfer,
    crossBorderTransfer,
    recordedAt: regex(DATE_TIME, '2024-05-13T10:15:02+05:00'),
    revocation,
  };
}

type BodyBuilder = { headers: (h: Record<string, string>) => { jsonBody: (body: unknown) => unknown } };

/** A problem answer; `exactCode` pins the code where the caller branches on it (a 422 rule). */
function problem(status: number, code: string, title: string, exactCode = false) {
  const body = exactCode ? { ...problemBody(status, code, title), code } : problemBody(status, code, title);
  return (b: BodyBuilder) => void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(body);
}

const withKey = (key: string, body: unknown) => (b: BodyBuilder) =>
  void b.headers({ 'Idempotency-Key': key }).jsonBody(body);

const newClient = (url: string) => new ConsentClient(pactClientConfig(url));

describe('esobes → consent service', () => {
  const pact = pactBetween('esobes', 'consent');

  describe('recordConsent', () => {
    it('records the consent an SMS reply gives', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${MOTHER} has no consent recorded for esobes`)
        .uponReceiving('a consent given by the SMS reply 140#3#1 to record')
        .withRequest('POST', '/consents', withKey(KEY, RECORD_BODY))
        .willRespondWith(201, (b) => b.jsonBody(consentBody(regex(CONSENT_ID_RE, CONSENT_ID), 'active')))
        .executeTest(async (server) => {
          await expect(newClient(server.url).recordConsent(SMS_CONSENT, KEY)).resolves.toMatchObject({
            created: true,
            consent: { consentId: CONSENT_ID, status: 'active', subjectIin: MOTHER, revocation: null },
          });
        }));

    it('is refused with CONSENT_GIVEN_IN_FUTURE when givenAt is later than the service clock', () =>
      pact
        .addInteraction()
        .given("the consent service's clock reads 2024-05-13T09:00:00+05:00")
        .uponReceiving('a consent given after the service clock to record')
        .withRequest('POST', '/consents', withKey(KEY, RECORD_BODY))
        .willRespondWith(422, problem(422, 'CONSENT_GIVEN_IN_FUTURE', 'Consent given in the future', true))
        .executeTest(async (server) => {
          await expect(newClient(server.url).recordConsent(SMS_CONSENT, KEY)).rejects.toMatchObject({
            constructor: BusinessRuleViolation,
            problemCode: 'CONSENT_GIVEN_IN_FUTURE',
          });
        }));

    it('is a Conflict when the idempotency key was used for another consent', () =>
      pact
        .addInteraction()
        .given(`a consent was recorded with Idempotency-Key ${KEY} for another scope`)
        .uponReceiving('a consent to record that reuses an idempotency key with another body')
        .withRequest('POST', '/consents', withKey(KEY, RECORD_BODY))
        .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).recordConsent(SMS_CONSENT, KEY)).rejects.toBeInstanceOf(
            Conflict,
          );
        }));

    it('throws UpstreamUnavailable when the service is down', () =>
      pact
        .addInteraction()
        .given('the consent service is unavailable')
        .uponReceiving('a consent to record while the service is unavailable')
        .withRequest('POST', '/consents', withKey(KEY, RECORD_BODY))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).recordConsent(SMS_CONSENT, KEY)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('checkConsent', () => {
    it('grants a consent token when the child and the mother are covered', () =>
      pact
        .addInteraction()
        .given(
          `the person with IIN ${MOTHER} consented to esobes for herself and her child with IIN ${CHILD}`,
        )
        .uponReceiving('a consent check for a GBD FL kinship request')
        .withRequest('POST', '/consents:check', (b) => b.jsonBody(CHECK))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            granted: true,
            token: regex(TOKEN_RE, TOKEN),
            tokenType: 'kdp-consent',
            expiresAt: regex(DATE_TIME, '2024-05-13T10:30:00+05:00'),
            consentIds: eachLike(regex(CONSENT_ID_RE, CONSENT_ID)),
            reason: null,
            missing: [],
          }),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).checkConsent(CHECK)).resolves.toEqual({
            token: TOKEN,
            tokenType: 'kdp-consent',
            expiresAt: '2024-05-13T10:30:00+05:00',
            consentIds: [CONSENT_ID],
          });
        }));

    it('refuses, naming the subject without consent, when the child is not covered', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${MOTHER} consented to esobes for herself only`)
        .uponReceiving('a consent check where the child has no consent')
        .withRequest('POST', '/consents:check', (b) => b.jsonBody(CHECK))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            granted: false,
            token: null,
            reason: 'noConsent',
            missing: [{ subjectIin: CHILD, reason: 'noConsent' }],
          }),
        )
        .executeTest(async (server) => {
          const err = await newClient(server.url)
            .checkConsent(CHECK)
            .catch((e: unknown) => e);
          expect(err).toBeInstanceOf(ConsentRefused);
          expect(err).toMatchObject({
            code: 'CONSENT_MISSING',
            reason: 'noConsent',
            missing: [{ subjectIin: CHILD, reason: 'noConsent', missingScope: [] }],
          });
        }));

    it('throws UpstreamUnavailable when the service is down', () =>
      pact
        .addInteraction()
        .given('the consent service is unavailable')
        .uponReceiving('a consent check while the service is unavailable')
        .withRequest('POST', '/consents:check', (b) => b.jsonBody(CHECK))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).checkConsent(CHECK)).rejects.toBeInstanceOf(UpstreamUnavailable);
        }));
  });

  describe('revokeConsent', () => {
    it('revokes an active consent', () =>
      pact
        .addInteraction()
        .given(`consent ${CONSENT_ID} of the person with IIN ${MOTHER} is active`)
        .uponReceiving('a revocation of an active consent')
        .withRequest('POST', `/consents/${CONSENT_ID}/revocation`, withKey(REVOKE_KEY, REVOCATION))
        .willRespondWith(200, (b) => b.jsonBody(consentBody(CONSENT_ID, 'revoked', REVOCATION)))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).revokeConsent(CONSENT_ID, REVOCATION, REVOKE_KEY),
          ).resolves.toMatchObject({ consentId: CONSENT_ID, status: 'revoked', revocation: REVOCATION });
        }));

    it('is refused with CONSENT_EXPIRED for an expired consent', () =>
      pact
        .addInteraction()
        .given(`consent ${EXPIRED_CONSENT} of the person with IIN ${MOTHER} has expired`)
        .uponReceiving('a revocation of an expired consent')
        .withRequest('POST', `/consents/${EXPIRED_CONSENT}/revocation`, withKey(REVOKE_KEY, REVOCATION))
        .willRespondWith(422, problem(422, 'CONSENT_EXPIRED', 'Consent has expired', true))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).revokeConsent(EXPIRED_CONSENT, REVOCATION, REVOKE_KEY),
          ).rejects.toMatchObject({ constructor: BusinessRuleViolation, problemCode: 'CONSENT_EXPIRED' });
        }));

    it('throws NotFound for an unknown consent', () =>
      pact
        .addInteraction()
        .given(`there is no consent ${UNKNOWN_CONSENT}`)
        .uponReceiving('a revocation of an unknown consent')
        .withRequest('POST', `/consents/${UNKNOWN_CONSENT}/revocation`, withKey(REVOKE_KEY, REVOCATION))
        .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).revokeConsent(UNKNOWN_CONSENT, REVOCATION, REVOKE_KEY),
          ).rejects.toBeInstanceOf(NotFound);
        }));

    it('throws UpstreamUnavailable when the service is down', () =>
      pact
        .addInteraction()
        .given('the consent service is unavailable')
        .uponReceiving('a revocation while the service is unavailable')
        .withRequest('POST', `/consents/${CONSENT_ID}/revocation`, withKey(REVOKE_KEY, REVOCATION))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).revokeConsent(CONSENT_ID, REVOCATION, REVOKE_KEY),
          ).rejects.toBeInstanceOf(UpstreamUnavailable);
        }));
  });

  describe('getConsent', () => {
    it('returns a consent with its status', () =>
      pact
        .addInteraction()
        .given(`consent ${CONSENT_ID} of the person with IIN ${MOTHER} is active`)
        .uponReceiving('a request for an active consent')
        .withRequest('GET', `/consents/${CONSENT_ID}`)
        .willRespondWith(200, (b) => b.jsonBody(consentBody(CONSENT_ID, 'active')))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getConsent(CONSENT_ID)).resolves.toMatchObject({
            consentId: CONSENT_ID,
            status: 'active',
            smsReply: { text: '140#3#1' },
          });
        }));

    it('throws NotFound for an unknown consent', () =>
      pact
        .addInteraction()
        .given(`there is no consent ${UNKNOWN_CONSENT}`)
        .uponReceiving('a request for an unknown consent')
        .withRequest('GET', `/consents/${UNKNOWN_CONSENT}`)
        .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getConsent(UNKNOWN_CONSENT)).rejects.toBeInstanceOf(NotFound);
        }));

    it('throws UpstreamUnavailable when the service is down', () =>
      pact
        .addInteraction()
        .given('the consent service is unavailable')
        .uponReceiving('a request for a consent while the service is unavailable')
        .withRequest('GET', `/consents/${CONSENT_ID}`)
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getConsent(CONSENT_ID)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });
});

// E-Sobes finds the consents a representative gave for home schooling before it asks again (seed 003 cl. 7, 9).
describe('esobes → consent service: listing consents', () => {
  const pact = pactBetween('esobes', 'consent');

  it('listConsents returns the active consents of a person for a service, with the next cursor', () =>
    pact
      .addInteraction()
      .given(`consent ${CONSENT_ID} of the person with IIN ${MOTHER} is active`)
      .uponReceiving('a request for the active home-schooling consents of a person')
      .withRequest('GET', '/consents', (b) =>
        b.query({ subjectIin: MOTHER, service: 'homeSchoolingCompensation', status: 'active', limit: '1' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [consentBody(CONSENT_ID, 'active')],
          page: { nextCursor: regex(/^.+$/, 'eyJhZnRlciI6ImMtMjAyNC0wNS0xMy0wMDAxMjMifQ'), hasMore: true },
        }),
      )
      .executeTest(async (server) => {
        const page = await newClient(server.url).listConsents({
          subjectIin: MOTHER,
          service: 'homeSchoolingCompensation',
          status: 'active',
          limit: 1,
        });
        expect(page).toMatchObject({
          consents: [expect.objectContaining({ consentId: CONSENT_ID, status: 'active' })],
          nextCursor: 'eyJhZnRlciI6ImMtMjAyNC0wNS0xMy0wMDAxMjMifQ',
          hasMore: true,
        });
      }));

  it('listConsents throws BadInput for a cursor the service did not issue', () =>
    pact
      .addInteraction()
      .given('the consent service issued no cursor not-a-consent-cursor')
      .uponReceiving('a request for consents with a cursor the service did not issue')
      .withRequest('GET', '/consents', (b) => b.query({ cursor: 'not-a-consent-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          newClient(server.url).listConsents({ cursor: 'not-a-consent-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listConsents throws UpstreamUnavailable when the service is down', () =>
    pact
      .addInteraction()
      .given('the consent service is unavailable')
      .uponReceiving('a request for consents while the service is unavailable')
      .withRequest('GET', '/consents', (b) => b.query({ subjectIin: MOTHER }))
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        await expect(newClient(server.url).listConsents({ subjectIin: MOTHER })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

// NOBD, holder of the legal representatives, checks the consent token E-Sobes presents before it answers
// (seed 003 cl. 7).
describe('nobd → consent service: token introspection', () => {
  const pact = pactBetween('nobd', 'consent');

  it('introspectToken tells what an active token grants', () =>
    pact
      .addInteraction()
      .given(`consent token ${TOKEN} was issued to esobes for NOBD on consent ${CONSENT_ID} of ${MOTHER}`)
      .uponReceiving('an introspection of an active consent token by NOBD')
      .withRequest('POST', '/consent-tokens:introspect', (b) =>
        b.jsonBody({ token: TOKEN, holderSystem: 'nobd' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          active: true,
          subjectIins: [CHILD, MOTHER],
          requesterSystem: 'esobes',
          service: 'homeSchoolingCompensation',
          scope: ['identity', 'kinship'],
          targetSystem: 'nobd',
          consentIds: eachLike(regex(CONSENT_ID_RE, CONSENT_ID)),
          issuedAt: regex(DATE_TIME, '2024-05-13T10:15:00+05:00'),
          expiresAt: regex(DATE_TIME, '2024-05-13T10:30:00+05:00'),
          inactiveReason: null,
        }),
      )
      .executeTest(async (server) => {
        await expect(newClient(server.url).introspectToken(TOKEN, 'nobd')).resolves.toMatchObject({
          active: true,
          subjectIins: [CHILD, MOTHER],
          requesterSystem: 'esobes',
          targetSystem: 'nobd',
          scope: ['identity', 'kinship'],
          inactiveReason: null,
        });
      }));

  it('introspectToken tells that a token on a revoked consent is inactive', () =>
    pact
      .addInteraction()
      .given(`consent token ${TOKEN} rests on consent ${CONSENT_ID}, which was revoked`)
      .uponReceiving('an introspection of a consent token whose consent was revoked')
      .withRequest('POST', '/consent-tokens:introspect', (b) =>
        b.jsonBody({ token: TOKEN, holderSystem: 'nobd' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          active: false,
          subjectIins: [],
          scope: [],
          consentIds: [],
          inactiveReason: 'consentRevoked',
        }),
      )
      .executeTest(async (server) => {
        await expect(newClient(server.url).introspectToken(TOKEN, 'nobd')).resolves.toMatchObject({
          active: false,
          inactiveReason: 'consentRevoked',
        });
      }));

  it('introspectToken throws UpstreamUnavailable when the service is down', () =>
    pact
      .addInteraction()
      .given('the consent service is unavailable')
      .uponReceiving('an introspection of a consent token while the service is unavailable')
      .withRequest('POST', '/consent-tokens:introspect', (b) =>
        b.jsonBody({ token: TOKEN, holderSystem: 'nobd' }),
      )
      .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
      .executeTest(async (server) => {
        await expect(newClient(server.url).introspectToken(TOKEN, 'nobd')).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});
