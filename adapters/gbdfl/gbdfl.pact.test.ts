import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MatchersV3, PactV4, SpecificationVersion, Verifier } from '@pact-foundation/pact';
import { pactBetween } from '../testing/pact';
import {
  SHEP_PATH,
  SOAP_REQUEST_HEADERS,
  SOAP_RESPONSE_HEADERS,
  loadFixture,
  pactShepConfig,
  pactXmlBody,
  withResult,
  writeSoap,
  type ShepFixture,
} from '../testing/shep-fixtures';
import { startServer } from '../transport/__fixtures__/server';
import { ConsentMissing, Timeout, UpstreamUnavailable } from '../transport';
import { GbdflClient } from './client';

// E-Sobes asks GBD FL through SHEP (seed 003 cl. 7). Every interaction is a contract fixture, whose request and
// response the XSDs validate (contracts/soap-contracts.test.ts), with exact values: the provider state makes GBD FL
// answer exactly these values, and the client's messageId and messageDate are the fixture's (injected generator and
// clock). Matchers are not used below the SOAP envelope: they fail there (pact-js #632; the last test shows it).

const fixture = (name: string) => loadFixture('gbdfl', name);
const pact = pactBetween('esobes', 'gbdfl');

/** An interaction whose request and answer are `f`'s messages. */
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

/** The gateway itself is down: a 503 without a SOAP body, whatever the message. */
function unavailable(f: ShepFixture, description: string) {
  return pact
    .addInteraction()
    .given('the SHEP gateway is unavailable')
    .uponReceiving(description)
    .withRequest('POST', SHEP_PATH, (b) => b.headers(SOAP_REQUEST_HEADERS).xmlBody(pactXmlBody(f.request)))
    .willRespondWith(503);
}

const client = (f: ShepFixture, url: string) => new GbdflClient(pactShepConfig(f, url));
const consent = (iin: string): [string, Record<string, string>] => [
  `the consent token covers the person with IIN ${iin} for esobes`,
  { iin, requester: 'esobes', service: 'homeSchoolingCompensation' },
];

