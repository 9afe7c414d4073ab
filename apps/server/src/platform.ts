import { fileURLToPath } from 'node:url';
import pino, { type Logger as PinoLogger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { PermissionRegistry } from '@zemstvo/authz';
import { JobWorker, loadMigrations, migrate, openDatabase, type Database } from '@zemstvo/db';
import { createHttpApp, type Services } from '@zemstvo/http';
import { createIdentityModule, makeAuthenticate, makeTokenAuthenticator } from '@zemstvo/identity';
import { systemActor, systemClock, type Clock, type Ctx, type Sql } from '@zemstvo/kernel';
import { makeResolveAbilities, tenancyRepo } from '@zemstvo/tenancy';
import type { FileStorage } from '@zemstvo/storage';
import type { Config } from './config.ts';
import { openFileStorage } from './files/file-storage.ts';
import { FILE_SWEEP_JOB, makeFileSweepJob } from './files/sweep-job.ts';
import { migrationSources, modules } from './modules.ts';
import { seedDemo, type DemoSeedResult } from './seed/demo.ts';

export interface Platform {
  config: Config;
  db: Database;
  app: FastifyInstance;
  worker: JobWorker;
  services: Services;
  log: PinoLogger;
  demo: DemoSeedResult | null;
  /** A ctx for system work outside a request (CLI, jobs). */
  systemCtx(tx: Sql, name: string): Ctx;
  close(): Promise<void>;
}

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function buildPermissionRegistry(): PermissionRegistry {
  const registry = new PermissionRegistry();
  for (const m of modules) if (m.permissions) registry.register(m.permissions);
  registry.check();
  return registry;
}

export async function openMigratedDatabase(config: Config, log?: PinoLogger): Promise<Database> {
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  try {
    const result = await migrate(db, loadMigrations(migrationSources));
    if (result.applied.length) log?.info({ applied: result.applied }, 'migrations applied');
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/** The composition root: database, migrations, demo data, modules, HTTP app, job worker. */
export async function createPlatform(
  config: Config,
  opts: { clock?: Clock; logger?: PinoLogger; db?: Database; webDir?: string; storage?: FileStorage } = {},
): Promise<Platform> {
  const log = opts.logger ?? pino({ level: config.logLevel, base: { service: 'zemstvo' } });
  const clock = opts.clock ?? systemClock;
  const db = opts.db ?? (await openMigratedDatabase(config, log));
  const permissions = buildPermissionRegistry();
  const storage = opts.storage ?? (await openFileStorage(config.storage));
  const services: Services = {
    db,
    clock,
    log,
    permissions,
    storage,
    config: { publicUrl: config.publicUrl, devMode: config.devMode },
  };
  const systemCtx = (tx: Sql, name: string): Ctx => ({
    actor: systemActor(name),
    tenant: null,
    tx,
    clock,
    log,
    requestId: `system:${name}`,
  });

  let demo: DemoSeedResult | null = null;
  if (config.seedDemo) demo = await seedDemo(db, permissions, (tx) => systemCtx(tx, 'seed'), log);

  // The identity module configured for this installation (SMTP, throttling, identity providers).
  const identity = createIdentityModule({
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    rateLimits: { perIp: config.authRateLimitPerIp, perAccount: config.authRateLimitPerAccount },
    oidcProviders: config.oidcProviders,
    allowInsecureIssuers: config.devMode,
  });
  const activeModules = modules.map((m) => (m.name === identity.name ? identity : m));
  if (!config.devMode && !config.smtpUrl)
    log.warn('SMTP_URL is not set: mail (password reset links) will not be delivered');
  if (!config.devMode && !config.metricsToken)
    log.warn(
      'METRICS_TOKEN is not set: /metrics is open to anyone who reaches the server; set it or restrict /metrics at the proxy',
    );

  let ready = false;
  const app = await createHttpApp({
    services,
    modules: activeModules,
    authenticate: makeAuthenticate(clock, makeTokenAuthenticator(clock)),
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    resolveTenant: (sql, slug) => tenancyRepo.tenantBySlug(sql, slug),
    resolveAbilities: makeResolveAbilities(permissions),
    webDir: opts.webDir ?? WEB_DIST,
    isReady: () => ready,
    logger: log,
    imgSources: config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, 'a')).origin] : [],
  });
  // What the web app needs to know about this installation: the map tile server (MAP_TILE_URL), if any.
  app.get(
    '/api/config',
    { schema: { tags: ['config'], summary: 'Public settings of the web app (map tiles)' } },
    async () => ({
      map: { tileUrl: config.mapTileUrl || null, attribution: config.mapTileAttribution || null },
    }),
  );
  app.get(
    '/api/demo',
    { schema: { tags: ['demo'], summary: 'Demo logins, when demo data is loaded' } },
    async () => ({
      enabled: demo !== null,
      password: demo?.password ?? null,
      logins: demo?.logins ?? [],
    }),
  );

  const worker = new JobWorker({
    db,
    clock,
    log,
    pollMs: config.jobPollMs,
    makeCtx: (tx, job) => ({ ...systemCtx(tx, `job:${job.kind}`), requestId: `job:${job.id}` }),
  });
  for (const m of activeModules)
    for (const [kind, handler] of Object.entries(m.jobs ?? {})) worker.register(kind, handler);
  // The daily orphan-file sweep; `zemstvo start` schedules its first run (see files/sweep-job.ts).
  worker.register(FILE_SWEEP_JOB, makeFileSweepJob(storage));

  await app.ready();
  ready = true;
  return {
    config,
    db,
    app,
    worker,
    services,
    log,
    demo,
    systemCtx,
    async close() {
      ready = false;
      await app.close();
      await worker.stop();
      await db.close();
    },
  };
}
