import * as fs from 'node:fs';
import * as path from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { packageRoot, systemById } from '../systems';

/** What `kz-proactive verify` is given. */
export interface VerifyOptions {
  /** System id whose pacts are verified (the provider), e.g. `mab`. */
  readonly provider: string;
  /** Where the provider under test listens. */
  readonly baseUrl: string;
  /** Folder of the pact files; default the package's pacts/. */
  readonly pactDir?: string;
  /** Endpoint that sets up provider states: the verifier posts `{ state, params, action }` to it. */
  readonly stateChangeUrl?: string;
  /** Send the results to the Pact Broker at `brokerUrl` (with `providerVersion`). */
  readonly publish?: {
    readonly brokerUrl: string;
    readonly providerVersion: string;
    readonly token?: string;
  };
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

/** The outcome: which pacts were verified, and whether every interaction passed. */
export interface VerifyResult {
  readonly ok: boolean;
  readonly pacts: readonly string[];
  /** The verifier's error summary when not ok (its full report goes to stdout as it runs). */
  readonly error?: string;
}

/** The pact files in `dir` whose provider is `provider` (`<consumer>-<provider>.json`). */
export function pactsFor(provider: string, dir: string): string[] {
  if (!fs.existsSync(dir)) throw new Error(`No pact folder at ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => {
      const pact = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { provider?: { name?: string } };
      return pact.provider?.name === provider;
    })
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Verifies a running provider (a partner's test system, or one of our mocks) against every pact of kz-proactive
 * whose provider it is. Resolves with ok: false on any mismatch; rejects only on bad options.
 * @throws Error on an unknown system, a base URL that is not http(s), or no pact for the provider.
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyResult> {
  const system = systemById(options.provider);
  for (const [name, url] of [
    ['--base-url', options.baseUrl],
    ['--state-change-url', options.stateChangeUrl],
  ] as const) {
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url))
      throw new Error(`${name} must be an http(s) URL`);
  }
  const dir = path.resolve(options.pactDir ?? path.join(packageRoot(), 'pacts'));
  const pacts = pactsFor(system.id, dir);
  if (pacts.length === 0) throw new Error(`No pact in ${dir} has provider "${system.id}"`);
  const verifier = new Verifier({
    provider: system.id,
    providerBaseUrl: options.baseUrl,
    pactUrls: pacts,
    logLevel: options.logLevel ?? 'warn',
    ...(options.stateChangeUrl ? { providerStatesSetupUrl: options.stateChangeUrl } : {}),
    ...(options.publish
      ? {
          publishVerificationResult: true,
          pactBrokerUrl: options.publish.brokerUrl,
          providerVersion: options.publish.providerVersion,
          ...(options.publish.token ? { pactBrokerToken: options.publish.token } : {}),
        }
      : {}),
  });
  try {
    await verifier.verifyProvider();
    return { ok: true, pacts };
  } catch (err) {
    return { ok: false, pacts, error: err instanceof Error ? err.message : String(err) };
  }
}
