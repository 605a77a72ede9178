import { isCalendarDate } from '../../src/domain/calendar';
import { isValidIin } from '../../src/domain/iin';
import { BadInput, ContractViolation, NotFound } from './errors';
import { HttpTransport, type HttpTransportConfig } from './http';
import type { Logger } from './logging';

/**
 * Input checks, cursor paging and transport set-up shared by the REST clients. Every check throws BadInput before
 * any call; its message names the argument and the rule, never the value (an almost-valid IIN or account number is
 * still personal data). Only the page types are part of the package's API (see ./index.ts); the rest is internal
 * to the adapters.
 */

/** One page of a cursor-paginated list, as the domain sees it. */
export interface CursorPage<T> {
  readonly items: readonly T[];
  /** Cursor of the next page; null on the last page of a list (a feed may keep one to resume later). */
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

/** The contract's `Cursor` and `Limit` parameters, for the page methods. */
export interface PageRequest {
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string;
  /** Page size, 1–1000 (the system's default is 100). */
  readonly limit?: number;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The checks of one system, bound to its id (the `system` of the BadInput errors). */
export class InputChecks {
  constructor(private readonly system: string) {}

  /** A BadInput of `operation` whose message is `detail`. */
  fail(operation: string, detail: string): BadInput {
    return new BadInput({ system: this.system, operation, detail });
  }

  iin(operation: string, field: string, value: unknown): void {
    if (typeof value !== 'string' || !isValidIin(value)) {
      throw this.fail(
        operation,
        `${field} is not a valid IIN (12 digits, a real birth date, a correct check digit)`,
      );
    }
  }

  date(operation: string, field: string, value: unknown): void {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw this.fail(operation, `${field} must be a calendar date YYYY-MM-DD`);
    }
  }

  dateTime(operation: string, field: string, value: unknown): void {
    if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      throw this.fail(operation, `${field} must be an RFC 3339 date-time with an offset`);
    }
  }

  month(operation: string, field: string, value: unknown): void {
    if (typeof value !== 'string' || !MONTH.test(value)) {
      throw this.fail(operation, `${field} must be a month YYYY-MM`);
    }
  }

  /** A string of `min`–`max` characters, matching `pattern` when given (described by `rule`). */
  text(
    operation: string,
    field: string,
    value: unknown,
    max: number,
    opts: { min?: number; pattern?: RegExp; rule?: string } = {},
  ): void {
    const min = opts.min ?? 1;
    if (typeof value !== 'string' || value.length < min || value.length > max) {
      throw this.fail(operation, `${field} must be a string of ${min} to ${max} characters`);
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      throw this.fail(operation, `${field} must be ${opts.rule ?? `like ${opts.pattern.source}`}`);
    }
  }

