import { astanaInstant, toAstanaDate, toAstanaDateTime, toAstanaTime } from '../../src/domain/time';

/**
 * The virtual clock that every mock shares. It never moves by itself: tests, the demo and `/__admin/clock` set
 * it or advance it, and timers registered by the mocks (deadlines, a simulated citizen's SMS reply at 14:10)
 * fire, in order of their due time, as it passes them. The wall clock is read only by `wallNow`, for the journal.
 */

/** What a mock reads the time from: the instant now, in the simulated world. */
export interface Clock {
  now(): Date;
}

/** A timer registered on the virtual clock. */
export interface VirtualTimer {
  readonly id: number;
  readonly dueAt: Date;
  readonly label: string;
  /** Removes the timer; true when it was still pending. */
  cancel(): boolean;
}

/** Called after every move of the clock, with the new and the previous instant. */
export type ClockListener = (now: Date, previous: Date) => void;

/** Options of {@link VirtualClock}. */
export interface VirtualClockOptions {
  /** First instant (Date, ISO string or epoch ms); default {@link DEFAULT_START}. */
  readonly start?: Date | string | number;
  /** The real time in epoch ms, used only to stamp journal entries; default `Date.now`. */
  readonly wallNow?: () => number;
  /** Receives errors thrown (or rejected) by timer callbacks and listeners; default: ignored. */
  readonly onError?: (error: unknown, label: string) => void;
}

/**
 * The default start of the virtual clock: 1 September 2025, 09:00 in Astana, a Monday and a working day (the start
 * of the school year, so the meals flows have a month to run in). A fixed instant, not the wall clock, so that
 * runs repeat.
 */
export const DEFAULT_START = '2025-09-01T09:00:00+05:00';

/** What one move of the clock did. */
export interface ClockMove {
  readonly now: Date;
  readonly previous: Date;
  /** Timers fired by this move. */
  readonly fired: number;
}

interface PendingTimer {
  readonly id: number;
  readonly dueMs: number;
  readonly label: string;
  readonly fn: (now: Date) => unknown;
}

/** Safety net: a timer that keeps re-arming itself at the current instant would otherwise spin forever. */
const MAX_FIRES_PER_MOVE = 1_000_000;

