/**
 * Per-call cost of the adapters on loopback, in one run (issue 3):
 *   - the HTTP adapter (MAB getPhoneByIin, strict contract validation, a pino line per call at info) against raw
 *     axios (keep-alive agent, no redirects) fetching the same body;
 *   - the SOAP adapter (GBD FL getPerson through the SHEP SyncChannel) against the HTTP adapter.
 * The server runs in its own process. Rounds are interleaved so that drift hits every side alike; each figure
 * is the median over rounds of the per-call wall time and the client's CPU time. Last line: one JSON object.
 *
 *   npx tsx bench/adapters.bench.ts [--calls 3000] [--rounds 7]
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { once } from 'node:events';
import axios from 'axios';
import pino from 'pino';
import { MabClient } from '../adapters/mab';
import { GbdflClient, type GbdflCallOptions } from '../adapters/gbdfl';
import { createLogger } from '../adapters/transport';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CALLS = arg('calls', 3000);
const ROUNDS = arg('rounds', 7);
const IIN = '850312400019';

type Side = { name: string; call: () => Promise<unknown> };
type Sample = { wallUs: number; cpuUs: number };

async function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixture-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { port: Number(chunk.toString().trim()), stop: () => child.kill('SIGTERM') };
}

async function measure(side: Side, calls: number): Promise<Sample> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await side.call();
  const wallNs = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(cpu0);
  return { wallUs: wallNs / 1000 / calls, cpuUs: (cpu.user + cpu.system) / calls };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round2 = (x: number): number => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  // Logging on: every call writes its line (level info, masking included) to /dev/null through pino's buffered
  // asynchronous destination, as a production service would configure it.
  const logger = createLogger({
    level: 'info',
    destination: pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 }),
  });

  const raw = axios.create({
    baseURL: base,
    httpAgent: new http.Agent({ keepAlive: true }),
    maxRedirects: 0,
    timeout: 10_000,
  });
  const mab = new MabClient({ baseUrl: base, validation: 'strict', logger });
  const gbdfl = new GbdflClient({
    endpoint: `${base}/shep/sync`,
    credentials: { senderId: 'bench-esobes', password: 'bench-password' },
    validation: 'strict',
    logger,
  });
  const consent: GbdflCallOptions = {
    consentToken: 'bench-consent-token-0001',
    requester: { system: 'esobes', service: 'homeSchoolingCompensation' },
  };

  const sides: Side[] = [
    { name: 'rawAxios', call: () => raw.get(`/phones/${IIN}`).then((r) => r.data) },
    { name: 'httpAdapter', call: () => mab.getPhoneByIin(IIN) },
    { name: 'soapAdapter', call: () => gbdfl.getPerson(IIN, consent) },
  ];
  try {
    for (const side of sides) await measure(side, Math.min(2000, CALLS)); // warm-up: JIT, sockets, validators
    const samples = new Map<string, Sample[]>(sides.map((s) => [s.name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const side of sides) samples.get(side.name)!.push(await measure(side, CALLS));
    }
    const fig = (name: string, k: keyof Sample) => median(samples.get(name)!.map((s) => s[k]));
    const result = {
      bench: 'adapters',
      calls: CALLS,
      rounds: ROUNDS,
      node: process.version,
      medianWallUs: Object.fromEntries(sides.map((s) => [s.name, round2(fig(s.name, 'wallUs'))])),
      medianCpuUs: Object.fromEntries(sides.map((s) => [s.name, round2(fig(s.name, 'cpuUs'))])),
      ratios: {
        httpAdapterVsRawAxiosWall: round2(fig('httpAdapter', 'wallUs') / fig('rawAxios', 'wallUs')),
        httpAdapterVsRawAxiosCpu: round2(fig('httpAdapter', 'cpuUs') / fig('rawAxios', 'cpuUs')),
        soapAdapterVsHttpAdapterWall: round2(fig('soapAdapter', 'wallUs') / fig('httpAdapter', 'wallUs')),
        soapAdapterVsHttpAdapterCpu: round2(fig('soapAdapter', 'cpuUs') / fig('httpAdapter', 'cpuUs')),
      },
      targets: { httpAdapterVsRawAxios: 1.15, soapAdapterVsHttpAdapter: 2 },
    };
    console.log('side          wall µs/call   client CPU µs/call');
    for (const s of sides) {
      console.log(
        `${s.name.padEnd(13)} ${String(result.medianWallUs[s.name]).padStart(12)}   ${String(result.medianCpuUs[s.name]).padStart(18)}`,
      );
    }
    console.log(JSON.stringify(result));
  } finally {
    server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
