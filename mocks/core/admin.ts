import express, { type Request, type Response } from 'express';
import type { MockControl } from './app';
import { parseFaultSpec } from './faults';
import { writeProblem, writeResponse } from './respond';
import type { JournalQuery } from './journal';
import { MockProblem, problemBody, type FieldError } from './problem';

/**
 * `/__admin` on every mock:
 *
 * | route | body / query | answer |
 * | --- | --- | --- |
 * | `GET /__admin` | | `{ system, operations, states, routes }` |
 * | `GET /__admin/clock` | | `{ now, astanaDate, astanaDateTime, pendingTimers }` |
 * | `PUT /__admin/clock` | `{ now }` or `{ advanceMs }` or `{ astanaDate, astanaTime? }` | clock state + `fired` |
 * | `GET /__admin/faults` | | `{ faults }` |
 * | `POST /__admin/faults` | a FaultSpec or `{ faults: FaultSpec[] }` | 201 `{ faults }` |
 * | `DELETE /__admin/faults` / `/__admin/faults/:id` | | 200 `{ removed }` / 404 |
 * | `GET /__admin/journal` | `?operationId=&since=&limit=&method=&status=&iin=` | `{ total, dropped, capacity, entries }` |
 * | `DELETE /__admin/journal` | | 204 |
 * | `GET /__admin/states` | | `{ states, recent }` (registered sentences, last changes applied) |
 * | `POST /__admin/states` | `{ state, params?, action? }` as the Pact verifier posts it | `{ state, action, values }` |
 * | `POST /__admin/reset` | optional `{ clock: true }` | `{ reset: true }` |
 */

const ROUTES = [
  'GET /__admin',
  'GET /__admin/clock',
  'PUT /__admin/clock',
  'GET /__admin/faults',
  'POST /__admin/faults',
  'DELETE /__admin/faults',
  'DELETE /__admin/faults/{id}',
  'GET /__admin/journal',
  'DELETE /__admin/journal',
  'GET /__admin/states',
  'POST /__admin/states',
  'POST /__admin/reset',
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clockState(mock: MockControl) {
  return {
    now: mock.clock.now().toISOString(),
    astanaDate: mock.clock.astanaDate(),
    astanaDateTime: mock.clock.astanaDateTime(),
    pendingTimers: mock.clock.pending().length,
  };
}

function intParam(q: URLSearchParams, name: string, errors: FieldError[], min: number): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d{1,15}$/.test(v) || Number(v) < min) {
    errors.push({ path: `query/${name}`, message: `must be an integer >= ${min}` });
    return undefined;
  }
  return Number(v);
}

