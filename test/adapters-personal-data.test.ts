import { createAdapters, type Adapters } from '../adapters/create';
import { createLogger } from '../adapters/transport';
import {
  memoryStream,
  problem,
  startServer,
  type TestServer,
} from '../adapters/transport/__fixtures__/server';
import { SYSTEM_IDS, type SystemId } from '../src/systems';

// Issue 3: every adapter, logging at debug, against systems whose answers are full of personal data; nothing
// personal may come out unmasked, neither in the log lines nor in the errors the callers see.

const IIN = '850312400019';
const CHILD = '120905500017';
const PHONE = '+77012345678';
const IBAN = 'KZ35601A000000012345';
const NAME = 'Ахметова Айгерим Серикқызы';
const LEAKS = [IIN, CHILD, PHONE, '7012345678', IBAN, 'Ахметова', 'Айгерим'];
const DETAIL = `no record for ${IIN} (${NAME}, phone ${PHONE}, account ${IBAN}), child ${CHILD}`;

const soapFault = (): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">` +
  `<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>${DETAIL}</faultstring>` +
  `<detail><ns2:SendMessageFault1_SendMessageFault xmlns:ns2="http://bip.bee.kz/SyncChannel/v10/Types">` +
  `<errorCode>EINT001</errorCode><errorMessage>${DETAIL}</errorMessage><errorDate>2025-09-07T10:00:00+05:00</errorDate>` +
  `</ns2:SendMessageFault1_SendMessageFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;

// One call per system with valid synthetic input: what a flow would ask.
const token = 'consent-token-0000000001';
const requester = { system: 'esobes', service: 'homeSchoolingCompensation' } as const;
const CALLS: Record<SystemId, (a: Adapters) => Promise<unknown>> = {
  gbdfl: (a) => a.gbdfl.getPerson(IIN, { consentToken: token, requester }),
  modb: (a) => a.modb.getDisability(CHILD, { requester }),
  esobes: (a) => a.esobes.getIprMeasure('ipr-msr-0000001'),
  mab: (a) => a.mab.getPhoneByIin(IIN),
  nobd: (a) => a.nobd.getLegalRepresentatives(CHILD, token),
  banks: (a) => a.banks.searchBenefitAccounts(IIN, token),
  billing: (a) => a.billing.getPersonalAccount('790000001237'),
  sms: (a) => a.sms.getMessage('sms-01J9Z8Y7X6W5V4T3S2R1Q0P9N8'),
  wallet: (a) => a.wallet.getVoucher('vch-01J8YB2C4D6E8F0G2H4J6K8M0N'),
  consent: (a) => a.consent.getConsent('cns-0000001'),
  sdu: (a) => a.sdu.getGasVoucherList('2025-10'),
  canteen: (a) => a.canteen.getPupil(CHILD),
  eotinish: (a) => a.eotinish.getComplaint('cmp-0000001'),
  'social-portal': (a) => a.socialPortal.getIprMeasure('ipr-msr-0000001'),
};

describe('no adapter lets personal data out unmasked', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res, n) => {
      if (req.url.startsWith('/shep/')) {
        res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' });
        return res.end(soapFault());
      }
      // Alternate: a 503 problem whose detail and field errors repeat the person, then a 400 doing the same.
      const status = n % 2 ? 503 : 400;
      problem(res, status, status === 503 ? 'UNAVAILABLE' : 'VALIDATION', {
        detail: DETAIL,
        instance: `/persons/${IIN}`,
        errors: [{ path: `/iin/${IIN}`, message: `${NAME} ${PHONE} ${IBAN}` }],
      });
    });
  });
  afterAll(() => server.close());

  it.each([...SYSTEM_IDS])('%s', async (system) => {
    const log = memoryStream();
    const adapters = createAdapters({
      targets: Object.fromEntries(
        SYSTEM_IDS.map((id) => [
          id,
          id === 'gbdfl' || id === 'modb' ? `${server.url}/shep/${id}` : server.url,
        ]),
      ) as Record<SystemId, string>,
      shep: { senderId: 'kz-proactive-test', password: 'shep-secret-password' },
      defaults: {
        logger: createLogger({ level: 'debug', destination: log.stream }),
        retry: { maxAttempts: 2 },
        sleep: async () => undefined,
      },
    });
    const error = await CALLS[system](adapters).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error); // every answer was an error: the call must have gone out and failed
    const seen = [
      log.text(),
      String((error as Error).message),
      String((error as Error).stack),
      JSON.stringify(error),
    ].join('\n');
    expect(log.lines().length).toBeGreaterThan(0);
    for (const leak of LEAKS) expect(seen).not.toContain(leak);
    expect(seen).not.toContain('shep-secret-password');
  });
});