describe('esobes → GBD FL: getPerson', () => {
  it('returns a living person', () => {
    const f = fixture('GetPerson__living_person');
    return soapInteraction(
      f,
      [
        ['a living person with IIN 850312400019 is in GBD FL', { iin: '850312400019' }],
        consent('850312400019'),
      ],
      'a GetPerson request for a living person',
    ).executeTest(async (server) => {
      const person = await client(f, server.url).getPerson('850312400019', f.call as never);
      expect(person).toMatchObject({
        iin: '850312400019',
        lastName: 'АХМЕТОВА',
        birthDate: '1985-03-12',
        gender: 'female',
        lifeStatus: { code: 'ALIVE' },
        permanentRegistration: { region: { code: '791010000' }, registeredOn: '2015-06-10' },
      });
      expect(person?.identityDocuments.map((d) => d.status.code)).toEqual(['VALID', 'EXPIRED']);
    });
  });

  it('returns a living person with the payload as an escaped string', () => {
    const f = fixture('GetPerson__living_person_escaped_payload');
    return soapInteraction(
      f,
      [
        ['a living person with IIN 850312400019 is in GBD FL', { iin: '850312400019' }],
        consent('850312400019'),
      ],
      'a GetPerson request with the payload as an escaped string',
    ).executeTest(async (server) => {
      await expect(client(f, server.url).getPerson('850312400019', f.call as never)).resolves.toMatchObject({
        iin: '850312400019',
        lifeStatus: { code: 'ALIVE' },
      });
    });
  });

  it('returns a deceased person with the date of death', () => {
    const f = fixture('GetPerson__deceased_person');
    return soapInteraction(
      f,
      [
        ['a person with IIN 530120300012 who died on 2023-11-02 is in GBD FL', { iin: '530120300012' }],
        consent('530120300012'),
      ],
      'a GetPerson request for a deceased person',
    ).executeTest(async (server) => {
      await expect(client(f, server.url).getPerson('530120300012', f.call as never)).resolves.toMatchObject({
        lifeStatus: { code: 'DEAD', since: '2023-11-02' },
      });
    });
  });

  it('answers null when GBD FL has no such person', () => {
    const f = fixture('GetPerson__not_found');
    return soapInteraction(
      f,
      [['no person with IIN 940615400015 is in GBD FL', { iin: '940615400015' }], consent('940615400015')],
      'a GetPerson request for an unknown IIN',
    ).executeTest(async (server) => {
      await expect(client(f, server.url).getPerson('940615400015', f.call as never)).resolves.toBeNull();
    });
  });

  it('throws ConsentMissing when the consent token does not cover the person', () => {
    const f = fixture('GetPerson__consent_invalid');
    return soapInteraction(
      f,
      [['the consent token does not cover the person with IIN 820701300011', { iin: '820701300011' }]],
      'a GetPerson request whose consent token does not cover the person',
    ).executeTest(async (server) => {
      await expect(client(f, server.url).getPerson('820701300011', f.call as never)).rejects.toBeInstanceOf(
        ConsentMissing,
      );
    });
  });

  it('throws UpstreamUnavailable when the gateway answers 503', () => {
    const f = fixture('GetPerson__living_person');
    return unavailable(f, 'a GetPerson request while the gateway is unavailable').executeTest(
      async (server) => {
        await expect(client(f, server.url).getPerson('850312400019', f.call as never)).rejects.toMatchObject({
          name: 'UpstreamUnavailable',
          status: 503,
        });
      },
    );
  });

  it('throws UpstreamUnavailable on the SOAP fault EUNV001 (GBD FL down behind the gateway)', () => {
    const f = fixture('GetPerson__shep_error');
    return soapInteraction(
      f,
      [['GBD FL is unavailable behind the SHEP gateway', {}], consent('850312400019')],
      'a GetPerson request while GBD FL is unavailable behind the gateway',
    ).executeTest(async (server) => {
      const err = await client(f, server.url)
        .getPerson('850312400019', f.call as never)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamUnavailable);
      expect(err).toMatchObject({ problemCode: 'EUNV001' });
    });
  });
});

describe('esobes → GBD FL: getBirthCertificate', () => {
  it('returns the birth certificate with both parents', () => {
    const f = fixture('GetBirthCertificate__success');
    return soapInteraction(
      f,
      [
        [
          'a child with IIN 120905500017 has a birth record naming mother 850312400019 and father 820701300011 in GBD FL',
          { childIin: '120905500017', motherIin: '850312400019', fatherIin: '820701300011' },
        ],
        consent('120905500017'),
      ],
      'a GetBirthCertificate request for a child with a birth record',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getBirthCertificate('120905500017', f.call as never),
      ).resolves.toMatchObject({
        certificateNumber: '0456789',
        child: { iin: '120905500017', birthDate: '2012-09-05' },
        mother: { iin: '850312400019' },
        father: { iin: '820701300011' },
      });
    });
  });

  it('answers null when GBD FL has no birth record', () => {
    const f = fixture('GetBirthCertificate__not_found');
    return soapInteraction(
      f,
      [
        ['no birth record for IIN 110427500017 is in GBD FL', { childIin: '110427500017' }],
        consent('110427500017'),
      ],
      'a GetBirthCertificate request for a child without a birth record',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getBirthCertificate('110427500017', f.call as never),
      ).resolves.toBeNull();
    });
  });

  it('throws ConsentMissing when the consent token does not cover the child', () => {
    const base = fixture('GetBirthCertificate__not_found');
    const f = {
      ...base,
      response: withResult(base.response, 'CONSENT_INVALID', 'The consent token is not active'),
    };
    return soapInteraction(
      f,
      [['the consent token does not cover the child with IIN 110427500017', { childIin: '110427500017' }]],
      'a GetBirthCertificate request whose consent token does not cover the child',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getBirthCertificate('110427500017', f.call as never),
      ).rejects.toMatchObject({ name: 'ConsentMissing', problemCode: 'CONSENT_INVALID' });
    });
  });

  it('throws UpstreamUnavailable when the gateway answers 503', () => {
    const f = fixture('GetBirthCertificate__success');
    return unavailable(f, 'a GetBirthCertificate request while the gateway is unavailable').executeTest(
      async (server) => {
        await expect(
          client(f, server.url).getBirthCertificate('120905500017', f.call as never),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      },
    );
  });

  it('throws Unauthorized on the SOAP fault EAUTH001 (the gateway refuses the sender)', () => {
    const f = fixture('GetBirthCertificate__shep_error');
    return soapInteraction(
      f,
      [['the SHEP gateway refuses the credentials of sender esobes', { senderId: 'esobes' }]],
      'a GetBirthCertificate request with credentials the gateway refuses',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).getBirthCertificate('120905500017', f.call as never),
      ).rejects.toMatchObject({ name: 'Unauthorized', problemCode: 'EAUTH001' });
    });
  });
});

