import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  problemBody,
  ISO_DATE_TIME as DATE_TIME,
  ISO_DATE as DATE,
} from '../testing/pact';
import { EotinishClient } from './client';
import type { EotinishComplaintToFile, EotinishWithdrawal } from './mapping';

const { regex, string, eachLike } = MatchersV3;

const BIN = /^[0-9]{12}$/;
const COMPLAINT_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;
const STATUS_CODE = /^(registered|forwarded|in-review|answered|left-without-consideration|withdrawn)$/;

// Synthetic family (valid checksums): a mother born 1985-03-12 with phone +77012345678, her son born 2012-09-05.
const MOTHER = '850312400019';
const PUPIL = '120905500017';
const PHONE = '+77012345678';
const COMPLAINT_ID = 'cmp-2025-0048213';
const ANSWERED_COMPLAINT = 'cmp-2025-0048177';
const UNKNOWN_COMPLAINT = 'cmp-2025-9999999';
const SOURCE_REF = 'wallet-cmp-2025-10-000381';
const KEY = 'school-meals:2025-10:case-000381:complaint';
const WITHDRAW_KEY = 'school-meals:2025-10:case-000381:withdraw';
const SCHOOL_BIN = '110140032579';
const ADDRESSEE_BIN = '030540000012';

const SCHOOL = {
  bin: SCHOOL_BIN,
  nobdSchoolId: 'SCH-79-0045',
  nameKz: '№ 45 жалпы білім беретін мектеп',
  nameRu: 'Общеобразовательная школа № 45',
  region: { code: '79', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' },
};

// The mother rates the canteen 2 of 5: her son's lunch was cold (seed 002 Annex 2 cl. 12).
const COLD_LUNCH: EotinishComplaintToFile = {
  sourceRef: SOURCE_REF,
  applicantIin: MOTHER,
  applicantName: { lastName: 'Ахметова', firstName: 'Айгерим', middleName: 'Серікқызы' },
  applicantPhone: PHONE,
  applicantRole: 'mother',
  pupilIin: PUPIL,
  school: SCHOOL,
  voucherId: 'vch-01J8YD1A3B5C7D9E1F3G5H7J9K',
  mealId: 'meal-2025-10-14-000912',
  mealDate: '2025-10-14',
  topic: 'food-quality',
  text: '14 қазанда ұлыма берілген түскі ас суық болды, порциясы аз.',
  rating: 2,
  answerChannel: 'egov-personal-cabinet',
  language: 'kk',
  submittedAt: '2025-10-14T16:20:00+05:00',
};

const FILE_BODY = { sourceSystem: 'wallet', ...COLD_LUNCH };

const WITHDRAWAL: EotinishWithdrawal = {
  applicantIin: MOTHER,
  withdrawnAt: '2025-10-15T09:00:00+05:00',
  reason: 'The canteen replaced the meal the next day.',
};

const organisation = () => ({
  bin: regex(BIN, ADDRESSEE_BIN),
  nameKz: string('Шымкент қаласының білім басқармасы'),
  nameRu: string('Управление образования города Шымкент'),
});

const status = (code: unknown, nameKz: string, nameRu: string) => ({
  code,
  nameKz: string(nameKz),
  nameRu: string(nameRu),
});

/**
 * A complaint as e-Otinish answers: exact where the client compares (ids, IINs, the Wallet's reference, a
 * withdrawn status) or the values echo what the Wallet filed; matchers where e-Otinish decides.
 */
function complaintBody(complaintId: unknown, st: unknown, answer: unknown = null) {
  return {
    complaintId,
    registrationNumber: string('ЖТ-2025-0048213'),
    status: st,
    registeredAt: regex(DATE_TIME, '2025-10-14T16:20:04+05:00'),
    dueDate: regex(DATE, '2025-11-04'),
    sourceSystem: 'wallet',
    sourceRef: SOURCE_REF,
    applicantIin: MOTHER,
    applicantRole: 'mother',
    pupilIin: PUPIL,
    school: SCHOOL,
    voucherId: COLD_LUNCH.voucherId,
    mealId: COLD_LUNCH.mealId,
    mealDate: COLD_LUNCH.mealDate,
    topic: 'food-quality',
    text: COLD_LUNCH.text,
    rating: 2,
    addressee: organisation(),
    history: eachLike({
      status: regex(STATUS_CODE, 'registered'),
      at: regex(DATE_TIME, '2025-10-14T16:20:04+05:00'),
    }),
    answer,
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

const newClient = (url: string) => new EotinishClient(pactClientConfig(url));

describe('wallet → e-Otinish', () => {
  const pact = pactBetween('wallet', 'eotinish');

  describe('fileComplaint', () => {
    it('registers the complaint and routes it to the education department of the region', () =>
      pact
        .addInteraction()
        .given(
          `the person with IIN ${MOTHER} is the mother of the pupil with IIN ${PUPIL} of the school with BIN ${SCHOOL_BIN} in region 79, routed to the authorised body with BIN ${ADDRESSEE_BIN}`,
        )
        .uponReceiving('a complaint about a cold lunch with rating 2')
        .withRequest('POST', '/complaints', withKey(KEY, FILE_BODY))
        .willRespondWith(201, (b) =>
          b.jsonBody(
            complaintBody(
              regex(COMPLAINT_ID_RE, COMPLAINT_ID),
              status(
                regex(STATUS_CODE, 'forwarded'),
                'Уәкілетті органға жолданды',
                'Направлена в уполномоченный орган',
              ),
            ),
          ),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).fileComplaint(COLD_LUNCH, KEY)).resolves.toMatchObject({
            complaintId: COMPLAINT_ID,
            status: { code: 'forwarded' },
            dueDate: '2025-11-04',
            sourceRef: SOURCE_REF,
            addressee: { bin: ADDRESSEE_BIN },
            answer: null,
          });
        }));

    it('is refused with SCHOOL_NOT_ROUTED when the region has no authorised body', () =>
      pact
        .addInteraction()
        .given(
          `no authorised body is registered in e-Otinish for the region of the school with BIN ${SCHOOL_BIN}`,
        )
        .uponReceiving('a complaint about a school of a region without an authorised body')
        .withRequest('POST', '/complaints', withKey(KEY, FILE_BODY))
        .willRespondWith(422, problem(422, 'SCHOOL_NOT_ROUTED', 'School not routed', true))
        .executeTest(async (server) => {
          await expect(newClient(server.url).fileComplaint(COLD_LUNCH, KEY)).rejects.toMatchObject({
            constructor: BusinessRuleViolation,
            problemCode: 'SCHOOL_NOT_ROUTED',
          });
        }));

    it('is refused with APPLICANT_NOT_REPRESENTATIVE when the applicant is not a parent of the pupil', () =>
      pact
        .addInteraction()
        .given(`the person with IIN ${MOTHER} is not a legal representative of the pupil with IIN ${PUPIL}`)
        .uponReceiving('a complaint by a person who is not a legal representative of the pupil')
        .withRequest('POST', '/complaints', withKey(KEY, FILE_BODY))
        .willRespondWith(
          422,
          problem(422, 'APPLICANT_NOT_REPRESENTATIVE', 'Applicant is not a legal representative', true),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).fileComplaint(COLD_LUNCH, KEY)).rejects.toMatchObject({
            constructor: BusinessRuleViolation,
            problemCode: 'APPLICANT_NOT_REPRESENTATIVE',
          });
        }));

    it('is a Conflict when the idempotency key was used for another complaint', () =>
      pact
        .addInteraction()
        .given(`a complaint was filed with Idempotency-Key ${KEY} and another text`)
        .uponReceiving('a complaint that reuses an idempotency key with another body')
        .withRequest('POST', '/complaints', withKey(KEY, FILE_BODY))
        .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).fileComplaint(COLD_LUNCH, KEY)).rejects.toBeInstanceOf(Conflict);
        }));

    it('throws UpstreamUnavailable when e-Otinish is down', () =>
      pact
        .addInteraction()
        .given('e-Otinish is unavailable')
        .uponReceiving('a complaint while e-Otinish is unavailable')
        .withRequest('POST', '/complaints', withKey(KEY, FILE_BODY))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).fileComplaint(COLD_LUNCH, KEY)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('getComplaint', () => {
    it('returns an answered complaint with the answer', () =>
      pact
        .addInteraction()
        .given(`complaint ${COMPLAINT_ID} of the person with IIN ${MOTHER} was answered and upheld`)
        .uponReceiving('a request for an answered complaint')
        .withRequest('GET', `/complaints/${COMPLAINT_ID}`)
        .willRespondWith(200, (b) =>
          b.jsonBody(
            complaintBody(COMPLAINT_ID, status('answered', 'Жауап берілді', 'Дан ответ'), {
              answeredAt: regex(DATE_TIME, '2025-10-28T11:30:00+05:00'),
              outcome: regex(/^(upheld|partially-upheld|rejected|explained)$/, 'upheld'),
              text: string(
                'Асхана операторына ескерту жасалды, ас мәзірі мен температуралық режим тексерілді.',
              ),
              answeredBy: organisation(),
            }),
          ),
        )
        .executeTest(async (server) => {
          await expect(newClient(server.url).getComplaint(COMPLAINT_ID)).resolves.toMatchObject({
            complaintId: COMPLAINT_ID,
            status: { code: 'answered' },
            answer: { outcome: 'upheld', answeredBy: { bin: ADDRESSEE_BIN } },
          });
        }));

    it('throws NotFound for an unknown complaint', () =>
      pact
        .addInteraction()
        .given(`there is no complaint ${UNKNOWN_COMPLAINT}`)
        .uponReceiving('a request for an unknown complaint')
        .withRequest('GET', `/complaints/${UNKNOWN_COMPLAINT}`)
        .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getComplaint(UNKNOWN_COMPLAINT)).rejects.toBeInstanceOf(
            NotFound,
          );
        }));

    it('throws UpstreamUnavailable when e-Otinish is down', () =>
      pact
        .addInteraction()
        .given('e-Otinish is unavailable')
        .uponReceiving('a request for a complaint while e-Otinish is unavailable')
        .withRequest('GET', `/complaints/${COMPLAINT_ID}`)
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).getComplaint(COMPLAINT_ID)).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('listComplaints', () => {
    it("lists a parent's complaints", () =>
      pact
        .addInteraction()
        .given(
          `the person with IIN ${MOTHER} has filed exactly one complaint, ${COMPLAINT_ID}, now in review`,
        )
        .uponReceiving("a request for a parent's complaints")
        .withRequest('GET', '/complaints', (b) => b.query({ applicantIin: MOTHER, limit: '20' }))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            items: eachLike(
              complaintBody(
                regex(COMPLAINT_ID_RE, COMPLAINT_ID),
                status(regex(STATUS_CODE, 'in-review'), 'Қаралуда', 'На рассмотрении'),
              ),
            ),
            page: { nextCursor: null, hasMore: false },
          }),
        )
        .executeTest(async (server) => {
          const page = await newClient(server.url).listComplaints({ applicantIin: MOTHER, limit: 20 });
          expect(page).toMatchObject({ nextCursor: null, hasMore: false });
          expect(page.complaints).toHaveLength(1);
          expect(page.complaints[0]).toMatchObject({
            complaintId: COMPLAINT_ID,
            applicantIin: MOTHER,
            status: { code: 'in-review' },
          });
        }));

    it('a cursor e-Otinish did not issue is BadInput', () =>
      pact
        .addInteraction()
        .given('e-Otinish issued no cursor not-an-eotinish-cursor')
        .uponReceiving('a request for complaints with an unknown cursor')
        .withRequest('GET', '/complaints', (b) =>
          b.query({ applicantIin: MOTHER, cursor: 'not-an-eotinish-cursor' }),
        )
        .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).listComplaints({ applicantIin: MOTHER, cursor: 'not-an-eotinish-cursor' }),
          ).rejects.toBeInstanceOf(BadInput);
        }));

    it('throws UpstreamUnavailable when e-Otinish is down', () =>
      pact
        .addInteraction()
        .given('e-Otinish is unavailable')
        .uponReceiving('a request for complaints while e-Otinish is unavailable')
        .withRequest('GET', '/complaints', (b) => b.query({ applicantIin: MOTHER }))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(newClient(server.url).listComplaints({ applicantIin: MOTHER })).rejects.toBeInstanceOf(
            UpstreamUnavailable,
          );
        }));
  });

  describe('withdrawComplaint', () => {
    it('withdraws a complaint in review', () =>
      pact
        .addInteraction()
        .given(`complaint ${COMPLAINT_ID} of the person with IIN ${MOTHER} is in review`)
        .uponReceiving('a withdrawal of a complaint in review')
        .withRequest('POST', `/complaints/${COMPLAINT_ID}/withdrawal`, withKey(WITHDRAW_KEY, WITHDRAWAL))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            complaintBody(COMPLAINT_ID, status('withdrawn', 'Кері қайтарылды', 'Отозвана заявителем')),
          ),
        )
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY),
          ).resolves.toMatchObject({ complaintId: COMPLAINT_ID, status: { code: 'withdrawn' } });
        }));

    it('is refused with COMPLAINT_ALREADY_ANSWERED for an answered complaint', () =>
      pact
        .addInteraction()
        .given(`complaint ${ANSWERED_COMPLAINT} of the person with IIN ${MOTHER} was answered`)
        .uponReceiving('a withdrawal of an answered complaint')
        .withRequest(
          'POST',
          `/complaints/${ANSWERED_COMPLAINT}/withdrawal`,
          withKey(WITHDRAW_KEY, WITHDRAWAL),
        )
        .willRespondWith(422, problem(422, 'COMPLAINT_ALREADY_ANSWERED', 'Complaint already answered', true))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).withdrawComplaint(ANSWERED_COMPLAINT, WITHDRAWAL, WITHDRAW_KEY),
          ).rejects.toMatchObject({
            constructor: BusinessRuleViolation,
            problemCode: 'COMPLAINT_ALREADY_ANSWERED',
          });
        }));

    it('throws NotFound for an unknown complaint', () =>
      pact
        .addInteraction()
        .given(`there is no complaint ${UNKNOWN_COMPLAINT}`)
        .uponReceiving('a withdrawal of an unknown complaint')
        .withRequest('POST', `/complaints/${UNKNOWN_COMPLAINT}/withdrawal`, withKey(WITHDRAW_KEY, WITHDRAWAL))
        .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).withdrawComplaint(UNKNOWN_COMPLAINT, WITHDRAWAL, WITHDRAW_KEY),
          ).rejects.toBeInstanceOf(NotFound);
        }));

    it('is a Conflict when the idempotency key was used for another withdrawal', () =>
      pact
        .addInteraction()
        .given(`a withdrawal was made with Idempotency-Key ${WITHDRAW_KEY} and another reason`)
        .uponReceiving('a withdrawal that reuses an idempotency key with another body')
        .withRequest('POST', `/complaints/${COMPLAINT_ID}/withdrawal`, withKey(WITHDRAW_KEY, WITHDRAWAL))
        .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY),
          ).rejects.toBeInstanceOf(Conflict);
        }));

    it('throws UpstreamUnavailable when e-Otinish is down', () =>
      pact
        .addInteraction()
        .given('e-Otinish is unavailable')
        .uponReceiving('a withdrawal while e-Otinish is unavailable')
        .withRequest('POST', `/complaints/${COMPLAINT_ID}/withdrawal`, withKey(WITHDRAW_KEY, WITHDRAWAL))
        .willRespondWith(503, problem(503, 'UNAVAILABLE', 'Service unavailable'))
        .executeTest(async (server) => {
          await expect(
            newClient(server.url).withdrawComplaint(COMPLAINT_ID, WITHDRAWAL, WITHDRAW_KEY),
          ).rejects.toBeInstanceOf(UpstreamUnavailable);
        }));
  });
});
