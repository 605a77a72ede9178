import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMabMock, startMockServer, VirtualClock } from '../mocks';
import { buildCli } from '../src/cli/main';
import { pactsFor, verifyProvider } from '../src/cli/verify';
import * as path from 'node:path';

// `kz-proactive verify`: what a partner runs in CI against their own system. Here the "partner" is our MAB mock
// (honours the pacts) and a MAB that answers with the phone under another name (does not).

const PACTS = path.resolve(__dirname, '../pacts');

describe('kz-proactive verify', () => {
  it('finds the pacts of a provider by the provider name inside them', () => {
    expect(pactsFor('mab', PACTS).map((p) => path.basename(p))).toEqual([
      'egov-mab.json',
      'esobes-mab.json',
      'social-portal-mab.json',
    ]);
  });

  it('passes a provider that honours every MAB pact, setting states through its state-change URL', async () => {
    const mab = await startMockServer(createMabMock({ clock: new VirtualClock() }));
    try {
      const lines: string[] = [];
      await buildCli((l) => lines.push(l)).parseAsync([
        'node',
        'kz-proactive',
        'verify',
        '--provider',
        'mab',
        '--base-url',
        mab.url,
        '--state-change-url',
        `${mab.url}/__admin/states`,
      ]);
      expect(lines.join('\n')).toMatch(/mab honours 3 pact\(s\): egov-mab.json, esobes-mab.json/);
    } finally {
      await mab.close();
    }
  }, 60_000);

  it('fails, with a non-zero exit, a provider that breaks the pacts', async () => {
    const wrong = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ iin: '850312400019', mobile: '+77012345678' }));
    });
    await new Promise<void>((r) => wrong.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`;
    try {
      const result = await verifyProvider({ provider: 'mab', baseUrl: url, logLevel: 'error' });
      expect(result.ok).toBe(false);
      await expect(
        buildCli(() => undefined).parseAsync([
          'node',
          'kz-proactive',
          'verify',
          '--provider',
          'mab',
          '--base-url',
          url,
        ]),
      ).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/mab does not honour/) });
    } finally {
      wrong.closeAllConnections();
      await new Promise((r) => wrong.close(r));
    }
  }, 60_000);

  it('refuses an unknown provider and a base URL that is not http(s)', async () => {
    await expect(verifyProvider({ provider: 'gbd', baseUrl: 'http://127.0.0.1:1' })).rejects.toThrow(
      /Unknown system "gbd"/,
    );
    await expect(verifyProvider({ provider: 'mab', baseUrl: 'file:///etc/passwd' })).rejects.toThrow(
      /--base-url must be an http\(s\) URL/,
    );
  });
});
