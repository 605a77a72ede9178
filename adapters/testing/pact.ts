import * as path from 'node:path';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { createLogger } from '../transport/logging';

/**
 * Where consumer tests write their pact files. `npm run pacts:check` compares them with the committed pacts/ and
 * fails when a test would change them; `npm run pacts:update` copies them over.
 */
export const PACT_OUT_DIR = path.resolve(__dirname, '../../.pact-out');

/**
 * The parties of the seeds that call the systems (the consumers of the pacts). Besides the state systems:
 * `egov-mobile`, the citizen's eGov Mobile app (Wallet activation steps, the portal's cabinet); `canteen-terminal`,
 * the canteen staff's terminal calling the canteen system; `billing` calling back into the Wallet.
 */
export type Consumer =
  | 'egov'
  | 'egov-mobile'
  | 'wallet'
  | 'canteen'
  | 'canteen-terminal'
  | 'billing'
  | 'sdu'
  | 'nobd'
  | 'esobes'
  | 'social-portal';

/** A V4 pact between a calling party and a system, written to PACT_OUT_DIR as `<consumer>-<provider>.json`. */
export function pactBetween(consumer: Consumer, provider: string): PactV4 {
  return new PactV4({
    consumer,
    provider,
    dir: PACT_OUT_DIR,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'error',
  });
}

/**
 * Transport settings for a client under a consumer test: one attempt (the Pact mock server answers every retry
 * the same), no waiting, a fixed request id, and strict validation of every answer against the contract, so that
 * a pact whose responses break the contract fails here already. Error cases are expected here: logging is off.
 */
export function pactClientConfig(baseUrl: string) {
  return {
    baseUrl,
    retry: { maxAttempts: 1 },
    validation: 'strict' as const,
    requestId: () => 'pact-request-0001',
    sleep: async () => undefined,
    logger: createLogger({ level: 'silent' }),
  };
}

/** An RFC 9457 problem body with matchers on the fields a client reads (its `code`), for error interactions. */
export function problemBody(status: number, code: string, title: string) {
  return {
    type: MatchersV3.string(`https://kz-proactive.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`),
    title: MatchersV3.string(title),
    status,
    code: MatchersV3.string(code),
  };
}

/** An ISO date, `YYYY-MM-DD`, for `MatchersV3.regex`. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An RFC 3339 instant with its offset, for `MatchersV3.regex`. */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** A matcher for an ISO date, with the example the mock server answers. */
export const isoDate = (example: string) => MatchersV3.regex(ISO_DATE, example);
/** A matcher for an RFC 3339 instant, with the example the mock server answers. */
export const isoDateTime = (example: string) => MatchersV3.regex(ISO_DATE_TIME, example);

/** The response builder of a V4 interaction, as far as the tests use it (pact-js does not export its type). */
export interface PactResponseBuilder {
  headers(h: Record<string, string>): PactResponseBuilder;
  jsonBody(body: unknown): PactResponseBuilder;
}

/** A `willRespondWith` body builder answering an RFC 9457 problem (see {@link problemBody}). */
export const problemResponse = (status: number, code: string, title: string) => (b: PactResponseBuilder) =>
  void b.headers({ 'Content-Type': 'application/problem+json' }).jsonBody(problemBody(status, code, title));

/** The answer of a system that is down: 503 with a problem body. */
export const UNAVAILABLE_RESPONSE = problemResponse(503, 'UNAVAILABLE', 'Service unavailable');
