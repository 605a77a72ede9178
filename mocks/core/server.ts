import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /** Interface to bind; default 127.0.0.1 (mocks are not exposed unless asked). */
  readonly host?: string;
  /** Port; default 0 (any free port). */
  readonly port?: number;
  /** How long `close()` waits for requests in flight before cutting them; default 2000 ms. */
  readonly closeGraceMs?: number;
}

/** A listening mock. */
export interface RunningMock {
  /** Base URL, e.g. `http://127.0.0.1:41233`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly server: http.Server;
  /** Stops listening, closes idle keep-alive sockets at once and the rest after the grace period. */
  close(): Promise<void>;
}

/**
 * Starts a mock app (or any express app) on `host:port`.
 * @throws Error (rejects) when the port cannot be bound.
 */
export function startMockServer(
  app: Express & { mock?: { releaseHeld(): void } },
  options: MockServerOptions = {},
): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const grace = options.closeGraceMs ?? 2000;
  const server = http.createServer(app);
  // Keep-alive sockets must not keep a closed server open longer than a client would wait for them.
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      const port = (server.address() as AddressInfo).port;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${urlHost}:${port}`,
        port,
        host,
        server,
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            // Held requests (timeout faults) would never end by themselves.
            app.mock?.releaseHeld();
            server.closeIdleConnections();
            const timer = setTimeout(() => server.closeAllConnections(), grace);
            timer.unref();
            server.once('close', () => clearTimeout(timer));
          });
          return closing;
        },
      });
    });
  });
}
