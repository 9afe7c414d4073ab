import { verifyAudit } from '@zemstvo/audit';
import { loadConfig, openMigratedDatabase } from '@zemstvo/server';
import { print } from '../run.ts';

/** Exit 0 when every chain verifies; exit 3 naming each altered or missing record otherwise. */
export async function auditVerifyCommand(opts: { json?: boolean }): Promise<void> {
  const db = await openMigratedDatabase(loadConfig());
  try {
    const report = await db.transaction((tx) => verifyAudit(tx));
    if (opts.json) print(JSON.stringify(report, null, 2));
    else if (report.ok) print(`Audit log intact: ${report.checked} records in ${report.chains} chains verified.`);
    else {
      print(`AUDIT LOG TAMPERED: ${report.problems.length} problem(s) in ${report.checked} records:`);
      for (const p of report.problems) print(`  - ${p.message}`);
    }
    if (!report.ok) process.exitCode = 3;
  } finally {
    await db.close();
  }
}
