import { Command, Option } from 'commander';
import { action } from './run.ts';
import { startCommand } from './commands/start.ts';
import { migrateCommand } from './commands/migrate.ts';
import { auditVerifyCommand } from './commands/audit.ts';
import { seedCommand } from './commands/seed.ts';
import { USER_KINDS, usersAddCommand } from './commands/users.ts';
import { backupCommand } from './commands/backup.ts';
import { restoreCommand } from './commands/restore.ts';
import { registerRoutingCommands } from './commands/routing.ts';
import { registerForecastCommand } from './commands/forecast.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerFilesCommands } from './commands/files.ts';
import { registerMunicipalityCommands } from './commands/municipality.ts';

/**
 * The `zemstvo` command with every subcommand and option, not yet parsed (the docs test walks it).
 */
export function buildProgram(): Command {
  // Exit codes: 0 ok; 1 refused (a clear message and its code); 2 unexpected error; 3 audit log
  // tampered; 64 bad usage (unknown command or option, missing argument).
  const program = new Command()
    .name('zemstvo')
    .description(
      'Zemstvo — the Digital Municipality platform.\n' +
        'The database is PGlite in DATA_DIR (default ./.data), or the PostgreSQL server in DATABASE_URL.\n' +
        'Configuration comes from the environment (see docs/configuration.md).',
    )
    .showHelpAfterError()
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 64);
    });

  program
    .command('start')
    .description(
      'Run the server on the configured database (PGlite in DATA_DIR by default), with demo data on first start',
    )
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(action(startCommand));

  program
    .command('migrate')
    .description('Apply pending database migrations (they also apply at start)')
    .option('--status', 'only list pending migrations')
    .action(action(migrateCommand));

  program
    .command('seed')
    .description(
      'Load the demo region (municipalities, departments, staff per role, residents) into an empty database',
    )
    .action(action(seedCommand));

  const users = program.command('users').description('User accounts');
  users
    .command('add')
    .description('Create a user (audited); staff can be made members of a municipality with roles')
    .requiredOption('--email <email>', 'e-mail address, the login')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--kind <kind>', 'kind of account').choices(USER_KINDS).makeOptionMandatory())
    .addOption(new Option('--locale <locale>', 'language of the account').choices(['ru', 'en']).default('ru'))
    .option('--region <slug>', 'region of a regional user (required for --kind regional)')
    .option('--municipality <slug>', 'municipality a staff user joins (needs --role)')
    .option('--role <keys...>', 'role keys in that municipality, e.g. --role registrar executor')
    .option('--password-stdin', 'read the password from standard input (without it the user has no password)')
    .addHelpText(
      'after',
      '\nExample:\n  printf %s "$PASSWORD" | zemstvo users add --email clerk@example.ru --name "Ольга Петрова" \\\n' +
        '    --kind staff --municipality zarechny --role registrar --password-stdin',
    )
    .action(action(usersAddCommand));

  program
    .command('backup')
    .description(
      'Write one archive (tar.gz) with a consistent snapshot of the whole database and the stored files its rows name',
    )
    .requiredOption('-o, --output <file>', 'the backup file to write, e.g. zemstvo-2026-01-15.tar.gz')
    .option('--force', 'replace the file if it exists')
    .action(action(backupCommand));

  program
    .command('restore')
    .description(
      'Restore a backup (archive, or an older database-only .jsonl.gz) into an empty database at the same migration level, and its files into the file storage (FILES_DIR, or the S3 bucket)',
    )
    .requiredOption('-i, --input <file>', 'the backup file to read')
    .option('--force', 'replace all data of a database that is not empty')
    .action(action(restoreCommand));

  const audit = program.command('audit').description('The tamper-evident audit log');
  audit
    .command('verify')
    .description('Recompute every hash of the audit chains; names any altered or deleted record (exit 3)')
    .option('--json', 'print the report as JSON')
    .action(action(auditVerifyCommand));

  registerRoutingCommands(program);
  registerForecastCommand(program);
  registerImportCommand(program);
  registerFilesCommands(program);
  registerMunicipalityCommands(program);

  return program;
}
