import { CircuitBreaker } from './breaker';
import { CircuitOpen } from './errors';

function setup(options: ConstructorParameters<typeof CircuitBreaker>[1]) {
  let now = 1_000_000;
  const breaker = new CircuitBreaker('mab', options, () => now);
  const changes: string[] = [];
  breaker.onStateChange((from, to) => changes.push(`${from}->${to}`));
  const call = (outcome: 'success' | 'failure' | 'neutral') => {
    breaker.acquire('getPhoneByIin');
    breaker.record(outcome);
  };
  return { breaker, changes, call, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('closed -> open after N consecutive failures -> half-open after the cool-down -> closed on success', () => {
    const { breaker, changes, call, advance } = setup({
      failureThreshold: 3,
      windowSize: 0,
      coolDownMs: 10_000,
    });
    call('failure');
    call('failure');
    call('success'); // resets the count
    call('failure');
    call('failure');
    expect(breaker.state).toBe('closed');
    call('failure');
    expect(breaker.state).toBe('open');

    expect(() => breaker.acquire('getPhoneByIin', 'req-1')).toThrow(CircuitOpen);
    advance(9_999);
    expect(() => breaker.acquire('getPhoneByIin')).toThrow(CircuitOpen);
    advance(1);
    expect(breaker.state).toBe('half-open');
    breaker.acquire('getPhoneByIin'); // the probe
    expect(() => breaker.acquire('getPhoneByIin')).toThrow(/probe/); // one probe at a time
    breaker.record('success');
    expect(breaker.state).toBe('closed');
    call('failure');
    expect(breaker.state).toBe('closed'); // the count started again
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
  });

  it('half-open -> open again when the probe fails, for another full cool-down', () => {
    const { breaker, call, advance } = setup({ failureThreshold: 1, windowSize: 0, coolDownMs: 5_000 });
    call('failure');
    advance(5_000);
    breaker.acquire('getPhoneByIin');
    breaker.record('failure');
    expect(breaker.state).toBe('open');
    advance(4_999);
    expect(() => breaker.acquire('getPhoneByIin')).toThrow(CircuitOpen);
    advance(1);
    expect(breaker.state).toBe('half-open');
  });

  it('the CircuitOpen error carries system, operation, request id and when to come back', () => {
    const { breaker, call, advance } = setup({ failureThreshold: 1, windowSize: 0, coolDownMs: 30_000 });
    call('failure');
    advance(10_000);
    let caught: unknown;
    try {
      breaker.acquire('searchPhones', 'req-9');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CircuitOpen);
    expect(caught).toMatchObject({
      code: 'CIRCUIT_OPEN',
      system: 'mab',
      operation: 'searchPhones',
      requestId: 'req-9',
      retryable: true,
      retryAfterMs: 20_000,
    });
  });

  it('opens on the failure rate over the window once minimumCalls were made', () => {
    const { breaker, call } = setup({
      failureThreshold: 100,
      windowSize: 10,
      minimumCalls: 6,
      failureRate: 0.5,
    });
    for (const o of ['failure', 'success', 'failure', 'success', 'failure'] as const) call(o);
    expect(breaker.state).toBe('closed'); // 3/5 but fewer than 6 calls
    call('success');
    expect(breaker.state).toBe('closed'); // 3/6 on a success: only failures open
    call('failure');
    expect(breaker.state).toBe('open'); // 4/7
  });

  it('neutral outcomes (429) neither open nor reset the count; they free the half-open probe', () => {
    const { breaker, call, advance } = setup({ failureThreshold: 2, windowSize: 0, coolDownMs: 1_000 });
    call('failure');
    call('neutral');
    call('failure');
    expect(breaker.state).toBe('open');
    advance(1_000);
    call('neutral');
    expect(breaker.state).toBe('half-open');
    call('success');
    expect(breaker.state).toBe('closed');
  });

  it('refuses unknown options', () => {
    expect(() => new CircuitBreaker('mab', { threshold: 3 } as never, () => 0)).toThrow(
      /not a breaker option/,
    );
    expect(() => new CircuitBreaker('mab', { failureRate: 0 }, () => 0)).toThrow(RangeError);
  });
});
