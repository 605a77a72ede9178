import { maskPersonalData } from '../../src/domain/mask';

/**
 * Typed errors of every adapter: one base class, one registry of stable codes, one factory from an HTTP status
 * and its problem+json body (RFC 9457) to a subclass. Messages are masked with `maskPersonalData` when the error
 * is built, so an error can be logged or shown without leaking an IIN, a phone, a name or an IBAN.
 */

/** Whose fault an error is: what the caller has to change, if anything. */
export type Fault = 'caller' | 'configuration' | 'upstream' | 'network' | 'contract';

/** The subclasses, by name; the registry says which one a code is thrown as. */
export type ErrorKind =
  | 'BadInput'
  | 'Unauthorized'
  | 'ConsentMissing'
  | 'NotFound'
  | 'Conflict'
  | 'BusinessRuleViolation'
  | 'Timeout'
  | 'UpstreamUnavailable'
  | 'CircuitOpen'
  | 'ContractViolation';

/** One entry of the registry. */
export interface ErrorCodeInfo {
  readonly kind: ErrorKind;
  /** What happened, in one sentence; the start of the error message. */
  readonly meaning: string;
  /** True when the same call may succeed later without any change (after a wait). */
  readonly retryable: boolean;
  readonly fault: Fault;
  /** What to do about it. */
  readonly hint: string;
}

/**
 * The registry: every code an adapter throws, with its meaning, retryability, whose fault it is and a fix hint.
 * Codes are stable: callers branch on them, so a code is never renamed or reused for another meaning.
 */
