import { pactBetween } from '../testing/pact';
import {
  FIXTURE_CONSENT_TOKEN,
  SHEP_PATH,
  SOAP_REQUEST_HEADERS,
  SOAP_RESPONSE_HEADERS,
  loadFixture,
  pactShepConfig,
  pactXmlBody,
  withConsentToken,
  withResult,
  type ShepFixture,
} from '../testing/shep-fixtures';
import { Conflict, ConsentMissing, Unauthorized, UpstreamUnavailable } from '../transport';
import { ModbClient } from './client';

// E-Sobes asks MODB through SHEP: the disability check of seed 003 cl. 5 (no consent needed) and the IPR measures
// for the Social Services Portal (seed 004 cl. 9, with the person's consent token). Interactions are the contract
// fixtures with exact values, as in gbdfl.pact.test.ts (matchers fail below the SOAP envelope, pact-js #632).

const fixture = (name: string) => loadFixture('modb', name);
const pact = pactBetween('esobes', 'modb');

function soapInteraction(f: ShepFixture, states: [string, Record<string, string>][], description: string) {
  let builder = pact.addInteraction();
  for (const [state, params] of states) builder = builder.given(state, params);
  return builder
    .uponReceiving(description)
    .withRequest('POST', SHEP_PATH, (b) => b.headers(SOAP_REQUEST_HEADERS).xmlBody(pactXmlBody(f.request)))
    .willRespondWith(f.fault ? 500 : 200, (b) =>
      b.headers(SOAP_RESPONSE_HEADERS).xmlBody(pactXmlBody(f.response)),
    );
}

function unavailable(f: ShepFixture, description: string) {
  return pact
    .addInteraction()
    .given('the SHEP gateway is unavailable')
    .uponReceiving(description)
    .withRequest('POST', SHEP_PATH, (b) => b.headers(SOAP_REQUEST_HEADERS).xmlBody(pactXmlBody(f.request)))
    .willRespondWith(503);
}

const client = (f: ShepFixture, url: string) => new ModbClient(pactShepConfig(f, url));

describe('esobes → MODB: getDisability', () => {
  it('returns a disability in force on the date', () => {
    const f = fixture('GetDisability__child_with_disability');
    return soapInteraction(
      f,
      [
        [
          'a child with IIN 120905500017 has a disability of group 2 in force on 2024-09-02 in MODB',
          { iin: '120905500017', onDate: '2024-09-02' },
        ],
      ],
      'a GetDisability request for a child with a disability',
    ).executeTest(async (server) => {
      const disability = await client(f, server.url).getDisability('120905500017', {
        ...f.call,
        onDate: '2024-09-02',
      } as never);
      expect(disability).toMatchObject({
        iin: '120905500017',
        onDate: '2024-09-02',
        hasActiveDisability: true,
      });
      expect(disability?.records.map((r) => [r.category.code, r.group?.code, r.endDate])).toEqual([
        ['CHILD_7_TO_18', '2', '2030-09-04'],
        ['CHILD_UNDER_7', undefined, '2019-09-04'],
      ]);
    });
  });

  it('returns an ended disability, with the payload as an escaped string', () => {
    const f = fixture('GetDisability__ended_disability_escaped_payload');
    return soapInteraction(
      f,
      [
        [
          'a child with IIN 150214600012 had a disability that ended on 2022-02-13 in MODB',
          { iin: '150214600012', endDate: '2022-02-13' },
        ],
      ],
      'a GetDisability request with the payload as an escaped string',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getDisability('150214600012', { ...f.call, onDate: '2024-09-02' } as never),
      ).resolves.toMatchObject({ hasActiveDisability: false, records: [{ endDate: '2022-02-13' }] });
    });
  });

  it('answers null when the person was never examined', () => {
    const f = fixture('GetDisability__not_found');
    return soapInteraction(
      f,
      [['no disability record for IIN 110427500017 is in MODB', { iin: '110427500017' }]],
      'a GetDisability request for a person never examined',
    ).executeTest(async (server) => {
      await expect(client(f, server.url).getDisability('110427500017', f.call as never)).resolves.toBeNull();
    });
  });

  it('throws ConsentMissing when a token is sent and MODB finds it inactive', () => {
    const base = fixture('GetDisability__not_found');
    const f = {
      ...base,
      request: withConsentToken(base.request, FIXTURE_CONSENT_TOKEN),
      response: withResult(base.response, 'CONSENT_INVALID', 'The consent token is not active'),
    };
    return soapInteraction(
      f,
      [['the consent token is not active for the person with IIN 110427500017', { iin: '110427500017' }]],
      'a GetDisability request with an inactive consent token',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getDisability('110427500017', {
          ...f.call,
          consentToken: FIXTURE_CONSENT_TOKEN,
        } as never),
      ).rejects.toMatchObject({ name: 'ConsentMissing', problemCode: 'CONSENT_INVALID' });
    });
  });

  it('throws UpstreamUnavailable when the gateway answers 503', () => {
    const f = fixture('GetDisability__not_found');
    return unavailable(f, 'a GetDisability request while the gateway is unavailable').executeTest(
      async (server) => {
        await expect(
          client(f, server.url).getDisability('110427500017', f.call as never),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      },
    );
  });

  it('throws Unauthorized on the SOAP fault ESRV001 (the sender may not call the service)', () => {
    const f = fixture('GetDisability__shep_error');
    return soapInteraction(
      f,
      [['the SHEP gateway does not allow sender esobes to call MODB_GetDisability', { senderId: 'esobes' }]],
      'a GetDisability request from a sender the gateway does not allow',
    ).executeTest(async (server) => {
      const err = await client(f, server.url)
        .getDisability('120905500017', f.call as never)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Unauthorized);
      expect(err).toMatchObject({ code: 'FORBIDDEN', problemCode: 'ESRV001' });
    });
  });
});

