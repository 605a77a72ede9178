#!/usr/bin/env node
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { summarizeContracts } from '../contracts';
import { VERSION } from '../version';
import { createPopulation, populationJsonChunks } from '../../mocks/population';
import { maskIin, maskPhone } from '../domain';
import { verifyProvider } from './verify';
import { gasVoucherRules, homeSchoolingRules, schoolMealsRules, socialPortalRules } from '../domain';

/** Builds the kz-proactive command line; exported so that tests can run it in-process. */
export function buildCli(
  out: (line: string) => void = (l) => console.log(l),
  write: (chunk: string) => boolean | void = (c) => process.stdout.write(c),
): Command {
  const program = new Command('kz-proactive')
    .description(
      "Integration layer for Kazakhstan's proactive social services: contracts, adapters, mocks, pacts and flows.",
    )
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('systems')
    .description('list the state systems kz-proactive knows, with their contracts and operations')
    .option('--json', 'print one JSON document instead of a table')
    .action((opts: { json?: boolean }) => {
      const summaries = summarizeContracts();
      if (opts.json) {
        out(
          JSON.stringify(
            summaries.map((s) => ({
              id: s.system.id,
              name: s.system.name,
              protocol: s.system.protocol,
              contract: s.system.contract,
              version: s.version,
              mockPort: s.system.mockPort,
              operations: s.operations.map((o) => o.id),
              webhooks: s.webhooks,
            })),
          ),
        );
        return;
      }
      out(`kz-proactive ${VERSION}: ${summaries.length} state systems\n`);
      const rows = summaries.map((s) => [
        s.system.id,
        s.system.protocol === 'rest' ? 'REST' : 'SOAP/SHEP',
        String(s.operations.length),
        String(s.webhooks.length),
        s.system.contract,
        s.system.name,
      ]);
      out(table(['system', 'protocol', 'ops', 'hooks', 'contract', 'name'], rows));
      const total = summaries.reduce((n, s) => n + s.operations.length, 0);
      out(`\n${total} operations in all. See each contract for its schemas and examples.`);
    });

  program
    .command('rules')
    .description(
      'print the legal rules in force for a service (dates, deadlines, SMS codes), each citing its clause',
    )
    .argument('<service>', RULE_SERVICES.join(' | '))
    .option('--month <YYYY-MM>', 'gas-voucher: the reporting month')
    .option('--as-of <YYYY-MM-DD>', 'the other services: the day the rules are asked for')
    .action((service: string, opts: { month?: string; asOf?: string }) => {
      out(JSON.stringify(rulesFor(service, opts), null, 2));
    });

  program
    .command('population')
    .description('print the deterministic synthetic population the mocks serve, to pick test cases from')
    .option('--seed <seed>', 'seed of the population', 'kz-proactive')
    .option('--families <n>', 'number of families', '10')
    .option('--from <i>', 'first family to print', '0')
    .option('--limit <n>', 'families to print (default: all from --from on)')
    .option('--json', 'print the families as one JSON document (identifiers unmasked: synthetic data)')
    .action(
      async (opts: { seed: string; families: string; from: string; limit?: string; json?: boolean }) => {
        const pop = createPopulation({ seed: opts.seed, families: integer(opts.families, '--families') });
        const range = {
          from: integer(opts.from, '--from'),
          ...(opts.limit === undefined ? {} : { limit: integer(opts.limit, '--limit') }),
        };
        if (opts.json) {
          for (const chunk of populationJsonChunks(pop, range)) {
            // Respect back-pressure: a million families must not pile up in memory behind a slow pipe.
            if (write(chunk) === false) await new Promise((r) => process.stdout.once('drain', r));
          }
          return;
        }
        const rows: string[][] = [];
        const to = Math.min(pop.size, range.from + (range.limit ?? pop.size));
        for (const f of pop.families(range.from, to)) {
          for (const m of f.members) {
            rows.push([
              String(f.index),
              f.regionCode,
              m.role,
              maskIin(m.iin),
              m.birthDate,
              m.lifeStatus.code,
              m.phone ? maskPhone(m.phone.phone) : '-',
              String(m.benefitAccounts.length),
            ]);
          }
        }
        out(
          `Population "${pop.seed}": ${pop.size} families (identifiers masked; --json prints them whole)\n`,
        );
        out(table(['family', 'region', 'role', 'iin', 'born', 'life', 'phone', 'accounts'], rows));
      },
    );

  program
    .command('verify')
    .description("verify a provider (your test system, or a mock) against kz-proactive's pacts for it")
    .requiredOption('--provider <system>', 'system id of the provider, e.g. mab, banks, gbdfl')
    .requiredOption('--base-url <url>', 'where the provider under test listens')
    .option('--pact-dir <dir>', 'folder of the pact files (default: the pacts shipped with kz-proactive)')
    .option('--state-change-url <url>', 'endpoint that sets up provider states ({ state, params, action })')
    .option('--publish', 'publish the results to the Pact Broker at PACT_BROKER_BASE_URL')
    .action(
      async (opts: {
        provider: string;
        baseUrl: string;
        pactDir?: string;
        stateChangeUrl?: string;
        publish?: boolean;
      }) => {
        let publish;
        if (opts.publish) {
          // The only environment the library reads is here, in the CLI (architecture.md).
          const brokerUrl = process.env.PACT_BROKER_BASE_URL;
          if (!brokerUrl) throw new CommanderError(2, 'kz.verify', '--publish needs PACT_BROKER_BASE_URL.');
          const providerVersion = process.env.PACT_PROVIDER_VERSION ?? process.env.GIT_COMMIT ?? VERSION;
          const token = process.env.PACT_BROKER_TOKEN;
          publish = { brokerUrl, providerVersion, ...(token ? { token } : {}) };
        }
        const result = await verifyProvider({
          provider: opts.provider,
          baseUrl: opts.baseUrl,
          ...(opts.pactDir ? { pactDir: opts.pactDir } : {}),
          ...(opts.stateChangeUrl ? { stateChangeUrl: opts.stateChangeUrl } : {}),
          ...(publish ? { publish } : {}),
        });
        const names = result.pacts.map((p) => path.basename(p)).join(', ');
        if (result.ok) {
          out(`kz-proactive verify: ${opts.provider} honours ${result.pacts.length} pact(s): ${names}`);
          return;
        }
        throw new CommanderError(
          1,
          'kz.verify',
          `${opts.provider} does not honour ${names}: see the report above.`,
        );
      },
    );

  return program;
}

