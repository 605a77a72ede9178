import { MatchersV3 } from '@pact-foundation/pact';
import { tiyn } from '../../src/domain/money';
import { BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  isoDate as DATE,
  isoDateTime as DATE_TIME,
  problemResponse as problem,
  UNAVAILABLE_RESPONSE as UNAVAILABLE,
} from '../testing/pact';
import { EsobesClient } from './client';
import type { EsobesExecutionReport } from './mapping';

const { regex, string, integer } = MatchersV3;

// A synthetic person (valid checksum): a man born 1968-08-30 whose IPR has measure iprm-2025-000318 (two
// behind-the-ear hearing aids), supplier choice blocked after two months; the supplier's BIN 160940022718.
const PERSON = '680830300012';
const MEASURE_ID = 'iprm-2025-000318';
const UNKNOWN_MEASURE = 'iprm-2025-999999';
const REQUEST_ID = 'rr-01J9B1C3D5E7F9G1H3J5K7M9N1';

const esobes = (url: string) => new EsobesClient(pactClientConfig(url));

const REACTIVATION = {
  personIin: PERSON,
  portalRequestId: 'aleumet-react-2025-05-20-00071',
  requestedAt: '2025-05-20T10:42:00+05:00',
};
const REACTIVATION_KEY = 'social-portal:reactivation:aleumet-react-2025-05-20-00071';

const EXECUTION: EsobesExecutionReport = {
  personIin: PERSON,
  portalExecutionId: 'aleumet-exec-2025-06-02-00415',
  stage: 'executed',
  at: '2025-06-02T15:30:00+05:00',
  supplier: { type: 'legal-entity', bin: '160940022718', name: '"Есту әлемі" ЖШС / ТОО «Мир слуха»' },
  orderNumber: 'ТАП-2025-000915',
  quantity: 2,
  amount: tiyn(38000000),
};
const EXECUTION_KEY = 'social-portal:execution:aleumet-exec-2025-06-02-00415';

const reactivationBody = (status: 'reactivated') => ({
  requestId: REQUEST_ID,
  measureId: MEASURE_ID,
  portalRequestId: REACTIVATION.portalRequestId,
  status,
  requestedAt: DATE_TIME(REACTIVATION.requestedAt),
  reactivatedAt: DATE_TIME('2025-05-20T10:42:03+05:00'),
  queuedForPortalAt: DATE_TIME('2025-05-20T10:42:03+05:00'),
  newChoiceDeadline: DATE('2025-07-20'),
});

