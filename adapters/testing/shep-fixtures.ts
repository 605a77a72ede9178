import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as http from 'node:http';
import { XmlBuilder, type XmlElement as PactXmlElement } from '@pact-foundation/pact';
import { createLogger } from '../transport/logging';
import type { ShepSoapTransportConfig } from '../transport/soap';
import type { PayloadMode, Requester } from '../transport/soap-payload';
import { parseXml, type XmlElement } from '../transport/soap-xml';
import { startServer, type SeenRequest, type TestServer } from '../transport/__fixtures__/server';

/**
 * The SOAP fixtures of the contracts (`contracts/<system>/examples/<Operation>__<behaviour>/{request.xml,
 * response.xml}`, node-soap's layout, validated against the XSDs by contracts/soap-contracts.test.ts) as the
 * adapter tests use them: a local SHEP that answers with them, the comparison of what a client sent with the
 * fixture's request, a client configuration that reproduces the fixture's messageId and messageDate, and the
 * conversion of a fixture into a Pact `xmlBody`.
 */

const CONTRACTS = path.resolve(__dirname, '../../contracts');

/** The sender of every fixture: E-Sobes with the placeholder password of the examples. */
export const FIXTURE_CREDENTIALS = Object.freeze({ senderId: 'esobes', password: 'change-me' });

/** The consent token of every fixture (synthetic). */
export const FIXTURE_CONSENT_TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImtkcC0yMDI0In0.eyJjb25zZW50cyI6WyJjLTIwMjQtMDUtMTMtMDAwMTIzIl19.MEUCIQDx';

/** What a client call needs to send the fixture's request: the payload's context and the envelope's routing. */
export interface FixtureCall {
  readonly consentToken?: string;
  readonly requester: Requester;
  readonly correlationId?: string;
  readonly payloadMode: PayloadMode;
}

/** One example: its two messages and the values a client must reproduce to send the same request. */
export interface ShepFixture {
  readonly system: string;
  readonly name: string;
  readonly request: string;
  readonly response: string;
  readonly messageId: string;
  readonly messageDate: string;
  readonly correlationId: string | undefined;
  /** True when the response is a SOAP fault (served with HTTP 500, as SOAP 1.1 says). */
  readonly fault: boolean;
  /** The options a client method takes to send this request. */
  readonly call: FixtureCall;
  /** A text of the request payload, e.g. `arg('iin')`. */
  arg(name: string): string;
}

const LIMITS = { maxBytes: 1 << 20, maxDepth: 64 };

/** Reads `contracts/<system>/examples/<name>/`. */
export function loadFixture(system: string, name: string): ShepFixture {
  const dir = path.join(CONTRACTS, system, 'examples', name);
  const request = fs.readFileSync(path.join(dir, 'request.xml'), 'utf8');
  const response = fs.readFileSync(path.join(dir, 'response.xml'), 'utf8');
  const info = find(parseXml(request, LIMITS), 'requestInfo');
  const text = (n: string) => (info ? find(info, n)?.text.trim() : undefined);
  const messageId = text('messageId');
  const messageDate = text('messageDate');
  if (!messageId || !messageDate) throw new Error(`${system}/${name}: no messageId or messageDate`);
  const data = find(parseXml(request, LIMITS), 'data');
  if (!data) throw new Error(`${system}/${name}: no requestData/data`);
  const typed = data.children[0];
  const payload = typed ?? parseXml(data.text.trim(), LIMITS);
  const context = find(payload, 'context');
  const value = (n: string) => (context ? find(context, n)?.text.trim() : undefined);
  const consentToken = value('consentToken');
  const caseRef = value('caseRef');
  const correlationId = text('correlationId');
  const call: FixtureCall = {
    requester: {
      system: value('system') as Requester['system'],
      service: value('service') as Requester['service'],
      ...(caseRef === undefined ? {} : { caseRef }),
    },
    ...(consentToken === undefined ? {} : { consentToken }),
    ...(correlationId === undefined ? {} : { correlationId }),
    payloadMode: typed ? 'typed' : 'string',
  };
  return {
    system,
    name,
    request,
    response,
    messageId,
    messageDate,
    correlationId,
    fault: /<(\w+:)?Fault>/.test(response),
    call,
    arg(n: string): string {
      const found = payload.children.find((c) => c.name === n)?.text.trim();
      if (found === undefined) throw new Error(`${system}/${name}: the payload has no ${n}`);
      return found;
    },
  };
}

