import {
  checkConfigShape,
  configError,
  defaultSleep,
  exhaustedError,
  headerOf,
  resolveRetryAndBreaker,
} from './common';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';
import * as soap from 'soap';
import { toAstanaDateTime } from '../../src/domain/time';
import { CircuitBreaker, type BreakerOptions, type BreakerOutcome } from './breaker';
import {
  BadInput,
  ContractViolation,
  KzProactiveError,
  Timeout,
  UpstreamUnavailable,
  errorForCode,
  errorFromHttp,
  type ErrorCode,
} from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, sharedAxios } from './http';
import { createLogger, type Logger } from './logging';
import {
  RETRYABLE_NETWORK_CODES,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from './retry';
import { PayloadReader, type PayloadMode, type SoapValidationMode } from './soap-payload';
import {
  DEFAULT_MAX_XML_DEPTH,
  XmlRefused,
  childElement,
  escapeXmlAttribute,
  escapeXmlText,
  parseXml,
  type XmlElement,
  type XmlLimits,
} from './soap-xml';

export {
  DEFAULT_MAX_XML_DEPTH,
  XmlRefused,
  childElement,
  childElements,
  elementPath,
  escapeXmlAttribute,
  escapeXmlText,
  parseXml,
  type XmlElement,
  type XmlLimits,
  type XmlRefusalReason,
} from './soap-xml';
export {
  PayloadReader,
  REQUESTER_SYSTEMS,
  RESULT_CODES,
  SERVICE_CODES,
  type CodedValue,
  type PayloadMode,
  type Requester,
  type RequesterSystem,
  type ResultCode,
  type ServiceCode,
  type SoapValidationMode,
} from './soap-payload';

/**
 * The SOAP transport through the e-Gov gateway (SHEP) SyncChannel. node-soap loads the system's WSDL once, from the
 * local file, and describes the service (operation, address, SOAPAction, namespace, element names); calls do not go
 * through node-soap's per-call machinery (about half the throughput of axios here, anchors.md) but through a
 * precompiled envelope template posted with the axios instance the HTTP transport shares, and the hardened reader
 * of soap-xml.ts. On top: a timeout per attempt, the retry policy of retry.ts (every SendMessage is safe to retry:
 * its messageId is the idempotency key, and a retry resends the very same message), a circuit breaker per system,
 * SOAP faults and SHEP error codes mapped to the typed errors, and one log line per call.
 */

/** SOAP 1.1 envelope namespace: the SyncChannel binding is SOAP 1.1 document/literal. */
export const SOAP11_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The status of every SendMessageResponse the gateway delivered (shep-sync-channel.xsd). */
export const SHEP_SUCCESS_STATUS = 'SCSS001';
/** The detail element of a SHEP SOAP fault. */
export const SHEP_FAULT_ELEMENT = 'SendMessageFault1_SendMessageFault';

/**
 * How the transport throws each SHEP error code (shep-sync-channel.xsd lists them). Client codes are never retried;
 * server codes are retried with backoff and end as UpstreamUnavailable when the retries run out. The SHEP code is
 * kept as the error's `problemCode`. Unknown codes follow the fault's side: `Client` → BAD_INPUT, `Server` →
 * UPSTREAM_UNAVAILABLE.
 */
export const SHEP_ERROR_CODES: Readonly<Record<string, ErrorCode>> = Object.freeze({
  EAUTH001: 'UNAUTHORIZED', // Client: sender authentication failed
  ESIGN001: 'UNAUTHORIZED', // Client: signature missing or invalid
  ESRV001: 'FORBIDDEN', // Client: unknown serviceId, or the sender may not call it
  EVAL001: 'BAD_INPUT', // Client: the message breaks the schemas
  EDUP001: 'CONFLICT', // Client: messageId reused with another message
  ELIM001: 'RATE_LIMITED', // Server: rate limit
  ETMO001: 'TIMEOUT', // Server: the target system did not answer in time
  EUNV001: 'UPSTREAM_UNAVAILABLE', // Server: the target system is unavailable
  EINT001: 'UPSTREAM_UNAVAILABLE', // Server: internal error of the gateway
});

/** The SHEP account of the calling system. Secrets: never logged. */
export interface ShepCredentials {
  readonly senderId: string;
  readonly password: string;
}

/** Configuration of a {@link ShepSoapTransport}: plain data; every key but `system` and `credentials` optional. */
export interface ShepSoapTransportConfig {
  /** System id: the folder under contracts/ and the `system` of every error and log line. */
  readonly system: string;
  /** The sender's SHEP account, sent in every requestInfo/sender. */
  readonly credentials: ShepCredentials;
  /** Path of the WSDL. Default contracts/<system>/<system>.wsdl of this package. */
  readonly wsdl?: string;
  /** Where to post, e.g. the gateway's SyncChannel address. Default the WSDL's soap:address. */
  readonly endpoint?: string;
  /** Deadline of one attempt, connect to last byte. Default 10 000. */
  readonly timeoutMs?: number;
  /** Overrides of the retry policy (retry.ts). */
  readonly retry?: Partial<RetryPolicy>;
  /** A breaker to share (one per system), or options for a breaker of this transport's own. */
  readonly breaker?: CircuitBreaker | Partial<BreakerOptions>;
  /** Default: createLogger() (level warn). */
  readonly logger?: Logger;
  /** Payload validation. Default `strict`. */
  readonly validation?: SoapValidationMode;
  /** Larger responses are refused, before they are read. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** Deeper nesting is refused. Default 64. */
  readonly maxDepth?: number;
  /** How payloads are sent in requestData/data. Default `typed`. */
  readonly payloadMode?: PayloadMode;
  /** Milliseconds since the epoch; default Date.now. Gives messageDate. */
  readonly clock?: () => number;
  /** Uniform in [0, 1); default Math.random. Feeds the backoff jitter. */
  readonly random?: () => number;
  /** Waits between retries; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The messageId of a call (kept across its retries); default crypto.randomUUID. */
  readonly messageId?: () => string;
  /** The axios instance; default the process-wide {@link sharedAxios} the HTTP transport uses too. */
  readonly axios?: AxiosInstance;
}

/** The configuration after defaults. */
export interface ResolvedShepConfig {
  readonly system: string;
  readonly credentials: ShepCredentials;
  readonly wsdl: string;
  readonly endpoint: string | undefined;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly breaker: CircuitBreaker;
  readonly logger: Logger;
  readonly validation: SoapValidationMode;
  readonly limits: XmlLimits;
  readonly payloadMode: PayloadMode;
  readonly clock: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly messageId: () => string;
  readonly axios: AxiosInstance;
}

/** What node-soap read from the WSDL, and the loaded client itself. */
export interface ShepServiceDescription {
  readonly wsdl: string;
  /** Where calls go: the configured endpoint, else the WSDL's soap:address. */
  readonly endpoint: string;
  readonly operation: string;
  readonly soapAction: string;
  /** Namespace of the SendMessage, SendMessageResponse and fault elements. */
  readonly namespace: string;
  readonly requestElement: string;
  readonly responseElement: string;
  /** The node-soap client, loaded once per transport. */
  readonly client: soap.Client;
}

/** One call through the gateway. */
export interface ShepCall<T> {
  /** The adapter method, e.g. `getPerson`: names the call in logs and errors. */
  readonly operation: string;
  /** The SHEP service, e.g. `GBDFL_GetPerson`. */
  readonly serviceId: string;
  /** The payload: one XML element (escaped by the transport in `string` mode). */
  readonly payload: string;
  /** The payload root the answer must have. */
  readonly response: { readonly ns: string; readonly name: string };
  /** Maps the answer's payload; its ContractViolation and business errors are the call's. */
  readonly read: (reader: PayloadReader) => T;
  /** The chain this message belongs to, e.g. the orchestrator's case id (1..128 characters). */
  readonly correlationId?: string;
  readonly sessionId?: string;
  readonly properties?: Readonly<Record<string, string>>;
  /** Overrides the configured payload mode for this call. */
  readonly payloadMode?: PayloadMode;
}

/** The routing part of an answer (responseInfo). */
export interface ShepResponseInfo {
  readonly messageId: string;
  readonly correlationId: string | undefined;
  readonly responseDate: string;
  readonly status: { readonly code: string; readonly message: string };
  readonly sessionId: string | undefined;
  /** The mode the payload came back in. */
  readonly payloadMode: PayloadMode;
}

/** The answer to a call. */
export interface ShepReply<T> {
  readonly data: T;
  readonly info: ShepResponseInfo;
  readonly requestId: string;
  /** Attempts made, 1 when the first one succeeded. */
  readonly attempts: number;
}

const CONFIG_KEYS: ReadonlySet<string> = new Set([
  'system',
  'credentials',
  'wsdl',
  'endpoint',
  'timeoutMs',
  'retry',
  'breaker',
  'logger',
  'validation',
  'maxResponseBytes',
  'maxDepth',
  'payloadMode',
  'clock',
  'random',
  'sleep',
  'messageId',
  'axios',
]);
const MESSAGE_ID = /^[A-Za-z0-9{}._:-]{1,64}$/;
const SERVICE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/**
 * Applies the defaults, in one place, and checks every value.
 * @throws BadInput (INVALID_CONFIG) on an unknown key or an invalid value.
 */
export function resolveShepConfig(config: ShepSoapTransportConfig): ResolvedShepConfig {
  const system = checkConfigShape(config, CONFIG_KEYS);
  const credentials = config.credentials as Partial<ShepCredentials> | undefined;
  if (typeof credentials !== 'object' || credentials === null)
    throw configError(system, 'credentials are required');
  for (const key of Object.keys(credentials)) {
    if (key !== 'senderId' && key !== 'password')
      throw configError(system, `unknown key "credentials.${key}"`);
  }
  if (typeof credentials.senderId !== 'string' || !/^.{1,64}$/s.test(credentials.senderId)) {
    throw configError(system, 'credentials.senderId must be 1..64 characters');
  }
  if (typeof credentials.password !== 'string' || !/^.{1,128}$/s.test(credentials.password)) {
    throw configError(system, 'credentials.password must be 1..128 characters');
  }
  const validation = config.validation ?? 'strict';
  if (validation !== 'strict' && validation !== 'report')
    throw configError(system, 'validation must be strict or report');
  const payloadMode = config.payloadMode ?? 'typed';
  if (payloadMode !== 'typed' && payloadMode !== 'string')
    throw configError(system, 'payloadMode must be typed or string');
  const timeoutMs = positiveInteger(system, 'timeoutMs', config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxBytes = positiveInteger(
    system,
    'maxResponseBytes',
    config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  );
  const maxDepth = positiveInteger(system, 'maxDepth', config.maxDepth ?? DEFAULT_MAX_XML_DEPTH);
  const clock = config.clock ?? Date.now;
  const { retry, breaker } = resolveRetryAndBreaker(system, config.retry, config.breaker, clock);
  const wsdl = config.wsdl === undefined ? findWsdl(system) : path.resolve(config.wsdl);
  if (!fs.existsSync(wsdl)) throw configError(system, `no WSDL at ${path.basename(wsdl)}`);
  return Object.freeze({
    system,
    credentials: Object.freeze({ senderId: credentials.senderId, password: credentials.password }),
    wsdl,
    endpoint: config.endpoint === undefined ? undefined : checkEndpoint(system, config.endpoint),
    timeoutMs,
    retry,
    breaker,
    logger: config.logger ?? createLogger(),
    validation,
    limits: Object.freeze({ maxBytes, maxDepth }),
    payloadMode,
    clock,
    random: config.random ?? Math.random,
    sleep: config.sleep ?? defaultSleep,
    messageId: config.messageId ?? randomUUID,
    axios: config.axios ?? sharedAxios(),
  });
}

function positiveInteger(system: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw configError(system, `${key} must be an integer > 0`);
  }
  return value;
}

function checkEndpoint(system: string, endpoint: unknown): string {
  if (typeof endpoint !== 'string') throw configError(system, 'endpoint must be a URL');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw configError(system, 'endpoint is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw configError(system, 'endpoint must be http(s)');
  if (url.username || url.password) throw configError(system, 'endpoint must not carry credentials');
  if (url.hash) throw configError(system, 'endpoint must not have a fragment');
  return url.href;
}

/** Finds `contracts/<system>/<system>.wsdl` in the nearest folder above this module that has one. */
function findWsdl(system: string): string {
  if (!/^[a-z0-9-]+$/.test(system)) throw configError(system, 'system must be a system id');
  for (let dir = __dirname; ;) {
    const candidate = path.join(dir, 'contracts', system, `${system}.wsdl`);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw configError(system, `no contracts/${system}/${system}.wsdl above this package`);
    dir = parent;
  }
}

/** `YYYY-MM-DDTHH:mm:ss.SSS+05:00`: the instant in Astana time with milliseconds, as SHEP's messageDate. */
export function shepDateTime(ms: number): string {
  const text = toAstanaDateTime(new Date(ms));
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${text.slice(0, 19)}.${millis}${text.slice(19)}`;
}

/** The envelope around one message: the parts that never change are built once, when the WSDL is loaded. */
interface EnvelopeTemplate {
  readonly open: string;
  readonly sender: string;
  readonly close: string;
}

interface Loaded {
  readonly description: ShepServiceDescription;
  readonly template: EnvelopeTemplate;
  readonly headers: Readonly<Record<string, string>>;
}

/** What one attempt ended with. */
type AttemptResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly root: XmlElement;
      readonly info: ShepResponseInfo;
    }
  | {
      readonly ok: false;
      readonly error: KzProactiveError;
      readonly retry: boolean;
      readonly breaker: BreakerOutcome;
      readonly status?: number;
      readonly shepStatus?: string;
      readonly retryAfterMs?: number;
    };

type Level = 'info' | 'warn' | 'error';

/** The SHEP SyncChannel transport of one system. */
export class ShepSoapTransport {
  readonly config: ResolvedShepConfig;
  private loading: Promise<Loaded> | undefined;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a missing WSDL file. */
  constructor(config: ShepSoapTransportConfig) {
    this.config = resolveShepConfig(config);
  }

  get system(): string {
    return this.config.system;
  }

  /** The breaker of this transport's system. */
  get breaker(): CircuitBreaker {
    return this.config.breaker;
  }

  /**
   * Loads the WSDL (once; later calls share the result) and describes the service. Calls load it themselves;
   * await this at start-up to fail early on a bad WSDL.
   * @throws BadInput (INVALID_CONFIG) when the WSDL cannot be loaded or does not describe the SyncChannel.
   */
  async ready(): Promise<ShepServiceDescription> {
    return (await this.load()).description;
  }

  private load(): Promise<Loaded> {
    this.loading ??= this.loadWsdl();
    return this.loading;
  }

  private async loadWsdl(): Promise<Loaded> {
    const c = this.config;
    let client: soap.Client;
    try {
      client = await soap.createClientAsync(c.wsdl, { request: c.axios });
    } catch (err) {
      throw configError(c.system, `the WSDL ${path.basename(c.wsdl)} cannot be loaded`, err);
    }
    const found = describeSyncChannel(client);
    if (typeof found === 'string') throw configError(c.system, `${path.basename(c.wsdl)}: ${found}`);
    const endpoint = c.endpoint ?? checkEndpoint(c.system, found.address);
    const description: ShepServiceDescription = Object.freeze({
      wsdl: c.wsdl,
      endpoint,
      operation: found.operation,
      soapAction: found.soapAction,
      namespace: found.namespace,
      requestElement: found.requestElement,
      responseElement: found.responseElement,
      client,
    });
    const ns = escapeXmlAttribute(found.namespace);
    const template: EnvelopeTemplate = {
      open:
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<soapenv:Envelope xmlns:soapenv="${SOAP11_ENVELOPE_NS}" xmlns:typ="${ns}">` +
        `<soapenv:Header/><soapenv:Body><typ:${found.requestElement}><request><requestInfo>`,
      sender:
        `<sender><senderId>${escapeXmlText(c.credentials.senderId)}</senderId>` +
        `<password>${escapeXmlText(c.credentials.password)}</password></sender>`,
      close: `</requestData></request></typ:${found.requestElement}></soapenv:Body></soapenv:Envelope>`,
    };
    const headers = Object.freeze({
      'Content-Type': 'text/xml; charset=utf-8',
      Accept: 'text/xml',
      SOAPAction: `"${found.soapAction.replace(/"/g, '')}"`,
    });
    return { description, template, headers };
  }

  /**
   * Sends one message and maps its answer with `call.read`, retrying per the policy with the same messageId.
   * @throws BadInput before sending when a routing value is malformed; after: BadInput, Unauthorized, Conflict
   * (SHEP client codes, never retried); Timeout, UpstreamUnavailable (server codes, 5xx and connection failures,
   * after the retries); CircuitOpen; ContractViolation for an answer that breaks the contract, is oversized,
   * nests too deep or declares a DTD; whatever `call.read` throws (ConsentMissing, BadInput, ContractViolation).
   */
  async call<T>(call: ShepCall<T>): Promise<ShepReply<T>> {
    const c = this.config;
    const started = c.clock();
    const messageId = c.messageId();
    const base = { operation: call.operation, serviceId: call.serviceId, requestId: messageId };
    let loaded: Loaded;
    let body: string;
    try {
      if (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId)) {
        throw configError(c.system, 'messageId() must give 1..64 characters of A-Z a-z 0-9 { } . _ : -');
      }
      loaded = await this.load();
      body = this.envelope(loaded.template, call, messageId, shepDateTime(started));
    } catch (err) {
      this.log('error', { ...base, durationMs: c.clock() - started, attempt: 0 }, err as KzProactiveError);
      throw err;
    }
    const headers = { ...loaded.headers, 'X-Request-Id': messageId };
    const request: AxiosRequestConfig<string> = {
      method: 'POST',
      url: loaded.description.endpoint,
      headers,
      data: body,
      timeout: c.timeoutMs,
      maxContentLength: c.limits.maxBytes,
      responseType: 'text',
    };

    for (let attempt = 1; ; attempt++) {
      try {
        c.breaker.acquire(call.operation, messageId);
      } catch (open) {
        this.log('error', { ...base, durationMs: c.clock() - started, attempt }, open as KzProactiveError);
        throw open;
      }
      const result = await this.attempt(request, loaded.description, call, messageId, attempt);
      if (result.ok) {
        c.breaker.record('success');
        const reader = new PayloadReader(result.root, this.payloadContext(call.operation, messageId));
        const fields = {
          ...base,
          status: result.status,
          shepStatus: result.info.status.code,
          payloadMode: result.info.payloadMode,
          attempt,
        };
        let data: T;
        try {
          data = call.read(reader);
        } catch (err) {
          const level = err instanceof ContractViolation ? 'error' : 'info';
          this.log(
            level,
            { ...fields, result: reader.resultCode, durationMs: c.clock() - started },
            err as KzProactiveError,
          );
          throw err;
        }
        this.log('info', { ...fields, result: reader.resultCode, durationMs: c.clock() - started });
        return { data, info: result.info, requestId: messageId, attempts: attempt };
      }
      c.breaker.record(result.breaker);
      const delayMs = result.retry
        ? this.retryDelay(attempt, c.clock() - started, result.retryAfterMs)
        : undefined;
      if (delayMs !== undefined) {
        await c.sleep(delayMs);
        continue;
      }
      const error = result.retry && attempt > 1 ? exhaustedError(result.error, attempt) : result.error;
      this.log(
        error.retryable || error instanceof ContractViolation ? 'error' : 'warn',
        {
          ...base,
          status: result.status,
          shepStatus: result.shepStatus,
          durationMs: c.clock() - started,
          attempt,
        },
        error,
      );
      throw error;
    }
  }

  private envelope(
    template: EnvelopeTemplate,
    call: ShepCall<unknown>,
    messageId: string,
    messageDate: string,
  ): string {
    const c = this.config;
    const bad = (detail: string) =>
      new BadInput({ system: c.system, operation: call.operation, requestId: messageId, detail });
    if (typeof call.serviceId !== 'string' || !SERVICE_ID.test(call.serviceId))
      throw bad('serviceId is malformed');
    let xml = `${template.open}<messageId>${messageId}</messageId>`;
    if (call.correlationId !== undefined) {
      if (
        typeof call.correlationId !== 'string' ||
        call.correlationId.length < 1 ||
        call.correlationId.length > 128
      ) {
        throw bad('correlationId must be 1..128 characters');
      }
      xml += `<correlationId>${escapeXmlText(call.correlationId)}</correlationId>`;
    }
    xml += `<serviceId>${call.serviceId}</serviceId><messageDate>${messageDate}</messageDate>${template.sender}`;
    const properties = Object.entries(call.properties ?? {});
    if (properties.length > 32) throw bad('at most 32 properties');
    for (const [key, value] of properties) {
      if (key.length < 1 || key.length > 128 || typeof value !== 'string' || value.length > 1024) {
        throw bad('a property key must be 1..128 characters and its value at most 1024');
      }
      xml += `<properties><key>${escapeXmlText(key)}</key><value>${escapeXmlText(value)}</value></properties>`;
    }
    if (call.sessionId !== undefined) {
      if (typeof call.sessionId !== 'string' || !GUID.test(call.sessionId))
        throw bad('sessionId must be a GUID');
      xml += `<sessionId>${call.sessionId}</sessionId>`;
    }
    const mode = call.payloadMode ?? c.payloadMode;
    const data = mode === 'string' ? escapeXmlText(call.payload) : call.payload;
    return `${xml}</requestInfo><requestData><data>${data}</data>${template.close}`;
  }

  /** One POST and what it means: an answer to read, or an error with whether to retry. */
  private async attempt(
    request: AxiosRequestConfig<string>,
    description: ShepServiceDescription,
    call: ShepCall<unknown>,
    messageId: string,
    attempt: number,
  ): Promise<AttemptResult> {
    const c = this.config;
    const context = { system: c.system, operation: call.operation, requestId: messageId, attempts: attempt };
    let res: AxiosResponse<string>;
    try {
      res = await c.axios.request<string, AxiosResponse<string>, string>(request);
    } catch (err) {
      return failure(err, context, c);
    }
    const status = res.status;
    const text = typeof res.data === 'string' ? res.data : '';
    const xml = isXmlMediaType(headerOf(res, 'content-type'));
    // A SOAP 1.1 fault comes with HTTP 500; anything else that is not 2xx is read as an HTTP error.
    if (((status >= 200 && status < 300) || status === 500) && xml && text.trim() !== '') {
      let envelope: XmlElement | undefined;
      try {
        envelope = parseXml(text, c.limits);
      } catch (err) {
        if (!(err instanceof XmlRefused)) throw err;
        // A broken 500 page is still a 500; a refusal for safety never is.
        if (!(err.reason === 'malformed' && status === 500)) {
          return answered(refusal(err, context, status), status);
        }
      }
      if (envelope && envelope.name === 'Envelope' && envelope.ns === SOAP11_ENVELOPE_NS) {
        return this.readEnvelope(envelope, status, description, call, messageId, context);
      }
      if (status !== 500) {
        return answered(
          contractViolation(
            context,
            status,
            '/',
            'a SOAP 1.1 Envelope',
            'the answer is not a SOAP 1.1 envelope',
          ),
          status,
        );
      }
    }
    if (status >= 200 && status < 300) {
      return answered(
        contractViolation(context, status, '/', 'content type text/xml', 'the answer is not a SOAP message'),
        status,
      );
    }
    if (status >= 300 && status < 400) {
      return answered(
        new ContractViolation({ ...context, code: 'REDIRECT_REFUSED', status, rule: 'no redirects' }),
        status,
      );
    }
    const retryAfterMs = parseRetryAfter(headerOf(res, 'retry-after'), c.clock());
    const retry = isRetryableStatus(status);
    return {
      ok: false,
      error: errorFromHttp(status, undefined, { ...context, retryAfterMs }),
      retry,
      breaker: status === 429 ? 'neutral' : retry ? 'failure' : 'success',
      status,
      retryAfterMs,
    };
  }

  /** Reads a SOAP envelope: a fault, a SHEP error status, or the answer's info and payload root. */
  private readEnvelope(
    envelope: XmlElement,
    status: number,
    description: ShepServiceDescription,
    call: ShepCall<unknown>,
    messageId: string,
    context: { system: string; operation: string; requestId: string; attempts: number },
  ): AttemptResult {
    const c = this.config;
    const reader = new PayloadReader(envelope, this.payloadContext(call.operation, messageId));
    try {
      const body = childElement(envelope, 'Body', SOAP11_ENVELOPE_NS);
      if (!body) throw reader.violation('/Envelope/Body', 'required', 'is missing');
      const content = body.children[0];
      if (content && content.name === 'Fault' && content.ns === SOAP11_ENVELOPE_NS) {
        return faultResult(content, description.namespace, status, context);
      }
      if (status === 500) {
        const error = errorFromHttp(500, undefined, context);
        return { ok: false, error, retry: true, breaker: 'failure', status };
      }
      if (!content || content.name !== description.responseElement || content.ns !== description.namespace) {
        throw reader.violation(
          '/Envelope/Body',
          `{${description.namespace}}${description.responseElement}`,
          'holds no SendMessageResponse',
        );
      }
      const response = reader.el(content, 'response');
      const info = reader.el(response, 'responseInfo');
      const echoed = reader.text(info, 'messageId');
      reader.expectSame(info, 'messageId', echoed, messageId);
      const statusEl = reader.el(info, 'status');
      const shepStatus = reader.text(statusEl, 'code');
      const statusMessage = reader.optText(statusEl, 'message') ?? '';
      if (shepStatus !== SHEP_SUCCESS_STATUS) {
        const code = SHEP_ERROR_CODES[shepStatus];
        if (code === undefined) {
          throw reader.violation(
            `${reader.path(statusEl)}/code`,
            `status ${SHEP_SUCCESS_STATUS}`,
            'is not a SHEP status',
          );
        }
        return shepError(code, shepStatus, statusMessage, status, context);
      }
      const responseDate = reader.text(info, 'responseDate');
      const data = reader.el(reader.el(response, 'responseData'), 'data');
      let root: XmlElement;
      let payloadMode: PayloadMode;
      if (data.children.length > 0) {
        if (data.children.length > 1)
          throw reader.violation(reader.path(data), 'one payload element', 'holds several elements');
        root = data.children[0] as XmlElement;
        payloadMode = 'typed';
      } else {
        const inner = data.text.trim();
        if (inner === '') throw reader.violation(reader.path(data), 'a payload', 'is empty');
        try {
          root = parseXml(inner, c.limits);
        } catch (err) {
          if (err instanceof XmlRefused) {
            return answered(refusal(err, context, status, reader.path(data)), status);
          }
          throw err;
        }
        payloadMode = 'string';
      }
      if (root.name !== call.response.name || root.ns !== call.response.ns) {
        throw reader.violation(
          reader.path(data),
          `{${call.response.ns}}${call.response.name}`,
          `holds no ${call.response.name}`,
        );
      }
      return {
        ok: true,
        status,
        root,
        info: {
          messageId: echoed,
          correlationId: reader.optText(info, 'correlationId'),
          responseDate,
          status: { code: shepStatus, message: statusMessage },
          sessionId: reader.optText(info, 'sessionId'),
          payloadMode,
        },
      };
    } catch (err) {
      if (err instanceof ContractViolation) return answered(err, status);
      throw err;
    }
  }

  private payloadContext(operation: string, requestId: string) {
    const c = this.config;
    return { system: c.system, operation, requestId, validation: c.validation, logger: c.logger };
  }

  /** The wait before the next attempt, or undefined when the policy says stop (attempts or time budget). */
  private retryDelay(
    attempt: number,
    elapsedMs: number,
    retryAfterMs: number | undefined,
  ): number | undefined {
    const policy = this.config.retry;
    if (attempt >= policy.maxAttempts) return undefined;
    const delayMs =
      retryAfterMs === undefined
        ? backoffDelay(attempt - 1, policy, this.config.random)
        : Math.min(retryAfterMs, policy.maxRetryAfterMs);
    return elapsedMs + delayMs > policy.maxTotalMs ? undefined : delayMs;
  }

  /** One structured line per call; nothing personal (no payload; the logger masks what is left). */
  private log(level: Level, fields: Record<string, unknown>, err?: KzProactiveError): void {
    const logger = this.config.logger;
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        system: this.config.system,
        ...fields,
        code: err?.code,
        problemCode: err?.problemCode,
        error: err?.message,
      },
      'soap call',
    );
  }
}

