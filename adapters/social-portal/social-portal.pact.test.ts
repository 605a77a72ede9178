import { MatchersV3 } from '@pact-foundation/pact';
import { tiyn } from '../../src/domain/money';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  isoDate as DATE,
  isoDateTime as DATE_TIME,
  problemResponse as problem,
  UNAVAILABLE_RESPONSE as UNAVAILABLE,
} from '../testing/pact';
import { SocialPortalClient } from './client';
import type { SocialPortalMeasureSubmission } from './mapping';

const { regex, string, integer, eachLike } = MatchersV3;

// Synthetic people (valid checksums): a woman born 1978-04-15 with a MAB phone, whose IPR measure
// iprm-2025-000412 is a wheelchair; a young man born 2005-12-30 without a phone, whose measure iprm-2025-000377
// (personal-assistant hours) was blocked and whose reactivation he requested. Local executive bodies by BIN.
const WOMAN = '780415400013';
const YOUNG_MAN = '051230500015';
const WHEELCHAIR_ID = 'iprm-2025-000412';
const ASSISTANT_ID = 'iprm-2025-000377';
const UNKNOWN_ID = 'iprm-2025-999999';

const portal = (url: string) => new SocialPortalClient(pactClientConfig(url));

const coded = (code: string, nameKz: string, nameRu: string) => ({
  code,
  nameKz: string(nameKz),
  nameRu: string(nameRu),
});
const WKO_BODY = {
  bin: '141040000021',
  nameKz: 'Батыс Қазақстан облысының жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы',
  nameRu: 'Управление координации занятости и социальных программ Западно-Казахстанской области',
  regionCode: '27',
};

const WHEELCHAIR: SocialPortalMeasureSubmission = {
  measureId: WHEELCHAIR_ID,
  iprNumber: 'ИПР-2025-0081234',
  iprDate: '2025-08-20',
  deadline: '2025-12-31',
  person: {
    iin: WOMAN,
    name: { lastName: 'Қасымова', firstName: 'Сәуле', middleName: 'Жанатқызы' },
    birthDate: '1978-04-15',
    gender: 'female',
    phone: '+77471234567',
  },
  legalRepresentative: null,
  disability: { group: { code: '2', nameKz: 'Екінші топ', nameRu: 'Вторая группа' }, establishedUntil: null },
  measure: {
    kind: 'mobility',
    item: {
      code: 'TSR-07-01-002',
      nameKz: 'Бөлмеде қолмен жүргізілетін кресло-арба',
      nameRu: 'Кресло-коляска с ручным приводом комнатная',
    },
    quantity: 1,
    unit: 'piece',
    guaranteedAmount: tiyn(18500000),
  },
  localExecutiveBody: WKO_BODY,
  sentAt: '2025-09-02T09:00:00+05:00',
};
const WHEELCHAIR_WIRE = (() => {
  const { guaranteedAmount, ...measure } = WHEELCHAIR.measure;
  return { ...WHEELCHAIR, measure: { ...measure, guaranteedAmountTiyn: guaranteedAmount } };
})();
const SEND_KEY = 'esobes:ipr:iprm-2025-000412:send';

/** A measure as the portal answers it, with matchers on what varies and the status the state names. */
function measureBody(
  measureId: string,
  personIin: string,
  status: { code: string; nameKz: string; nameRu: string },
  extra: Record<string, unknown> = {},
) {
  return {
    measureId,
    iprNumber: string('ИПР-2025-0081234'),
    iprDate: DATE('2025-08-20'),
    deadline: DATE('2025-12-31'),
    status: coded(status.code, status.nameKz, status.nameRu),
    queue: 'initial',
    person: {
      iin: personIin,
      name: { lastName: string('Қасымова'), firstName: string('Сәуле') },
      birthDate: DATE('1978-04-15'),
      gender: string('female'),
    },
    measure: {
      kind: string('mobility'),
      item: coded(
        'TSR-07-01-002',
        'Бөлмеде қолмен жүргізілетін кресло-арба',
        'Кресло-коляска с ручным приводом комнатная',
      ),
      quantity: integer(1),
      unit: string('piece'),
    },
    localExecutiveBody: {
      bin: regex(/^[0-9]{12}$/, WKO_BODY.bin),
      nameKz: string(WKO_BODY.nameKz),
      nameRu: string(WKO_BODY.nameRu),
    },
    receivedAt: DATE_TIME('2025-09-02T09:00:01+05:00'),
    updatedAt: DATE_TIME('2025-09-02T09:00:01+05:00'),
    history: eachLike({ status: string('received'), at: DATE_TIME('2025-09-02T09:00:01+05:00') }),
    ...extra,
  };
}
const RECEIVED = { code: 'received', nameKz: 'Қабылданды', nameRu: 'Получено' };
const NOTIFIED = { code: 'notified', nameKz: 'Хабарланды', nameRu: 'Уведомлён' };
const REACTIVATED = {
  code: 'reactivated',
  nameKz: 'Қайта іске қосылды, жалпы кезекте',
  nameRu: 'Активировано повторно, в общей очереди',
};
const WITHDRAWN = { code: 'withdrawn', nameKz: 'Кері қайтарылды', nameRu: 'Отозвано' };