function find(el: XmlElement, name: string): XmlElement | undefined {
  if (el.name === name) return el;
  for (const c of el.children) {
    const found = find(c, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * A message with the whitespace between tags removed, in the envelope and in an escaped payload alike, so that
 * an indented fixture and a compact message compare equal.
 */
export function normaliseXml(xml: string): string {
  return xml
    .trim()
    .replace(/>\s+</g, '><')
    .replace(/&gt;\s+&lt;/g, '&gt;&lt;');
}

/** The transport settings that make a client send exactly the fixture's request: its messageId, its messageDate. */
export function fixtureClientConfig(
  fixture: ShepFixture,
  endpoint: string,
): Omit<ShepSoapTransportConfig, 'system'> {
  const at = Date.parse(fixture.messageDate);
  return {
    endpoint,
    credentials: FIXTURE_CREDENTIALS,
    messageId: () => fixture.messageId,
    clock: () => at,
    sleep: async () => undefined,
    random: () => 0.5,
    logger: createLogger({ level: 'silent' }),
  };
}

/** Writes `xml` as a SOAP 1.1 answer: 200, or 500 for a fault. */
export function writeSoap(res: http.ServerResponse, xml: string, status?: number): void {
  res.writeHead(status ?? (/<(\w+:)?Fault>/.test(xml) ? 500 : 200), {
    'Content-Type': 'text/xml; charset=utf-8',
    'Content-Length': Buffer.byteLength(xml),
  });
  res.end(xml);
}

/** A local SHEP on 127.0.0.1 that answers every request with the fixture whose messageId it carries. */
export function fixtureServer(fixtures: readonly ShepFixture[]): Promise<TestServer> {
  return startServer((req: SeenRequest, res) => {
    const id = /<messageId>([^<]*)<\/messageId>/.exec(req.body)?.[1];
    const fixture = fixtures.find((f) => f.messageId === id);
    if (!fixture) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`no fixture for messageId ${id ?? '(none)'}`);
      return;
    }
    writeSoap(res, fixture.response);
  });
}

/**
 * A message as a Pact V4 `xmlBody` (XmlBuilder): the same elements, prefixes, namespace declarations and texts,
 * with exact values only (matchers below a prefixed element do not work, pact-js #632; see the adapters' README).
 * An escaped payload (string mode) is compacted as the transport sends it.
 */
export function pactXmlBody(xml: string): string {
  const root = parseXml(xml, LIMITS);
  return new XmlBuilder('1.0', 'UTF-8', qname(root)).build((el) => fill(el, root));
}

function qname(el: XmlElement): string {
  return el.prefix === '' ? el.name : `${el.prefix}:${el.name}`;
}

function fill(target: PactXmlElement, source: XmlElement): void {
  // XmlBuilder declares Map attributes but serialises them with JSON.stringify: a plain object is what works.
  if (Object.keys(source.attributes).length > 0) target.setAttributes({ ...source.attributes } as never);
  for (const child of source.children) {
    const attributes = { ...child.attributes } as never;
    if (child.children.length > 0) {
      target.appendElement(qname(child), attributes, (c) => fill(c, child));
      continue;
    }
    const text = child.text.trim();
    const compact = text.startsWith('<') ? normaliseXml(text) : text;
    if (compact === '') target.appendElement(qname(child), attributes);
    else target.appendElement(qname(child), attributes, compact);
  }
}

/** The path of the SyncChannel endpoint, as in the WSDLs' soap:address. */
export const SHEP_PATH = '/shep/sync';

/** The request headers a SOAP 1.1 SendMessage carries (SOAPAction "" from the WSDL). */
export const SOAP_REQUEST_HEADERS = Object.freeze({
  'Content-Type': 'text/xml; charset=utf-8',
  SOAPAction: '""',
});

/** The response header of a SOAP 1.1 answer. */
export const SOAP_RESPONSE_HEADERS = Object.freeze({ 'Content-Type': 'text/xml; charset=utf-8' });

const RESULT_NAMES = {
  CONSENT_INVALID: [
    'Дербес деректерге келісім расталмады',
    'Согласие на обработку персональных данных не подтверждено',
  ],
  BAD_REQUEST: ['Сұрау дұрыс емес', 'Некорректный запрос'],
} as const;

/** `response` with its payload's `result` replaced by `code` (no data element follows a NOT_FOUND result). */
export function withResult(response: string, code: keyof typeof RESULT_NAMES, detail: string): string {
  const [kz, ru] = RESULT_NAMES[code];
  const result = `<result><code>${code}</code><nameKz>${kz}</nameKz><nameRu>${ru}</nameRu><detail>${detail}</detail></result>`;
  if (!/<code>NOT_FOUND<\/code>/.test(response)) throw new Error('withResult starts from a NOT_FOUND answer');
  return response.replace(/<result>[\s\S]*?<\/result>/, result);
}

/** `request` with a consent token added to its payload's context (typed mode). */
export function withConsentToken(request: string, token: string): string {
  if (request.includes('<consentToken>')) throw new Error('the request has a consent token already');
  return request.replace('<context>', `<context><consentToken>${token}</consentToken>`);
}

/** A client configuration for a Pact consumer test: the fixture's messageId and messageDate, one attempt. */
export function pactShepConfig(
  fixture: ShepFixture,
  mockServerUrl: string,
): Omit<ShepSoapTransportConfig, 'system'> {
  return {
    ...fixtureClientConfig(fixture, `${mockServerUrl}${SHEP_PATH}`),
    retry: { maxAttempts: 1 },
  };
}