/** The service node-soap read from the WSDL, or what is missing. */
function describeSyncChannel(client: soap.Client):
  | string
  | {
      address: string;
      operation: string;
      soapAction: string;
      namespace: string;
      requestElement: string;
      responseElement: string;
    } {
  // node-soap's parsed definitions are untyped; every value read here is checked.
  const definitions = (client.wsdl as unknown as { definitions?: { services?: Record<string, unknown> } })
    .definitions;
  for (const service of Object.values(definitions?.services ?? {})) {
    const ports = (service as { ports?: Record<string, unknown> }).ports ?? {};
    for (const port of Object.values(ports)) {
      const p = port as {
        location?: unknown;
        binding?: { methods?: Record<string, unknown> };
      };
      const method = p.binding?.methods?.SendMessage as
        | {
            soapAction?: unknown;
            style?: unknown;
            input?: { $lookupType?: unknown; targetNamespace?: unknown };
            output?: { $lookupType?: unknown; targetNamespace?: unknown };
          }
        | undefined;
      if (!method) continue;
      if (typeof p.location !== 'string') return 'the SendMessage port has no soap:address';
      if (method.style !== undefined && method.style !== 'document')
        return 'SendMessage is not document/literal';
      const local = (qname: unknown) =>
        typeof qname === 'string' ? qname.slice(qname.indexOf(':') + 1) : '';
      const requestElement = local(method.input?.$lookupType);
      const responseElement = local(method.output?.$lookupType);
      const namespace = method.input?.targetNamespace;
      if (requestElement === '' || responseElement === '' || typeof namespace !== 'string') {
        return 'SendMessage has no input or output element';
      }
      if (method.output?.targetNamespace !== namespace)
        return 'SendMessage input and output are in different namespaces';
      const shape = client.describe() as Record<string, Record<string, Record<string, { input?: unknown }>>>;
      const input = Object.values(shape)
        .flatMap((s) => Object.values(s))
        .map((ops) => ops.SendMessage?.input)
        .find((i) => i !== undefined) as
        { request?: { requestInfo?: object; requestData?: object } } | undefined;
      if (!input?.request?.requestInfo || !input.request.requestData) {
        return 'SendMessage is not the SHEP SyncChannel message (request/requestInfo, request/requestData)';
      }
      return {
        address: p.location,
        operation: 'SendMessage',
        soapAction: typeof method.soapAction === 'string' ? method.soapAction : '',
        namespace,
        requestElement,
        responseElement,
      };
    }
  }
  return 'no port binds the SyncChannel operation SendMessage';
}

