import { MatchersV3 } from '@pact-foundation/pact';
import { UpstreamUnavailable } from '../transport';
import { pactBetween, pactClientConfig, problemBody, type Consumer } from '../testing/pact';
import { MabClient } from './client';

const { regex } = MatchersV3;

// Synthetic people (valid checksums): a woman born 1985-03-12 with a phone, a man born 1982-07-01 without one.
const WITH_PHONE = '850312400019';
const NO_PHONE = '820701300011';
const PHONE = '+77012345678';

// Every party that asks MAB for a phone before an SMS: the e-Gov portal (gas seed 000 cl. 13, meals seed 002
// Annex 1 cl. 7), E-Sobes (home schooling seed 003 cl. 8) and the Social Services Portal (seed 004 cl. 9).
const CONSUMERS: Consumer[] = ['egov', 'esobes', 'social-portal'];

describe.each(CONSUMERS)('%s → MAB', (consumer) => {
  const pact = pactBetween(consumer, 'mab');

  it('getPhoneByIin returns the phone registered for the IIN', () =>
    pact
      .addInteraction()
      .given(`a person with IIN ${WITH_PHONE} has phone ${PHONE} in MAB`)
      .uponReceiving('a request for the phone of a person who has one')
      .withRequest('GET', `/phones/${WITH_PHONE}`)
      .willRespondWith(200, (b) =>
        b.jsonBody({
          iin: WITH_PHONE,
          phone: regex(/^\+77[0-9]{9}$/, PHONE),
          registeredAt: regex(/^\d{4}-\d{2}-\d{2}$/, '2021-04-12'),
        }),
      )
      .executeTest(async (server) => {
        const mab = new MabClient(pactClientConfig(server.url));
        await expect(mab.getPhoneByIin(WITH_PHONE)).resolves.toEqual({
          iin: WITH_PHONE,
          phone: PHONE,
          registeredAt: '2021-04-12',
        });
      }));

  it('getPhoneByIin answers null when MAB has no phone for the IIN', () =>
    pact
      .addInteraction()
      .given(`a person with IIN ${NO_PHONE} has no phone in MAB`)
      .uponReceiving('a request for the phone of a person who has none')
      .withRequest('GET', `/phones/${NO_PHONE}`)
      .willRespondWith(404, (b) =>
        b
          .headers({ 'Content-Type': 'application/problem+json' })
          .jsonBody(problemBody(404, 'NOT_FOUND', 'Not found')),
      )
      .executeTest(async (server) => {
        const mab = new MabClient(pactClientConfig(server.url));
        await expect(mab.getPhoneByIin(NO_PHONE)).resolves.toBeNull();
      }));

  it('getPhoneByIin throws UpstreamUnavailable when MAB is down', () =>
    pact
      .addInteraction()
      .given('MAB is unavailable')
      .uponReceiving('a request for a phone while MAB is unavailable')
      .withRequest('GET', `/phones/${WITH_PHONE}`)
      .willRespondWith(503, (b) =>
        b
          .headers({ 'Content-Type': 'application/problem+json' })
          .jsonBody(problemBody(503, 'UNAVAILABLE', 'Service unavailable')),
      )
      .executeTest(async (server) => {
        const mab = new MabClient(pactClientConfig(server.url));
        await expect(mab.getPhoneByIin(WITH_PHONE)).rejects.toBeInstanceOf(UpstreamUnavailable);
      }));

  it('searchPhones returns the phones found and the IINs without one', () =>
    pact
      .addInteraction()
      .given(`a person with IIN ${WITH_PHONE} has phone ${PHONE} in MAB`)
      .given(`a person with IIN ${NO_PHONE} has no phone in MAB`)
      .uponReceiving('a batch request for the phones of two people')
      .withRequest('POST', '/phones:search', (b) => b.jsonBody({ iins: [WITH_PHONE, NO_PHONE] }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          found: [{ iin: WITH_PHONE, phone: regex(/^\+77[0-9]{9}$/, PHONE) }],
          notFound: [NO_PHONE],
        }),
      )
      .executeTest(async (server) => {
        const mab = new MabClient(pactClientConfig(server.url));
        await expect(mab.searchPhones([WITH_PHONE, NO_PHONE])).resolves.toEqual({
          found: [{ iin: WITH_PHONE, phone: PHONE }],
          notFound: [NO_PHONE],
        });
      }));
});