  int(operation: string, field: string, value: unknown, min: number, max: number): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw this.fail(operation, `${field} must be an integer from ${min} to ${max}`);
    }
  }

  /** An amount in tiyn or a volume in litres: a safe integer ≥ 0. */
  count(operation: string, field: string, value: unknown): void {
    this.int(operation, field, value, 0, Number.MAX_SAFE_INTEGER);
  }

  bool(operation: string, field: string, value: unknown): void {
    if (typeof value !== 'boolean') throw this.fail(operation, `${field} must be a boolean`);
  }

  oneOf(operation: string, field: string, value: unknown, values: readonly string[]): void {
    if (typeof value !== 'string' || !values.includes(value)) {
      throw this.fail(operation, `${field} must be one of ${values.join(', ')}`);
    }
  }

  object(operation: string, field: string, value: unknown): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.fail(operation, `${field} must be an object`);
    }
  }

  array(operation: string, field: string, value: unknown, min: number, max: number): void {
    if (!Array.isArray(value) || value.length < min || value.length > max) {
      throw this.fail(operation, `${field} must be an array of ${min} to ${max} items`);
    }
  }

  /** A full name: lastName and firstName of 1–100 characters, middleName of at most 100 when given. */
  personName(operation: string, field: string, value: unknown): void {
    this.object(operation, field, value);
    const n = value as Record<string, unknown>;
    this.text(operation, `${field}.lastName`, n.lastName, 100);
    this.text(operation, `${field}.firstName`, n.firstName, 100);
    if (n.middleName !== undefined)
      this.text(operation, `${field}.middleName`, n.middleName, 100, { min: 0 });
  }

  /** A reference-book value `{ code, nameKz, nameRu }`. */
  codedValue(operation: string, field: string, value: unknown): void {
    this.object(operation, field, value);
    const v = value as Record<string, unknown>;
    this.text(operation, `${field}.code`, v.code, 50);
    this.text(operation, `${field}.nameKz`, v.nameKz, 500);
    this.text(operation, `${field}.nameRu`, v.nameRu, 500);
  }

  /** The contract's `Idempotency-Key`: 8–200 characters, derived by the caller from the case and the step. */
  idempotencyKey(operation: string, value: unknown): void {
    this.text(operation, 'idempotencyKey', value, 200, { min: 8 });
  }

  /** The contract's `cursor` (at most 512 characters) and `limit` (1–1000), when given. */
  page(operation: string, page: PageRequest | undefined): void {
    if (page === undefined) return;
    this.object(operation, 'page', page);
    if (page.cursor !== undefined) this.text(operation, 'cursor', page.cursor, 512);
    if (page.limit !== undefined) this.int(operation, 'limit', page.limit, 1, 1000);
  }
}

/**
 * Every item of every page, fetching the next page only when the caller has consumed the previous one. Refuses a
 * page that says there is more but gives no new cursor (that would loop for ever) as a ContractViolation.
 */
export async function* allItems<T>(
  system: string,
  operation: string,
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  firstCursor?: string,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor = firstCursor;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (!page.hasMore) return;
    if (page.nextCursor === null || page.nextCursor === '' || seen.has(page.nextCursor)) {
      throw new ContractViolation({
        system,
        operation,
        pointer: '/page/nextCursor',
        rule: 'a new cursor while hasMore is true',
        detail: 'the page says there is more but gives no new cursor',
      });
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** What a client can be given instead of building its transport from the configuration. */
export interface ClientDeps {
  /** A transport to use (its system must be the client's); the configuration is then not used. */
  readonly http?: HttpTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

/**
 * The transport of a client: the injected one (refused when it is another system's), or one built from the
 * configuration (`deps.logger` over `config.logger`).
 * @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system.
 */
export function transportFor(
  system: string,
  config: Omit<HttpTransportConfig, 'system'>,
  deps: ClientDeps,
): HttpTransport {
  if (deps.http) {
    if (deps.http.system !== system) {
      throw new BadInput({
        code: 'INVALID_CONFIG',
        system,
        operation: 'configure',
        detail: `the transport is for system ${deps.http.system}`,
      });
    }
    return deps.http;
  }
  const logger = deps.logger ?? config.logger;
  return new HttpTransport({ ...config, system, ...(logger === undefined ? {} : { logger }) });
}

/** A NotFound that the system itself said (a problem+json body), not a bare 404 from a proxy or a wrong baseUrl. */
export function isSystemNotFound(err: unknown): boolean {
  return err instanceof NotFound && (err.problemCode !== undefined || err.problemType !== undefined);
}

/** A ContractViolation for an answer about another record than the one asked for. */
export function otherRecord(
  system: string,
  operation: string,
  requestId: string,
  pointer: string,
): ContractViolation {
  return new ContractViolation({
    system,
    operation,
    requestId,
    pointer,
    rule: 'the record that was asked for',
    detail: `${pointer} is not the record of the request`,
  });
}

/** A copy of `o` without the keys whose value is undefined: optional fields absent on the wire stay absent. */
export function defined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