describe('esobes → MODB: getIprMeasures', () => {
  it('returns the IPR with its measures', () => {
    const f = fixture('GetIprMeasures__success');
    return soapInteraction(
      f,
      [
        [
          'a person with IIN 120905500017 has IPR IPR-2023-79-0045121 with three measures in MODB',
          { iin: '120905500017', iprNumber: 'IPR-2023-79-0045121' },
        ],
        [
          'the consent token covers the person with IIN 120905500017 for esobes',
          { iin: '120905500017', requester: 'esobes', service: 'socialServicesPortal' },
        ],
      ],
      'a GetIprMeasures request for a person with an IPR',
    ).executeTest(async (server) => {
      const ipr = await client(f, server.url).getIprMeasures('120905500017', f.call as never);
      expect(ipr).toMatchObject({ iprNumber: 'IPR-2023-79-0045121', iprDate: '2023-09-25' });
      expect(ipr?.measures.map((m) => [m.aid.code, m.deadline])).toEqual([
        ['05.01.02', '2024-12-31'],
        ['09.02.01', '2024-12-31'],
        ['SKL-01', '2024-08-31'],
      ]);
    });
  });

  it('answers null when the person has no IPR', () => {
    const f = fixture('GetIprMeasures__not_found');
    return soapInteraction(
      f,
      [['no IPR for IIN 150214600012 is in MODB', { iin: '150214600012' }]],
      'a GetIprMeasures request for a person without an IPR',
    ).executeTest(async (server) => {
      await expect(client(f, server.url).getIprMeasures('150214600012', f.call as never)).resolves.toBeNull();
    });
  });

  it('throws ConsentMissing when the consent token is not active', () => {
    const base = fixture('GetIprMeasures__not_found');
    const f = {
      ...base,
      response: withResult(base.response, 'CONSENT_INVALID', 'The consent token is not active'),
    };
    return soapInteraction(
      f,
      [['the consent token is not active for the person with IIN 150214600012', { iin: '150214600012' }]],
      'a GetIprMeasures request with an inactive consent token',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getIprMeasures('150214600012', f.call as never),
      ).rejects.toBeInstanceOf(ConsentMissing);
    });
  });

  it('throws UpstreamUnavailable when the gateway answers 503', () => {
    const f = fixture('GetIprMeasures__success');
    return unavailable(f, 'a GetIprMeasures request while the gateway is unavailable').executeTest(
      async (server) => {
        await expect(
          client(f, server.url).getIprMeasures('120905500017', f.call as never),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      },
    );
  });

  it('throws Conflict on the SOAP fault EDUP001 (messageId reused with another message)', () => {
    const f = fixture('GetIprMeasures__shep_error');
    return soapInteraction(
      f,
      [
        [
          `the SHEP gateway has seen messageId ${f.messageId} with another message`,
          { messageId: f.messageId },
        ],
      ],
      'a GetIprMeasures request whose messageId was used with another message',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getIprMeasures('120905500017', f.call as never),
      ).rejects.toBeInstanceOf(Conflict);
    });
  });
});
