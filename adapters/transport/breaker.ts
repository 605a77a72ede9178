import { CircuitOpen } from './errors';

/**
 * A circuit breaker per system. Closed: calls pass; it opens after `failureThreshold` consecutive failures, or
 * when at least `minimumCalls` of the last `windowSize` calls were made and the share of failures among them
 * reaches `failureRate`. Open: calls are refused at once with CircuitOpen until `coolDownMs` have passed on the
 * injected clock. Half-open: one probe call passes (others are refused); its success closes the circuit, its
 * failure opens it again for another cool-down.
 *
 * A failure is what says the system is unwell: 5xx other than 501, a timeout, a connection error. A 4xx is an
 * answer, so a success here; 429 counts as neither (the system is up and asked us to wait).
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

/** The knobs of a breaker. */
export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** Failure share in the window (0..1] that opens the circuit; 1 with the defaults means "all of them". */
  readonly failureRate: number;
  /** Calls the rate is computed over (the most recent ones); 0 disables the rate rule. */
  readonly windowSize: number;
  /** The rate rule applies only once the window holds this many calls. */
  readonly minimumCalls: number;
  /** How long the circuit stays open before a probe is let through. */
  readonly coolDownMs: number;
}

/** Defaults: 5 consecutive failures, or half of the last 20 calls once 10 were made; 30 s cool-down. */
export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = Object.freeze({
  failureThreshold: 5,
  failureRate: 0.5,
  windowSize: 20,
  minimumCalls: 10,
  coolDownMs: 30_000,
});

/** The outcome of a call, for the breaker. */
export type BreakerOutcome = 'success' | 'failure' | 'neutral';

/** A state change, for logging. */
export type BreakerListener = (from: BreakerState, to: BreakerState) => void;

/** One breaker: share one instance between every client of a system. */
export class CircuitBreaker {
  readonly system: string;
  readonly options: BreakerOptions;
  private readonly clock: () => number;
  private current: BreakerState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  /** Ring buffer of the last calls: 1 failure, 0 success. */
  private readonly window: Uint8Array;
  private windowCount = 0;
  private windowFailures = 0;
  private windowNext = 0;
  private readonly listeners: BreakerListener[] = [];

  /** @throws RangeError on an unknown option or a value out of range. */
  constructor(system: string, options: Partial<BreakerOptions> | undefined, clock: () => number) {
    this.system = system;
    this.options = resolveBreakerOptions(options);
    this.clock = clock;
    this.window = new Uint8Array(this.options.windowSize);
  }

  /** The state now (an open circuit whose cool-down has passed reports half-open). */
  get state(): BreakerState {
    if (this.current === 'open' && this.clock() - this.openedAt >= this.options.coolDownMs)
      return 'half-open';
    return this.current;
  }

  /** Calls `listener` on every state change. */
  onStateChange(listener: BreakerListener): void {
    this.listeners.push(listener);
  }

  /**
   * Asks to send a call. Every successful `acquire` must be followed by exactly one `record`.
   * @throws CircuitOpen when the circuit is open, or half-open with its probe already in flight.
   */
  acquire(operation: string, requestId?: string): void {
    if (this.current === 'closed') return;
    if (this.current === 'open') {
      const waited = this.clock() - this.openedAt;
      if (waited < this.options.coolDownMs) {
        throw new CircuitOpen({
          system: this.system,
          operation,
          requestId,
          retryAfterMs: this.options.coolDownMs - waited,
          detail: `retry in ${Math.ceil((this.options.coolDownMs - waited) / 1000)} s`,
        });
      }
      this.transition('half-open');
    }
    if (this.probeInFlight) {
      throw new CircuitOpen({
        system: this.system,
        operation,
        requestId,
        detail: 'a probe call is in flight',
      });
    }
    this.probeInFlight = true;
  }

  /** Records the outcome of an acquired call. */
  record(outcome: BreakerOutcome): void {
    if (this.current === 'half-open') {
      this.probeInFlight = false;
      if (outcome === 'failure') this.open();
      else if (outcome === 'success') this.close();
      return;
    }
    if (outcome === 'neutral') return;
    const failed = outcome === 'failure';
    this.consecutiveFailures = failed ? this.consecutiveFailures + 1 : 0;
    if (this.window.length > 0) this.pushWindow(failed ? 1 : 0);
    if (this.current !== 'closed' || !failed) return;
    if (this.consecutiveFailures >= this.options.failureThreshold) {
      this.open();
    } else if (
      this.window.length > 0 &&
      this.windowCount >= this.options.minimumCalls &&
      this.windowFailures >= this.options.failureRate * this.windowCount
    ) {
      this.open();
    }
  }

  private pushWindow(bit: 0 | 1): void {
    if (this.windowCount === this.window.length) this.windowFailures -= this.window[this.windowNext]!;
    else this.windowCount++;
    this.window[this.windowNext] = bit;
    this.windowFailures += bit;
    this.windowNext = (this.windowNext + 1) % this.window.length;
  }

  private open(): void {
    this.openedAt = this.clock();
    this.transition('open');
  }

  private close(): void {
    this.consecutiveFailures = 0;
    this.windowCount = 0;
    this.windowFailures = 0;
    this.windowNext = 0;
    this.transition('closed');
  }

  private transition(to: BreakerState): void {
    const from = this.current;
    this.current = to;
    if (from !== to) for (const l of this.listeners) l(from, to);
  }
}

/**
 * The options with `overrides` applied.
 * @throws RangeError on an unknown key or a value out of range.
 */
export function resolveBreakerOptions(overrides: Partial<BreakerOptions> | undefined): BreakerOptions {
  if (overrides === undefined) return DEFAULT_BREAKER_OPTIONS;
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_BREAKER_OPTIONS)) {
      throw new RangeError(
        `breaker.${key} is not a breaker option (${Object.keys(DEFAULT_BREAKER_OPTIONS).join(', ')})`,
      );
    }
  }
  const o: BreakerOptions = {
    failureThreshold: overrides.failureThreshold ?? DEFAULT_BREAKER_OPTIONS.failureThreshold,
    failureRate: overrides.failureRate ?? DEFAULT_BREAKER_OPTIONS.failureRate,
    windowSize: overrides.windowSize ?? DEFAULT_BREAKER_OPTIONS.windowSize,
    minimumCalls: overrides.minimumCalls ?? DEFAULT_BREAKER_OPTIONS.minimumCalls,
    coolDownMs: overrides.coolDownMs ?? DEFAULT_BREAKER_OPTIONS.coolDownMs,
  };
  if (!Number.isInteger(o.failureThreshold) || o.failureThreshold < 1) {
    throw new RangeError('breaker.failureThreshold must be an integer >= 1');
  }
  if (!(o.failureRate > 0 && o.failureRate <= 1))
    throw new RangeError('breaker.failureRate must be in (0, 1]');
  if (!Number.isInteger(o.windowSize) || o.windowSize < 0) {
    throw new RangeError('breaker.windowSize must be an integer >= 0');
  }
  if (!Number.isInteger(o.minimumCalls) || o.minimumCalls < 1) {
    throw new RangeError('breaker.minimumCalls must be an integer >= 1');
  }
  if (!(Number.isFinite(o.coolDownMs) && o.coolDownMs >= 0)) {
    throw new RangeError('breaker.coolDownMs must be a finite number >= 0');
  }
  return Object.freeze(o);
}
