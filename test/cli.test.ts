import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildCli } from '../src/cli/main';
import { SYSTEM_IDS } from '../src/systems';
import { isValidIin } from '../src/domain';
import pkg from '../package.json';

async function run(args: string[]): Promise<string> {
  const lines: string[] = [];
  await buildCli(
    (l) => lines.push(l),
    (chunk) => {
      lines.push(chunk);
      return true;
    },
  ).parseAsync(['node', 'kz-proactive', ...args]);
  return lines.join('\n');
}

describe('kz-proactive CLI', () => {
  it('systems --json lists all fourteen systems with their operations', async () => {
    const systems = JSON.parse(await run(['systems', '--json'])) as { id: string; operations: string[] }[];
    expect(systems.map((s) => s.id)).toEqual([...SYSTEM_IDS]);
    for (const s of systems) expect(s.operations.length).toBeGreaterThan(0);
  });

  it('systems prints a table naming every system', async () => {
    const text = await run(['systems']);
    for (const id of SYSTEM_IDS) expect(text).toMatch(new RegExp(`^${id}\\s`, 'm'));
  });

  it('rules gas-voucher prints the amended dates for September 2025 with their sources', async () => {
    const rules = JSON.parse(await run(['rules', 'gas-voucher', '--month', '2025-09'])) as Record<
      string,
      unknown
    >;
    expect(rules).toMatchObject({
      activationFrom: '2025-09-07',
      activationTo: '2025-09-29',
      consentCode: '21*1',
    });
    expect(rules.source).toBeDefined();
  });

  it('rules refuses an unknown service and a missing month with a clear message', async () => {
    await expect(run(['rules', 'gas', '--month', '2025-09'])).rejects.toThrow(/Unknown service "gas"/);
    await expect(run(['rules', 'gas-voucher'])).rejects.toThrow(/needs --month/);
  });

  it('the built binary exits 1 with a one-line error and no stack on a bad month', () => {
    const bin = path.resolve(__dirname, '../dist/src/cli/main.js');
    const res = spawnSync(process.execPath, [bin, 'rules', 'gas-voucher', '--month', '2025-13'], {
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^kz-proactive: .*month/i);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('population --json prints the same valid synthetic families for the same seed', async () => {
    const args = ['population', '--seed', 's1', '--families', '5', '--json'];
    const text = (await run(args)).replace(/\n/g, '');
    expect((await run(args)).replace(/\n/g, '')).toBe(text);
    const doc = JSON.parse(text) as { size: number; families: { members: { iin: string }[] }[] };
    expect(doc.size).toBe(5);
    expect(doc.families).toHaveLength(5);
    for (const f of doc.families) for (const m of f.members) expect(isValidIin(m.iin)).toBe(true);
  });

  it('population without --json masks every IIN and phone', async () => {
    const text = await run(['population', '--seed', 's1', '--families', '3']);
    expect(text).toMatch(/\d{4}\*{6}\d{2}/);
    expect(text).not.toMatch(/\b\d{12}\b/);
    expect(text).not.toMatch(/\+77\d{9}/);
  });

  it('population refuses a size that is not a whole number', async () => {
    await expect(run(['population', '--families', '-3'])).rejects.toThrow(
      /--families must be a whole number/,
    );
  });

  it('the built binary answers --version and --help', () => {
    const bin = path.resolve(__dirname, '../dist/src/cli/main.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(
      /Usage: kz-proactive/,
    );
  });

  it('the package resolves by its own name through the exports map after the build', () => {
    const out = execFileSync(
      process.execPath,
      ['-e', "const k=require('kz-proactive'); process.stdout.write(String(k.isValidIin('850312400019')))"],
      { encoding: 'utf8', cwd: path.resolve(__dirname, '..') },
    );
    expect(out).toBe('true');
  });
});