const REACTIVATION = {
  reactivationRequestId: 'aleumet-react-2025-09-03-00213',
  reactivatedAt: '2025-09-04T10:12:00+05:00',
  esobesRequestId: 'rr-01J9B1C3D5E7F9G1H3J5K7M9N1',
};
const REACTIVATION_KEY = 'esobes:ipr:iprm-2025-000377:send-back:rr-01J9B1C3D5E7F9G1H3J5K7M9N1';
const WITHDRAWAL = { reason: 'ipr-revised' as const, withdrawnAt: '2025-10-01T09:00:00+05:00' };
const WITHDRAWAL_KEY = 'esobes:ipr:iprm-2025-000412:withdraw';

// E-Sobes sends the measures of a person's IPR (seed 004 cl. 9), reads their status, sends a reactivated measure
// back (cl. 10), withdraws measures, and reads the notifications and the executions (cl. 11).
describe('esobes → Social Services Portal', () => {
  const pact = pactBetween('esobes', 'social-portal');

  it('receiveIprMeasure takes a new measure', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${WHEELCHAIR_ID}`)
      .uponReceiving('a new IPR measure: a wheelchair for a woman with a MAB phone')
      .withRequest('POST', '/ipr-measures', (b) =>
        b.headers({ 'Idempotency-Key': SEND_KEY }).jsonBody(WHEELCHAIR_WIRE),
      )
      .willRespondWith(201, (b) => b.jsonBody(measureBody(WHEELCHAIR_ID, WOMAN, RECEIVED)))
      .executeTest(async (server) => {
        const { measure, alreadyReceived } = await portal(server.url).receiveIprMeasure(WHEELCHAIR, SEND_KEY);
        expect(alreadyReceived).toBe(false);
        expect(measure).toMatchObject({
          measureId: WHEELCHAIR_ID,
          status: { code: 'received' },
          person: { iin: WOMAN },
        });
      }));

  it('receiveIprMeasure throws BusinessRuleViolation DEADLINE_BEFORE_IPR_DATE', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${WHEELCHAIR_ID}`)
      .uponReceiving('an IPR measure whose deadline is before the IPR date')
      .withRequest('POST', '/ipr-measures', (b) =>
        b.headers({ 'Idempotency-Key': SEND_KEY }).jsonBody({ ...WHEELCHAIR_WIRE, deadline: '2025-08-01' }),
      )
      .willRespondWith(422, problem(422, 'DEADLINE_BEFORE_IPR_DATE', 'Deadline before the IPR date'))
      .executeTest(async (server) => {
        const err = await portal(server.url)
          .receiveIprMeasure({ ...WHEELCHAIR, deadline: '2025-08-01' }, SEND_KEY)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'DEADLINE_BEFORE_IPR_DATE' });
      }));

  it('receiveIprMeasure throws Conflict when the measure id was sent with other content', () =>
    pact
      .addInteraction()
      .given(`the portal received IPR measure ${WHEELCHAIR_ID} with another item`)
      .uponReceiving('an IPR measure whose id the portal holds with other content')
      .withRequest('POST', '/ipr-measures', (b) =>
        b.headers({ 'Idempotency-Key': SEND_KEY }).jsonBody(WHEELCHAIR_WIRE),
      )
      .willRespondWith(409, problem(409, 'CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(portal(server.url).receiveIprMeasure(WHEELCHAIR, SEND_KEY)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('receiveIprMeasure throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('an IPR measure while the portal is unavailable')
      .withRequest('POST', '/ipr-measures', (b) =>
        b.headers({ 'Idempotency-Key': SEND_KEY }).jsonBody(WHEELCHAIR_WIRE),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).receiveIprMeasure(WHEELCHAIR, SEND_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getIprMeasure returns the status and the choice window of a notified measure', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was notified by SMS on 2025-09-02`)
      .uponReceiving('a request for the status of an IPR measure')
      .withRequest('GET', `/ipr-measures/${WHEELCHAIR_ID}`)
      .willRespondWith(200, (b) =>
        b.jsonBody(
          measureBody(WHEELCHAIR_ID, WOMAN, NOTIFIED, {
            notifiedAt: DATE_TIME('2025-09-02T09:00:05+05:00'),
            choiceDeadline: DATE('2025-11-02'),
          }),
        ),
      )
      .executeTest(async (server) => {
        await expect(portal(server.url).getIprMeasure(WHEELCHAIR_ID)).resolves.toMatchObject({
          measureId: WHEELCHAIR_ID,
          status: { code: 'notified' },
          notifiedAt: '2025-09-02T09:00:05+05:00',
          choiceDeadline: '2025-11-02',
        });
      }));

  it('getIprMeasure throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a request for an unknown IPR measure')
      .withRequest('GET', `/ipr-measures/${UNKNOWN_ID}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(portal(server.url).getIprMeasure(UNKNOWN_ID)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getIprMeasure throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for an IPR measure while the portal is unavailable')
      .withRequest('GET', `/ipr-measures/${WHEELCHAIR_ID}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).getIprMeasure(WHEELCHAIR_ID)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('reactivateIprMeasure sends a blocked measure back to the general queue', () =>
    pact
      .addInteraction()
      .given(
        `IPR measure ${ASSISTANT_ID} of person ${YOUNG_MAN} is blocked and its reactivation was requested as aleumet-react-2025-09-03-00213`,
      )
      .uponReceiving('a reactivated IPR measure sent back by E-Sobes')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          ...measureBody(ASSISTANT_ID, YOUNG_MAN, REACTIVATED),
          queue: 'general',
          queuePosition: integer(1834),
          reactivatedAt: DATE_TIME(REACTIVATION.reactivatedAt),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          portal(server.url).reactivateIprMeasure(ASSISTANT_ID, REACTIVATION, REACTIVATION_KEY),
        ).resolves.toMatchObject({
          measureId: ASSISTANT_ID,
          status: { code: 'reactivated' },
          queue: 'general',
        });
      }));

  it('reactivateIprMeasure throws BusinessRuleViolation MEASURE_NOT_BLOCKED', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${ASSISTANT_ID} of person ${YOUNG_MAN} is open for supplier choice`)
      .uponReceiving('a reactivated IPR measure that is not blocked')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(422, problem(422, 'MEASURE_NOT_BLOCKED', 'The measure is not blocked'))
      .executeTest(async (server) => {
        const err = await portal(server.url)
          .reactivateIprMeasure(ASSISTANT_ID, REACTIVATION, REACTIVATION_KEY)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'MEASURE_NOT_BLOCKED' });
      }));

  it('reactivateIprMeasure throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a reactivated IPR measure the portal does not have')
      .withRequest('POST', `/ipr-measures/${UNKNOWN_ID}/reactivation`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).reactivateIprMeasure(UNKNOWN_ID, REACTIVATION, REACTIVATION_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('reactivateIprMeasure throws Conflict when the key was used with another body', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${REACTIVATION_KEY} was used with another reactivation`)
      .uponReceiving('a reactivated IPR measure under a key used with another body')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).reactivateIprMeasure(ASSISTANT_ID, REACTIVATION, REACTIVATION_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('reactivateIprMeasure throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a reactivated IPR measure while the portal is unavailable')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          portal(server.url).reactivateIprMeasure(ASSISTANT_ID, REACTIVATION, REACTIVATION_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('withdrawIprMeasure withdraws a measure after the IPR was revised', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was notified by SMS on 2025-09-02`)
      .uponReceiving('a withdrawal of an IPR measure')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/withdrawal`, (b) =>
        b.headers({ 'Idempotency-Key': WITHDRAWAL_KEY }).jsonBody(WITHDRAWAL),
      )
      .willRespondWith(200, (b) => b.jsonBody(measureBody(WHEELCHAIR_ID, WOMAN, WITHDRAWN)))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).withdrawIprMeasure(WHEELCHAIR_ID, WITHDRAWAL, WITHDRAWAL_KEY),
        ).resolves.toMatchObject({ measureId: WHEELCHAIR_ID, status: { code: 'withdrawn' } });
      }));

  it('withdrawIprMeasure throws BusinessRuleViolation MEASURE_ALREADY_EXECUTED', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was executed`)
      .uponReceiving('a withdrawal of an executed IPR measure')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/withdrawal`, (b) =>
        b.headers({ 'Idempotency-Key': WITHDRAWAL_KEY }).jsonBody(WITHDRAWAL),
      )
      .willRespondWith(422, problem(422, 'MEASURE_ALREADY_EXECUTED', 'The measure was already executed'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).withdrawIprMeasure(WHEELCHAIR_ID, WITHDRAWAL, WITHDRAWAL_KEY),
        ).rejects.toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'MEASURE_ALREADY_EXECUTED' });
      }));

  it('withdrawIprMeasure throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a withdrawal of an unknown IPR measure')
      .withRequest('POST', `/ipr-measures/${UNKNOWN_ID}/withdrawal`, (b) =>
        b.headers({ 'Idempotency-Key': WITHDRAWAL_KEY }).jsonBody(WITHDRAWAL),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).withdrawIprMeasure(UNKNOWN_ID, WITHDRAWAL, WITHDRAWAL_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('withdrawIprMeasure throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a withdrawal while the portal is unavailable')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/withdrawal`, (b) =>
        b.headers({ 'Idempotency-Key': WITHDRAWAL_KEY }).jsonBody(WITHDRAWAL),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          portal(server.url).withdrawIprMeasure(WHEELCHAIR_ID, WITHDRAWAL, WITHDRAWAL_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listMeasureNotifications returns the sign-in SMS of a measure', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was notified by SMS on 2025-09-02`)
      .uponReceiving('a request for the notifications of an IPR measure')
      .withRequest('GET', `/ipr-measures/${WHEELCHAIR_ID}/notifications`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              notificationId: string('ntf-2025-09-02-004471'),
              measureId: WHEELCHAIR_ID,
              kind: 'sign-in-invitation',
              channel: 'sms',
              phone: regex(/^\+77[0-9]{9}$/, '+77471234567'),
              sentAt: DATE_TIME('2025-09-02T09:00:05+05:00'),
              deliveryStatus: 'delivered',
              deliveredAt: DATE_TIME('2025-09-02T09:00:09+05:00'),
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const notices = [];
        for await (const n of portal(server.url).measureNotifications(WHEELCHAIR_ID)) notices.push(n);
        expect(notices).toEqual([
          expect.objectContaining({
            kind: 'sign-in-invitation',
            channel: 'sms',
            deliveryStatus: 'delivered',
          }),
        ]);
      }));

  it('listMeasureNotifications throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a request for the notifications of an unknown IPR measure')
      .withRequest('GET', `/ipr-measures/${UNKNOWN_ID}/notifications`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(portal(server.url).listMeasureNotifications(UNKNOWN_ID)).rejects.toBeInstanceOf(
          NotFound,
        );
      }));

  it('listMeasureNotifications throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for notifications while the portal is unavailable')
      .withRequest('GET', `/ipr-measures/${WHEELCHAIR_ID}/notifications`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).listMeasureNotifications(WHEELCHAIR_ID)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('listExecutions returns the execution of a measure since an instant', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was executed on 2025-09-25`)
      .uponReceiving('a request for the executions changed since 2025-09-01')
      .withRequest('GET', '/executions', (b) => b.query({ updatedSince: '2025-09-01T00:00:00+05:00' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              executionId: string('exe-2025-000917'),
              measureId: WHEELCHAIR_ID,
              personIin: WOMAN,
              supplierId: string('sup-150240400011'),
              offerId: string('off-150240400011-0042'),
              orderNumber: string('ТАП-2025-0193377'),
              stage: 'executed',
              item: coded(
                'TSR-07-01-002',
                'Бөлмеде қолмен жүргізілетін кресло-арба',
                'Кресло-коляска с ручным приводом комнатная',
              ),
              quantity: integer(1),
              amountTiyn: integer(17900000),
              executedOn: '2025-09-25',
              recordedAt: DATE_TIME('2025-09-25T15:00:00+05:00'),
              updatedAt: DATE_TIME('2025-09-25T15:00:00+05:00'),
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const records = [];
        for await (const e of portal(server.url).executions({ updatedSince: '2025-09-01T00:00:00+05:00' }))
          records.push(e);
        expect(records).toEqual([
          expect.objectContaining({
            measureId: WHEELCHAIR_ID,
            stage: 'executed',
            amount: 17900000,
            executedOn: '2025-09-25',
          }),
        ]);
      }));

  it('listExecutions throws BadInput for a cursor the portal did not issue', () =>
    pact
      .addInteraction()
      .given('the portal issued no cursor not-a-portal-cursor')
      .uponReceiving('a request for executions with a cursor the portal did not issue')
      .withRequest('GET', '/executions', (b) => b.query({ cursor: 'not-a-portal-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).listExecutions({ cursor: 'not-a-portal-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listExecutions throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for executions while the portal is unavailable')
      .withRequest('GET', '/executions', (b) => b.query({ updatedSince: '2025-09-01T00:00:00+05:00' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          portal(server.url).listExecutions({ updatedSince: '2025-09-01T00:00:00+05:00' }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});

const OTHER_MEANS = {
  method: 'registered-mail' as const,
  notifiedAt: '2025-06-16T11:00:00+05:00',
  notifiedBy: WKO_BODY,
  documentRef: 'ШЖӘҚБ-04-12/3381',
};
const OTHER_MEANS_KEY = 'esobes:ipr:iprm-2025-000377:other-means';

// E-Sobes, the local executive body's system, records a notification by other means for a person without a MAB
// phone (seed 004 cl. 9) and reconciles the statuses it holds (listIprMeasures with updatedSince).
describe('esobes → Social Services Portal: notification by other means and reconciliation', () => {
  const pact = pactBetween('esobes', 'social-portal');

  it('recordNotificationByOtherMeans records the letter of the local executive body', () =>
    pact
      .addInteraction()
      .given(
        `IPR measure ${ASSISTANT_ID} of person ${YOUNG_MAN}, who has no MAB phone, awaits a notification`,
      )
      .uponReceiving('a notification by registered mail of a person without a MAB phone')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/notifications`, (b) =>
        b.headers({ 'Idempotency-Key': OTHER_MEANS_KEY }).jsonBody(OTHER_MEANS),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({
          notificationId: string('ntf-2025-06-16-000912'),
          measureId: ASSISTANT_ID,
          kind: 'other-means',
          channel: 'other-means',
          phone: null,
          smsMessageId: null,
          method: 'registered-mail',
          notifiedBy: {
            bin: regex(/^[0-9]{12}$/, WKO_BODY.bin),
            nameKz: string(WKO_BODY.nameKz),
            nameRu: string(WKO_BODY.nameRu),
          },
          documentRef: string(OTHER_MEANS.documentRef),
          sentAt: DATE_TIME(OTHER_MEANS.notifiedAt),
          deliveryStatus: 'delivered',
          deliveredAt: DATE_TIME(OTHER_MEANS.notifiedAt),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          portal(server.url).recordNotificationByOtherMeans(ASSISTANT_ID, OTHER_MEANS, OTHER_MEANS_KEY),
        ).resolves.toMatchObject({
          measureId: ASSISTANT_ID,
          channel: 'other-means',
          method: 'registered-mail',
          deliveryStatus: 'delivered',
        });
      }));

  it('recordNotificationByOtherMeans throws BusinessRuleViolation ALREADY_NOTIFIED', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was notified by SMS on 2025-09-02`)
      .uponReceiving('a notification by other means of a person already notified by SMS')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/notifications`, (b) =>
        b.headers({ 'Idempotency-Key': OTHER_MEANS_KEY }).jsonBody(OTHER_MEANS),
      )
      .willRespondWith(422, problem(422, 'ALREADY_NOTIFIED', 'Already notified'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).recordNotificationByOtherMeans(WHEELCHAIR_ID, OTHER_MEANS, OTHER_MEANS_KEY),
        ).rejects.toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'ALREADY_NOTIFIED' });
      }));

  it('recordNotificationByOtherMeans throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a notification by other means for an unknown IPR measure')
      .withRequest('POST', `/ipr-measures/${UNKNOWN_ID}/notifications`, (b) =>
        b.headers({ 'Idempotency-Key': OTHER_MEANS_KEY }).jsonBody(OTHER_MEANS),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).recordNotificationByOtherMeans(UNKNOWN_ID, OTHER_MEANS, OTHER_MEANS_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('recordNotificationByOtherMeans throws Conflict when the key was used with another body', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${OTHER_MEANS_KEY} was used with another notification`)
      .uponReceiving('a notification by other means under a key used with another body')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/notifications`, (b) =>
        b.headers({ 'Idempotency-Key': OTHER_MEANS_KEY }).jsonBody(OTHER_MEANS),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).recordNotificationByOtherMeans(ASSISTANT_ID, OTHER_MEANS, OTHER_MEANS_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('recordNotificationByOtherMeans throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a notification by other means while the portal is unavailable')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/notifications`, (b) =>
        b.headers({ 'Idempotency-Key': OTHER_MEANS_KEY }).jsonBody(OTHER_MEANS),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          portal(server.url).recordNotificationByOtherMeans(ASSISTANT_ID, OTHER_MEANS, OTHER_MEANS_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('iprMeasures walks two pages of the measures changed since an instant', () => {
    const since = '2025-09-01T00:00:00+05:00';
    const cursor = 'eyJhZnRlciI6Imlwcm0tMjAyNS0wMDA0MTIifQ';
    pact
      .addInteraction()
      .given(
        `IPR measures ${WHEELCHAIR_ID} of person ${WOMAN} and ${ASSISTANT_ID} of person ${YOUNG_MAN} changed after 2025-09-01`,
      )
      .uponReceiving('a request for the first page of one measure changed since 2025-09-01')
      .withRequest('GET', '/ipr-measures', (b) => b.query({ updatedSince: since, limit: '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [measureBody(WHEELCHAIR_ID, WOMAN, NOTIFIED)],
          page: { nextCursor: string(cursor), hasMore: true },
        }),
      );
    return pact
      .addInteraction()
      .given(
        `IPR measures ${WHEELCHAIR_ID} of person ${WOMAN} and ${ASSISTANT_ID} of person ${YOUNG_MAN} changed after 2025-09-01`,
      )
      .uponReceiving('a request for the second page of measures changed since 2025-09-01')
      .withRequest('GET', '/ipr-measures', (b) => b.query({ updatedSince: since, limit: '1', cursor }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [measureBody(ASSISTANT_ID, YOUNG_MAN, REACTIVATED)],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const ids = [];
        for await (const m of portal(server.url).iprMeasures({ updatedSince: since, limit: 1 }))
          ids.push([m.measureId, m.status.code]);
        expect(ids).toEqual([
          [WHEELCHAIR_ID, 'notified'],
          [ASSISTANT_ID, 'reactivated'],
        ]);
      });
  });

  it('listIprMeasures throws BadInput for a cursor the portal did not issue', () =>
    pact
      .addInteraction()
      .given('the portal issued no cursor not-a-portal-cursor')
      .uponReceiving('a request for measures with a cursor the portal did not issue')
      .withRequest('GET', '/ipr-measures', (b) => b.query({ cursor: 'not-a-portal-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).listIprMeasures({ cursor: 'not-a-portal-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listIprMeasures throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for measures while the portal is unavailable')
      .withRequest('GET', '/ipr-measures', (b) => b.query({ status: 'blocked' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).listIprMeasures({ status: 'blocked' })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

const OFFER_ID = 'off-150240400011-0042';
const SUPPLIER_ID = 'sup-150240400011';
const ASSISTANT_SUPPLIER_ID = 'sup-pa-000317';
const UNKNOWN_SUPPLIER_ID = 'sup-999999999999';
const UNKNOWN_OFFER_ID = 'off-999999999999-0000';
const CHOICE = {
  offerId: OFFER_ID,
  chosenAt: '2025-09-05T20:14:00+05:00',
  signedByIin: WOMAN,
  signatureId: 'eds-sign-2025-09-05-771203',
};
const CHOICE_KEY = 'cabinet:iprm-2025-000412:choice:eds-sign-2025-09-05-771203';
const PRESS = { requestedByIin: YOUNG_MAN, requestedAt: '2025-09-03T17:45:00+05:00' };
const PRESS_KEY = 'cabinet:iprm-2025-000377:reactivation:2025-09-03T17:45';
const SUPPLIER_CHOSEN = { code: 'supplier-chosen', nameKz: 'Жеткізуші таңдалды', nameRu: 'Поставщик выбран' };

const PERSON_NAME = (lastName: string, firstName: string) => ({
  lastName: string(lastName),
  firstName: string(firstName),
});
const offerBody = (offerId: string) => ({
  offerId,
  supplierId: SUPPLIER_ID,
  direction: 'technical-aid-sales',
  item: coded(
    'TSR-07-01-002',
    'Бөлмеде қолмен жүргізілетін кресло-арба',
    'Кресло-коляска с ручным приводом комнатная',
  ),
  name: string('Кресло-коляска комнатная Ortonica Base 130, ширина сиденья 45 см'),
  priceTiyn: integer(17900000),
  deliveryDays: integer(10),
  regions: ['27'],
  status: 'published',
  publishedAt: DATE_TIME('2025-01-15T10:00:00+05:00'),
});

// The person's cabinet on the portal, in eGov Mobile: browse suppliers and offers ("Help for you", seed 004 cl. 8,
// 12–13), choose a supplier and sign the order (cl. 8), press "activate supplier choice" on a blocked measure (cl. 10).
describe('egov-mobile → Social Services Portal: the personal cabinet', () => {
  const pact = pactBetween('egov-mobile', 'social-portal');

  it('chooseSupplier records the offer chosen and signed within two months', () =>
    pact
      .addInteraction()
      .given(
        `IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was notified by SMS on 2025-09-02 and offer ${OFFER_ID} is published`,
      )
      .uponReceiving('a supplier choice signed with EDS')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/supplier-choice`, (b) =>
        b.headers({ 'Idempotency-Key': CHOICE_KEY }).jsonBody(CHOICE),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody(
          measureBody(WHEELCHAIR_ID, WOMAN, SUPPLIER_CHOSEN, {
            chosenSupplier: {
              supplierId: SUPPLIER_ID,
              offerId: OFFER_ID,
              supplierName: string('"Ортопед-Сервис" ЖШС'),
              chosenAt: DATE_TIME(CHOICE.chosenAt),
              orderNumber: string('ТАП-2025-0193377'),
              signedByIin: WOMAN,
            },
          }),
        ),
      )
      .executeTest(async (server) => {
        await expect(
          portal(server.url).chooseSupplier(WHEELCHAIR_ID, CHOICE, CHOICE_KEY),
        ).resolves.toMatchObject({
          measureId: WHEELCHAIR_ID,
          status: { code: 'supplier-chosen' },
          chosenSupplier: { supplierId: SUPPLIER_ID, offerId: OFFER_ID },
        });
      }));

  it('chooseSupplier throws BusinessRuleViolation CHOICE_BLOCKED after two months', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} is blocked: two months passed since 2025-09-02`)
      .uponReceiving('a supplier choice on a blocked measure')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/supplier-choice`, (b) =>
        b.headers({ 'Idempotency-Key': CHOICE_KEY }).jsonBody(CHOICE),
      )
      .willRespondWith(422, problem(422, 'CHOICE_BLOCKED', 'Supplier choice blocked'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).chooseSupplier(WHEELCHAIR_ID, CHOICE, CHOICE_KEY),
        ).rejects.toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'CHOICE_BLOCKED' });
      }));

  it('chooseSupplier throws BusinessRuleViolation OFFER_MISMATCH for an offer of another item', () =>
    pact
      .addInteraction()
      .given(
        `IPR measure ${WHEELCHAIR_ID} of person ${WOMAN} was notified by SMS on 2025-09-02 and offer ${OFFER_ID} is for another item`,
      )
      .uponReceiving('a supplier choice of an offer for another item')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/supplier-choice`, (b) =>
        b.headers({ 'Idempotency-Key': CHOICE_KEY }).jsonBody(CHOICE),
      )
      .willRespondWith(422, problem(422, 'OFFER_MISMATCH', 'Offer does not fit the measure'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).chooseSupplier(WHEELCHAIR_ID, CHOICE, CHOICE_KEY),
        ).rejects.toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'OFFER_MISMATCH' });
      }));

  it('chooseSupplier throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a supplier choice for an unknown IPR measure')
      .withRequest('POST', `/ipr-measures/${UNKNOWN_ID}/supplier-choice`, (b) =>
        b.headers({ 'Idempotency-Key': CHOICE_KEY }).jsonBody(CHOICE),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).chooseSupplier(UNKNOWN_ID, CHOICE, CHOICE_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('chooseSupplier throws Conflict when the key was used with another choice', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${CHOICE_KEY} was used with another supplier choice`)
      .uponReceiving('a supplier choice under a key used with another body')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/supplier-choice`, (b) =>
        b.headers({ 'Idempotency-Key': CHOICE_KEY }).jsonBody(CHOICE),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).chooseSupplier(WHEELCHAIR_ID, CHOICE, CHOICE_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('chooseSupplier throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a supplier choice while the portal is unavailable')
      .withRequest('POST', `/ipr-measures/${WHEELCHAIR_ID}/supplier-choice`, (b) =>
        b.headers({ 'Idempotency-Key': CHOICE_KEY }).jsonBody(CHOICE),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          portal(server.url).chooseSupplier(WHEELCHAIR_ID, CHOICE, CHOICE_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  const reactivationRequestBody = {
    reactivationRequestId: string('aleumet-react-2025-09-03-00213'),
    measureId: ASSISTANT_ID,
    requestedByIin: YOUNG_MAN,
    requestedAt: DATE_TIME(PRESS.requestedAt),
    state: 'sent-to-esobes',
    sentToEsobesAt: DATE_TIME('2025-09-03T17:45:01+05:00'),
  };

  it('requestReactivation passes the press of "activate supplier choice" to E-Sobes', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${ASSISTANT_ID} of person ${YOUNG_MAN} is blocked and no reactivation is pending`)
      .uponReceiving('a press of "activate supplier choice" on a blocked measure')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': PRESS_KEY }).jsonBody(PRESS),
      )
      .willRespondWith(201, (b) => b.jsonBody(reactivationRequestBody))
      .executeTest(async (server) => {
        const { request, alreadyPending } = await portal(server.url).requestReactivation(
          ASSISTANT_ID,
          PRESS,
          PRESS_KEY,
        );
        expect(alreadyPending).toBe(false);
        expect(request).toMatchObject({ measureId: ASSISTANT_ID, state: 'sent-to-esobes' });
      }));

  it('requestReactivation answers the pending request when pressed again', () =>
    pact
      .addInteraction()
      .given(
        `IPR measure ${ASSISTANT_ID} of person ${YOUNG_MAN} is blocked and its reactivation was requested as aleumet-react-2025-09-03-00213`,
      )
      .uponReceiving('a second press of "activate supplier choice" while a request is pending')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': PRESS_KEY }).jsonBody(PRESS),
      )
      .willRespondWith(200, (b) => b.jsonBody(reactivationRequestBody))
      .executeTest(async (server) => {
        const { alreadyPending } = await portal(server.url).requestReactivation(
          ASSISTANT_ID,
          PRESS,
          PRESS_KEY,
        );
        expect(alreadyPending).toBe(true);
      }));

  it('requestReactivation throws BusinessRuleViolation MEASURE_NOT_BLOCKED', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${ASSISTANT_ID} of person ${YOUNG_MAN} is open for supplier choice`)
      .uponReceiving('a press of "activate supplier choice" on a measure that is not blocked')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': PRESS_KEY }).jsonBody(PRESS),
      )
      .willRespondWith(422, problem(422, 'MEASURE_NOT_BLOCKED', 'Measure not blocked'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).requestReactivation(ASSISTANT_ID, PRESS, PRESS_KEY),
        ).rejects.toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'MEASURE_NOT_BLOCKED' });
      }));

  it('requestReactivation throws NotFound for a measure the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no IPR measure ${UNKNOWN_ID}`)
      .uponReceiving('a press of "activate supplier choice" on an unknown IPR measure')
      .withRequest('POST', `/ipr-measures/${UNKNOWN_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': PRESS_KEY }).jsonBody(PRESS),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).requestReactivation(UNKNOWN_ID, PRESS, PRESS_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('requestReactivation throws Conflict when the key was used with another body', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${PRESS_KEY} was used with another reactivation request`)
      .uponReceiving('a press of "activate supplier choice" under a key used with another body')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': PRESS_KEY }).jsonBody(PRESS),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).requestReactivation(ASSISTANT_ID, PRESS, PRESS_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('requestReactivation throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a press of "activate supplier choice" while the portal is unavailable')
      .withRequest('POST', `/ipr-measures/${ASSISTANT_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': PRESS_KEY }).jsonBody(PRESS),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          portal(server.url).requestReactivation(ASSISTANT_ID, PRESS, PRESS_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listSuppliers returns the personal assistants of a region', () =>
    pact
      .addInteraction()
      .given(`personal assistant ${ASSISTANT_SUPPLIER_ID} is an active supplier in region 79`)
      .uponReceiving('a request for the personal assistants of region 79')
      .withRequest('GET', '/suppliers', (b) => b.query({ kind: 'personal-assistant', region: '79' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          items: [
            {
              supplierId: ASSISTANT_SUPPLIER_ID,
              kind: 'personal-assistant',
              status: 'active',
              directions: ['personal-assistant'],
              regions: ['79'],
              registeredAt: DATE_TIME('2025-03-11T15:05:00+05:00'),
              legalEntity: null,
              soleProprietor: null,
              personalAssistant: {
                iin: regex(/^[0-9]{12}$/, '901120300013'),
                name: PERSON_NAME('Петров', 'Андрей'),
                noPsychiatricRegistration: true,
                checkedOn: DATE('2025-03-11'),
              },
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const page = await portal(server.url).listSuppliers({ kind: 'personal-assistant', region: '79' });
        expect(page.items).toEqual([
          expect.objectContaining({
            supplierId: ASSISTANT_SUPPLIER_ID,
            kind: 'personal-assistant',
            personalAssistant: expect.objectContaining({ noPsychiatricRegistration: true }),
          }),
        ]);
      }));

  it('listSuppliers throws BadInput for a cursor the portal did not issue', () =>
    pact
      .addInteraction()
      .given('the portal issued no cursor not-a-portal-cursor')
      .uponReceiving('a request for suppliers with a cursor the portal did not issue')
      .withRequest('GET', '/suppliers', (b) => b.query({ cursor: 'not-a-portal-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          portal(server.url).listSuppliers({ cursor: 'not-a-portal-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listSuppliers throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for suppliers while the portal is unavailable')
      .withRequest('GET', '/suppliers', (b) => b.query({ region: '79' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).listSuppliers({ region: '79' })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getSupplier returns a legal entity with its data', () =>
    pact
      .addInteraction()
      .given(
        `legal entity ${SUPPLIER_ID} (BIN 150240400011) is an active supplier of technical aids in region 27`,
      )
      .uponReceiving('a request for a legal-entity supplier')
      .withRequest('GET', `/suppliers/${SUPPLIER_ID}`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          supplierId: SUPPLIER_ID,
          kind: 'legal-entity',
          status: 'active',
          directions: ['technical-aid-sales'],
          regions: ['27'],
          registeredAt: DATE_TIME('2023-10-02T11:20:00+05:00'),
          legalEntity: {
            bin: '150240400011',
            fullNameKz: string('"Ортопед-Сервис" жауапкершілігі шектеулі серіктестігі'),
            fullNameRu: string('Товарищество с ограниченной ответственностью "Ортопед-Сервис"'),
            shortName: string('"Ортопед-Сервис" ЖШС'),
            legalAddress: string('Орал қ., Сырым Датұлы көшесі, 61-үй'),
            head: PERSON_NAME('Бекова', 'Әсел'),
          },
          soleProprietor: null,
          personalAssistant: null,
        }),
      )
      .executeTest(async (server) => {
        await expect(portal(server.url).getSupplier(SUPPLIER_ID)).resolves.toMatchObject({
          supplierId: SUPPLIER_ID,
          kind: 'legal-entity',
          legalEntity: { bin: '150240400011' },
          personalAssistant: null,
        });
      }));

  it('getSupplier throws NotFound for a supplier the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no supplier ${UNKNOWN_SUPPLIER_ID}`)
      .uponReceiving('a request for an unknown supplier')
      .withRequest('GET', `/suppliers/${UNKNOWN_SUPPLIER_ID}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(portal(server.url).getSupplier(UNKNOWN_SUPPLIER_ID)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getSupplier throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for a supplier while the portal is unavailable')
      .withRequest('GET', `/suppliers/${SUPPLIER_ID}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).getSupplier(SUPPLIER_ID)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listOffers returns the wheelchair offers of a region, prices in tiyn', () =>
    pact
      .addInteraction()
      .given(`offer ${OFFER_ID} of a room wheelchair TSR-07-01-002 is published in region 27`)
      .uponReceiving('a request for the offers of an item in region 27')
      .withRequest('GET', '/offers', (b) => b.query({ itemCode: 'TSR-07-01-002', region: '27' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ items: [offerBody(OFFER_ID)], page: { nextCursor: null, hasMore: false } }),
      )
      .executeTest(async (server) => {
        const offers = [];
        for await (const o of portal(server.url).offers({ itemCode: 'TSR-07-01-002', region: '27' }))
          offers.push(o);
        expect(offers).toEqual([
          expect.objectContaining({ offerId: OFFER_ID, supplierId: SUPPLIER_ID, price: 17900000 }),
        ]);
      }));

  it('listOffers throws BadInput for a cursor the portal did not issue', () =>
    pact
      .addInteraction()
      .given('the portal issued no cursor not-a-portal-cursor')
      .uponReceiving('a request for offers with a cursor the portal did not issue')
      .withRequest('GET', '/offers', (b) => b.query({ cursor: 'not-a-portal-cursor' }))
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(portal(server.url).listOffers({ cursor: 'not-a-portal-cursor' })).rejects.toBeInstanceOf(
          BadInput,
        );
      }));

  it('listOffers throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for offers while the portal is unavailable')
      .withRequest('GET', '/offers', (b) => b.query({ region: '27' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).listOffers({ region: '27' })).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getOffer returns an offer with its characteristics and documents', () =>
    pact
      .addInteraction()
      .given(`offer ${OFFER_ID} of a room wheelchair TSR-07-01-002 is published in region 27`)
      .uponReceiving('a request for an offer')
      .withRequest('GET', `/offers/${OFFER_ID}`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          ...offerBody(OFFER_ID),
          description: string('Складная, литые задние колёса, съёмные подлокотники.'),
          characteristics: eachLike({ name: string('Ширина сиденья'), value: string('45 см') }),
          documents: eachLike({
            title: string('Тіркеу куәлігі / Регистрационное удостоверение'),
            url: string('https://aleumet.egov.kz/files/off-150240400011-0042/ru-cert.pdf'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const offer = await portal(server.url).getOffer(OFFER_ID);
        expect(offer).toMatchObject({ offerId: OFFER_ID, price: 17900000, status: 'published' });
        expect(offer.characteristics).toEqual([{ name: 'Ширина сиденья', value: '45 см' }]);
      }));

  it('getOffer throws NotFound for an offer the portal does not have', () =>
    pact
      .addInteraction()
      .given(`the portal has no offer ${UNKNOWN_OFFER_ID}`)
      .uponReceiving('a request for an unknown offer')
      .withRequest('GET', `/offers/${UNKNOWN_OFFER_ID}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(portal(server.url).getOffer(UNKNOWN_OFFER_ID)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getOffer throws UpstreamUnavailable when the portal is down', () =>
    pact
      .addInteraction()
      .given('the Social Services Portal is unavailable')
      .uponReceiving('a request for an offer while the portal is unavailable')
      .withRequest('GET', `/offers/${OFFER_ID}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(portal(server.url).getOffer(OFFER_ID)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
