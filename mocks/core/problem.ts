import { maskPersonalData } from '../../src/domain/mask';

/** One field-level error of a problem: where (`body/iins/0`, `path/iin`, `header/idempotency-key`) and what. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An RFC 9457 problem body as every mock writes it (`application/problem+json`). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_TYPE_BASE = 'https://kz-proactive.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem type URI of a code: `NOT_FOUND` → `https://kz-proactive.dev/problems/not-found`. */
export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

/** Default code and title of a status, as the contracts' common responses name them. */
const BY_STATUS: Readonly<Record<number, { code: string; title: string }>> = {
  400: { code: 'VALIDATION', title: 'Request validation failed' },
  401: { code: 'UNAUTHORIZED', title: 'Unauthorized' },
  403: { code: 'FORBIDDEN', title: 'Forbidden' },
  404: { code: 'NOT_FOUND', title: 'Not found' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method not allowed' },
  406: { code: 'NOT_ACCEPTABLE', title: 'Not acceptable' },
  409: { code: 'CONFLICT', title: 'Conflict' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported media type' },
  422: { code: 'UNPROCESSABLE', title: 'Unprocessable request' },
  429: { code: 'RATE_LIMITED', title: 'Too many requests' },
  500: { code: 'INTERNAL', title: 'Internal error' },
  502: { code: 'BAD_GATEWAY', title: 'Bad gateway' },
  503: { code: 'UNAVAILABLE', title: 'Service unavailable' },
  504: { code: 'GATEWAY_TIMEOUT', title: 'Gateway timeout' },
};

/** Default code and title for an HTTP status. */
export function defaultsForStatus(status: number): { code: string; title: string } {
  return BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500]! : { code: 'ERROR', title: 'Request failed' });
}

/** Options of {@link MockProblem}. */
export interface MockProblemOptions {
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly instance?: string;
}

/**
 * The error a mock handler throws to answer with a problem: the framework turns it into problem+json with the
 * request id, masking every string. Anything else thrown becomes a 500 problem.
 */
export class MockProblem extends Error {
  override readonly name = 'MockProblem';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly headers: Readonly<Record<string, string>>;
  readonly instance?: string;

  constructor(status: number, options: MockProblemOptions = {}) {
    const defaults = defaultsForStatus(status);
    super(options.detail ?? options.title ?? defaults.title);
    this.status = status;
    this.code = options.code ?? defaults.code;
    this.title = options.title ?? defaults.title;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.errors !== undefined) this.errors = options.errors;
    if (options.instance !== undefined) this.instance = options.instance;
    this.headers = options.headers ?? {};
  }

  /** 400 VALIDATION with field errors. */
  static validation(errors: readonly FieldError[], detail?: string): MockProblem {
    return new MockProblem(400, {
      errors,
      detail: detail ?? errors.map((e) => `${e.path} ${e.message}`).join('; '),
    });
  }

  /** 404 NOT_FOUND. */
  static notFound(detail?: string): MockProblem {
    return new MockProblem(404, detail === undefined ? {} : { detail });
  }

  /** 409 with a specific code. */
  static conflict(code: string, detail: string): MockProblem {
    return new MockProblem(409, { code, detail });
  }

  /** 503 UNAVAILABLE with Retry-After. */
  static unavailable(retryAfterSeconds = 1, detail?: string): MockProblem {
    return new MockProblem(503, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
      ...(detail === undefined ? {} : { detail }),
    });
  }

  /** The problem body, masked, with the request id. */
  toBody(requestId?: string): ProblemBody {
    return problemBody(this.status, {
      code: this.code,
      title: this.title,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      ...(this.instance === undefined ? {} : { instance: this.instance }),
      ...(requestId === undefined ? {} : { requestId }),
    });
  }
}

const MAX_FIELD_ERRORS = 20;
const MAX_TEXT = 500;

function clean(text: string): string {
  const masked = maskPersonalData(text);
  return masked.length > MAX_TEXT ? `${masked.slice(0, MAX_TEXT)}…` : masked;
}

/** Builds a masked problem body; `errors` is capped at 20 entries. */
export function problemBody(
  status: number,
  options: Omit<MockProblemOptions, 'headers'> & { requestId?: string } = {},
): ProblemBody {
  const defaults = defaultsForStatus(status);
  const code = options.code ?? defaults.code;
  const body: ProblemBody = {
    type: problemType(code),
    title: clean(options.title ?? defaults.title),
    status,
    code,
  };
  if (options.detail !== undefined) body.detail = clean(options.detail);
  if (options.instance !== undefined) body.instance = clean(options.instance);
  if (options.requestId !== undefined) body.requestId = options.requestId;
  if (options.errors !== undefined && options.errors.length > 0) {
    body.errors = options.errors
      .slice(0, MAX_FIELD_ERRORS)
      .map((e) => ({ path: clean(e.path), message: clean(e.message) }));
  }
  return body;
}