export const ERROR_CODES = {
  BAD_INPUT: {
    kind: 'BadInput',
    meaning: 'The request was refused as malformed',
    retryable: false,
    fault: 'caller',
    hint: 'Fix the argument named in the message; the system will refuse the same request again.',
  },
  INVALID_CONFIG: {
    kind: 'BadInput',
    meaning: 'The adapter configuration is invalid',
    retryable: false,
    fault: 'configuration',
    hint: 'Fix the configuration key named in the message (see the adapter README for the accepted keys).',
  },
  UNAUTHORIZED: {
    kind: 'Unauthorized',
    meaning: 'The system refused the credentials',
    retryable: false,
    fault: 'configuration',
    hint: 'Check the bearer token in the adapter configuration: missing, expired or issued for another system.',
  },
  FORBIDDEN: {
    kind: 'Unauthorized',
    meaning: 'The system refused access to this operation',
    retryable: false,
    fault: 'configuration',
    hint: 'Ask the system operator to grant the calling system access to this operation.',
  },
  CONSENT_MISSING: {
    kind: 'ConsentMissing',
    meaning: 'The person has not given the consent this call needs',
    retryable: false,
    fault: 'caller',
    hint: 'Obtain the consent of the person (consent service) and pass its token with the call.',
  },
  NOT_FOUND: {
    kind: 'NotFound',
    meaning: 'The system has no such record',
    retryable: false,
    fault: 'caller',
    hint: 'Check the identifier; if it is right, the system holds no record for it.',
  },
  CONFLICT: {
    kind: 'Conflict',
    meaning: 'The call conflicts with the state of the system or reuses an idempotency key with another body',
    retryable: false,
    fault: 'caller',
    hint: 'Read the current state before retrying; reuse an Idempotency-Key only with the same body.',
  },
  BUSINESS_RULE: {
    kind: 'BusinessRuleViolation',
    meaning: 'The system refused the call under one of its business rules',
    retryable: false,
    fault: 'caller',
    hint: "Branch on `problemCode`, the system's own code of the rule; the call will be refused again as it is.",
  },
  TIMEOUT: {
    kind: 'Timeout',
    meaning: 'The system did not answer in time',
    retryable: true,
    fault: 'network',
    hint: 'Retry later; raise `timeoutMs` only if the system is known to be slow for this operation.',
  },
  UPSTREAM_UNAVAILABLE: {
    kind: 'UpstreamUnavailable',
    meaning: 'The system is unavailable',
    retryable: true,
    fault: 'upstream',
    hint: 'Retry later (the transport already retried what was safe to retry); tell the operator if it persists.',
  },
  CONNECTION_FAILED: {
    kind: 'UpstreamUnavailable',
    meaning: 'The connection to the system failed',
    retryable: true,
    fault: 'network',
    hint: 'Check `baseUrl` and the network path to the system; retry later.',
  },
  RATE_LIMITED: {
    kind: 'UpstreamUnavailable',
    meaning: 'The system is rate limiting the caller',
    retryable: true,
    fault: 'upstream',
    hint: 'Slow down: fewer calls in flight, or wait for the time the system asked (Retry-After).',
  },
  NOT_IMPLEMENTED: {
    kind: 'UpstreamUnavailable',
    meaning: 'The system does not implement this operation',
    retryable: false,
    fault: 'upstream',
    hint: 'The deployed system lacks this operation; check its version against the contract.',
  },
  CIRCUIT_OPEN: {
    kind: 'CircuitOpen',
    meaning: 'The circuit breaker of the system is open after repeated failures; the call was not sent',
    retryable: true,
    fault: 'upstream',
    hint: 'Wait for the cool-down (`breaker.coolDownMs`); one probe call then decides whether the system is back.',
  },
  CONTRACT_VIOLATION: {
    kind: 'ContractViolation',
    meaning: 'The response breaks the contract',
    retryable: false,
    fault: 'contract',
    hint: 'Compare the system with contracts/<system>/openapi.yaml; report it to the operator, or set validation to "report" in production to accept it with a warning.',
  },
  UNDECLARED_STATUS: {
    kind: 'ContractViolation',
    meaning: 'The response status is not one the contract declares',
    retryable: false,
    fault: 'contract',
    hint: 'The system answered with a status the contract does not list; compare the system with its contract.',
  },
  NOT_JSON: {
    kind: 'ContractViolation',
    meaning: 'The response is not the JSON the contract declares',
    retryable: false,
    fault: 'contract',
    hint: 'Often a proxy or gateway error page: check `baseUrl` and what answers there.',
  },
  RESPONSE_TOO_LARGE: {
    kind: 'ContractViolation',
    meaning: 'The response is larger than the configured limit',
    retryable: false,
    fault: 'upstream',
    hint: 'Raise `maxResponseBytes` if such a response is legitimate (or page the request).',
  },
  REDIRECT_REFUSED: {
    kind: 'ContractViolation',
    meaning: 'The system answered with a redirect, which the transport never follows',
    retryable: false,
    fault: 'configuration',
    hint: 'Point `baseUrl` at the final address (scheme, host and path prefix) instead of one that redirects.',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

/** A stable error code of the registry. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Where an error happened; every error carries it. */
export interface ErrorContext {
  readonly system: string;
  readonly operation: string;
  readonly requestId?: string;
}

/** What builds an error: its context plus optional details. */
export interface ErrorInit extends ErrorContext {
  /** A code of the registry; defaults to the subclass's own code. */
  readonly code?: ErrorCode;
  /** More detail after the meaning; masked before it becomes part of the message. */
  readonly detail?: string;
  readonly status?: number;
  readonly cause?: unknown;
  /** The `code` of the problem+json body, the system's own code. */
  readonly problemCode?: string;
  /** The `type` of the problem+json body. */
  readonly problemType?: string;
  /** How many attempts were made before giving up. */
  readonly attempts?: number;
  /** The wait the system asked for (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
}

/** The base of every adapter error: a stable code, where it happened, whose fault, whether to retry, a fix hint. */
export class KzProactiveError extends Error {
  override readonly name: string = 'KzProactiveError';
  readonly code: ErrorCode;
  readonly system: string;
  readonly operation: string;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly fault: Fault;
  readonly hint: string;
  readonly status: number | undefined;
  readonly problemCode: string | undefined;
  readonly problemType: string | undefined;
  readonly attempts: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ErrorInit & { code: ErrorCode }) {
    const info: ErrorCodeInfo = ERROR_CODES[init.code];
    super(
      buildMessage(info.meaning, init),
      init.cause === undefined ? undefined : { cause: sanitizeCause(init.cause) },
    );
    this.code = init.code;
    this.system = init.system;
    this.operation = init.operation;
    this.requestId = init.requestId;
    this.retryable = info.retryable;
    this.fault = info.fault;
    this.hint = info.hint;
    this.status = init.status;
    this.problemCode = init.problemCode;
    this.problemType = init.problemType;
    this.attempts = init.attempts;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** A plain, masked view for logs and API answers (no cause, no stack). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      system: this.system,
      operation: this.operation,
      requestId: this.requestId,
      status: this.status,
      retryable: this.retryable,
      fault: this.fault,
      hint: this.hint,
      problemCode: this.problemCode,
      attempts: this.attempts,
    };
  }
}

function buildMessage(meaning: string, init: ErrorInit): string {
  let text = `${init.system} ${init.operation}: ${meaning}`;
  if (init.detail) text += `: ${init.detail}`;
  if (init.status !== undefined) text += ` (HTTP ${init.status})`;
  return maskPersonalData(text);
}

/**
 * Keeps a cause's name, code and masked message, and drops the rest: an axios error carries the request config
 * (URL with an IIN, the Authorization header) that must never reach a log through `err.cause`.
 */
function sanitizeCause(cause: unknown): unknown {
  if (cause instanceof KzProactiveError) return cause;
  if (cause instanceof Error) {
    const safe = new Error(maskPersonalData(cause.message));
    safe.name = cause.name;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') (safe as Error & { code?: string }).code = code;
    safe.stack = `${safe.name}: ${safe.message}`;
    return safe;
  }
  return maskPersonalData(String(cause));
}

type Init<C extends ErrorCode = ErrorCode> = ErrorInit & { code?: C };
type CodesOf<K extends ErrorKind> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['kind'] extends K ? C : never;
}[ErrorCode];