function toMs(value: Date | string | number, what: string): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid instant`);
  return ms;
}

/** One shared virtual clock; see the module comment. */
export class VirtualClock implements Clock {
  private currentMs: number;
  private readonly startMs: number;
  private readonly wall: () => number;
  private readonly onError: (error: unknown, label: string) => void;
  private timers: PendingTimer[] = [];
  private nextId = 1;
  private readonly listeners = new Set<ClockListener>();
  private readonly inFlight = new Set<Promise<unknown>>();

  /** @throws RangeError when `start` is not a valid instant. */
  constructor(options: VirtualClockOptions = {}) {
    this.startMs = toMs(options.start ?? DEFAULT_START, 'start');
    this.currentMs = this.startMs;
    this.wall = options.wallNow ?? (() => Date.now());
    this.onError = options.onError ?? (() => undefined);
  }

  /** The virtual instant now (a fresh Date each call). */
  now(): Date {
    return new Date(this.currentMs);
  }

  /** The virtual instant now, in epoch ms. */
  nowMs(): number {
    return this.currentMs;
  }

  /** The real time, for journal stamps only; never use it in a mock's rules. */
  wallNow(): Date {
    return new Date(this.wall());
  }

  /** Today's date in Astana, 'YYYY-MM-DD'. */
  astanaDate(): string {
    return toAstanaDate(this.now());
  }

  /** The Astana wall-clock time now, 'HH:mm'. */
  astanaTime(): string {
    return toAstanaTime(this.now());
  }

  /** Now as an ISO date-time with Astana's offset, e.g. '2025-09-01T09:00:00+05:00'. */
  astanaDateTime(): string {
    return toAstanaDateTime(this.now());
  }

  /**
   * Moves the clock to `instant`. Forward, it fires every timer due up to it, each with the clock showing its due
   * time; backward (allowed, e.g. to replay a day), it fires nothing and pending timers wait for the clock again.
   * @throws RangeError when `instant` is not a valid instant.
   */
  set(instant: Date | string | number): ClockMove {
    return this.moveTo(toMs(instant, 'instant'));
  }

  /**
   * Moves the clock forward by `ms` milliseconds, firing due timers on the way.
   * @throws RangeError when `ms` is negative or not finite.
   */
  advance(ms: number): ClockMove {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('advance takes a finite, non-negative number of ms');
    return this.moveTo(this.currentMs + ms);
  }

  /**
   * Sets the clock to a wall-clock time in Astana, e.g. `setAstana('2025-09-15', '14:10')`.
   * @throws DomainValidationError for a bad date or time.
   */
  setAstana(date: string, time = '00:00'): ClockMove {
    return this.moveTo(astanaInstant(date, time).getTime());
  }

  /** Back to the start instant, with every timer removed (listeners stay). */
  reset(): void {
    this.timers = [];
    const previous = this.currentMs;
    this.currentMs = this.startMs;
    this.notify(previous);
  }

  /**
   * Runs `fn` when the clock reaches `at` (at once on the next move if `at` is already past). A returned promise
   * is tracked by {@link settle}; a throw or rejection goes to `onError`, never to the code that moved the clock.
   * @throws RangeError when `at` is not a valid instant.
   */
  schedule(at: Date | string | number, fn: (now: Date) => unknown, label = 'timer'): VirtualTimer {
    const timer: PendingTimer = { id: this.nextId++, dueMs: toMs(at, 'at'), label, fn };
    // Kept sorted by due time, then by registration: timers due at the same instant fire in the order set.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.dueMs > timer.dueMs) i--;
    this.timers.splice(i, 0, timer);
    return {
      id: timer.id,
      dueAt: new Date(timer.dueMs),
      label,
      cancel: () => {
        const at = this.timers.indexOf(timer);
        if (at === -1) return false;
        this.timers.splice(at, 1);
        return true;
      },
    };
  }

  /** Runs `fn` after `ms` of virtual time. @throws RangeError for a negative or non-finite delay. */
  after(ms: number, fn: (now: Date) => unknown, label = 'timer'): VirtualTimer {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('after takes a finite, non-negative number of ms');
    return this.schedule(this.currentMs + ms, fn, label);
  }

  /** Pending timers, soonest first. */
  pending(): { id: number; dueAt: string; label: string }[] {
    return this.timers.map((t) => ({ id: t.id, dueAt: new Date(t.dueMs).toISOString(), label: t.label }));
  }

  /** Calls `listener` after every move of the clock; returns the function that unsubscribes it. */
  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every promise returned by fired timers has settled (including ones they started in turn). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private moveTo(targetMs: number): ClockMove {
    const previous = this.currentMs;
    let fired = 0;
    if (targetMs >= this.currentMs) {
      for (;;) {
        const next = this.timers[0];
        if (!next || next.dueMs > targetMs) break;
        if (++fired > MAX_FIRES_PER_MOVE) {
          this.onError(new Error('too many timers fired in one move of the clock'), next.label);
          break;
        }
        this.timers.shift();
        this.currentMs = Math.max(this.currentMs, next.dueMs);
        this.run(next);
      }
    }
    this.currentMs = targetMs;
    this.notify(previous);
    return {
      now: new Date(targetMs),
      previous: new Date(previous),
      fired: Math.min(fired, MAX_FIRES_PER_MOVE),
    };
  }

  private run(timer: PendingTimer): void {
    try {
      const result = timer.fn(new Date(this.currentMs));
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        const p = Promise.resolve(result).then(
          () => undefined,
          (e: unknown) => this.onError(e, timer.label),
        );
        this.inFlight.add(p);
        void p.finally(() => this.inFlight.delete(p));
      }
    } catch (e) {
      this.onError(e, timer.label);
    }
  }

  private notify(previousMs: number): void {
    const now = new Date(this.currentMs);
    const previous = new Date(previousMs);
    for (const l of [...this.listeners]) {
      try {
        l(now, previous);
      } catch (e) {
        this.onError(e, 'listener');
      }
    }
  }
}
