import * as path from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { VirtualClock, startMockServer, type RunningMock } from '../core';
import { createMabMock } from './app';

/**
 * The MAB mock honours every committed pact whose provider is MAB. Provider states go straight to the mock's
 * `/__admin/states` (pact-core posts `{ state, params, action }` there, with teardown after each interaction).
 */
const PACTS = ['egov-mab.json', 'esobes-mab.json', 'social-portal-mab.json'].map((f) =>
  path.resolve(__dirname, '../../pacts', f),
);

describe('MAB mock against the MAB pacts', () => {
  let server: RunningMock;

  beforeAll(async () => {
    // No seed phones: every phone an interaction needs comes from its provider state.
    server = await startMockServer(createMabMock({ clock: new VirtualClock() }));
  });

  afterAll(async () => {
    await server.close();
  });

  it('verifies the egov, esobes and social-portal pacts', async () => {
    await new Verifier({
      provider: 'mab',
      providerBaseUrl: server.url,
      pactUrls: PACTS,
      providerStatesSetupUrl: `${server.url}/__admin/states`,
      logLevel: 'error',
    }).verifyProvider();
    // The verifier set every state up through /__admin/states and tore it down again afterwards.
    const { recent } = (await (await fetch(`${server.url}/__admin/states`)).json()) as {
      recent: { state: string; action: string; values: Record<string, string> }[];
    };
    const setups = recent.filter((c) => c.action === 'setup');
    expect(setups).toHaveLength(recent.length / 2);
    expect(setups).toContainEqual(
      expect.objectContaining({
        state: 'a person with IIN 850312400019 has phone +77012345678 in MAB',
        values: { iin: '850312400019', phone: '+77012345678' },
      }),
    );
    expect(new Set(recent.map((c) => c.state))).toEqual(
      new Set([
        'a person with IIN 850312400019 has phone +77012345678 in MAB',
        'a person with IIN 820701300011 has no phone in MAB',
        'MAB is unavailable',
      ]),
    );
    // Nothing is left behind to leak into another interaction: the 503 fault went with its teardown.
    expect(await (await fetch(`${server.url}/__admin/faults`)).json()).toEqual({ faults: [] });
  }, 60_000);
});
