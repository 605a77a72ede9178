/**
 * The journal of what a mock received: a bounded ring buffer (WireMock's unbounded journal runs out of memory
 * on long runs, WireMock #29/#152), with each stored body capped, so memory stays flat however long a soak runs.
 */

/** One request as the mock received it, completed with its outcome when the response ends. */
export interface JournalEntry {
  /** Position in the journal since the last clear (1, 2, …); `since` filters on it. */
  readonly seq: number;
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly operationId: string | null;
  /** Parsed JSON body, or the raw text (cut at the cap), or null when there was none. */
  readonly requestBody: unknown;
  readonly bodyTruncated: boolean;
  readonly idempotencyKey: string | null;
  /** Virtual time when the request arrived (ISO). */
  readonly virtualTime: string;
  /** Wall time when the request arrived (ISO). */
  readonly wallTime: string;
  /** HTTP status sent; 0 while in flight or when the connection was reset / never answered. */
  status: number;
  /** Ids of faults that hit this request. */
  faults: string[];
  /** True when the answer was replayed from the idempotency store. */
  replayed: boolean;
}

/** Filters of {@link Journal.query} (`GET /__admin/journal?operationId=&since=&limit=&method=&status=&iin=`). */
export interface JournalQuery {
  readonly operationId?: string;
  /** Entries with seq greater than this. */
  readonly since?: number;
  /** At most this many: the first ones after `since` when it is given, else the most recent ones. */
  readonly limit?: number;
  readonly method?: string;
  readonly status?: number;
  /** Entries whose path or body mention this IIN. */
  readonly iin?: string;
}

export interface JournalOptions {
  /** Entries kept; older ones are dropped. Default 10 000. */
  readonly capacity?: number;
  /** Bytes of a request body kept per entry; default 16 KiB. */
  readonly maxBodyBytes?: number;
}

export const DEFAULT_JOURNAL_CAPACITY = 10_000;
export const DEFAULT_JOURNAL_BODY_BYTES = 16 * 1024;

/** A bounded ring buffer of {@link JournalEntry}. */
export class Journal {
  readonly capacity: number;
  readonly maxBodyBytes: number;
  private buffer: (JournalEntry | undefined)[];
  private next = 0;
  private size = 0;
  private seq = 0;

  constructor(options: JournalOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_JOURNAL_CAPACITY));
    this.maxBodyBytes = Math.max(0, Math.floor(options.maxBodyBytes ?? DEFAULT_JOURNAL_BODY_BYTES));
    this.buffer = new Array<JournalEntry | undefined>(this.capacity);
  }

  /** Entries ever recorded since the last clear (including dropped ones). */
  get total(): number {
    return this.seq;
  }

  /** Entries dropped because the buffer was full. */
  get dropped(): number {
    return this.seq - this.size;
  }

  /** Records a request; returns the entry so the pipeline can complete it when the response ends. */
  record(
    entry: Omit<JournalEntry, 'seq' | 'requestBody' | 'bodyTruncated'>,
    rawBody: Buffer | undefined,
    json?: () => unknown,
  ): JournalEntry {
    const { requestBody, bodyTruncated } = this.body(rawBody, json);
    const full: JournalEntry = { ...entry, seq: ++this.seq, requestBody, bodyTruncated };
    this.buffer[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    return full;
  }

  /** Entries oldest first, filtered. */
  query(q: JournalQuery = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const start = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) {
      const e = this.buffer[(start + i) % this.capacity]!;
      if (q.since !== undefined && e.seq <= q.since) continue;
      if (q.operationId !== undefined && e.operationId !== q.operationId) continue;
      if (q.method !== undefined && e.method !== q.method.toUpperCase()) continue;
      if (q.status !== undefined && e.status !== q.status) continue;
      if (q.iin !== undefined && !mentions(e, q.iin)) continue;
      out.push(e);
    }
    if (q.limit === undefined || out.length <= q.limit) return out;
    return q.since !== undefined ? out.slice(0, q.limit) : out.slice(out.length - q.limit);
  }

  /** Empties the journal and restarts seq at 1. */
  clear(): void {
    this.buffer = new Array<JournalEntry | undefined>(this.capacity);
    this.next = 0;
    this.size = 0;
    this.seq = 0;
  }

  private body(
    raw: Buffer | undefined,
    json?: () => unknown,
  ): { requestBody: unknown; bodyTruncated: boolean } {
    if (!raw || raw.length === 0) return { requestBody: null, bodyTruncated: false };
    if (raw.length > this.maxBodyBytes) {
      return { requestBody: raw.subarray(0, this.maxBodyBytes).toString('utf8'), bodyTruncated: true };
    }
    if (json) {
      try {
        return { requestBody: json(), bodyTruncated: false };
      } catch {
        // Malformed JSON is journaled as the text received: that is what a test wants to see.
      }
    }
    return { requestBody: raw.toString('utf8'), bodyTruncated: false };
  }
}

function mentions(e: JournalEntry, iin: string): boolean {
  if (e.path.includes(iin)) return true;
  const body = typeof e.requestBody === 'string' ? e.requestBody : JSON.stringify(e.requestBody);
  return body !== undefined && body.includes(iin);
}
