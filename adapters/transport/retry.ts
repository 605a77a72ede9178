/**
 * The retry policy of every adapter, written down (style.md habit 4). Pure functions: time, randomness and
 * sleeping are passed in, so tests never wait.
 *
 * - Retried outcomes: HTTP 5xx except 501, HTTP 429, connection errors (ECONNRESET, ECONNREFUSED, EPIPE,
 *   ETIMEDOUT and their kin listed in RETRYABLE_NETWORK_CODES) and timeouts.
 * - Never retried: every other 4xx (the same request is refused again), 501 (not implemented stays so), 2xx/3xx,
 *   contract violations, and anything that is not a call (bad input, open circuit).
 * - Only calls that are safe to repeat: methods GET, HEAD, PUT, DELETE, OPTIONS; a call that carries an
 *   Idempotency-Key; a call the adapter marks idempotent because its contract says it is read-only (a search by
 *   POST). Never a plain POST or PATCH.
 * - Backoff: exponential with FULL jitter, delay = random() * min(maxDelayMs, baseDelayMs * 2^retry), retry
 *   counted from 0; so 0 <= delay <= maxDelayMs.
 * - Retry-After (seconds or an HTTP date) replaces the backoff when present, capped at maxRetryAfterMs.
 * - Capped: at most maxAttempts attempts in all, and no retry whose wait would end after maxTotalMs from the
 *   start of the call.
 */

/** The knobs of the policy. */
export interface RetryPolicy {
  /** Attempts in all, the first included (1 disables retries). */
  readonly maxAttempts: number;
  /** Backoff base: the cap of the first retry's delay. */
  readonly baseDelayMs: number;
  /** Cap of any backoff delay. */
  readonly maxDelayMs: number;
  /** No retry is started whose wait would end later than this after the call began. */
  readonly maxTotalMs: number;
  /** A longer Retry-After is cut to this. */
  readonly maxRetryAfterMs: number;
}

/** Defaults: 3 attempts, 100 ms base, 2 s cap, 15 s budget, Retry-After honoured up to 10 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  maxTotalMs: 15_000,
  maxRetryAfterMs: 10_000,
});

/** Methods that are idempotent by HTTP semantics (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Connection-level error codes after which a safe call is retried. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** True for the statuses the policy retries: 429 and every 5xx but 501. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** True when repeating the call cannot do a side effect twice. */
export function isSafeToRetry(method: string, hasIdempotencyKey: boolean, markedIdempotent = false): boolean {
  return hasIdempotencyKey || markedIdempotent || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Full-jitter backoff before retry number `retry` (0 for the first retry): random() * min(cap, base * 2^retry). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in ms: delta-seconds or an HTTP date (relative to `nowMs`);
 * undefined when absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** What an attempt ended with, as far as retrying goes. */
export type AttemptOutcome =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs?: number }
  | { readonly kind: 'network'; readonly code: string }
  | { readonly kind: 'timeout' };

/** Whether to try again, and after how long. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: 'not-retryable' | 'unsafe' | 'attempts' | 'budget' };

/** True when the outcome is one the policy retries (whatever the method). */
export function isRetryableOutcome(outcome: AttemptOutcome): boolean {
  switch (outcome.kind) {
    case 'status':
      return isRetryableStatus(outcome.status);
    case 'network':
      return RETRYABLE_NETWORK_CODES.has(outcome.code);
    case 'timeout':
      return true;
  }
}

/**
 * The decision after attempt number `attempt` (1 for the first) ended with `outcome`.
 * `elapsedMs` is the time since the call began.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  elapsedMs: number,
  safe: boolean,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  if (!isRetryableOutcome(outcome)) return { retry: false, reason: 'not-retryable' };
  if (!safe) return { retry: false, reason: 'unsafe' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts' };
  const asked = outcome.kind === 'status' ? outcome.retryAfterMs : undefined;
  const delayMs =
    asked === undefined ? backoffDelay(attempt - 1, policy, random) : Math.min(asked, policy.maxRetryAfterMs);
  if (elapsedMs + delayMs > policy.maxTotalMs) return { retry: false, reason: 'budget' };
  return { retry: true, delayMs };
}

/**
 * The policy with `overrides` applied.
 * @throws RangeError on an unknown key or a value that is not a finite number in range.
 */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
  if (overrides === undefined) return DEFAULT_RETRY_POLICY;
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_RETRY_POLICY)) {
      throw new RangeError(
        `retry.${key} is not a retry option (${Object.keys(DEFAULT_RETRY_POLICY).join(', ')})`,
      );
    }
  }
  const policy: RetryPolicy = {
    maxAttempts: overrides.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    baseDelayMs: overrides.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: overrides.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    maxTotalMs: overrides.maxTotalMs ?? DEFAULT_RETRY_POLICY.maxTotalMs,
    maxRetryAfterMs: overrides.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
  };
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`retry.${key} must be a finite number >= 0`);
    }
  }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError('retry.maxAttempts must be an integer >= 1');
  }
  return Object.freeze(policy);
}
