import {
  checkConfigShape,
  configError,
  defaultSleep,
  exhaustedError,
  headerOf,
  resolveRetryAndBreaker,
} from './common';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { CircuitBreaker, type BreakerOptions, type BreakerOutcome } from './breaker';
import {
  BadInput,
  ContractViolation,
  KzProactiveError,
  Timeout,
  UpstreamUnavailable,
  errorFromHttp,
} from './errors';
import { createLogger, type Logger } from './logging';
import {
  decideRetry,
  isRetryableStatus,
  isSafeToRetry,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryPolicy,
} from './retry';
import {
  ContractValidator,
  isJsonMediaType,
  mediaTypeOf,
  type OperationContract,
  type ValidationMode,
  type Violation,
} from './validation';

/**
 * The HTTP transport every REST adapter is built on: one shared axios instance (keep-alive, no redirects, every
 * status returned), a timeout on every call, the retry policy of retry.ts, a circuit breaker per system,
 * `X-Request-Id` on every call, response validation against the contract, typed errors, one log line per attempt.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'DELETE' | 'OPTIONS' | 'POST' | 'PATCH';

/** Configuration of an {@link HttpTransport}: plain data, every key but `system` and `baseUrl` optional. */
export interface HttpTransportConfig {
  /** System id: the folder under contracts/ and the `system` of every error and log line. */
  readonly system: string;
  /** Where the system is, e.g. `https://mab.example.kz/api/v1`; every path is appended to it. */
  readonly baseUrl: string;
  /** Deadline of one attempt, connect to last byte. Default 10 000. */
  readonly timeoutMs?: number;
  /** Overrides of the retry policy (retry.ts). */
  readonly retry?: Partial<RetryPolicy>;
  /** A breaker to share (one per system), or options for a breaker of this transport's own. */
  readonly breaker?: CircuitBreaker | Partial<BreakerOptions>;
  /** Default: createLogger() (level warn). */
  readonly logger?: Logger;
  /** Response validation against the contract. Default `strict`. */
  readonly validation?: ValidationMode;
  /** The contract: a loaded validator, or the path of a bundled openapi.json. Default contracts/<system>/openapi.json. */
  readonly contract?: ContractValidator | string;
  /** Larger responses are refused. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** Extra headers sent on every call (not X-Request-Id, Idempotency-Key or Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Secrets: never logged. */
  readonly credentials?: { readonly bearerToken?: string };
  /** Milliseconds since the epoch; default Date.now. */
  readonly clock?: () => number;
  /** Uniform in [0, 1); default Math.random. Feeds the backoff jitter. */
  readonly random?: () => number;
  /** Waits between retries; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Correlation id of a call (kept across its retries); default crypto.randomUUID. */
  readonly requestId?: () => string;
  /** The axios instance; default the process-wide {@link sharedAxios}. */
  readonly axios?: AxiosInstance;
}

/** One call. */
export interface HttpRequest {
  /** operationId in the contract: selects the response schemas and names the call in logs and errors. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template relative to baseUrl, e.g. `/phones/{iin}`; never an absolute URL. */
  readonly path: string;
  /** Values of the template's `{name}` placeholders; encoded with encodeURIComponent. */
  readonly pathParams?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<
    Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>
  >;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Makes a side-effecting call retryable: the system answers a repeated key with the first answer. */
  readonly idempotencyKey?: string;
  /** The contract says this POST only reads (a search): retried like a GET. */
  readonly idempotent?: boolean;
  /** Extra headers of this call. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The answer to a call: a 2xx status and its parsed, validated body. */
export interface HttpResponse<T> {
  readonly status: number;
  readonly data: T;
  readonly requestId: string;
  /** Attempts made, 1 when the first one succeeded. */
  readonly attempts: number;
}

/** The configuration after defaults: what the transport runs on. */
export interface ResolvedHttpConfig {
  readonly system: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly breaker: CircuitBreaker;
  readonly logger: Logger;
  readonly validation: ValidationMode;
  readonly contract: ContractValidator | undefined;
  readonly maxResponseBytes: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly clock: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly requestId: () => string;
  readonly axios: AxiosInstance;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

const CONFIG_KEYS: ReadonlySet<string> = new Set([
  'system',
  'baseUrl',
  'timeoutMs',
  'retry',
  'breaker',
  'logger',
  'validation',
  'contract',
  'maxResponseBytes',
  'headers',
  'credentials',
  'clock',
  'random',
  'sleep',
  'requestId',
  'axios',
]);
const RESERVED_HEADERS: ReadonlySet<string> = new Set(['x-request-id', 'idempotency-key', 'authorization']);
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'PATCH']);
const VALIDATION_MODES: ReadonlySet<string> = new Set(['strict', 'report', 'off']);

