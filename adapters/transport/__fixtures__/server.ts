import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A real HTTP server on 127.0.0.1 (port 0) that records what it receives. */
export interface TestServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Answers with `handler`, called with the request and the number of requests seen so far (1 for the first). */
export type Handler = (req: SeenRequest, res: http.ServerResponse, n: number) => void;

/** Starts a server; close it in afterEach/afterAll. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(seen);
      handler(seen, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `body` as JSON with `status` (and extra headers). */
export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes an RFC 9457 problem. */
export function problem(
  res: http.ServerResponse,
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify({
    type: `https://kz-proactive.dev/problems/${code.toLowerCase()}`,
    title: code,
    status,
    code,
    ...extra,
  });
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(text);
}

/** A pino destination that keeps every line in memory. */
export function memoryStream(): {
  stream: { write(s: string): void };
  lines: () => string[];
  text: () => string;
} {
  const chunks: string[] = [];
  const stream = { write: (s: string) => void chunks.push(s) };
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((l) => l !== ''),
  };
}

/** A sleep that records the waits and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