function integer(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CommanderError(2, 'kz.argument', `${flag} must be a whole number ≥ 0.`);
  return Number(value);
}

const RULE_SERVICES = ['gas-voucher', 'school-meals', 'home-schooling', 'social-portal'] as const;

function rulesFor(service: string, opts: { month?: string; asOf?: string }): unknown {
  const need = (value: string | undefined, flag: string): string => {
    if (!value) throw new CommanderError(2, 'kz.rules', `${service} needs ${flag}.`);
    return value;
  };
  switch (service) {
    case 'gas-voucher':
      return gasVoucherRules(need(opts.month, '--month YYYY-MM'));
    case 'school-meals':
      return schoolMealsRules(need(opts.asOf, '--as-of YYYY-MM-DD'));
    case 'home-schooling':
      return homeSchoolingRules(need(opts.asOf, '--as-of YYYY-MM-DD'));
    case 'social-portal':
      return socialPortalRules(need(opts.asOf, '--as-of YYYY-MM-DD'));
    default:
      throw new CommanderError(
        2,
        'kz.rules',
        `Unknown service "${service}": use ${RULE_SERVICES.join(', ')}.`,
      );
  }
}

/** Renders rows as an aligned plain-text table. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      // Commander has already printed its own parse errors, help and version; ours are printed here.
      if (err instanceof CommanderError && err.code.startsWith('commander.')) {
        process.exitCode = err.exitCode;
        return;
      }
      console.error(`kz-proactive: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = err instanceof CommanderError ? err.exitCode : 1;
    });
}