/** The request or the configuration is malformed (HTTP 400, 413, 415 and other 4xx without a meaning of their own). */
export class BadInput extends KzProactiveError {
  override readonly name = 'BadInput';
  constructor(init: Init<CodesOf<'BadInput'>>) {
    super({ ...init, code: init.code ?? 'BAD_INPUT' });
  }
}

/** The credentials were refused (HTTP 401) or the caller may not call this operation (HTTP 403). */
export class Unauthorized extends KzProactiveError {
  override readonly name = 'Unauthorized';
  constructor(init: Init<CodesOf<'Unauthorized'>>) {
    super({ ...init, code: init.code ?? 'UNAUTHORIZED' });
  }
}

/** The person's consent is missing (a problem with code CONSENT_MISSING or CONSENT_REQUIRED). */
export class ConsentMissing extends KzProactiveError {
  override readonly name = 'ConsentMissing';
  constructor(init: Init<CodesOf<'ConsentMissing'>>) {
    super({ ...init, code: init.code ?? 'CONSENT_MISSING' });
  }
}

/** The system has no such record (HTTP 404, 410). */
export class NotFound extends KzProactiveError {
  override readonly name = 'NotFound';
  constructor(init: Init<CodesOf<'NotFound'>>) {
    super({ ...init, code: init.code ?? 'NOT_FOUND' });
  }
}

/** The call conflicts with the system's state or reuses an idempotency key (HTTP 409). */
export class Conflict extends KzProactiveError {
  override readonly name = 'Conflict';
  constructor(init: Init<CodesOf<'Conflict'>>) {
    super({ ...init, code: init.code ?? 'CONFLICT' });
  }
}

/** A business rule of the system refused the call (HTTP 422); `problemCode` names the rule. */
export class BusinessRuleViolation extends KzProactiveError {
  override readonly name = 'BusinessRuleViolation';
  constructor(init: Init<CodesOf<'BusinessRuleViolation'>>) {
    super({ ...init, code: init.code ?? 'BUSINESS_RULE' });
  }
}

/** The system did not answer within `timeoutMs` (one attempt, not retried). */
export class Timeout extends KzProactiveError {
  override readonly name = 'Timeout';
  constructor(init: Init<CodesOf<'Timeout'>>) {
    super({ ...init, code: init.code ?? 'TIMEOUT' });
  }
}

/** The system is unavailable: 5xx, 429 or connection failures, after the retries the policy allows. */
export class UpstreamUnavailable extends KzProactiveError {
  override readonly name = 'UpstreamUnavailable';
  constructor(init: Init<CodesOf<'UpstreamUnavailable'>>) {
    super({ ...init, code: init.code ?? 'UPSTREAM_UNAVAILABLE' });
  }
}

/** The circuit breaker of the system is open; the call was not sent. */
export class CircuitOpen extends KzProactiveError {
  override readonly name = 'CircuitOpen';
  constructor(init: Init<CodesOf<'CircuitOpen'>>) {
    super({ ...init, code: init.code ?? 'CIRCUIT_OPEN' });
  }
}

