import { randomUUID } from 'node:crypto';
import express, {
  type ErrorRequestHandler,
  type Express,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import pino, { type Logger } from 'pino';
import { maskPersonalData } from '../../src/domain/mask';
import { createAdminRouter } from './admin';
import { VirtualClock } from './clock';
import {
  MockContract,
  isJsonMediaType,
  mediaTypeOf,
  type ContractOperation,
  type OpenApiDocument,
  type RouteMatch,
} from './contract';
import { FaultRegistry, type Fault } from './faults';
import { IdempotencyStore, fingerprint, type StoredAnswer } from './idempotency';
import { Journal, type JournalEntry, type JournalOptions } from './journal';
import { MockProblem, PROBLEM_CONTENT_TYPE, problemBody } from './problem';
import { writeProblem, writeResponse, type MalformedAnswer } from './respond';
import { ProviderStates, type StateDefinition } from './states';

/**
 * The request pipeline every mock shares. In order: X-Request-Id (echoed or generated); the body read with a size
 * limit (413); `/__admin`; the journal; fault injection; contract validation (404 unknown route, 405 wrong
 * method, 400 bad parameters or body, 415 wrong media type); idempotency (replay or 409); the system's handler;
 * and an error handler that turns anything thrown into problem+json. The journal comes before faults (not after,
 * as first sketched) so that faulted requests are journaled too: a test checking that a client retried after a
 * 503 or a reset needs to see both attempts.
 */

/** A validated request as a mock's handler receives it. */
export interface MockRequest {
  readonly operationId: string;
  readonly method: string;
  /** The raw path (percent-encoded), without the query. */
  readonly path: string;
  /** Path parameters, decoded and coerced to their declared types. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** Declared header parameters, by lower-case name. */
  readonly headers: Readonly<Record<string, unknown>>;
  /** The parsed body (undefined when the operation has none). */
  readonly body: unknown;
  readonly requestId: string;
  readonly idempotencyKey: string | undefined;
  /** Virtual time when the request arrived. */
  readonly receivedAt: Date;
}

/** What a handler returns; thrown {@link MockProblem}s become problem+json answers. */
export interface MockResponse {
  /** Default 200. */
  readonly status?: number;
  /** Serialised as JSON unless `contentType` says otherwise and it is a string. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Default application/json when there is a body. */
  readonly contentType?: string;
}

/** A mock's handler for one operation. */
export type MockHandler = (request: MockRequest, mock: MockControl) => MockResponse | Promise<MockResponse>;

/** Options of {@link createMockApp}; only `system` and `handlers` are required. */
export interface MockAppOptions {
  /** System id (contracts/<id>/). */
  readonly system: string;
  /** The contract: a loaded one, an OpenAPI 3.1 document, or a file path; default contracts/<system>/openapi.json. */
  readonly contract?: MockContract | OpenApiDocument | string;
  /** Handlers by operationId; an operation without one answers 501. */
  readonly handlers: Readonly<Record<string, MockHandler>>;
  /** The shared virtual clock; default a new one at DEFAULT_START. */
  readonly clock?: VirtualClock;
  readonly journal?: Journal | JournalOptions;
  readonly faults?: FaultRegistry | { readonly seed?: number };
  readonly idempotency?: IdempotencyStore;
  /** Provider states of the system (see states.ts). */
  readonly states?: ProviderStates | readonly StateDefinition[];
  /** Restores the system's own state (called by `POST /__admin/reset` and `mock.reset()`). */
  readonly onReset?: () => void | Promise<void>;
  /** pino logger; default silent. Nothing unmasked is logged. */
  readonly logger?: Logger;
  /** Largest accepted request body in bytes; default 1 MiB. */
  readonly bodyLimit?: number;
  /** Real waiting, for latency and timeout faults; default setTimeout. Tests inject a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Check every handler answer against the contract and answer 500 CONTRACT_VIOLATION on a breach. */
  readonly validateResponses?: boolean;
  /** Extra routes outside the OpenAPI contract (e.g. a SOAP endpoint), tried when no operation matches. */
  readonly routes?: express.Router;
}

/** The control surface of a running mock (also what `/__admin` acts on). */
export interface MockControl {
  readonly system: string;
  readonly contract: MockContract;
  readonly clock: VirtualClock;
  readonly journal: Journal;
  readonly faults: FaultRegistry;
  readonly states: ProviderStates;
  readonly idempotency: IdempotencyStore;
  readonly logger: Logger;
  /** Empties the journal, faults and idempotency keys and restores the system's state; `clock` resets it too. */
  reset(options?: { clock?: boolean }): Promise<void>;
  /** Destroys requests held by timeout faults or waiting on latency (called by the server on close). */
  releaseHeld(): void;
}

/** An express app with its mock's controls. */
export type MockApp = Express & { readonly mock: MockControl };

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Per-request state of the pipeline. */
interface Ctx {
  readonly requestId: string;
  readonly raw: Buffer | undefined;
  readonly mediaType: string;
  readonly match: RouteMatch;
  readonly rawPath: string;
  readonly queryString: string;
  entry?: JournalEntry;
  parsed?: { value: unknown } | { error: unknown };
}

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

function ctxOf(res: Response): Ctx {
  return res.locals.kz as Ctx;
}

/** Parses the body as JSON once (memoised); throws the SyntaxError each time it is asked for a broken body. */
function parseJson(ctx: Ctx): unknown {
  if (!ctx.parsed) {
    try {
      ctx.parsed = { value: JSON.parse((ctx.raw ?? Buffer.alloc(0)).toString('utf8')) as unknown };
    } catch (e) {
      ctx.parsed = { error: e };
    }
  }
  if ('error' in ctx.parsed) throw ctx.parsed.error;
  return ctx.parsed.value;
}

function problemAnswer(problem: MockProblem, requestId: string): StoredAnswer {
  return {
    status: problem.status,
    headers: { ...problem.headers, 'Content-Type': PROBLEM_CONTENT_TYPE },
    body: problem.toBody(requestId),
  };
}

/** Options of a body-parser error we map to a problem (its status and type). */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Builds the express app of one mock; see the module comment for the pipeline.
 * @throws TypeError when the contract is not OpenAPI 3.1; Error when it cannot be found.
 */
export function createMockApp(options: MockAppOptions): MockApp {
  const system = options.system;
  const contract =
    options.contract instanceof MockContract
      ? options.contract
      : typeof options.contract === 'string'
        ? MockContract.forSystem(system, options.contract)
        : options.contract
          ? new MockContract(system, options.contract)
          : MockContract.forSystem(system);
  const logger = options.logger ?? pino({ level: 'silent' });
  const clock = options.clock ?? new VirtualClock();
  const journal = options.journal instanceof Journal ? options.journal : new Journal(options.journal);
  const faults =
    options.faults instanceof FaultRegistry ? options.faults : new FaultRegistry(options.faults?.seed);
  const idempotency = options.idempotency ?? new IdempotencyStore();
  const states =
    options.states instanceof ProviderStates
      ? options.states
      : (options.states ?? []).reduce((s, d) => s.register(d), new ProviderStates());
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const held = new Set<Response>();

  const mock: MockControl = {
    system,
    contract,
    clock,
    journal,
    faults,
    states,
    idempotency,
    logger,
    async reset(opts = {}) {
      journal.clear();
      faults.clear();
      idempotency.clear();
      states.clearHistory();
      if (opts.clock) clock.reset();
      await options.onReset?.();
    },
    releaseHeld() {
      for (const res of held) res.socket?.destroy();
      held.clear();
    },
  };

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);

  // 1. Correlation id: echoed when it looks like one, generated otherwise.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.requestId = requestId;
    next();
  });

  // 2. The body, read raw with a limit (413 before any parsing); JSON is parsed later, once, when needed.
  app.use(express.raw({ type: () => true, limit: bodyLimit }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const url = req.url;
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    const ctx: Ctx = {
      requestId: res.locals.requestId as string,
      raw: Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : undefined,
      mediaType: mediaTypeOf(req.headers['content-type']),
      match: rawPath.startsWith('/__admin') ? { kind: 'not-found' } : contract.match(req.method, rawPath),
      rawPath,
      queryString: q === -1 ? '' : url.slice(q + 1),
    };
    res.locals.kz = ctx;
    next();
  });

  // 3. Administration.
  app.use(
    '/__admin',
    createAdminRouter(mock, (res) => parseJson(ctxOf(res))),
  );

  // 4. Journal.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const ctx = ctxOf(res);
    const key = req.headers['idempotency-key'];
    const entry = journal.record(
      {
        requestId: ctx.requestId,
        method: req.method,
        path: ctx.rawPath,
        query: ctx.queryString,
        operationId: ctx.match.kind === 'operation' ? ctx.match.operation.operationId : null,
        idempotencyKey: typeof key === 'string' ? key : null,
        virtualTime: clock.now().toISOString(),
        wallTime: clock.wallNow().toISOString(),
        status: 0,
        faults: [],
        replayed: false,
      },
      ctx.raw,
      isJsonMediaType(ctx.mediaType) && ctx.raw
        ? () => JSON.parse(ctx.raw!.toString('utf8')) as unknown
        : undefined,
    );
    ctx.entry = entry;
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    next();
  });

  // 5. Faults.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (faults.empty) return next();
    const ctx = ctxOf(res);
    const decision = faults.decide({
      operationId: ctx.match.kind === 'operation' ? ctx.match.operation.operationId : undefined,
      text: () => `${ctx.rawPath}\n${ctx.queryString}\n${ctx.raw ? ctx.raw.toString('utf8') : ''}`,
    });
    if (decision.hits.length === 0) return next();
    ctx.entry?.faults.push(...decision.hits);
    logger.debug({ requestId: ctx.requestId, faults: decision.hits }, 'fault injected');
    const apply = () => applyFault(decision.terminal, res, next);
    if (decision.delayMs <= 0) return apply();
    held.add(res);
    res.on('close', () => held.delete(res));
    sleep(decision.delayMs).then(
      () => {
        held.delete(res);
        if (!res.destroyed && !res.headersSent) apply();
      },
      (e: unknown) => next(e),
    );
  });

  function applyFault(fault: Fault | undefined, res: Response, next: NextFunction): void {
    if (!fault) return next();
    const ctx = ctxOf(res);
    switch (fault.kind) {
      case 'error': {
        const status = fault.status ?? 503;
        const retryAfter = fault.retryAfter ?? (status === 429 || status === 503 ? 1 : undefined);
        writeProblem(
          res,
          problemBody(status, {
            ...(fault.code === undefined ? {} : { code: fault.code }),
            ...(fault.title === undefined ? {} : { title: fault.title }),
            ...(fault.detail === undefined ? {} : { detail: fault.detail }),
            requestId: ctx.requestId,
          }),
          retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
        );
        return;
      }
      case 'timeout':
        if (fault.afterMs === undefined) {
          // Never answer: the client's own timeout is what is under test. Released on close of the server.
          held.add(res);
          res.on('close', () => held.delete(res));
          return;
        }
        held.add(res);
        res.on('close', () => held.delete(res));
        sleep(fault.afterMs).then(
          () => {
            held.delete(res);
            if (!res.destroyed) next();
          },
          (e: unknown) => next(e),
        );
        return;
      case 'reset': {
        const socket = res.socket as
          (NonNullable<typeof res.socket> & { resetAndDestroy?: () => void }) | null;
        if (socket?.resetAndDestroy) socket.resetAndDestroy();
        else socket?.destroy();
        return;
      }
      case 'malformed':
        res.locals.malformed = {
          mode: fault.body ?? 'truncated',
          ...(fault.status === undefined ? {} : { status: fault.status }),
        } satisfies MalformedAnswer;
        return next();
      case 'soapFault': {
        const code = escapeXml(fault.faultCode ?? 'soap:Server');
        const text = escapeXml(fault.faultString ?? 'Injected SOAP fault');
        writeResponse(
          res,
          500,
          `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>${code}</faultcode><faultstring>${text}</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
          {},
          'text/xml; charset=utf-8',
        );
        return;
      }
      case 'latency':
        return next();
    }
  }

  // 6–8. Contract validation, idempotency, handler.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const ctx = ctxOf(res);
    const match = ctx.match;
    if (match.kind === 'not-found') return next();
    if (match.kind === 'method-not-allowed') {
      writeProblem(
        res,
        problemBody(405, {
          detail: `${req.method} is not allowed here; allowed: ${match.allowed.join(', ')}`,
          requestId: ctx.requestId,
        }),
        { Allow: match.allowed.join(', ') },
      );
      return;
    }
    const op = match.operation;
    const result = contract.validateRequest(op, {
      rawPathParams: match.rawPathParams,
      query: new URLSearchParams(ctx.queryString),
      headers: req.headers,
      mediaType: ctx.mediaType,
      hasBody: ctx.raw !== undefined,
      json: () => parseJson(ctx),
    });
    if (!result.ok) {
      writeProblem(
        res,
        problemBody(result.status, {
          code: result.code,
          ...(result.title === undefined ? {} : { title: result.title }),
          detail: result.detail,
          errors: result.errors,
          requestId: ctx.requestId,
        }),
      );
      return;
    }
    const headerKey = result.value.headers['idempotency-key'];
    const request: MockRequest = {
      operationId: op.operationId,
      method: req.method,
      path: ctx.rawPath,
      params: result.value.path,
      query: result.value.query,
      headers: result.value.headers,
      body: result.value.body,
      requestId: ctx.requestId,
      idempotencyKey: typeof headerKey === 'string' ? headerKey : undefined,
      receivedAt: clock.now(),
    };
    dispatch(op, request, res).catch(next);
  });

  async function run(op: ContractOperation, request: MockRequest): Promise<StoredAnswer> {
    const handler = options.handlers[op.operationId];
    if (!handler) {
      return problemAnswer(
        new MockProblem(501, {
          code: 'NOT_IMPLEMENTED',
          title: 'Not implemented',
          detail: `The ${system} mock does not implement ${op.operationId}`,
        }),
        request.requestId,
      );
    }
    try {
      const out = await handler(request, mock);
      const status = out.status ?? 200;
      const headers: Record<string, string> = { ...(out.headers ?? {}) };
      if (out.body !== undefined) headers['Content-Type'] = out.contentType ?? 'application/json';
      if (options.validateResponses) {
        const problems = contract.validateResponse(op.operationId, status, out.body, headers['Content-Type']);
        if (problems.length > 0) {
          logger.error(
            { requestId: request.requestId, problems: problems.map(maskPersonalData) },
            'mock answer breaks the contract',
          );
          return problemAnswer(
            new MockProblem(500, {
              code: 'CONTRACT_VIOLATION',
              title: 'Mock answer breaks the contract',
              detail: problems.join('; '),
            }),
            request.requestId,
          );
        }
      }
      return { status, headers, body: out.body };
    } catch (e) {
      if (e instanceof MockProblem) return problemAnswer(e, request.requestId);
      throw e;
    }
  }

  function send(res: Response, answer: StoredAnswer): void {
    const { 'Content-Type': type, ...rest } = answer.headers;
    writeResponse(res, answer.status, answer.body, rest, type);
  }

  async function dispatch(op: ContractOperation, request: MockRequest, res: Response): Promise<void> {
    const key = op.idempotent ? request.idempotencyKey : undefined;
    if (key === undefined) return send(res, await run(op, request));
    const fp = fingerprint(op.operationId, request.path, request.body);
    for (;;) {
      const begun = idempotency.begin(key, fp);
      if (begun.kind === 'conflict') {
        throw new MockProblem(409, {
          code: 'IDEMPOTENCY_KEY_REUSED',
          title: 'Idempotency key reused',
          detail: 'This Idempotency-Key was used with a different request; use a new key for a new request',
          errors: [{ path: 'header/idempotency-key', message: 'was already used with a different request' }],
        });
      }
      if (begun.kind === 'replay') {
        const answer = await begun.answer;
        // The first attempt failed without a stored answer: this one runs instead.
        if (!answer) continue;
        const entry = ctxOf(res).entry;
        if (entry) entry.replayed = true;
        return send(res, { ...answer, headers: { ...answer.headers, 'Idempotent-Replayed': 'true' } });
      }
      let answer: StoredAnswer;
      try {
        answer = await run(op, request);
      } catch (e) {
        begun.abandon();
        throw e;
      }
      begun.complete(answer);
      return send(res, answer);
    }
  }

  // Routes outside the contract (SOAP endpoints), then the 404.
  if (options.routes) app.use(options.routes);
  app.use((req: Request, res: Response) => {
    const ctx = ctxOf(res);
    writeProblem(
      res,
      problemBody(404, {
        code: 'NOT_FOUND',
        title: 'Not found',
        detail: `No operation of the ${system} contract matches ${req.method} ${ctx.rawPath.slice(0, 200)}`,
        requestId: ctx.requestId,
      }),
    );
  });

  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    const requestId = (res.locals.requestId as string | undefined) ?? randomUUID();
    if (res.headersSent) {
      res.socket?.destroy();
      return;
    }
    if (err instanceof MockProblem) {
      writeProblem(res, err.toBody(requestId), err.headers);
      return;
    }
    const e = err as HttpishError & Error;
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500 && typeof e.type === 'string') {
      // Errors of the body reader: too large, bad encoding, aborted, bad length.
      const code =
        status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      const detail =
        status === 413
          ? `The request body is larger than the limit of ${bodyLimit} bytes`
          : maskPersonalData(e.message);
      if (status === 413) res.setHeader('Connection', 'close');
      writeProblem(
        res,
        problemBody(status, { code, ...(status === 413 ? {} : { title: 'Bad request' }), detail, requestId }),
      );
      return;
    }
    if (err instanceof SyntaxError) {
      writeProblem(
        res,
        problemBody(400, {
          code: 'MALFORMED_JSON',
          title: 'Malformed JSON',
          detail: 'The request body is not valid JSON',
          errors: [{ path: 'body', message: 'is not valid JSON' }],
          requestId,
        }),
      );
      return;
    }
    const message = maskPersonalData(err instanceof Error ? err.message : String(err));
    logger.error(
      { requestId, err: { message, stack: maskPersonalData(err instanceof Error ? (err.stack ?? '') : '') } },
      'unexpected error in mock',
    );
    writeProblem(
      res,
      problemBody(500, {
        code: 'INTERNAL',
        detail: `Unexpected error in the ${system} mock: ${message}`,
        requestId,
      }),
    );
  };
  app.use(onError);

  return Object.assign(app, { mock });
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
