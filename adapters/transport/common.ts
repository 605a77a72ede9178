import type { AxiosResponse } from 'axios';
import { CircuitBreaker, type BreakerOptions } from './breaker';
import { BadInput, UpstreamUnavailable, type KzProactiveError } from './errors';
import { resolveRetryPolicy, type RetryPolicy } from './retry';

// What the HTTP and SOAP transports share below their protocols: configuration checks, the retry/breaker
// resolution, the give-up error and header reading. Internal: not exported from the package.

/** The sleep of production: a timer. */
export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A configuration error (INVALID_CONFIG), the caller's to fix. */
export function configError(system: string, detail: string, cause?: unknown): BadInput {
  return new BadInput({ code: 'INVALID_CONFIG', system, operation: 'configure', detail, cause });
}

/**
 * Checks that a transport configuration is an object with only known keys and a system id, and returns the id.
 * @throws BadInput (INVALID_CONFIG).
 */
export function checkConfigShape(config: unknown, keys: ReadonlySet<string>): string {
  const c = config as { system?: unknown } | null | undefined;
  const system = typeof c?.system === 'string' && c.system !== '' ? c.system : 'unknown';
  if (typeof config !== 'object' || config === null) throw configError(system, 'config must be an object');
  for (const key of Object.keys(config)) {
    if (!keys.has(key)) throw configError(system, `unknown key "${key}"`);
  }
  if (system === 'unknown') throw configError(system, 'system is required');
  return system;
}

/** The retry policy and the breaker (given, or one of the transport's own on `clock`). @throws BadInput. */
export function resolveRetryAndBreaker(
  system: string,
  retry: Partial<RetryPolicy> | undefined,
  breaker: CircuitBreaker | Partial<BreakerOptions> | undefined,
  clock: () => number,
): { retry: RetryPolicy; breaker: CircuitBreaker } {
  try {
    return {
      retry: resolveRetryPolicy(retry),
      breaker: breaker instanceof CircuitBreaker ? breaker : new CircuitBreaker(system, breaker, clock),
    };
  } catch (err) {
    throw configError(system, err instanceof Error ? err.message : String(err), err);
  }
}

/** The error after the retries ran out: UpstreamUnavailable, keeping the last error's code and cause. */
export function exhaustedError(last: KzProactiveError, attempts: number): UpstreamUnavailable {
  const code =
    last.code === 'RATE_LIMITED' || last.code === 'CONNECTION_FAILED' ? last.code : 'UPSTREAM_UNAVAILABLE';
  return new UpstreamUnavailable({
    code,
    system: last.system,
    operation: last.operation,
    requestId: last.requestId,
    status: last.status,
    problemCode: last.problemCode,
    attempts,
    retryAfterMs: last.retryAfterMs,
    detail: `gave up after ${attempts} attempts, last: ${last.problemCode ?? last.code}`,
    cause: last,
  });
}

/** A response header as one string (the first, when repeated). */
export function headerOf(res: AxiosResponse, name: string): string | undefined {
  const v: unknown = res.headers[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}
