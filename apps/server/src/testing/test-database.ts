import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionRegistry } from '@zemstvo/authz';
import { loadMigrations, migrate, openDatabase, type Database } from '@zemstvo/db';
import { newId, sha256Hex, silentLogger, systemActor, systemClock } from '@zemstvo/kernel';
import { servicePackages } from '@zemstvo/services';
import { migrationSources, modules } from '../modules.ts';
import { seedDemo } from '../seed/demo.ts';

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL=postgres://… set (CI's
 * second run), a new database is cloned on that server (`CREATE DATABASE … TEMPLATE`) from a
 * template migrated (and seeded) once per server, and dropped at close; otherwise an in-memory
 * PGlite is loaded from a dump cached in the temp folder. Both are keyed by the migrations (and the
 * seed), and both are ~5× faster than running the migrations and the seed for every file.
 */
export async function openTestDatabase(opts: { demo?: boolean } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return openServerTestDatabase(serverUrl, opts.demo ?? false);
  const key = cacheKey(opts.demo ?? false);
  const file = join(tmpdir(), `zemstvo-test-${key}.tar`);
  if (existsSync(file)) {
    const { openPglite } = await import('@zemstvo/db/pglite');
    return openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
  }
  const db = await openDatabase({ url: 'memory://', dataDir: '' });
  await prepare(db, opts.demo ?? false);
  const dump = await (db as Database & { dump: () => Promise<Blob> }).dump();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return db;
}

/** Names what a prepared database holds: the migrations' checksums and, with the demo, the seed. */
function cacheKey(demo: boolean): string {
  const migrations = loadMigrations(migrationSources);
  return sha256Hex(
    migrations.map((m) => m.checksum).join() + (demo ? `:demo:${seedFingerprint()}` : ''),
  ).slice(0, 16);
}

/** Changes whenever the demo seed or the shipped service packages change, so a cached dump is never stale. */
function seedFingerprint(): string {
  const files = [
    new URL('../seed/demo.ts', import.meta.url),
    new URL('../seed/demo-data.ts', import.meta.url),
    new URL('../../../../modules/appeals/src/application/seed-demo-appeals.ts', import.meta.url),
    new URL('../../../../services/registry.generated.ts', import.meta.url),
    ...servicePackages.map((p) => new URL('./manifest.ts', p.dir)),
  ];
  return sha256Hex(files.map((f) => readFileSync(f, 'utf8')).join('\0'));
}

async function prepare(db: Database, demo: boolean): Promise<void> {
  await migrate(db, loadMigrations(migrationSources));
  if (demo) {
    const registry = new PermissionRegistry();
    for (const m of modules) if (m.permissions) registry.register(m.permissions);
    await seedDemo(
      db,
      registry,
      (tx) => ({
        actor: systemActor('seed'),
        tenant: null,
        tx,
        clock: systemClock,
        log: silentLogger,
        requestId: 'seed',
      }),
      silentLogger,
    );
  }
}

async function openServerTestDatabase(serverUrl: string, demo: boolean): Promise<Database> {
  const admin = await openDatabase({ url: serverUrl, dataDir: '', poolSize: 1 });
  const template = await ensureServerTemplate(admin, serverUrl, demo);
  const name = `zt_${newId().replaceAll('-', '').slice(0, 20)}`;
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openDatabase({ url: databaseUrl(serverUrl, name), dataDir: '', poolSize: 4 });
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
      await admin.close();
    },
  });
}

/**
 * The template database for this server and key, prepared by the first test file that needs it.
 * Files run in parallel workers: each that finds none prepares its own under a unique name and
 * renames it; the first rename wins and the others drop theirs. Nobody stays connected to a
 * template (PostgreSQL refuses to copy a database in use).
 */
async function ensureServerTemplate(admin: Database, serverUrl: string, demo: boolean): Promise<string> {
  const template = `zt_tpl_${cacheKey(demo)}`;
  const exists = async () =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).length > 0;
  if (await exists()) return template;
  const building = `zt_build_${newId().replaceAll('-', '').slice(0, 20)}`;
  await admin.exec(`CREATE DATABASE ${building}`);
  const db = await openDatabase({ url: databaseUrl(serverUrl, building), dataDir: '', poolSize: 4 });
  try {
    await prepare(db, demo);
  } finally {
    await db.close();
  }
  try {
    await admin.exec(`ALTER DATABASE ${building} RENAME TO ${template}`);
  } catch (e) {
    await admin.exec(`DROP DATABASE IF EXISTS ${building}`);
    if (!(await exists())) throw e;
  }
  return template;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