/** What a {@link ContractViolation} adds: where in the response and which rule of the contract. */
export interface ContractViolationInit extends Init<CodesOf<'ContractViolation'>> {
  /** JSON pointer into the response body of the offending field ('' for the whole body). */
  readonly pointer?: string;
  /** The contract rule that failed, e.g. `pattern ^\+77[0-9]{9}$` or `required`. */
  readonly rule?: string;
}

/** The response breaks the contract; `pointer` names the field and `rule` the rule it breaks. */
export class ContractViolation extends KzProactiveError {
  override readonly name = 'ContractViolation';
  readonly pointer: string;
  readonly rule: string;

  constructor(init: ContractViolationInit) {
    super({ ...init, code: init.code ?? 'CONTRACT_VIOLATION' });
    this.pointer = init.pointer ?? '';
    this.rule = init.rule ?? '';
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), pointer: this.pointer, rule: this.rule };
  }
}

const CLASSES: {
  readonly [K in ErrorKind]: new (init: ErrorInit & { code: ErrorCode }) => KzProactiveError;
} = {
  BadInput: BadInput as never,
  Unauthorized: Unauthorized as never,
  ConsentMissing: ConsentMissing as never,
  NotFound: NotFound as never,
  Conflict: Conflict as never,
  BusinessRuleViolation: BusinessRuleViolation as never,
  Timeout: Timeout as never,
  UpstreamUnavailable: UpstreamUnavailable as never,
  CircuitOpen: CircuitOpen as never,
  ContractViolation: ContractViolation as never,
};

/** Builds the subclass that the registry assigns to `code`. */
export function errorForCode(code: ErrorCode, init: ErrorInit): KzProactiveError {
  return new CLASSES[ERROR_CODES[code].kind]({ ...init, code });
}

/** The fields of an RFC 9457 problem that the factory reads. */
export interface ProblemLike {
  readonly type?: unknown;
  readonly title?: unknown;
  readonly detail?: unknown;
  readonly code?: unknown;
  readonly errors?: unknown;
}

const CONSENT_CODES = new Set(['CONSENT_MISSING', 'CONSENT_REQUIRED']);

/** The registry code for an HTTP error status and its problem body (which can refine it, e.g. consent). */
export function codeForStatus(status: number, problem?: ProblemLike): ErrorCode {
  const problemCode = typeof problem?.code === 'string' ? problem.code : undefined;
  const type = typeof problem?.type === 'string' ? problem.type : '';
  if (
    (problemCode !== undefined && CONSENT_CODES.has(problemCode)) ||
    /\/consent-(missing|required)$/.test(type)
  ) {
    return 'CONSENT_MISSING';
  }
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
    case 410:
      return 'NOT_FOUND';
    case 408:
      return 'TIMEOUT';
    case 409:
      return 'CONFLICT';
    case 422:
      return 'BUSINESS_RULE';
    case 429:
      return 'RATE_LIMITED';
    case 501:
      return 'NOT_IMPLEMENTED';
    case 504:
      return 'TIMEOUT';
    default:
      return status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_INPUT';
  }
}

/**
 * The factory: the typed error for an HTTP error status and its (already parsed) problem+json body.
 * Only structure from the problem reaches the message: its `code` and the JSON pointers of its field errors
 * (masked). Its free text (`detail`, `title`, error messages) never does: an upstream system may write a person's
 * name there, and no masking can find a name in free text. The `code` becomes `problemCode`.
 */
export function errorFromHttp(
  status: number,
  problem: unknown,
  context: ErrorContext & Pick<ErrorInit, 'attempts' | 'retryAfterMs' | 'cause'>,
): KzProactiveError {
  const p = isObject(problem) ? (problem as ProblemLike) : undefined;
  const problemCode = typeof p?.code === 'string' ? truncate(p.code, 100) : undefined;
  const fields = Array.isArray(p?.errors)
    ? p.errors
        .map((e) => (isObject(e) && typeof e.path === 'string' ? truncate(e.path, 100) : undefined))
        .filter((x): x is string => x !== undefined)
        .slice(0, 5)
    : [];
  const detail = [problemCode, fields.length > 0 ? `fields ${fields.join(', ')}` : undefined]
    .filter(Boolean)
    .join(' at ');
  return errorForCode(codeForStatus(status, p), {
    ...context,
    status,
    detail: detail === '' ? undefined : detail,
    problemCode,
    problemType: typeof p?.type === 'string' ? truncate(p.type, 300) : undefined,
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}
