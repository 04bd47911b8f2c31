import { ConfigError, startupFailureDetail, startupFailureLine } from '@crm/application';
import { DEFAULT_DEMO_OPTIONS, demoOptionProblems } from '@crm/demo-data';
import { AggregateKind } from '@crm/domain';
import { allProjections } from '@crm/projections';
import { Command, CommanderError } from 'commander';
import { CliIo, EXIT_FAILURE, EXIT_USAGE, writeLine } from './cli-io';
import { runAsOf } from './commands/as-of.command';
import { runAuditExport } from './commands/audit-export.command';
import { runRebuild } from './commands/rebuild.command';
import { runSeed } from './commands/seed.command';
import { runStatus } from './commands/status.command';
import { dateArg, integerArg, kindArg, recordIdArg, tenantArg, UsageError } from './usage';

type SeedFlags = {
  seed: number;
  accounts: number;
  contactsPerAccount: number;
  leads: number;
  dealsPerAccount: number;
  interactionsPerContact: number;
  tickets: number;
  campaigns: number;
  tasks: number;
  tenant: string;
  start: Date;
  days: number;
};
type AuditFlags = { tenant: string; kind?: AggregateKind; id?: string; out?: string };
type AsOfFlags = { tenant: string; kind: AggregateKind; id: string; at: Date };

const D = DEFAULT_DEMO_OPTIONS;
const count = integerArg(0, 1_000_000);
const projectionNames = allProjections.map((projection) => projection.name);

const seedCommand = (program: Command, io: CliIo, done: (code: number) => void): void => {
  program
    .command('seed')
    .description('generate deterministic demo data through the real command path')
    .option('--seed <n>', 'seed of the generator', integerArg(0, 2 ** 32 - 1), D.seed)
    .option('--accounts <n>', 'accounts', count, D.accounts)
    .option('--contacts-per-account <n>', 'contacts of each account', count, D.contactsPerAccount)
    .option('--leads <n>', 'leads', count, D.leads)
    .option('--deals-per-account <n>', 'deals of each account', count, D.dealsPerAccount)
    .option(
      '--interactions-per-contact <n>',
      'calls, emails, meetings, notes per contact',
      count,
      D.interactionsPerContact,
    )
    .option('--tickets <n>', 'service tickets', count, D.tickets)
    .option('--campaigns <n>', 'marketing campaigns', count, D.campaigns)
    .option('--tasks <n>', 'tasks', count, D.tasks)
    .option('--tenant <id>', 'tenant to seed', tenantArg, D.tenantId)
    .option('--start <date>', 'simulated time of the first command', dateArg, D.start)
    .option('--days <n>', 'days the history spreads over', integerArg(1, 36_500), D.days)
    .action(async (flags: SeedFlags) => {
      const { tenant, ...sizes } = flags;
      const options = { ...sizes, tenantId: tenant };
      const problems = demoOptionProblems(options);
      if (problems.length > 0) throw new UsageError(problems.join('; '));
      done(await runSeed(options, io));
    });
};

const rebuildCommand = (program: Command, io: CliIo, done: (code: number) => void): void => {
  program
    .command('rebuild')
    .description('rebuild read models from the whole log into fresh generations')
    .option('--projection <name...>', `only these (${projectionNames.join(', ')})`)
    .action(async (flags: { projection?: string[] }) => {
      const unknown = (flags.projection ?? []).filter((name) => !projectionNames.includes(name));
      if (unknown.length > 0) {
        throw new UsageError(
          `unknown projection ${unknown.join(', ')}; known: ${projectionNames.join(', ')}`,
        );
      }
      done(await runRebuild({ projections: flags.projection ?? [] }, io));
    });
};

const statusCommand = (program: Command, io: CliIo, done: (code: number) => void): void => {
  program
    .command('status')
    .description('projections and process managers against the head of the log')
    .option('--json', 'machine-readable output', false)
    .action(async (flags: { json: boolean }) => done(await runStatus(flags, io)));
};

const auditExportCommand = (program: Command, io: CliIo, done: (code: number) => void): void => {
  program
    .command('audit-export')
    .description("a tenant's log, or one record's history, as NDJSON")
    .option('--tenant <id>', 'tenant', tenantArg, D.tenantId)
    .option('--kind <kind>', 'kind of the one record to export (with --id)', kindArg)
    .option('--id <id>', 'id of the one record to export (with --kind)', recordIdArg)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (flags: AuditFlags) => {
      if ((flags.kind === undefined) !== (flags.id === undefined)) {
        throw new UsageError(
          '--kind and --id go together: give both to export one record, or neither',
        );
      }
      const record = flags.kind && flags.id ? { kind: flags.kind, id: flags.id } : undefined;
      done(await runAuditExport({ tenantId: flags.tenant, record, out: flags.out }, io));
    });
};

const asOfCommand = (program: Command, io: CliIo, done: (code: number) => void): void => {
  program
    .command('as-of')
    .description("a record's read-model document as it was at a moment")
    .requiredOption('--kind <kind>', 'record kind', kindArg)
    .requiredOption('--id <id>', 'record id', recordIdArg)
    .requiredOption('--at <iso>', 'the moment, e.g. 2025-06-30T12:00:00Z', dateArg)
    .option('--tenant <id>', 'tenant', tenantArg, D.tenantId)
    .action(async (flags: AsOfFlags) =>
      done(
        await runAsOf({ tenantId: flags.tenant, kind: flags.kind, id: flags.id, at: flags.at }, io),
      ),
    );
};

const buildProgram = (io: CliIo, done: (code: number) => void): Command => {
  const program = new Command()
    .name('crm-cli')
    .description('Admin commands of the event-sourced CRM (stores under CRM_DATA_DIR)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)');
  for (const register of [
    seedCommand,
    rebuildCommand,
    statusCommand,
    auditExportCommand,
    asOfCommand,
  ]) {
    register(program, io, done);
  }
  program.commands.forEach((command) => command.exitOverride());
  return program;
};

/**
 * Runs one command line and answers its exit code: 0 done, 1 failed, 2 bad usage (the message
 * says what is wrong).
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  let exitCode = 0;
  try {
    await buildProgram(io, (code) => (exitCode = code)).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof UsageError || error instanceof ConfigError) {
      writeLine(io.stderr, `error: ${error.message}`);
      return EXIT_USAGE;
    }
    writeLine(io.stderr, `error: ${startupFailureLine(error)}`);
    if (io.env.CRM_LOG_LEVEL === 'debug' || io.env.CRM_LOG_LEVEL === 'verbose') {
      writeLine(io.stderr, startupFailureDetail(error));
    }
    return EXIT_FAILURE;
  }
};