let shared: AxiosInstance | undefined;

/**
 * An axios instance configured as the transports need it: no redirects (maxRedirects 0 also skips the
 * follow-redirects wrapper), every status returned as a response, the body kept as text (the transport parses JSON
 * once, itself), no proxy taken from the environment; keep-alive agents unless told otherwise.
 */
export function createTransportAxios(options: { keepAlive?: boolean } = {}): AxiosInstance {
  const keepAlive = options.keepAlive ?? true;
  return axios.create({
    httpAgent: new http.Agent({ keepAlive }),
    httpsAgent: new https.Agent({ keepAlive }),
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true, forcedJSONParsing: false, silentJSONParsing: false },
    proxy: false,
  });
}

/** The process-wide instance (keep-alive) that the HTTP and SOAP transports share by default. */
export function sharedAxios(): AxiosInstance {
  shared ??= createTransportAxios();
  return shared;
}

/**
 * Applies the defaults, in one place (`config.x ?? default`), and checks every value.
 * @throws BadInput (INVALID_CONFIG) on an unknown key or an invalid value.
 */
export function resolveHttpConfig(config: HttpTransportConfig): ResolvedHttpConfig {
  const system = checkConfigShape(config, CONFIG_KEYS);
  const clock = config.clock ?? Date.now;
  const validation = config.validation ?? 'strict';
  if (!VALIDATION_MODES.has(validation))
    throw configError(system, 'validation must be strict, report or off');
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw configError(system, 'timeoutMs must be an integer > 0');
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw configError(system, 'maxResponseBytes must be an integer > 0');
  }
  const { retry, breaker } = resolveRetryAndBreaker(system, config.retry, config.breaker, clock);
  let contract: ContractValidator | undefined;
  try {
    contract =
      validation === 'off'
        ? undefined
        : config.contract instanceof ContractValidator
          ? config.contract
          : ContractValidator.forSystem(system, config.contract);
  } catch (err) {
    throw configError(system, err instanceof Error ? err.message : String(err), err);
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    if (RESERVED_HEADERS.has(name.toLowerCase()))
      throw configError(system, `header ${name} is set by the transport`);
    if (typeof value !== 'string') throw configError(system, `header ${name} must be a string`);
    headers[name] = value;
  }
  const credentials = config.credentials ?? {};
  for (const key of Object.keys(credentials)) {
    if (key !== 'bearerToken') throw configError(system, `unknown key "credentials.${key}"`);
  }
  if (credentials.bearerToken !== undefined) {
    if (typeof credentials.bearerToken !== 'string' || credentials.bearerToken === '') {
      throw configError(system, 'credentials.bearerToken must be a non-empty string');
    }
    headers.Authorization = `Bearer ${credentials.bearerToken}`;
  }
  return Object.freeze({
    system,
    baseUrl: checkBaseUrl(system, config.baseUrl),
    timeoutMs,
    retry,
    breaker,
    logger: config.logger ?? createLogger(),
    validation,
    contract,
    maxResponseBytes,
    headers: Object.freeze(headers),
    clock,
    random: config.random ?? Math.random,
    sleep: config.sleep ?? defaultSleep,
    requestId: config.requestId ?? randomUUID,
    axios: config.axios ?? sharedAxios(),
  });
}