type Context = { system: string; operation: string; requestId: string; attempts: number };

/** A SOAP fault: the SHEP error code of its detail, or its faultcode. */
function faultResult(fault: XmlElement, namespace: string, status: number, context: Context): AttemptResult {
  const faultcode = childElement(fault, 'faultcode')?.text.trim() ?? '';
  const faultstring = childElement(fault, 'faultstring')?.text.trim() ?? '';
  const detail = childElement(fault, 'detail');
  const shep = detail ? childElement(detail, SHEP_FAULT_ELEMENT, namespace) : undefined;
  const errorCode = shep ? childElement(shep, 'errorCode')?.text.trim() : undefined;
  const errorMessage = shep ? childElement(shep, 'errorMessage')?.text.trim() : undefined;
  // The faultcode is a QName (soapenv:Server, or Server.Busy in SOAP 1.1's dotted form): its local part decides.
  const side = faultcode.slice(faultcode.indexOf(':') + 1);
  const known = errorCode === undefined ? undefined : SHEP_ERROR_CODES[errorCode];
  const code: ErrorCode = known ?? (side.startsWith('Server') ? 'UPSTREAM_UNAVAILABLE' : 'BAD_INPUT');
  return shepError(code, errorCode || side || 'Fault', errorMessage || faultstring, status, context);
}