describe('esobes → GBD FL: checkKinship', () => {
  it('confirms a mother by her birth record', () => {
    const f = fixture('CheckKinship__confirmed');
    return soapInteraction(
      f,
      [
        [
          'GBD FL records IIN 850312400019 as the mother of IIN 120905500017',
          { childIin: '120905500017', representativeIin: '850312400019' },
        ],
        consent('120905500017'),
      ],
      'a CheckKinship request for a child and their mother',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).checkKinship('120905500017', '850312400019', f.call as never),
      ).resolves.toMatchObject({
        confirmed: true,
        relation: { code: 'MOTHER' },
        basis: { code: 'BIRTH_RECORD' },
      });
    });
  });

  it('answers confirmed false for someone who is not a representative', () => {
    const f = fixture('CheckKinship__not_confirmed');
    return soapInteraction(
      f,
      [
        [
          'GBD FL records no kinship between IIN 150214600012 and IIN 820701300011',
          { childIin: '150214600012', representativeIin: '820701300011' },
        ],
        consent('150214600012'),
      ],
      'a CheckKinship request for a child and someone who is not their representative',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).checkKinship('150214600012', '820701300011', f.call as never),
      ).resolves.toEqual({ childIin: '150214600012', representativeIin: '820701300011', confirmed: false });
    });
  });

  it('answers null when GBD FL does not know the child', () => {
    const f = fixture('CheckKinship__not_found');
    return soapInteraction(
      f,
      [['no person with IIN 110427500017 is in GBD FL', { iin: '110427500017' }], consent('110427500017')],
      'a CheckKinship request for an unknown child',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).checkKinship('110427500017', '850312400019', f.call as never),
      ).resolves.toBeNull();
    });
  });

  it('throws ConsentMissing when the consent token does not cover both people', () => {
    const base = fixture('CheckKinship__not_found');
    const f = {
      ...base,
      response: withResult(base.response, 'CONSENT_INVALID', 'The consent token is not active'),
    };
    return soapInteraction(
      f,
      [['the consent token does not cover the child with IIN 110427500017', { childIin: '110427500017' }]],
      'a CheckKinship request whose consent token does not cover the child',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).checkKinship('110427500017', '850312400019', f.call as never),
      ).rejects.toBeInstanceOf(ConsentMissing);
    });
  });

  it('throws UpstreamUnavailable when the gateway answers 503', () => {
    const f = fixture('CheckKinship__confirmed');
    return unavailable(f, 'a CheckKinship request while the gateway is unavailable').executeTest(
      async (server) => {
        await expect(
          client(f, server.url).checkKinship('120905500017', '850312400019', f.call as never),
        ).rejects.toBeInstanceOf(UpstreamUnavailable);
      },
    );
  });

  it('throws Timeout on the SOAP fault ETMO001 (GBD FL too slow for the gateway)', () => {
    const f = fixture('CheckKinship__shep_error');
    return soapInteraction(
      f,
      [['GBD FL does not answer the SHEP gateway in time', {}], consent('120905500017')],
      'a CheckKinship request while GBD FL does not answer the gateway in time',
    ).executeTest(async (server) => {
      await expect(
        client(f, server.url).checkKinship('120905500017', '850312400019', f.call as never),
      ).rejects.toBeInstanceOf(Timeout);
    });
  });
});