function checkBaseUrl(system: string, baseUrl: unknown): string {
  if (typeof baseUrl !== 'string') throw configError(system, 'baseUrl is required');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw configError(system, 'baseUrl is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw configError(system, 'baseUrl must be http(s)');
  if (url.username || url.password) throw configError(system, 'baseUrl must not carry credentials');
  if (url.search || url.hash) throw configError(system, 'baseUrl must not have a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

type Level = 'info' | 'warn' | 'error';

/** The HTTP transport of one system. */
export class HttpTransport {
  readonly config: ResolvedHttpConfig;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration. */
  constructor(config: HttpTransportConfig) {
    this.config = resolveHttpConfig(config);
  }

  get system(): string {
    return this.config.system;
  }

  /** The breaker of this transport's system. */
  get breaker(): CircuitBreaker {
    return this.config.breaker;
  }

  /**
   * Sends a call, retrying per the policy, and returns its 2xx answer, parsed and validated.
   * @throws BadInput before sending when the path is absolute or a parameter is missing; NotFound, BadInput,
   * Unauthorized, ConsentMissing, Conflict, BusinessRuleViolation for the matching answers; Timeout,
   * UpstreamUnavailable (after retries), CircuitOpen; ContractViolation for a response that breaks the contract,
   * a redirect, a non-JSON or oversized body.
   */
  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const c = this.config;
    const operation = req.operationId;
    const op = c.contract?.operation(operation);
    if (c.contract && !op) {
      throw this.badInput(operation, undefined, `operation ${operation} is not in the contract`);
    }
    if (!METHODS.has(req.method)) throw this.badInput(operation, undefined, `method ${String(req.method)}`);
    const url = c.baseUrl + this.buildPath(req) + buildQuery(req.query);
    const requestId = c.requestId();
    const headers: Record<string, string> =
      req.headers === undefined ? { ...c.headers } : { ...this.extraHeaders(req), ...c.headers };
    headers['X-Request-Id'] = requestId;
    if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
    let data: string | undefined;
    if (req.body !== undefined) {
      data = JSON.stringify(req.body);
      headers['Content-Type'] = 'application/json';
    }
    const axiosConfig: AxiosRequestConfig<string> = {
      method: req.method,
      url,
      headers,
      data,
      timeout: c.timeoutMs,
      maxContentLength: c.maxResponseBytes,
    };
    const safe = isSafeToRetry(req.method, req.idempotencyKey !== undefined, req.idempotent === true);
    const started = c.clock();

    for (let attempt = 1; ; attempt++) {
      try {
        c.breaker.acquire(operation, requestId);
      } catch (open) {
        this.log('error', req, undefined, 0, attempt, requestId, open as KzProactiveError);
        throw open;
      }
      const t0 = c.clock();
      let res: AxiosResponse<string> | undefined;
      let failure: unknown;
      try {
        res = await c.axios.request<string, AxiosResponse<string>, string>(axiosConfig);
      } catch (err) {
        failure = err;
      }

      if (res === undefined) {
        const outcome = classifyFailure(failure);
        if (outcome === 'too-large') {
          c.breaker.record('success');
          const err = new ContractViolation({
            code: 'RESPONSE_TOO_LARGE',
            system: c.system,
            operation,
            requestId,
            attempts: attempt,
            rule: `maxResponseBytes ${c.maxResponseBytes}`,
            detail: `more than ${c.maxResponseBytes} bytes`,
          });
          this.log('error', req, undefined, c.clock() - t0, attempt, requestId, err);
          throw err;
        }
        c.breaker.record(outcome.kind === 'network' && outcome.code === 'UNKNOWN' ? 'neutral' : 'failure');
        const err =
          outcome.kind === 'timeout'
            ? new Timeout({
                system: c.system,
                operation,
                requestId,
                attempts: attempt,
                detail: `${c.timeoutMs} ms`,
              })
            : new UpstreamUnavailable({
                code: 'CONNECTION_FAILED',
                system: c.system,
                operation,
                requestId,
                attempts: attempt,
                detail: outcome.kind === 'network' ? outcome.code : undefined,
                cause: failure,
              });
        const decision = decideRetry(outcome, attempt, c.clock() - started, safe, c.retry, c.random);
        if (decision.retry) {
          this.log('warn', req, undefined, c.clock() - t0, attempt, requestId, err, decision.delayMs);
          await c.sleep(decision.delayMs);
          continue;
        }
        const final = attempt > 1 ? exhaustedError(err, attempt) : err;
        this.log('error', req, undefined, c.clock() - t0, attempt, requestId, final);
        throw final;
      }

      const status = res.status;
      if (isRetryableStatus(status)) {
        c.breaker.record(status === 429 ? 'neutral' : 'failure');
        const retryAfterMs = parseRetryAfter(headerOf(res, 'retry-after'), c.clock());
        const outcome: AttemptOutcome = { kind: 'status', status, retryAfterMs };
        const decision = decideRetry(outcome, attempt, c.clock() - started, safe, c.retry, c.random);
        if (decision.retry) {
          this.log('warn', req, status, c.clock() - t0, attempt, requestId, undefined, decision.delayMs);
          await c.sleep(decision.delayMs);
          continue;
        }
        const err = this.errorFromResponse(res, op, operation, requestId, attempt, retryAfterMs);
        const final = attempt > 1 ? exhaustedError(err, attempt) : err;
        this.log('error', req, status, c.clock() - t0, attempt, requestId, final);
        throw final;
      }

      c.breaker.record(breakerOutcome(status));
      if (status >= 200 && status < 300) {
        let body: T;
        try {
          body = this.readBody(res, op, operation, requestId) as T;
        } catch (violation) {
          this.log('error', req, status, c.clock() - t0, attempt, requestId, violation as KzProactiveError);
          throw violation;
        }
        this.log('info', req, status, c.clock() - t0, attempt, requestId);
        return { status, data: body, requestId, attempts: attempt };
      }
      if (status >= 300 && status < 400) {
        const location = headerOf(res, 'location');
        const err = new ContractViolation({
          code: 'REDIRECT_REFUSED',
          system: c.system,
          operation,
          requestId,
          status,
          attempts: attempt,
          rule: 'no redirects',
          detail: location === undefined ? undefined : `to ${location.slice(0, 200)}`,
        });
        this.log('error', req, status, c.clock() - t0, attempt, requestId, err);
        throw err;
      }
      let err: KzProactiveError;
      try {
        err = this.errorFromResponse(res, op, operation, requestId, attempt, undefined);
      } catch (violation) {
        this.log('error', req, status, c.clock() - t0, attempt, requestId, violation as KzProactiveError);
        throw violation;
      }
      // An expected answer (no such record, a conflict, a business rule) is not a malfunction: info.
      const level = status === 404 || status === 409 || status === 422 ? 'info' : 'warn';
      this.log(level, req, status, c.clock() - t0, attempt, requestId, err);
      throw err;
    }
  }

  private buildPath(req: HttpRequest): string {
    const template = req.path;
    if (
      typeof template !== 'string' ||
      template[0] !== '/' ||
      template[1] === '/' ||
      template[1] === '\\' ||
      template.includes('://') ||
      /[\s?#\\]/.test(template)
    ) {
      throw this.badInput(
        req.operationId,
        'path',
        'path must be relative to baseUrl (start with one /, no scheme, host, query or fragment)',
      );
    }
    if (!template.includes('{')) return template;
    const params = req.pathParams ?? {};
    return template.replace(/\{([^}/]+)\}/g, (_m, name: string) => {
      const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
      if (value === undefined || value === '') {
        throw this.badInput(req.operationId, name, 'missing path parameter');
      }
      const text = String(value);
      if (text === '.' || text === '..') {
        throw this.badInput(req.operationId, name, 'a dot segment is not a value');
      }
      return encodeURIComponent(text);
    });
  }

  private extraHeaders(req: HttpRequest): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers ?? {})) {
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        throw this.badInput(req.operationId, name, 'header is set by the transport');
      }
      out[name] = value;
    }
    return out;
  }

  private badInput(operation: string, field: string | undefined, detail: string): BadInput {
    return new BadInput({
      system: this.config.system,
      operation,
      detail: field ? `${field}: ${detail}` : detail,
    });
  }

  /** Parses the body of a 2xx answer once and checks it against the contract. */
  private readBody(
    res: AxiosResponse<string>,
    op: OperationContract | undefined,
    operation: string,
    requestId: string,
  ): unknown {
    const status = res.status;
    const text = typeof res.data === 'string' ? res.data : '';
    const rc = op?.response(status);
    if (op && !rc) {
      this.violation(
        {
          code: 'UNDECLARED_STATUS',
          pointer: '',
          rule: `status in ${op.declaredStatuses.join(', ')}`,
          detail: `status ${status} is not declared`,
        },
        operation,
        requestId,
        status,
      );
    }
    if (text === '') {
      if (rc && rc.mediaTypes.length > 0) {
        this.violation(
          { code: 'CONTRACT_VIOLATION', pointer: '', rule: 'body required', detail: 'the body is empty' },
          operation,
          requestId,
          status,
        );
      }
      return undefined;
    }
    const mediaType = mediaTypeOf(headerOf(res, 'content-type'));
    const json = isJsonMediaType(mediaType);
    if (!json) {
      if (!rc?.expectsJson) return text;
      this.violation(
        {
          code: 'NOT_JSON',
          pointer: '',
          rule: `content type ${rc.mediaTypes.join(' | ')}`,
          detail: `content type ${mediaType || '(none)'}`,
        },
        operation,
        requestId,
        status,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // Nothing can be returned from a body that does not parse, whatever the validation mode.
      throw new ContractViolation({
        code: 'NOT_JSON',
        system: this.config.system,
        operation,
        requestId,
        status,
        rule: 'JSON',
        detail: 'the body is not valid JSON',
      });
    }
    if (rc && json) {
      const v = rc.validate(mediaType, data);
      if (v) this.violation(v, operation, requestId, status);
    }
    return data;
  }

  /** Strict: throws ContractViolation; report: logs a warning. */
  private violation(
    v: Violation,
    operation: string,
    requestId: string,
    status: number,
    cause?: unknown,
  ): void {
    const c = this.config;
    if (c.validation === 'strict') {
      throw new ContractViolation({
        code: v.code,
        system: c.system,
        operation,
        requestId,
        status,
        pointer: v.pointer,
        rule: v.rule,
        detail: v.detail,
        cause,
      });
    }
    c.logger.warn(
      { system: c.system, operation, requestId, status, code: v.code, pointer: v.pointer, rule: v.rule },
      `response breaks the contract: ${v.detail}`,
    );
  }

  private errorFromResponse(
    res: AxiosResponse<string>,
    op: OperationContract | undefined,
    operation: string,
    requestId: string,
    attempts: number,
    retryAfterMs: number | undefined,
  ): KzProactiveError {
    const status = res.status;
    const mediaType = mediaTypeOf(headerOf(res, 'content-type'));
    let problem: unknown;
    if (isJsonMediaType(mediaType) && typeof res.data === 'string' && res.data !== '') {
      try {
        problem = JSON.parse(res.data);
      } catch {
        problem = undefined;
      }
    }
    const err = errorFromHttp(status, problem, {
      system: this.config.system,
      operation,
      requestId,
      attempts,
      retryAfterMs,
    });
    if (!op || status === 501 || isRetryableStatus(status)) return err;
    // 5xx and 429 come from gateways as much as from the system: only the other statuses must be declared.
    const rc = op.response(status);
    if (!rc) {
      this.violation(
        {
          code: 'UNDECLARED_STATUS',
          pointer: '',
          rule: `status in ${op.declaredStatuses.join(', ')}`,
          detail: `status ${status} is not declared`,
        },
        operation,
        requestId,
        status,
        err,
      );
    } else if (problem !== undefined && this.config.logger.isLevelEnabled('warn')) {
      // An error body that breaks its schema is reported, never thrown: the status already says what happened.
      const v = rc.validate(mediaType, problem);
      if (v) {
        this.config.logger.warn(
          {
            system: this.config.system,
            operation,
            requestId,
            status,
            code: v.code,
            pointer: v.pointer,
            rule: v.rule,
          },
          `error response breaks the contract: ${v.detail}`,
        );
      }
    }
    return err;
  }

  /** One structured line per attempt; nothing personal (the path is the template, never the filled one). */
  private log(
    level: Level,
    req: HttpRequest,
    status: number | undefined,
    durationMs: number,
    attempt: number,
    requestId: string,
    err?: KzProactiveError,
    retryInMs?: number,
  ): void {
    const logger = this.config.logger;
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        system: this.config.system,
        operation: req.operationId,
        method: req.method,
        path: req.path,
        status,
        durationMs,
        attempt,
        requestId,
        retryInMs,
        code: err?.code,
        // The message only (already masked): a stack would point into this file on every line.
        error: err?.message,
      },
      'http call',
    );
  }
}

function breakerOutcome(status: number): BreakerOutcome {
  return status >= 500 && status !== 501 ? 'failure' : 'success';
}

type FailureOutcome = Exclude<AttemptOutcome, { kind: 'status' }> | 'too-large';

/** What an axios rejection means for the policy. */
function classifyFailure(err: unknown): FailureOutcome {
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (
    code === 'ERR_BAD_RESPONSE' &&
    typeof e?.message === 'string' &&
    e.message.includes('maxContentLength')
  ) {
    return 'too-large';
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return { kind: 'timeout' };
  // The connection dropped while the body was arriving: a reset, as far as retrying goes.
  if (code === 'ERR_BAD_RESPONSE' && typeof e?.message === 'string' && e.message.includes('aborted')) {
    return { kind: 'network', code: 'ECONNRESET' };
  }
  const inner = typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return {
    kind: 'network',
    code: code && code.startsWith('E') && !code.startsWith('ERR_') ? code : (inner ?? code ?? 'UNKNOWN'),
  };
}

function buildQuery(query: HttpRequest['query']): string {
  if (query === undefined) return '';
  let out = '';
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      out += `${out === '' ? '?' : '&'}${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`;
    }
  }
  return out;
}
