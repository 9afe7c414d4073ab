import { verifyAudit } from '@zemstvo/audit';
import { AppError } from '@zemstvo/kernel';
import { loadConfig } from '@zemstvo/server';
import { openExistingDatabase } from '../cli-context.ts';
import { print } from '../run.ts';

/** Exit 0 when every chain verifies; exit 3 naming each altered or missing record otherwise. */
export async function auditVerifyCommand(opts: { json?: boolean }): Promise<void> {
  const db = await openExistingDatabase(loadConfig());
  try {
    const [t] = await db.query<{ t: string | null }>("SELECT to_regclass('audit_log')::text AS t");
    if (!t?.t)
      throw new AppError('not_migrated', 'The database has no audit log yet (run `zemstvo migrate`).', 400);
    const report = await db.transaction((tx) => verifyAudit(tx));
    if (opts.json) print(JSON.stringify(report, null, 2));
    else if (report.ok)
      print(`Audit log intact: ${report.checked} records in ${report.chains} chains verified.`);
    else {
      print(`AUDIT LOG TAMPERED: ${report.problems.length} problem(s) in ${report.checked} records:`);
      for (const p of report.problems) print(`  - ${p.message}`);
    }
    if (!report.ok) process.exitCode = 3;
  } finally {
    await db.close();
  }
}
