import { MockContract } from './contract';

/**
 * Contract checks for the tests of every mock: each response a test sees goes through one of these, so that a
 * mock cannot drift from its contract unnoticed (architecture.md: every mock response is validated in tests).
 */

function contractOf(system: string | MockContract): MockContract {
  return system instanceof MockContract ? system : MockContract.forSystem(system);
}

/**
 * Asserts that `body` with `status` (and `contentType`, default the JSON media type the contract declares) is a
 * response the contract declares for `operationId`.
 * @throws Error listing every violation.
 */
export function expectResponseConformsToContract(
  system: string | MockContract,
  operationId: string,
  status: number,
  body: unknown,
  contentType?: string,
): void {
  const contract = contractOf(system);
  const problems = contract.validateResponse(operationId, status, body, contentType);
  if (problems.length > 0) {
    throw new Error(`Response breaks the ${contract.system} contract:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Asserts that `body` is an RFC 9457 problem as the common contract defines it (for answers outside any
 * operation: unknown routes, 405, admin errors) and that it carries the fields every mock problem has.
 * @throws Error describing what is missing.
 */
export function expectProblem(system: string | MockContract, body: unknown, status?: number): void {
  const contract = contractOf(system);
  const errors = contract.validateAt('/components/schemas/Problem', body);
  const b = body as Record<string, unknown> | null;
  const missing = ['type', 'title', 'status', 'code', 'requestId'].filter((k) => b?.[k] === undefined);
  if (errors.length > 0 || missing.length > 0 || (status !== undefined && b?.status !== status)) {
    throw new Error(
      `Not a problem body${status === undefined ? '' : ` of status ${status}`}: ${[
        ...errors.map((e) => `${e.path || '(body)'} ${e.message}`),
        ...missing.map((k) => `${k} is missing`),
        ...(status !== undefined && b?.status !== status ? [`status is ${String(b?.status)}`] : []),
      ].join('; ')}`,
    );
  }
}

/** A response as an HTTP client saw it. */
export interface SeenResponse {
  readonly method: string;
  /** Path with or without the query, as sent. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

/**
 * Checks any response a test saw: for a path and method of the contract, against that operation's declared
 * responses; for anything else (unknown routes, 405s), that it is a problem body.
 * @throws Error on a violation.
 */
export function expectSeenResponseConformsToContract(
  system: string | MockContract,
  seen: SeenResponse,
): void {
  const contract = contractOf(system);
  const rawPath = seen.path.split('?')[0] ?? '';
  const match = contract.match(seen.method, rawPath);
  if (match.kind === 'operation') {
    expectResponseConformsToContract(
      contract,
      match.operation.operationId,
      seen.status,
      seen.body,
      seen.contentType,
    );
    return;
  }
  if (!seen.contentType?.startsWith('application/problem+json')) {
    throw new Error(`${seen.method} ${rawPath} → ${seen.status} is not application/problem+json`);
  }
  expectProblem(contract, seen.body, seen.status);
}
