import { FaultRegistry, containsIin, drawLatency, mulberry32, parseFaultSpec } from './faults';
import { MockProblem } from './problem';

const target = (operationId: string | undefined, text = '') => ({ operationId, text: () => text });

describe('faults', () => {
  it('draws the same probability pattern again from the same seed', () => {
    const pattern = () => {
      const r = new FaultRegistry();
      r.add({ kind: 'error', probability: 0.5, seed: 42 });
      return Array.from({ length: 32 }, () => (r.decide(target('op')).terminal ? 'x' : '.')).join('');
    };
    const first = pattern();
    expect(pattern()).toBe(first);
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
  });

  it('draws lognormal latency around its median, capped', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 2001 }, () =>
      drawLatency({ distribution: 'lognormal', medianMs: 100, sigma: 0.5, maxMs: 1000 }, random),
    ).sort((a, b) => a - b);
    expect(draws[1000]).toBeGreaterThan(85);
    expect(draws[1000]).toBeLessThan(115);
    expect(draws[2000]).toBeLessThanOrEqual(1000);
    const u = mulberry32(1);
    for (let i = 0; i < 100; i++) {
      const d = drawLatency({ distribution: 'uniform', minMs: 10, maxMs: 20 }, u);
      expect(d).toBeGreaterThanOrEqual(10);
      expect(d).toBeLessThan(20);
    }
  });

  it('scopes by operation and IIN, sums latency, applies the first terminal fault and counts down', () => {
    const r = new FaultRegistry();
    r.add({ kind: 'latency', distribution: 'fixed', ms: 5 });
    r.add({ kind: 'latency', distribution: 'fixed', ms: 7, operationId: ['a', 'b'] });
    r.add({ id: 'first', kind: 'error', status: 500, iin: '850312400019', count: 1 });
    r.add({ kind: 'reset', operationId: 'a' });
    expect(r.decide(target('c', '/x'))).toEqual({ delayMs: 5, hits: [expect.stringMatching(/^fault-/)] });
    const hit = r.decide(target('a', '/phones/850312400019'));
    expect(hit.delayMs).toBe(12);
    expect(hit.terminal?.id).toBe('first');
    expect(r.list().map((f) => f.id)).not.toContain('first');
    expect(r.decide(target('a', '/phones/850312400019')).terminal?.kind).toBe('reset');
  });

  it('matches an IIN only as a whole 12-digit run', () => {
    expect(containsIin('{"iins":["850312400019"]}', '850312400019')).toBe(true);
    expect(containsIin('1850312400019', '850312400019')).toBe(false);
    expect(containsIin('8503124000190 850312400019', '850312400019')).toBe(true);
  });

  it('refuses malformed specs with field errors', () => {
    const refuse = (spec: unknown) => {
      try {
        parseFaultSpec(spec);
      } catch (e) {
        expect(e).toBeInstanceOf(MockProblem);
        return (e as MockProblem).errors?.map((x) => x.path);
      }
      throw new Error('accepted');
    };
    expect(refuse({ kind: 'nope' })).toEqual(['body/kind']);
    expect(refuse({ kind: 'error', status: 200, probability: 2 })).toEqual([
      'body/probability',
      'body/status',
    ]);
    expect(refuse({ kind: 'latency', distribution: 'uniform', minMs: 5, maxMs: 1 })).toEqual(['body/maxMs']);
    expect(refuse({ kind: 'reset', iin: '123', count: 0 })).toEqual(['body/iin', 'body/count']);
    expect(refuse([])).toEqual(['body']);
  });
});
