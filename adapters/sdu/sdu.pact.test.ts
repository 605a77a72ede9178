import { MatchersV3 } from '@pact-foundation/pact';
import { BadInput, BusinessRuleViolation, Conflict, NotFound, UpstreamUnavailable } from '../transport';
import {
  pactBetween,
  pactClientConfig,
  isoDate as DATE,
  isoDateTime as DATE_TIME,
  problemResponse as problem,
  UNAVAILABLE_RESPONSE as UNAVAILABLE,
} from '../testing/pact';
import { SduClient } from './client';
import type { SduJournalEntry, SduServiceStatus } from './mapping';

const { string, integer } = MatchersV3;

// Synthetic people (valid checksums): a man born 1953-01-20 on ASP and housing assistance in Shymkent, in the
// September 2025 gas list; a man born 1982-07-01 who is in no list; a boy born 2012-09-05 at the school with BIN
// 110140032579 and his mother born 1985-03-12, in the September 2025 meals list.
const RECIPIENT = '530120300012';
const OUTSIDER = '820701300011';
const PUPIL = '120905500017';
const MOTHER = '850312400019';
const SCHOOL_BIN = '110140032579';
const MONTH = '2025-09';

const sdu = (url: string) => new SduClient(pactClientConfig(url));

const region = (code: string, nameKz: string, nameRu: string) => ({
  code,
  nameKz: string(nameKz),
  nameRu: string(nameRu),
});
const SHYMKENT = region('79', 'Шымкент қаласы', 'город Шымкент');

function listHeader(service: 'gas-voucher' | 'school-meals') {
  return {
    listId: string(service === 'gas-voucher' ? 'sdu-gas-2025-09' : 'sdu-meals-2025-09'),
    service,
    month: MONTH,
    version: integer(3),
    status: 'published',
    asOfDate: DATE('2025-08-31'),
    formedAt: DATE_TIME('2025-09-05T03:00:00+05:00'),
    updatedAt: DATE_TIME('2025-09-10T06:00:00+05:00'),
    ...(service === 'gas-voucher'
      ? { updatableUntil: '2025-09-14', schoolYear: null }
      : { updatableUntil: null, schoolYear: '2025-2026' }),
    total: integer(48213),
  };
}

const gasRecipient = {
  iin: RECIPIENT,
  name: { lastName: string('Жұмабеков'), firstName: string('Серік') },
  birthDate: '1953-01-20',
  gender: 'male',
  familyId: string('dfc-fam-0019381'),
  region: SHYMKENT,
  address: string('Шымкент қ., Әл-Фараби ауданы, Тәуке хан даңғылы, 12-үй, 34-пәтер'),
  assistance: [{ type: 'asp', periodFrom: DATE('2025-07-01'), periodTo: DATE('2025-12-31') }],
  addedInVersion: integer(1),
  addedAt: DATE_TIME('2025-09-05T03:00:00+05:00'),
};

const ENTRY: SduJournalEntry = {
  entryId: 'egov-journal-2025-09-06-000101',
  service: 'gas-voucher',
  month: MONTH,
  event: 'no-phone',
  subjectIin: RECIPIENT,
  recordedAt: '2025-09-06T10:00:00+05:00',
  listVersion: 3,
};
const ENTRY_KEY = 'egov:sdu-journal:2025-09-06:0101';
const ENTRY_BODY = { entries: [{ ...ENTRY, pupilIin: null, schoolBin: null }] };

const STATUS: SduServiceStatus = {
  statusId: 'egov-status-2025-09-06-000201',
  service: 'school-meals',
  month: MONTH,
  pupilIin: PUPIL,
  recipientIin: MOTHER,
  recipientRole: 'mother',
  schoolBin: SCHOOL_BIN,
  status: 'consented',
  statusAt: '2025-09-06T18:00:00+05:00',
};
const STATUS_KEY = 'egov:sdu-statuses:2025-09-06:0201';

function batch(kind: 'journal-entries' | 'service-statuses', batchId: string) {
  return {
    batchId: string(batchId),
    kind,
    receivedAt: DATE_TIME('2025-09-06T18:22:05+05:00'),
    accepted: integer(1),
    duplicates: integer(0),
    nobdForwarding: 'pending',
    forwardedAt: null,
    rejectedByNobd: [],
  };
}

