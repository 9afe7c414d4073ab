import { Command } from 'commander';
import { action } from './run.ts';
import { startCommand } from './commands/start.ts';
import { migrateCommand } from './commands/migrate.ts';
import { auditVerifyCommand } from './commands/audit.ts';

const program = new Command()
  .name('zemstvo')
  .description('Zemstvo — the Digital Municipality platform.\nConfiguration comes from the environment (see docs/configuration.md).')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 64);
  });

program
  .command('start')
  .description('Run the server on the configured database (PGlite in DATA_DIR by default), with demo data on first start')
  .option('-p, --port <port>', 'port to listen on (overrides PORT)')
  .action(action(startCommand));

program
  .command('migrate')
  .description('Apply pending database migrations (they also apply at start)')
  .option('--status', 'only list pending migrations')
  .action(action(migrateCommand));

const audit = program.command('audit').description('The tamper-evident audit log');
audit
  .command('verify')
  .description('Recompute every hash of the audit chains; names any altered or deleted record (exit 3)')
  .option('--json', 'print the report as JSON')
  .action(action(auditVerifyCommand));

await program.parseAsync(process.argv);
