import { MockProblem, type FieldError } from './problem';

/**
 * Fault injection: transport faults (latency, timeouts, connection resets) and contract faults (error statuses,
 * malformed bodies, SOAP faults) in one registry, scoped per operationId and/or per IIN found in the request,
 * applied a number of times or with a probability drawn from a seeded PRNG, so that a failing run repeats.
 */

/** How long a latency fault waits (real milliseconds: latency is a transport property, not virtual time). */
export type LatencySpec =
  | { readonly distribution: 'fixed'; readonly ms: number }
  | { readonly distribution: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | {
      readonly distribution: 'lognormal';
      readonly medianMs: number;
      readonly sigma: number;
      /** Upper bound of a draw; default 60 000. */
      readonly maxMs?: number;
    };

/** What the malformed-body fault writes instead of the real answer. */
export type MalformedMode = 'truncated' | 'garbage' | 'empty' | 'wrong-shape';

/** A fault as posted to `/__admin/faults`. */
export type FaultSpec = FaultScope &
  (
    | ({ readonly kind: 'latency' } & LatencySpec)
    | {
        readonly kind: 'error';
        /** Default 503. */
        readonly status?: number;
        readonly code?: string;
        readonly title?: string;
        readonly detail?: string;
        /** Seconds for Retry-After (sent on 429 and 503 by default: 1). */
        readonly retryAfter?: number;
      }
    | {
        readonly kind: 'timeout';
        /** Answer normally after this many ms; absent: never answer (until the client gives up). */
        readonly afterMs?: number;
      }
    | { readonly kind: 'reset' }
    | { readonly kind: 'malformed'; readonly body?: MalformedMode; readonly status?: number }
    | { readonly kind: 'soapFault'; readonly faultCode?: string; readonly faultString?: string }
  );

/** Where and how often a fault applies. */
export interface FaultScope {
  /** Given by the caller to remove it later; default `fault-<n>`. */
  readonly id?: string;
  /** Only requests to these operations (one id or a list). */
  readonly operationId?: string | readonly string[];
  /** Only requests whose path or body contains this IIN (as a whole 12-digit run). */
  readonly iin?: string;
  /** Probability per matching request, 0–1; default 1. */
  readonly probability?: number;
  /** Applies this many times, then is removed; default unlimited. */
  readonly count?: number;
  /** Seed of this fault's PRNG (probability and latency draws); default the registry's seed. */
  readonly seed?: number;
}

/** A registered fault with its counters. */
export type Fault = FaultSpec & { readonly id: string; hits: number; remaining: number | null };

/** What the request pipeline should do, decided once per request. */
export interface FaultDecision {
  /** Total latency to wait first, in ms. */
  readonly delayMs: number;
  /** The terminal fault to apply after the wait, if any. */
  readonly terminal?: Fault;
  /** Ids of every fault that hit. */
  readonly hits: readonly string[];
}

/** The request facts a scope is matched on. */
export interface FaultTarget {
  readonly operationId: string | undefined;
  /** Path and raw body text, searched for the IIN. */
  readonly text: () => string;
}

/** mulberry32: a small, fast, seeded PRNG with floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = new Set(['latency', 'error', 'timeout', 'reset', 'malformed', 'soapFault']);
const MALFORMED = new Set(['truncated', 'garbage', 'empty', 'wrong-shape']);
const MAX_DELAY_MS = 600_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(
  errors: FieldError[],
  spec: Record<string, unknown>,
  key: string,
  opts: { min?: number; max?: number; integer?: boolean; required?: boolean } = {},
): void {
  const v = spec[key];
  if (v === undefined) {
    if (opts.required) errors.push({ path: `body/${key}`, message: 'is required' });
    return;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push({ path: `body/${key}`, message: 'must be a number' });
    return;
  }
  if (opts.integer && !Number.isInteger(v))
    errors.push({ path: `body/${key}`, message: 'must be an integer' });
  if (opts.min !== undefined && v < opts.min)
    errors.push({ path: `body/${key}`, message: `must be >= ${opts.min}` });
  if (opts.max !== undefined && v > opts.max)
    errors.push({ path: `body/${key}`, message: `must be <= ${opts.max}` });
}

/**
 * Checks a fault posted to `/__admin/faults`.
 * @throws MockProblem 400 with field errors when it is not a valid {@link FaultSpec}.
 */
export function parseFaultSpec(input: unknown): FaultSpec {
  const errors: FieldError[] = [];
  if (!isObject(input)) throw MockProblem.validation([{ path: 'body', message: 'must be an object' }]);
  const kind = input.kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    errors.push({ path: 'body/kind', message: `must be one of ${[...KINDS].join(', ')}` });
  }
  if (input.id !== undefined && (typeof input.id !== 'string' || !/^[\w.:-]{1,100}$/.test(input.id))) {
    errors.push({ path: 'body/id', message: 'must be 1–100 characters of letters, digits, _ . : -' });
  }
  const ops = input.operationId;
  if (
    ops !== undefined &&
    typeof ops !== 'string' &&
    !(Array.isArray(ops) && ops.length > 0 && ops.every((o) => typeof o === 'string'))
  ) {
    errors.push({ path: 'body/operationId', message: 'must be a string or a non-empty array of strings' });
  }
  if (input.iin !== undefined && (typeof input.iin !== 'string' || !/^\d{12}$/.test(input.iin))) {
    errors.push({ path: 'body/iin', message: 'must be 12 digits' });
  }
  num(errors, input, 'probability', { min: 0, max: 1 });
  num(errors, input, 'count', { min: 1, integer: true });
  num(errors, input, 'seed', { integer: true });
  switch (kind) {
    case 'latency': {
      const d = input.distribution;
      if (d === 'fixed') num(errors, input, 'ms', { min: 0, max: MAX_DELAY_MS, required: true });
      else if (d === 'uniform') {
        num(errors, input, 'minMs', { min: 0, max: MAX_DELAY_MS, required: true });
        num(errors, input, 'maxMs', { min: 0, max: MAX_DELAY_MS, required: true });
        if (typeof input.minMs === 'number' && typeof input.maxMs === 'number' && input.minMs > input.maxMs) {
          errors.push({ path: 'body/maxMs', message: 'must be >= minMs' });
        }
      } else if (d === 'lognormal') {
        num(errors, input, 'medianMs', { min: 0, max: MAX_DELAY_MS, required: true });
        num(errors, input, 'sigma', { min: 0, max: 10, required: true });
        num(errors, input, 'maxMs', { min: 0, max: MAX_DELAY_MS });
      } else errors.push({ path: 'body/distribution', message: 'must be one of fixed, uniform, lognormal' });
      break;
    }
    case 'error':
      num(errors, input, 'status', { min: 400, max: 599, integer: true });
      num(errors, input, 'retryAfter', { min: 0, integer: true });
      for (const k of ['code', 'title', 'detail']) {
        if (input[k] !== undefined && typeof input[k] !== 'string') {
          errors.push({ path: `body/${k}`, message: 'must be a string' });
        }
      }
      break;
    case 'timeout':
      num(errors, input, 'afterMs', { min: 0, max: MAX_DELAY_MS });
      break;
    case 'malformed':
      if (input.body !== undefined && !MALFORMED.has(input.body as string)) {
        errors.push({ path: 'body/body', message: `must be one of ${[...MALFORMED].join(', ')}` });
      }
      num(errors, input, 'status', { min: 100, max: 599, integer: true });
      break;
    case 'soapFault':
      for (const k of ['faultCode', 'faultString']) {
        if (input[k] !== undefined && typeof input[k] !== 'string') {
          errors.push({ path: `body/${k}`, message: 'must be a string' });
        }
      }
      break;
    default:
      break;
  }
  if (errors.length > 0) throw MockProblem.validation(errors);
  return input as unknown as FaultSpec;
}