function shepError(
  code: ErrorCode,
  shepCode: string,
  message: string,
  status: number,
  context: Context,
): AttemptResult {
  const error = errorForCode(code, {
    ...context,
    status,
    problemCode: shepCode.slice(0, 100),
    detail: `SHEP ${shepCode.slice(0, 100)}${message ? `: ${message.slice(0, 300)}` : ''}`,
  });
  return {
    ok: false,
    error,
    retry: error.retryable,
    breaker: code === 'RATE_LIMITED' ? 'neutral' : error.retryable ? 'failure' : 'success',
    status,
    shepStatus: shepCode,
  };
}

/** An attempt whose answer is final: not retried, and a success for the breaker (the system did answer). */
function answered(error: KzProactiveError, status?: number): AttemptResult {
  return { ok: false, error, retry: false, breaker: 'success', status };
}

/** An attempt that got no answer: timeout, connection failure, or a body over the size limit. */
function failure(err: unknown, context: Context, c: ResolvedShepConfig): AttemptResult {
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (code === 'ERR_BAD_RESPONSE' && message.includes('maxContentLength')) {
    const error = new ContractViolation({
      ...context,
      code: 'RESPONSE_TOO_LARGE',
      rule: `maxResponseBytes ${c.limits.maxBytes}`,
      detail: `more than ${c.limits.maxBytes} bytes`,
    });
    return answered(error);
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return {
      ok: false,
      error: new Timeout({ ...context, detail: `${c.timeoutMs} ms` }),
      retry: true,
      breaker: 'failure',
    };
  }
  const inner = typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const network =
    code === 'ERR_BAD_RESPONSE' && message.includes('aborted')
      ? 'ECONNRESET'
      : code && code.startsWith('E') && !code.startsWith('ERR_')
        ? code
        : (inner ?? code ?? 'UNKNOWN');
  return {
    ok: false,
    error: new UpstreamUnavailable({ ...context, code: 'CONNECTION_FAILED', detail: network, cause: err }),
    retry: RETRYABLE_NETWORK_CODES.has(network),
    breaker: network === 'UNKNOWN' ? 'neutral' : 'failure',
  };
}

function refusal(err: XmlRefused, context: Context, status: number, where = '/'): ContractViolation {
  return new ContractViolation({
    ...context,
    code: err.reason === 'too-large' ? 'RESPONSE_TOO_LARGE' : 'CONTRACT_VIOLATION',
    status,
    pointer: where,
    rule: err.rule,
    detail: `the answer is refused unread: ${err.message}`,
  });
}

function contractViolation(
  context: Context,
  status: number,
  pointer: string,
  rule: string,
  detail: string,
): ContractViolation {
  return new ContractViolation({ ...context, status, pointer, rule, detail });
}

function isXmlMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'text/xml' || type === 'application/xml' || type.endsWith('+xml');
}
