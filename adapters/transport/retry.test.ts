import fc from 'fast-check';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  decideRetry,
  isRetryableStatus,
  isSafeToRetry,
  parseRetryAfter,
  resolveRetryPolicy,
  type RetryPolicy,
} from './retry';

const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxTotalMs: 10_000,
  maxRetryAfterMs: 5_000,
};
const half = () => 0.5;

describe('retry policy: statuses', () => {
  it.each([500, 502, 503, 504, 599, 429])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([200, 201, 204, 301, 302, 400, 401, 403, 404, 408, 409, 410, 422, 501])(
    'never retries %i',
    (status) => {
      expect(isRetryableStatus(status)).toBe(false);
      expect(decideRetry({ kind: 'status', status }, 1, 0, true, policy, half)).toEqual({
        retry: false,
        reason: 'not-retryable',
      });
    },
  );

  it.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])('retries the connection error %s', (code) => {
    expect(decideRetry({ kind: 'network', code }, 1, 0, true, policy, half).retry).toBe(true);
  });

  it('retries a timeout but not an unknown network failure', () => {
    expect(decideRetry({ kind: 'timeout' }, 1, 0, true, policy, half).retry).toBe(true);
    expect(decideRetry({ kind: 'network', code: 'ENOTFOUND' }, 1, 0, true, policy, half).retry).toBe(false);
  });
});

describe('retry policy: methods', () => {
  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])('%s is safe to retry', (m) => {
    expect(isSafeToRetry(m, false)).toBe(true);
  });

  it('a plain POST or PATCH is never retried, one with an Idempotency-Key or marked read-only is', () => {
    expect(isSafeToRetry('POST', false)).toBe(false);
    expect(isSafeToRetry('PATCH', false)).toBe(false);
    expect(decideRetry({ kind: 'status', status: 503 }, 1, 0, false, policy, half)).toEqual({
      retry: false,
      reason: 'unsafe',
    });
    expect(isSafeToRetry('POST', true)).toBe(true);
    expect(isSafeToRetry('POST', false, true)).toBe(true);
  });
});

describe('retry policy: backoff', () => {
  it('full jitter stays within 0 and min(cap, base * 2^retry) for any random in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        (retry, r, baseDelayMs, maxDelayMs) => {
          const p = { ...policy, baseDelayMs, maxDelayMs };
          const d = backoffDelay(retry, p, () => r);
          return d >= 0 && d <= maxDelayMs && d <= baseDelayMs * 2 ** retry;
        },
      ),
    );
  });

  it('grows exponentially until the cap', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, top))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('stops at maxAttempts', () => {
    const o = { kind: 'status', status: 503 } as const;
    expect(decideRetry(o, 3, 0, true, policy, half).retry).toBe(true);
    expect(decideRetry(o, 4, 0, true, policy, half)).toEqual({ retry: false, reason: 'attempts' });
  });

  it('does not start a retry whose wait would end after maxTotalMs', () => {
    const o = { kind: 'status', status: 503, retryAfterMs: 2_000 } as const;
    expect(decideRetry(o, 1, 8_000, true, policy, half)).toEqual({ retry: true, delayMs: 2_000 });
    expect(decideRetry(o, 1, 8_001, true, policy, half)).toEqual({ retry: false, reason: 'budget' });
  });
});

describe('retry policy: Retry-After', () => {
  const now = Date.parse('2025-09-07T05:00:00Z');

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Sun, 07 Sep 2025 05:00:04 GMT', now)).toBe(4_000);
    expect(parseRetryAfter('Sun, 07 Sep 2025 04:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('replaces the backoff and is capped at maxRetryAfterMs', () => {
    expect(
      decideRetry({ kind: 'status', status: 429, retryAfterMs: 3_000 }, 1, 0, true, policy, half),
    ).toEqual({
      retry: true,
      delayMs: 3_000,
    });
    expect(
      decideRetry({ kind: 'status', status: 503, retryAfterMs: 3_600_000 }, 1, 0, true, policy, half),
    ).toEqual({
      retry: true,
      delayMs: 5_000,
    });
  });
});

describe('resolveRetryPolicy', () => {
  it('applies overrides over the defaults and refuses unknown keys and bad values', () => {
    expect(resolveRetryPolicy(undefined)).toBe(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy({ maxAttempts: 1 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 1 });
    expect(() => resolveRetryPolicy({ attempts: 2 } as never)).toThrow(
      /retry.attempts is not a retry option/,
    );
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ baseDelayMs: Number.NaN })).toThrow(RangeError);
  });
});
