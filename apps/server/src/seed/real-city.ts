import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PermissionRegistry } from '@zemstvo/authz';
import type { Database } from '@zemstvo/db';
import type { Ctx, Logger, Sql } from '@zemstvo/kernel';
import { enqueueTrainingForAll } from '@zemstvo/routing';
import { tenancyRepo } from '@zemstvo/tenancy';
import { importAppealsFile, type ImportFileSummary } from '../import/import-appeals-file.ts';
import type { Platform } from '../platform.ts';
import { demoRoles, demoRegion, demoStaffNames, staffEmail } from './demo-data.ts';
import { seedDemoStaffAndServices, type DemoLogin } from './demo.ts';

/**
 * The demo's "real city": a third municipality of the demo region holding real appeals — the
 * committed 3,000-appeal sample of St. Petersburg's city portal (Oct 2020 – Jan 2021), imported
 * like `zemstvo import appeals --format spb` would. It is loaded by `zemstvo start` after the
 * server is ready (never by the demo seed that test databases use), and resumes on the next
 * start if the server stopped half-way.
 */
export const realCity = {
  slug: 'spb',
  nameRu: 'Санкт-Петербург (демо: реальные обращения)',
  nameEn: 'Saint Petersburg (demo: real appeals)',
  ftsConfig: 'russian',
  timeZone: 'Europe/Moscow',
} as const;

export const REAL_CITY_SAMPLE = fileURLToPath(
  new URL('../../../../data/samples/spb-appeals-sample.jsonl.gz', import.meta.url),
);

export function realCityLogins(): DemoLogin[] {
  return demoRoles.map((r) => ({
    email: staffEmail(r.key, realCity.slug),
    kind: 'staff' as const,
    municipality: realCity.slug,
    role: r.key,
    name: demoStaffNames[r.key]!,
  }));
}

/** Creates the municipality with the demo's staff and services, once; false when the demo region is missing. */
async function ensureRealCity(
  db: Database,
  registry: PermissionRegistry,
  ctxFor: (tx: Sql) => Ctx,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const region = (await tenancyRepo.listRegions(tx)).find((r) => r.slug === demoRegion.slug);
    if (!region) return false;
    if (await tenancyRepo.municipalityBySlug(tx, realCity.slug)) return true;
    const { id } = await tenancyRepo.insertMunicipality(tx, { ...realCity, regionId: region.id });
    const tenant = {
      municipalityId: id,
      regionId: region.id,
      slug: realCity.slug,
      ftsConfig: realCity.ftsConfig,
      timeZone: realCity.timeZone,
    };
    await seedDemoStaffAndServices({ ...ctxFor(tx), tenant }, registry);
    return true;
  });
}

/**
 * Makes sure the real city exists and holds the sample (an idempotent import: a finished one
 * re-reads the file and adds nothing). Returns null when there is no demo region or no sample.
 */
export async function seedRealCity(
  db: Database,
  registry: PermissionRegistry,
  ctxFor: (tx: Sql) => Ctx,
  log: Logger,
  opts: { onCreated?: () => void; sample?: string } = {},
): Promise<ImportFileSummary | null> {
  const sample = opts.sample ?? REAL_CITY_SAMPLE;
  if (!existsSync(sample)) return null;
  if (!(await ensureRealCity(db, registry, ctxFor))) return null;
  opts.onCreated?.();
  const summary = await importAppealsFile(db, sample, {
    format: 'spb',
    municipality: realCity.slug,
    ctxFor: (tx, tenant) => ({ ...ctxFor(tx), tenant }),
    // Small batches: the server answers requests between them (PGlite has one connection, and a
    // batch holds it: 100 appeals kept /healthz waiting up to 9 s on a loaded 2-core machine).
    batchSize: 25,
  });
  if (summary.imported > 0)
    log.info(
      {
        municipality: realCity.slug,
        imported: summary.imported,
        existing: summary.existing,
        seconds: Math.round(summary.seconds),
      },
      'demo: real appeals imported',
    );
  return summary;
}

/**
 * `zemstvo start` on demo data: loads the real city after the server is ready, so the first start
 * still answers /readyz at once; its staff logins join the start page's list when it exists.
 * Failures are logged (the rest of the demo works without it).
 */
export async function loadRealCityInBackground(p: Platform): Promise<void> {
  const demo = p.demo;
  if (!demo || demo.logins.length === 0) return;
  const addLogins = () => {
    if (!demo.logins.some((l) => l.municipality === realCity.slug)) demo.logins.push(...realCityLogins());
  };
  try {
    const summary = await seedRealCity(p.db, p.services.permissions, (tx) => p.systemCtx(tx, 'seed'), p.log, {
      onCreated: addLogins,
    });
    // Its routing model trains on the imported history now rather than at night.
    if (summary && summary.imported > 0) await enqueueTrainingForAll(p.db, p.services.clock);
  } catch (e) {
    p.log.warn({ err: e }, 'demo: the real city could not be loaded');
  }
}