// The Social Services Portal passes on the person's request to reactivate supplier choice (seed 004 cl. 10), reads
// the measure and the request, and reports the execution of measures (cl. 11).
describe('social-portal → E-Sobes', () => {
  const pact = pactBetween('social-portal', 'esobes');

  it('getIprMeasure returns a measure whose supplier choice is blocked', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${MEASURE_ID} of person ${PERSON} has supplier choice blocked since 2025-05-12`)
      .uponReceiving('a request for an IPR measure')
      .withRequest('GET', `/ipr/measures/${MEASURE_ID}`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          measureId: MEASURE_ID,
          personIin: PERSON,
          personName: { lastName: string('Бекмұханов'), firstName: string('Дәурен') },
          iprNumber: string('ЖБ-2025-71-018842'),
          iprDate: DATE('2025-03-11'),
          measureType: {
            code: 'surdo',
            nameKz: string('Сурдотехникалық құралдар'),
            nameRu: string('Сурдотехнические средства'),
          },
          item: {
            code: string('hearing-aid-bte'),
            nameKz: string('Құлақ артындағы есту аппараты'),
            nameRu: string('Слуховой аппарат заушный'),
          },
          quantity: integer(2),
          deadline: DATE('2025-12-31'),
          status: 'choice-blocked',
          sentToPortalAt: DATE_TIME('2025-03-12T09:00:00+05:00'),
          notifiedAt: DATE_TIME('2025-03-12T09:05:00+05:00'),
          choiceDeadline: '2025-05-12',
        }),
      )
      .executeTest(async (server) => {
        await expect(esobes(server.url).getIprMeasure(MEASURE_ID)).resolves.toMatchObject({
          measureId: MEASURE_ID,
          personIin: PERSON,
          status: 'choice-blocked',
          measureType: { code: 'surdo' },
          choiceDeadline: '2025-05-12',
        });
      }));

  it('getIprMeasure throws NotFound for a measure E-Sobes does not have', () =>
    pact
      .addInteraction()
      .given(`E-Sobes has no IPR measure ${UNKNOWN_MEASURE}`)
      .uponReceiving('a request for an unknown IPR measure')
      .withRequest('GET', `/ipr/measures/${UNKNOWN_MEASURE}`)
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(esobes(server.url).getIprMeasure(UNKNOWN_MEASURE)).rejects.toBeInstanceOf(NotFound);
      }));

  it('getIprMeasure throws UpstreamUnavailable when E-Sobes is down', () =>
    pact
      .addInteraction()
      .given('E-Sobes is unavailable')
      .uponReceiving('a request for an IPR measure while E-Sobes is unavailable')
      .withRequest('GET', `/ipr/measures/${MEASURE_ID}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(esobes(server.url).getIprMeasure(MEASURE_ID)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('requestIprMeasureReactivation reactivates a blocked measure with a new choice deadline', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${MEASURE_ID} of person ${PERSON} has supplier choice blocked since 2025-05-12`)
      .uponReceiving('a request to reactivate supplier choice of a blocked measure')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({ ...reactivationBody('reactivated'), requestId: regex(/^rr-[0-9A-Z]{26}$/, REQUEST_ID) }),
      )
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).requestIprMeasureReactivation(MEASURE_ID, REACTIVATION, REACTIVATION_KEY),
        ).resolves.toMatchObject({
          measureId: MEASURE_ID,
          status: 'reactivated',
          newChoiceDeadline: '2025-07-20',
          rejection: null,
        });
      }));

  it('requestIprMeasureReactivation throws BusinessRuleViolation CHOICE_NOT_BLOCKED while the window is open', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${MEASURE_ID} of person ${PERSON} is open for supplier choice until 2025-05-12`)
      .uponReceiving('a request to reactivate a measure whose choice window is still open')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(422, problem(422, 'CHOICE_NOT_BLOCKED', 'Supplier choice is not blocked'))
      .executeTest(async (server) => {
        const err = await esobes(server.url)
          .requestIprMeasureReactivation(MEASURE_ID, REACTIVATION, REACTIVATION_KEY)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'CHOICE_NOT_BLOCKED' });
      }));

  it('requestIprMeasureReactivation throws NotFound for a measure E-Sobes does not have', () =>
    pact
      .addInteraction()
      .given(`E-Sobes has no IPR measure ${UNKNOWN_MEASURE}`)
      .uponReceiving('a request to reactivate an unknown measure')
      .withRequest('POST', `/ipr/measures/${UNKNOWN_MEASURE}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).requestIprMeasureReactivation(UNKNOWN_MEASURE, REACTIVATION, REACTIVATION_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('requestIprMeasureReactivation throws Conflict when the key was used with another request', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${REACTIVATION_KEY} was used with another reactivation request`)
      .uponReceiving('a reactivation request under a key used with another request')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).requestIprMeasureReactivation(MEASURE_ID, REACTIVATION, REACTIVATION_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('requestIprMeasureReactivation throws UpstreamUnavailable when E-Sobes is down', () =>
    pact
      .addInteraction()
      .given('E-Sobes is unavailable')
      .uponReceiving('a reactivation request while E-Sobes is unavailable')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/reactivation-requests`, (b) =>
        b.headers({ 'Idempotency-Key': REACTIVATION_KEY }).jsonBody(REACTIVATION),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).requestIprMeasureReactivation(MEASURE_ID, REACTIVATION, REACTIVATION_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('getIprReactivationRequest returns the state of a reactivation request', () =>
    pact
      .addInteraction()
      .given(`E-Sobes reactivated IPR measure ${MEASURE_ID} under reactivation request ${REQUEST_ID}`)
      .uponReceiving('a request for a reactivation request')
      .withRequest('GET', `/ipr/reactivation-requests/${REQUEST_ID}`)
      .willRespondWith(200, (b) => b.jsonBody(reactivationBody('reactivated')))
      .executeTest(async (server) => {
        await expect(esobes(server.url).getIprReactivationRequest(REQUEST_ID)).resolves.toMatchObject({
          requestId: REQUEST_ID,
          measureId: MEASURE_ID,
          status: 'reactivated',
        });
      }));

  it('getIprReactivationRequest throws NotFound for a request E-Sobes does not have', () =>
    pact
      .addInteraction()
      .given('E-Sobes has no reactivation request rr-01J9B1C3D5E7F9G1H3J5K7M9N2')
      .uponReceiving('a request for an unknown reactivation request')
      .withRequest('GET', '/ipr/reactivation-requests/rr-01J9B1C3D5E7F9G1H3J5K7M9N2')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).getIprReactivationRequest('rr-01J9B1C3D5E7F9G1H3J5K7M9N2'),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('getIprReactivationRequest throws UpstreamUnavailable when E-Sobes is down', () =>
    pact
      .addInteraction()
      .given('E-Sobes is unavailable')
      .uponReceiving('a request for a reactivation request while E-Sobes is unavailable')
      .withRequest('GET', `/ipr/reactivation-requests/${REQUEST_ID}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(esobes(server.url).getIprReactivationRequest(REQUEST_ID)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('reportIprMeasureExecution records that a measure was executed', () =>
    pact
      .addInteraction()
      .given(
        `IPR measure ${MEASURE_ID} of person ${PERSON} has the aid delivered by the supplier with BIN 160940022718`,
      )
      .uponReceiving('an execution report: the measure was executed')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/executions`, (b) =>
        b.headers({ 'Idempotency-Key': EXECUTION_KEY }).jsonBody(EXECUTION),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({
          executionId: regex(/^ex-[0-9A-Z]{26}$/, 'ex-01J9F2G4H6J8K0M2N4P6Q8R0S2'),
          measureId: MEASURE_ID,
          stage: 'executed',
          measureStatus: 'executed',
          recordedAt: DATE_TIME('2025-06-02T15:30:02+05:00'),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).reportIprMeasureExecution(MEASURE_ID, EXECUTION, EXECUTION_KEY),
        ).resolves.toMatchObject({ measureId: MEASURE_ID, stage: 'executed', measureStatus: 'executed' });
      }));

  it('reportIprMeasureExecution throws BusinessRuleViolation INVALID_TRANSITION before a supplier is chosen', () =>
    pact
      .addInteraction()
      .given(`IPR measure ${MEASURE_ID} of person ${PERSON} has supplier choice blocked since 2025-05-12`)
      .uponReceiving('an execution report of a measure without a chosen supplier')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/executions`, (b) =>
        b.headers({ 'Idempotency-Key': EXECUTION_KEY }).jsonBody(EXECUTION),
      )
      .willRespondWith(422, problem(422, 'INVALID_TRANSITION', 'Invalid transition'))
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).reportIprMeasureExecution(MEASURE_ID, EXECUTION, EXECUTION_KEY),
        ).rejects.toMatchObject({ name: 'BusinessRuleViolation', problemCode: 'INVALID_TRANSITION' });
      }));

  it('reportIprMeasureExecution throws NotFound for a measure E-Sobes does not have', () =>
    pact
      .addInteraction()
      .given(`E-Sobes has no IPR measure ${UNKNOWN_MEASURE}`)
      .uponReceiving('an execution report of an unknown measure')
      .withRequest('POST', `/ipr/measures/${UNKNOWN_MEASURE}/executions`, (b) =>
        b.headers({ 'Idempotency-Key': EXECUTION_KEY }).jsonBody(EXECUTION),
      )
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).reportIprMeasureExecution(UNKNOWN_MEASURE, EXECUTION, EXECUTION_KEY),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('reportIprMeasureExecution throws Conflict when the key was used with another report', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${EXECUTION_KEY} was used with another execution report`)
      .uponReceiving('an execution report under a key used with another report')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/executions`, (b) =>
        b.headers({ 'Idempotency-Key': EXECUTION_KEY }).jsonBody(EXECUTION),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).reportIprMeasureExecution(MEASURE_ID, EXECUTION, EXECUTION_KEY),
        ).rejects.toBeInstanceOf(Conflict);
      }));

  it('reportIprMeasureExecution throws UpstreamUnavailable when E-Sobes is down', () =>
    pact
      .addInteraction()
      .given('E-Sobes is unavailable')
      .uponReceiving('an execution report while E-Sobes is unavailable')
      .withRequest('POST', `/ipr/measures/${MEASURE_ID}/executions`, (b) =>
        b.headers({ 'Idempotency-Key': EXECUTION_KEY }).jsonBody(EXECUTION),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          esobes(server.url).reportIprMeasureExecution(MEASURE_ID, EXECUTION, EXECUTION_KEY),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