// The e-Gov portal runs the consent campaigns of the gas (seed 000) and meals (seed 002) services on SDU's lists
// and reports back its journal entries and the statuses of the service.
describe('egov → SDU', () => {
  const pact = pactBetween('egov', 'sdu');

  it('getGasVoucherList returns the header of the month, updatable until the 14th', () =>
    pact
      .addInteraction()
      .given(`SDU published version 3 of the gas-voucher list of ${MONTH}, updatable until 2025-09-14`)
      .uponReceiving('a request for the gas-voucher list of a month')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}`)
      .willRespondWith(200, (b) => b.jsonBody(listHeader('gas-voucher')))
      .executeTest(async (server) => {
        await expect(sdu(server.url).getGasVoucherList(MONTH)).resolves.toMatchObject({
          service: 'gas-voucher',
          month: MONTH,
          version: 3,
          status: 'published',
          updatableUntil: '2025-09-14',
        });
      }));

  it('getGasVoucherList answers null while SDU has not formed the list', () =>
    pact
      .addInteraction()
      .given('SDU has not formed the gas-voucher list of 2025-10')
      .uponReceiving('a request for a gas-voucher list not formed yet')
      .withRequest('GET', '/gas-voucher-lists/2025-10')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).getGasVoucherList('2025-10')).resolves.toBeNull();
      }));

  it('getGasVoucherList throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for the gas-voucher list while SDU is unavailable')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(sdu(server.url).getGasVoucherList(MONTH)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listGasVoucherRecipients returns a page of recipients at a version, with the next cursor', () =>
    pact
      .addInteraction()
      .given(
        `person ${RECIPIENT} receives ASP in Shymkent and is in version 3 of the gas-voucher list of ${MONTH}`,
      )
      .uponReceiving('a request for the first page of one gas-voucher recipient of Shymkent')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}/recipients`, (b) =>
        b.query({ version: '3', region: '79', limit: '1' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          month: MONTH,
          version: 3,
          items: [gasRecipient],
          page: { nextCursor: string('eyJ2IjozLCJvZmZzZXQiOjF9'), hasMore: true },
        }),
      )
      .executeTest(async (server) => {
        const page = await sdu(server.url).listGasVoucherRecipients(MONTH, {
          version: 3,
          region: '79',
          limit: 1,
        });
        expect(page).toMatchObject({
          month: MONTH,
          version: 3,
          hasMore: true,
          nextCursor: 'eyJ2IjozLCJvZmZzZXQiOjF9',
        });
        expect(page.items).toEqual([
          expect.objectContaining({ iin: RECIPIENT, assistance: [expect.objectContaining({ type: 'asp' })] }),
        ]);
      }));

  it('listGasVoucherRecipients throws BadInput for a cursor SDU did not issue', () =>
    pact
      .addInteraction()
      .given(`SDU published version 3 of the gas-voucher list of ${MONTH}, updatable until 2025-09-14`)
      .given('SDU issued no cursor not-an-sdu-cursor')
      .uponReceiving('a request for gas-voucher recipients with a cursor SDU did not issue')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}/recipients`, (b) =>
        b.query({ cursor: 'not-an-sdu-cursor' }),
      )
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listGasVoucherRecipients(MONTH, { cursor: 'not-an-sdu-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listGasVoucherRecipients throws NotFound for a month without a list', () =>
    pact
      .addInteraction()
      .given('SDU has not formed the gas-voucher list of 2025-10')
      .uponReceiving('a request for the recipients of a gas-voucher list not formed yet')
      .withRequest('GET', '/gas-voucher-lists/2025-10/recipients')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).listGasVoucherRecipients('2025-10')).rejects.toBeInstanceOf(NotFound);
      }));

  it('listGasVoucherRecipients throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for gas-voucher recipients while SDU is unavailable')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}/recipients`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(sdu(server.url).listGasVoucherRecipients(MONTH)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('listGasVoucherListChanges returns who was removed since the version the portal holds', () =>
    pact
      .addInteraction()
      .given(
        `person ${OUTSIDER} was removed from the gas-voucher list of ${MONTH} in version 2 (assistance ended), the latest version`,
      )
      .uponReceiving('a request for the changes of the gas-voucher list since version 1')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}/changes`, (b) => b.query({ sinceVersion: '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          month: MONTH,
          currentVersion: 2,
          items: [
            {
              version: 2,
              changedAt: DATE_TIME('2025-09-08T06:00:00+05:00'),
              change: 'removed',
              iin: OUTSIDER,
              reason: region(
                'assistance-ended',
                'Атаулы әлеуметтік көмек тоқтатылды',
                'Адресная социальная помощь прекращена',
              ),
              recipient: null,
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const changes = [];
        for await (const c of sdu(server.url).gasVoucherListChanges(MONTH, { sinceVersion: 1 }))
          changes.push(c);
        expect(changes).toEqual([
          expect.objectContaining({ version: 2, change: 'removed', iin: OUTSIDER, recipient: null }),
        ]);
      }));

  it('listGasVoucherListChanges throws BadInput for a cursor SDU did not issue', () =>
    pact
      .addInteraction()
      .given(`SDU published version 3 of the gas-voucher list of ${MONTH}, updatable until 2025-09-14`)
      .given('SDU issued no cursor not-an-sdu-cursor')
      .uponReceiving('a request for gas-voucher list changes with a cursor SDU did not issue')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}/changes`, (b) =>
        b.query({ cursor: 'not-an-sdu-cursor' }),
      )
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listGasVoucherListChanges(MONTH, { cursor: 'not-an-sdu-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listGasVoucherListChanges throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for gas-voucher list changes while SDU is unavailable')
      .withRequest('GET', `/gas-voucher-lists/${MONTH}/changes`, (b) => b.query({ sinceVersion: '1' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listGasVoucherListChanges(MONTH, { sinceVersion: 1 }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('getSchoolMealList returns the header of the month with its school year', () =>
    pact
      .addInteraction()
      .given(`SDU published the school-meals list of ${MONTH} for the school year 2025-2026`)
      .uponReceiving('a request for the school-meals list of a month')
      .withRequest('GET', `/school-meal-lists/${MONTH}`)
      .willRespondWith(200, (b) => b.jsonBody(listHeader('school-meals')))
      .executeTest(async (server) => {
        await expect(sdu(server.url).getSchoolMealList(MONTH)).resolves.toMatchObject({
          service: 'school-meals',
          month: MONTH,
          schoolYear: '2025-2026',
          updatableUntil: null,
        });
      }));

  it('getSchoolMealList answers null while SDU has not formed the list', () =>
    pact
      .addInteraction()
      .given('SDU has not formed the school-meals list of 2025-10')
      .uponReceiving('a request for a school-meals list not formed yet')
      .withRequest('GET', '/school-meal-lists/2025-10')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).getSchoolMealList('2025-10')).resolves.toBeNull();
      }));

  it('getSchoolMealList throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for the school-meals list while SDU is unavailable')
      .withRequest('GET', `/school-meal-lists/${MONTH}`)
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(sdu(server.url).getSchoolMealList(MONTH)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('listSchoolMealPupils returns the pupils of a school with the representatives to ask', () =>
    pact
      .addInteraction()
      .given(
        `pupil ${PUPIL} of the school with BIN ${SCHOOL_BIN} is in category 1 of the school-meals list of ${MONTH}, with mother ${MOTHER}`,
      )
      .uponReceiving('a request for the pupils of one school in the school-meals list')
      .withRequest('GET', `/school-meal-lists/${MONTH}/pupils`, (b) => b.query({ schoolBin: SCHOOL_BIN }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          month: MONTH,
          version: integer(1),
          items: [
            {
              pupilIin: PUPIL,
              name: { lastName: string('Ахметов'), firstName: string('Нұрлан') },
              birthDate: '2012-09-05',
              gender: 'male',
              school: {
                bin: SCHOOL_BIN,
                nameKz: string('№ 45 жалпы білім беретін мектеп'),
                nameRu: string('Общеобразовательная школа № 45'),
                region: SHYMKENT,
              },
              category: region(
                '1',
                'АӘК алуға құқығы бар отбасылардың балалары',
                'Дети из семей, имеющих право на АСП',
              ),
              schoolYear: '2025-2026',
              representatives: [
                {
                  iin: MOTHER,
                  name: { lastName: string('Ахметова'), firstName: string('Айгерим') },
                  role: 'mother',
                  contactPriority: 1,
                },
              ],
              inListSince: MONTH,
              addedInVersion: integer(1),
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const pupils = [];
        for await (const p of sdu(server.url).schoolMealPupils(MONTH, { schoolBin: SCHOOL_BIN }))
          pupils.push(p);
        expect(pupils).toEqual([
          expect.objectContaining({
            pupilIin: PUPIL,
            category: expect.objectContaining({ code: '1' }),
            inListSince: MONTH,
            representatives: [expect.objectContaining({ iin: MOTHER, role: 'mother', contactPriority: 1 })],
          }),
        ]);
      }));

  it('listSchoolMealPupils throws BadInput for a cursor SDU did not issue', () =>
    pact
      .addInteraction()
      .given(`SDU published the school-meals list of ${MONTH} for the school year 2025-2026`)
      .given('SDU issued no cursor not-an-sdu-cursor')
      .uponReceiving('a request for school-meals pupils with a cursor SDU did not issue')
      .withRequest('GET', `/school-meal-lists/${MONTH}/pupils`, (b) =>
        b.query({ cursor: 'not-an-sdu-cursor' }),
      )
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listSchoolMealPupils(MONTH, { cursor: 'not-an-sdu-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listSchoolMealPupils throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for school-meals pupils while SDU is unavailable')
      .withRequest('GET', `/school-meal-lists/${MONTH}/pupils`, (b) => b.query({ schoolBin: SCHOOL_BIN }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listSchoolMealPupils(MONTH, { schoolBin: SCHOOL_BIN }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('reportJournalEntries reports that a recipient has no phone in MAB', () =>
    pact
      .addInteraction()
      .given(
        `person ${RECIPIENT} receives ASP in Shymkent and is in version 3 of the gas-voucher list of ${MONTH}`,
      )
      .uponReceiving('a journal entry: no phone in MAB for a gas-voucher recipient')
      .withRequest('POST', '/journal-entries', (b) =>
        b.headers({ 'Idempotency-Key': ENTRY_KEY }).jsonBody(ENTRY_BODY),
      )
      .willRespondWith(202, (b) => b.jsonBody(batch('journal-entries', 'sdu-batch-2025-09-06-0031')))
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportJournalEntries([ENTRY], ENTRY_KEY)).resolves.toMatchObject({
          kind: 'journal-entries',
          accepted: 1,
          duplicates: 0,
          nobdForwarding: 'pending',
        });
      }));

  it('reportJournalEntries throws BusinessRuleViolation NOT_IN_LIST for a person not in the list', () =>
    pact
      .addInteraction()
      .given(`person ${OUTSIDER} is not in the gas-voucher list of ${MONTH}`)
      .uponReceiving('a journal entry about a person not in the list')
      .withRequest('POST', '/journal-entries', (b) =>
        b.headers({ 'Idempotency-Key': 'egov:sdu-journal:2025-09-06:0102' }).jsonBody({
          entries: [
            { ...ENTRY_BODY.entries[0], entryId: 'egov-journal-2025-09-06-000102', subjectIin: OUTSIDER },
          ],
        }),
      )
      .willRespondWith(422, problem(422, 'NOT_IN_LIST', 'Not in the list'))
      .executeTest(async (server) => {
        const err = await sdu(server.url)
          .reportJournalEntries(
            [{ ...ENTRY, entryId: 'egov-journal-2025-09-06-000102', subjectIin: OUTSIDER }],
            'egov:sdu-journal:2025-09-06:0102',
          )
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BusinessRuleViolation);
        expect(err).toMatchObject({ problemCode: 'NOT_IN_LIST' });
      }));

  it('reportJournalEntries throws Conflict when the key was used with another batch', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${ENTRY_KEY} was used with another batch of journal entries`)
      .uponReceiving('journal entries under a key used with another batch')
      .withRequest('POST', '/journal-entries', (b) =>
        b.headers({ 'Idempotency-Key': ENTRY_KEY }).jsonBody(ENTRY_BODY),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportJournalEntries([ENTRY], ENTRY_KEY)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('reportJournalEntries throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('journal entries while SDU is unavailable')
      .withRequest('POST', '/journal-entries', (b) =>
        b.headers({ 'Idempotency-Key': ENTRY_KEY }).jsonBody(ENTRY_BODY),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportJournalEntries([ENTRY], ENTRY_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('reportServiceStatuses reports that a mother consented for her son', () =>
    pact
      .addInteraction()
      .given(
        `pupil ${PUPIL} of the school with BIN ${SCHOOL_BIN} is in category 1 of the school-meals list of ${MONTH}, with mother ${MOTHER}`,
      )
      .uponReceiving('a service status: the mother consented to school meals')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': STATUS_KEY }).jsonBody({ statuses: [STATUS] }),
      )
      .willRespondWith(202, (b) => b.jsonBody(batch('service-statuses', 'sdu-batch-2025-09-06-0032')))
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportServiceStatuses([STATUS], STATUS_KEY)).resolves.toMatchObject({
          batchId: 'sdu-batch-2025-09-06-0032',
          kind: 'service-statuses',
          accepted: 1,
        });
      }));

  it('reportServiceStatuses throws BusinessRuleViolation NOT_IN_LIST for a pupil not in the list', () =>
    pact
      .addInteraction()
      .given(`pupil ${PUPIL} is not in the school-meals list of ${MONTH}`)
      .uponReceiving('a service status of a pupil not in the list')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': STATUS_KEY }).jsonBody({ statuses: [STATUS] }),
      )
      .willRespondWith(422, problem(422, 'NOT_IN_LIST', 'Not in the list'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportServiceStatuses([STATUS], STATUS_KEY)).rejects.toMatchObject({
          name: 'BusinessRuleViolation',
          problemCode: 'NOT_IN_LIST',
        });
      }));

  it('reportServiceStatuses throws Conflict when the key was used with another batch', () =>
    pact
      .addInteraction()
      .given(`the idempotency key ${STATUS_KEY} was used with another batch of service statuses`)
      .uponReceiving('service statuses under a key used with another batch')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': STATUS_KEY }).jsonBody({ statuses: [STATUS] }),
      )
      .willRespondWith(409, problem(409, 'IDEMPOTENCY_CONFLICT', 'Conflict'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportServiceStatuses([STATUS], STATUS_KEY)).rejects.toBeInstanceOf(
          Conflict,
        );
      }));

  it('reportServiceStatuses throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('service statuses while SDU is unavailable')
      .withRequest('POST', '/service-statuses', (b) =>
        b.headers({ 'Idempotency-Key': STATUS_KEY }).jsonBody({ statuses: [STATUS] }),
      )
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(sdu(server.url).reportServiceStatuses([STATUS], STATUS_KEY)).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));

  it('getReportBatch returns a batch SDU passed on to NOBD', () =>
    pact
      .addInteraction()
      .given('SDU received the service-status batch sdu-batch-2025-09-06-0032 and passed it on to NOBD')
      .uponReceiving('a request for a report batch')
      .withRequest('GET', '/report-batches/sdu-batch-2025-09-06-0032')
      .willRespondWith(200, (b) =>
        b.jsonBody({
          ...batch('service-statuses', 'sdu-batch-2025-09-06-0032'),
          batchId: 'sdu-batch-2025-09-06-0032',
          nobdForwarding: 'forwarded',
          forwardedAt: DATE_TIME('2025-09-06T23:00:00+05:00'),
        }),
      )
      .executeTest(async (server) => {
        await expect(sdu(server.url).getReportBatch('sdu-batch-2025-09-06-0032')).resolves.toMatchObject({
          batchId: 'sdu-batch-2025-09-06-0032',
          nobdForwarding: 'forwarded',
          forwardedAt: '2025-09-06T23:00:00+05:00',
          rejectedByNobd: [],
        });
      }));

  it('getReportBatch throws NotFound for a batch SDU does not have', () =>
    pact
      .addInteraction()
      .given('SDU has no report batch sdu-batch-2025-09-06-9999')
      .uponReceiving('a request for an unknown report batch')
      .withRequest('GET', '/report-batches/sdu-batch-2025-09-06-9999')
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(sdu(server.url).getReportBatch('sdu-batch-2025-09-06-9999')).rejects.toBeInstanceOf(
          NotFound,
        );
      }));

  it('getReportBatch throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for a report batch while SDU is unavailable')
      .withRequest('GET', '/report-batches/sdu-batch-2025-09-06-0032')
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(sdu(server.url).getReportBatch('sdu-batch-2025-09-06-0032')).rejects.toBeInstanceOf(
          UpstreamUnavailable,
        );
      }));
});

// A girl born 2015-02-14 who left the school (valid checksum).
const LEAVER = '150214600012';
const mealPupilBody = () => ({
  pupilIin: PUPIL,
  name: { lastName: string('Ахметов'), firstName: string('Нұрлан') },
  birthDate: '2012-09-05',
  gender: 'male',
  school: {
    bin: SCHOOL_BIN,
    nameKz: string('№ 45 жалпы білім беретін мектеп'),
    nameRu: string('Общеобразовательная школа № 45'),
    region: SHYMKENT,
  },
  category: region('1', 'АӘК алуға құқығы бар отбасылардың балалары', 'Дети из семей, имеющих право на АСП'),
  schoolYear: '2025-2026',
  representatives: [
    {
      iin: MOTHER,
      name: { lastName: string('Ахметова'), firstName: string('Айгерим') },
      role: 'mother',
      contactPriority: 1,
    },
  ],
  inListSince: MONTH,
  addedInVersion: integer(2),
});

// The portal follows the updates of the month's school-meals list (seed 002 Annex 1 cl. 6): pupils added, removed
// or changed since the version it holds.
describe('egov → SDU: changes of the school-meals list', () => {
  const pact = pactBetween('egov', 'sdu');
  const given = `in version 2 of the school-meals list of ${MONTH} pupil ${PUPIL} was added (enrolled) and pupil ${LEAVER} removed (left school)`;

  it('schoolMealListChanges walks two pages of the changes since version 1', () => {
    const cursor = 'eyJ2IjoyLCJhZnRlciI6IjEyMDkwNTUwMDAxNyJ9';
    pact
      .addInteraction()
      .given(given)
      .uponReceiving('a request for the first page of one change of the school-meals list since version 1')
      .withRequest('GET', `/school-meal-lists/${MONTH}/changes`, (b) =>
        b.query({ sinceVersion: '1', limit: '1' }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          month: MONTH,
          currentVersion: 2,
          items: [
            {
              version: 2,
              changedAt: DATE_TIME('2025-09-15T03:00:00+05:00'),
              change: 'added',
              pupilIin: PUPIL,
              reason: region('enrolled', 'Мектепке қабылданды', 'Зачислен в школу'),
              pupil: mealPupilBody(),
            },
          ],
          page: { nextCursor: string(cursor), hasMore: true },
        }),
      );
    return pact
      .addInteraction()
      .given(given)
      .uponReceiving('a request for the second page of changes of the school-meals list since version 1')
      .withRequest('GET', `/school-meal-lists/${MONTH}/changes`, (b) =>
        b.query({ sinceVersion: '1', limit: '1', cursor }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          month: MONTH,
          currentVersion: 2,
          items: [
            {
              version: 2,
              changedAt: DATE_TIME('2025-09-15T03:00:00+05:00'),
              change: 'removed',
              pupilIin: LEAVER,
              reason: region('left-school', 'Мектептен шықты', 'Выбыл из школы'),
              pupil: null,
            },
          ],
          page: { nextCursor: null, hasMore: false },
        }),
      )
      .executeTest(async (server) => {
        const changes = [];
        for await (const c of sdu(server.url).schoolMealListChanges(MONTH, { sinceVersion: 1, limit: 1 }))
          changes.push(c);
        expect(changes).toEqual([
          expect.objectContaining({
            change: 'added',
            pupilIin: PUPIL,
            pupil: expect.objectContaining({ pupilIin: PUPIL }),
          }),
          expect.objectContaining({ change: 'removed', pupilIin: LEAVER, pupil: null }),
        ]);
      });
  });

  it('listSchoolMealListChanges throws NotFound while SDU has not formed the list', () =>
    pact
      .addInteraction()
      .given('SDU has not formed the school-meals list of 2025-10')
      .uponReceiving('a request for the changes of a school-meals list not formed yet')
      .withRequest('GET', '/school-meal-lists/2025-10/changes', (b) => b.query({ sinceVersion: '1' }))
      .willRespondWith(404, problem(404, 'NOT_FOUND', 'Not found'))
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listSchoolMealListChanges('2025-10', { sinceVersion: 1 }),
        ).rejects.toBeInstanceOf(NotFound);
      }));

  it('listSchoolMealListChanges throws BadInput for a cursor SDU did not issue', () =>
    pact
      .addInteraction()
      .given(`SDU published the school-meals list of ${MONTH} for the school year 2025-2026`)
      .given('SDU issued no cursor not-an-sdu-cursor')
      .uponReceiving('a request for school-meals list changes with a cursor SDU did not issue')
      .withRequest('GET', `/school-meal-lists/${MONTH}/changes`, (b) =>
        b.query({ cursor: 'not-an-sdu-cursor' }),
      )
      .willRespondWith(400, problem(400, 'VALIDATION', 'Request validation failed'))
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listSchoolMealListChanges(MONTH, { cursor: 'not-an-sdu-cursor' }),
        ).rejects.toBeInstanceOf(BadInput);
      }));

  it('listSchoolMealListChanges throws UpstreamUnavailable when SDU is down', () =>
    pact
      .addInteraction()
      .given('SDU is unavailable')
      .uponReceiving('a request for school-meals list changes while SDU is unavailable')
      .withRequest('GET', `/school-meal-lists/${MONTH}/changes`, (b) => b.query({ sinceVersion: '1' }))
      .willRespondWith(503, UNAVAILABLE)
      .executeTest(async (server) => {
        await expect(
          sdu(server.url).listSchoolMealListChanges(MONTH, { sinceVersion: 1 }),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));
});
