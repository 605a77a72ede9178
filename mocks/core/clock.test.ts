import { DEFAULT_START, VirtualClock } from './clock';

describe('VirtualClock', () => {
  it('starts at a fixed instant, not the wall clock, and never moves by itself', () => {
    const clock = new VirtualClock({ wallNow: () => 0 });
    expect(clock.now().toISOString()).toBe(new Date(DEFAULT_START).toISOString());
    expect(clock.astanaDateTime()).toBe('2025-09-01T09:00:00+05:00');
    expect(clock.now().getTime()).toBe(clock.now().getTime());
    expect(clock.wallNow().getTime()).toBe(0);
  });

  it('gives Astana dates across the UTC midnight and the 2024 switch to UTC+5', () => {
    const clock = new VirtualClock({ start: '2025-09-01T20:30:00Z' });
    expect(clock.astanaDate()).toBe('2025-09-02');
    expect(clock.astanaTime()).toBe('01:30');
    clock.set('2024-02-29T17:30:00Z');
    expect(clock.astanaDateTime()).toBe('2024-02-29T23:30:00+06:00');
    clock.setAstana('2025-09-15', '14:10');
    expect(clock.now().toISOString()).toBe('2025-09-15T09:10:00.000Z');
  });

  it('fires due timers in order as it advances, each seeing its own due time', () => {
    const clock = new VirtualClock({ start: '2025-09-01T00:00:00Z' });
    const seen: string[] = [];
    clock.after(2 * 3_600_000, (now) => seen.push(`reminder ${now.toISOString()}`), 'reminder');
    clock.after(3_600_000, (now) => {
      seen.push(`reply ${now.toISOString()}`);
      // A timer set by a timer, due before the target, fires in the same move.
      clock.after(60_000, () => seen.push(`ack ${clock.now().toISOString()}`));
    });
    const late = clock.after(5 * 3_600_000, () => seen.push('late'));
    const move = clock.advance(3 * 3_600_000);
    expect(seen).toEqual([
      'reply 2025-09-01T01:00:00.000Z',
      'ack 2025-09-01T01:01:00.000Z',
      'reminder 2025-09-01T02:00:00.000Z',
    ]);
    expect(move.fired).toBe(3);
    expect(clock.now().toISOString()).toBe('2025-09-01T03:00:00.000Z');
    expect(clock.pending()).toEqual([{ id: late.id, dueAt: '2025-09-01T05:00:00.000Z', label: 'timer' }]);
    expect(late.cancel()).toBe(true);
    expect(clock.advance(10 * 3_600_000).fired).toBe(0);
  });

  it('fires timers at the same instant in the order they were set, and none when set backwards', () => {
    const clock = new VirtualClock({ start: 0 });
    const seen: number[] = [];
    clock.schedule(1000, () => seen.push(1));
    clock.schedule(1000, () => seen.push(2));
    clock.set(-5000);
    expect(seen).toEqual([]);
    clock.set(1000);
    expect(seen).toEqual([1, 2]);
  });

  it('reports failing timers to onError without breaking the move, and settles async ones', async () => {
    const errors: string[] = [];
    const clock = new VirtualClock({
      start: 0,
      onError: (e, label) => errors.push(`${label}: ${(e as Error).message}`),
    });
    let done = false;
    clock.schedule(
      10,
      () => {
        throw new Error('sync boom');
      },
      'sync',
    );
    clock.schedule(20, async () => {
      await new Promise((r) => setImmediate(r));
      done = true;
    });
    clock.schedule(30, () => Promise.reject(new Error('async boom')), 'async');
    expect(clock.advance(100).fired).toBe(3);
    await clock.settle();
    expect(done).toBe(true);
    expect(errors).toEqual(['sync: sync boom', 'async: async boom']);
  });

  it('notifies listeners of every move and resets to its start without timers', () => {
    const clock = new VirtualClock({ start: 0 });
    const moves: [number, number][] = [];
    const off = clock.onChange((now, previous) => moves.push([previous.getTime(), now.getTime()]));
    clock.advance(5);
    clock.schedule(100, () => undefined);
    clock.reset();
    off();
    clock.advance(7);
    expect(moves).toEqual([
      [0, 5],
      [5, 0],
    ]);
    expect(clock.pending()).toEqual([]);
  });

  it('refuses invalid instants and negative moves', () => {
    const clock = new VirtualClock();
    expect(() => clock.set('not a date')).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => new VirtualClock({ start: Number.NaN })).toThrow(RangeError);
  });
});
