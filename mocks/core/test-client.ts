import * as http from 'node:http';

/**
 * A bare HTTP client for the mocks' tests: unlike fetch or axios it sends any path, method and body as given
 * (a body on GET, broken JSON, a wrong Content-Type, a path with `%zz`), never follows redirects, never throws
 * on a status, and gives up after `timeoutMs` so that a hanging mock fails its test instead of stalling it.
 */

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Default 10 000 ms; on expiry the promise rejects with code `TEST_CLIENT_TIMEOUT`. */
  readonly timeoutMs?: number;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly contentType: string | undefined;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

/** Sends one request to `baseUrl` on a fresh connection. @throws (rejects) on a transport error or timeout. */
export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const body =
      req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'GET',
        path: req.path,
        agent: false,
        headers: {
          ...(body === undefined ? {} : { 'Content-Length': String(body.length) }),
          ...(req.headers ?? {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          const ct = res.headers['content-type'];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, contentType: ct, text, json });
        });
      },
    );
    r.setTimeout(req.timeoutMs ?? 10_000, () => {
      r.destroy(Object.assign(new Error('test client timed out'), { code: 'TEST_CLIENT_TIMEOUT' }));
    });
    r.on('error', reject);
    r.end(body);
  });
}