/** A standard normal draw (Box–Muller) from a uniform PRNG. */
function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A latency draw in ms for a spec; repeatable for a given PRNG state. */
export function drawLatency(spec: LatencySpec, random: () => number): number {
  switch (spec.distribution) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return spec.minMs + (spec.maxMs - spec.minMs) * random();
    case 'lognormal': {
      const ms = Math.exp(Math.log(Math.max(spec.medianMs, 1e-3)) + spec.sigma * normal(random));
      return Math.min(ms, spec.maxMs ?? 60_000);
    }
  }
}

interface Entry {
  fault: Fault;
  random: () => number;
}

/** The faults of one mock. */
export class FaultRegistry {
  private entries: Entry[] = [];
  private counter = 0;

  /** @param seed default seed of each fault's PRNG (a fault's own `seed` wins). */
  constructor(private readonly seed = 1) {}

  /**
   * Adds a fault (replacing one with the same id) and returns it.
   * @throws MockProblem 400 when the spec is invalid.
   */
  add(spec: FaultSpec): Fault {
    const checked = parseFaultSpec(spec);
    const id = checked.id ?? `fault-${++this.counter}`;
    this.remove(id);
    const fault = { ...checked, id, hits: 0, remaining: checked.count ?? null } as Fault;
    this.entries.push({ fault, random: mulberry32(checked.seed ?? this.seed) });
    return fault;
  }

  /** Removes a fault by id; true when it existed. */
  remove(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.fault.id !== id);
    return this.entries.length !== before;
  }

  /** Removes every fault. */
  clear(): void {
    this.entries = [];
  }

  /** The registered faults, in the order they are evaluated. */
  list(): Fault[] {
    return this.entries.map((e) => ({ ...e.fault }));
  }

  /** True when no fault is registered (the fast path of the pipeline). */
  get empty(): boolean {
    return this.entries.length === 0;
  }

  /**
   * Decides what happens to a request: every matching latency fault that hits adds its draw; the first matching
   * terminal fault that hits is applied after the wait. A fault's PRNG is drawn only when its scope matches.
   */
  decide(target: FaultTarget): FaultDecision {
    let delayMs = 0;
    let terminal: Fault | undefined;
    const hits: string[] = [];
    let text: string | undefined;
    for (const entry of [...this.entries]) {
      const f = entry.fault;
      if (f.kind !== 'latency' && terminal) continue;
      if (f.operationId !== undefined) {
        const ops = typeof f.operationId === 'string' ? [f.operationId] : f.operationId;
        if (target.operationId === undefined || !ops.includes(target.operationId)) continue;
      }
      if (f.iin !== undefined) {
        text ??= target.text();
        if (!containsIin(text, f.iin)) continue;
      }
      if (f.probability !== undefined && f.probability < 1 && entry.random() >= f.probability) continue;
      f.hits++;
      hits.push(f.id);
      if (f.remaining !== null && --f.remaining <= 0) this.remove(f.id);
      if (f.kind === 'latency') delayMs += drawLatency(f, entry.random);
      else terminal = f;
    }
    return terminal ? { delayMs, terminal, hits } : { delayMs, hits };
  }
}

/** True when `text` contains `iin` as a whole run of 12 digits (not inside a longer number). */
export function containsIin(text: string, iin: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(iin, from);
    if (at === -1) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + iin.length] ?? '';
    if (!/\d/.test(before) && !/\d/.test(after)) return true;
    from = at + 1;
  }
}
