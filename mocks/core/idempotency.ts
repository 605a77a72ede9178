import { createHash } from 'node:crypto';

/**
 * Idempotency of side effects by `Idempotency-Key`, per mock (so per system): the same key with the same request
 * replays the first answer; the same key with a different request is a conflict. A request still in flight with
 * the same key is awaited, not run twice. Answers with a 5xx status are not kept (the side effect did not happen,
 * so a retry must run again).
 */

/** An answer as stored and replayed. */
export interface StoredAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The outcome of {@link IdempotencyStore.begin}. */
export type IdempotencyBegin =
  | { readonly kind: 'new'; readonly complete: (answer: StoredAnswer) => void; readonly abandon: () => void }
  | { readonly kind: 'replay'; readonly answer: Promise<StoredAnswer | undefined> }
  | { readonly kind: 'conflict' };

interface Record_ {
  readonly fingerprint: string;
  answer?: StoredAnswer;
  waiting?: Promise<StoredAnswer | undefined>;
}

/** Stable JSON with sorted keys (so `{a,b}` and `{b,a}` are the same request); depth-limited. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > 200) return '"…"';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of a request for idempotency: operation, path and canonical body. */
export function fingerprint(operationId: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operationId}\u0000${path}\u0000${canonicalJson(body)}`)
    .digest('base64url');
}

/** A bounded store of keys (oldest evicted first). */
export class IdempotencyStore {
  private readonly records = new Map<string, Record_>();

  /** @param capacity keys kept; default 10 000. */
  constructor(private readonly capacity = 10_000) {}

  /** Starts a request with `key`; see {@link IdempotencyBegin}. */
  begin(key: string, requestFingerprint: string): IdempotencyBegin {
    const existing = this.records.get(key);
    if (existing) {
      if (existing.fingerprint !== requestFingerprint) return { kind: 'conflict' };
      if (existing.answer) return { kind: 'replay', answer: Promise.resolve(existing.answer) };
      if (existing.waiting) return { kind: 'replay', answer: existing.waiting };
    }
    let resolve!: (a: StoredAnswer | undefined) => void;
    const waiting = new Promise<StoredAnswer | undefined>((r) => (resolve = r));
    const record: Record_ = { fingerprint: requestFingerprint, waiting };
    this.records.set(key, record);
    while (this.records.size > this.capacity) {
      const oldest = this.records.keys().next().value as string;
      this.records.delete(oldest);
    }
    return {
      kind: 'new',
      complete: (answer) => {
        delete record.waiting;
        if (answer.status >= 500) {
          if (this.records.get(key) === record) this.records.delete(key);
        } else record.answer = answer;
        resolve(answer.status >= 500 ? undefined : answer);
      },
      abandon: () => {
        if (this.records.get(key) === record) this.records.delete(key);
        resolve(undefined);
      },
    };
  }

  /** Number of keys held. */
  get size(): number {
    return this.records.size;
  }

  /** Forgets every key. */
  clear(): void {
    this.records.clear();
  }
}