describe('Pact limitation: matchers below a prefixed SOAP element (pact-js #632)', () => {
  // A pact of its own, in a temporary folder: these interactions must never reach pacts/.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-632-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const probe = new PactV4({
    consumer: 'esobes-pact-632',
    provider: 'gbdfl-pact-632',
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'error',
  });
  const f = fixture('GetPerson__not_found');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

  /** `xml` as an XmlBuilder body whose element `name` holds a regex matcher (same example) instead of its text. */
  function withRegex(xml: string, name: string, pattern: RegExp): string {
    const doc = JSON.parse(pactXmlBody(xml)) as { root: unknown };
    const swap = (node: unknown): void => {
      const n = node as { name?: string; children?: { content?: string }[] };
      if (n.name === name && n.children?.length === 1) {
        const example = n.children[0]?.content ?? '';
        // XmlBuilder's JSON form of a text node: { content, matcher }.
        n.children = [{ content: example, matcher: MatchersV3.regex(pattern, example) } as never];
        return;
      }
      for (const c of n.children ?? []) swap(c);
    };
    swap(doc.root);
    return JSON.stringify(doc);
  }

  it('consumer side: a regex on requestInfo/messageId is ignored, another matching messageId is a mismatch', async () => {
    const otherId = 'a0000000-0000-4000-8000-000000000001';
    expect(otherId).toMatch(uuid);
    const run = probe
      .addInteraction()
      .uponReceiving('a GetPerson request with a regex matcher on messageId')
      .withRequest('POST', SHEP_PATH, (b) =>
        b.headers(SOAP_REQUEST_HEADERS).xmlBody(withRegex(f.request, 'messageId', uuid)),
      )
      .willRespondWith(200, (b) => b.headers(SOAP_RESPONSE_HEADERS).xmlBody(pactXmlBody(f.response)))
      .executeTest(async (server) => {
        const c = new GbdflClient({ ...pactShepConfig(f, server.url), messageId: () => otherId });
        await c.getPerson('940615400015', f.call as never).catch(() => undefined);
      });
    // Were the matcher applied, the request would match; Pact compares the example's exact value instead.
    await expect(run).rejects.toThrow(`Expected '${otherId}' to be equal to '${f.messageId}'`);
  });

  it('provider side: a regex on responseInfo/responseDate is ignored at verification', async () => {
    const example = '2024-09-02T10:17:00.205+05:00';
    const other = '2024-09-03T11:00:00.000+05:00';
    expect(other).toMatch(dateTime);
    await probe
      .addInteraction()
      .uponReceiving('a GetPerson request whose answer has a regex matcher on responseDate')
      .withRequest('POST', SHEP_PATH, (b) => b.headers(SOAP_REQUEST_HEADERS).xmlBody(pactXmlBody(f.request)))
      .willRespondWith(200, (b) =>
        b.headers(SOAP_RESPONSE_HEADERS).xmlBody(withRegex(f.response, 'responseDate', dateTime)),
      )
      .executeTest(async (server) => {
        // The consumer side passes: the mock server answers with the example.
        await expect(
          new GbdflClient(pactShepConfig(f, server.url)).getPerson('940615400015', f.call as never),
        ).resolves.toBeNull();
      });
    const pactFile = path.join(dir, 'esobes-pact-632-gbdfl-pact-632.json');
    const verify = async (responseDate: string) => {
      const provider = await startServer((_req, res) =>
        writeSoap(res, f.response.replace(example, responseDate)),
      );
      try {
        await new Verifier({
          providerBaseUrl: provider.url,
          pactUrls: [pactFile],
          logLevel: 'error',
        }).verifyProvider();
      } finally {
        await provider.close();
      }
    };
    await expect(verify(example)).resolves.toBeUndefined();
    await expect(verify(other)).rejects.toThrow(`Expected '${other}' to be equal to '${example}'`);
  });
});