/** The `/__admin` router of a mock. `body(res)` parses the request body as JSON (throws SyntaxError). */
export function createAdminRouter(mock: MockControl, body: (res: Response) => unknown): express.Router {
  const router = express.Router();
  const json = (res: Response, fallback?: unknown): unknown => {
    const raw = (res.req as Request).body as unknown;
    if (!Buffer.isBuffer(raw) || raw.length === 0) {
      if (fallback !== undefined) return fallback;
      throw MockProblem.validation([{ path: 'body', message: 'is required' }]);
    }
    return body(res);
  };
  const ok = (res: Response, status: number, payload?: unknown) => writeResponse(res, status, payload);

  router.get('/', (_req, res) => {
    ok(res, 200, {
      system: mock.system,
      operations: mock.contract.operations().map((o) => ({
        operationId: o.operationId,
        method: o.method,
        path: o.pathTemplate,
      })),
      states: mock.states.sentences(),
      routes: ROUTES,
    });
  });

  router.get('/clock', (_req, res) => ok(res, 200, clockState(mock)));
  router.put('/clock', (_req, res) => {
    const b = json(res);
    if (!isObject(b)) throw MockProblem.validation([{ path: 'body', message: 'must be an object' }]);
    const given = ['now', 'advanceMs', 'astanaDate'].filter((k) => b[k] !== undefined);
    if (given.length !== 1) {
      throw MockProblem.validation([
        { path: 'body', message: 'must have exactly one of now, advanceMs, astanaDate (with astanaTime)' },
      ]);
    }
    let fired: number;
    try {
      if (b.now !== undefined) {
        if (
          typeof b.now !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}T/.test(b.now) ||
          !Number.isFinite(Date.parse(b.now))
        ) {
          throw MockProblem.validation([{ path: 'body/now', message: 'must be an ISO 8601 date-time' }]);
        }
        fired = mock.clock.set(b.now).fired;
      } else if (b.advanceMs !== undefined) {
        if (typeof b.advanceMs !== 'number' || !Number.isFinite(b.advanceMs) || b.advanceMs < 0) {
          throw MockProblem.validation([{ path: 'body/advanceMs', message: 'must be a number >= 0' }]);
        }
        fired = mock.clock.advance(b.advanceMs).fired;
      } else {
        if (
          typeof b.astanaDate !== 'string' ||
          (b.astanaTime !== undefined && typeof b.astanaTime !== 'string')
        ) {
          throw MockProblem.validation([
            { path: 'body/astanaDate', message: 'must be YYYY-MM-DD (astanaTime HH:mm)' },
          ]);
        }
        fired = mock.clock.setAstana(b.astanaDate, (b.astanaTime as string | undefined) ?? '00:00').fired;
      }
    } catch (e) {
      if (e instanceof MockProblem) throw e;
      throw MockProblem.validation([
        { path: 'body', message: e instanceof Error ? e.message : 'is not a valid instant' },
      ]);
    }
    ok(res, 200, { ...clockState(mock), fired });
  });

  router.get('/faults', (_req, res) => ok(res, 200, { faults: mock.faults.list() }));
  router.post('/faults', (_req, res) => {
    const b = json(res);
    const specs = isObject(b) && Array.isArray(b.faults) ? b.faults : [b];
    // All or nothing: validate every spec before adding any.
    const checked = specs.map((s) => parseFaultSpec(s));
    const added = checked.map((s) => mock.faults.add(s));
    ok(res, 201, { faults: added });
  });
  router.delete('/faults', (_req, res) => {
    const removed = mock.faults.list().length;
    mock.faults.clear();
    ok(res, 200, { removed });
  });
  router.delete('/faults/:id', (req, res) => {
    if (!mock.faults.remove(String(req.params.id))) throw MockProblem.notFound('No fault with this id');
    ok(res, 200, { removed: 1 });
  });

  router.get('/journal', (req, res) => {
    const url = req.originalUrl;
    const q = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
    const errors: FieldError[] = [];
    const query: JournalQuery = {
      ...(q.get('operationId') ? { operationId: q.get('operationId')! } : {}),
      ...(q.get('method') ? { method: q.get('method')! } : {}),
      ...(q.get('iin') ? { iin: q.get('iin')! } : {}),
    };
    const since = intParam(q, 'since', errors, 0);
    const limit = intParam(q, 'limit', errors, 1);
    const status = intParam(q, 'status', errors, 0);
    if (errors.length > 0) throw MockProblem.validation(errors);
    const entries = mock.journal.query({
      ...query,
      ...(since === undefined ? {} : { since }),
      ...(limit === undefined ? {} : { limit }),
      ...(status === undefined ? {} : { status }),
    });
    ok(res, 200, {
      total: mock.journal.total,
      dropped: mock.journal.dropped,
      capacity: mock.journal.capacity,
      entries,
    });
  });
  router.delete('/journal', (_req, res) => {
    mock.journal.clear();
    ok(res, 204);
  });

  router.get('/states', (_req, res) =>
    ok(res, 200, { states: mock.states.sentences(), recent: mock.states.recent() }),
  );
  router.post('/states', async (_req, res) => {
    const result = await mock.states.apply(json(res));
    mock.logger.debug({ state: result.state, action: result.action }, 'provider state');
    ok(res, 200, result);
  });

  router.post('/reset', async (_req, res) => {
    const b = json(res, {});
    await mock.reset({ clock: isObject(b) && b.clock === true });
    ok(res, 200, { reset: true });
  });

  router.use((req, res) => {
    const ctx = res.locals.requestId as string;
    writeProblem(
      res,
      problemBody(404, {
        detail: `No admin route ${req.method} /__admin${req.path}; routes: ${ROUTES.join(', ')}`,
        requestId: ctx,
      }),
    );
  });
  return router;
}
