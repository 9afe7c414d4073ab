import { importAppealBatch, type ImportFormat, type InvalidImportLine } from '@zemstvo/appeals';
import { installService, instancesRepo } from '@zemstvo/catalog';
import type { Database } from '@zemstvo/db';
import { ru2020, ru2021 } from '@zemstvo/forecast';
import { badRequest, notFound, type Ctx, type Sql, type Tenant } from '@zemstvo/kernel';
import { catchUpLexicon } from '@zemstvo/knowledge';
import { readJsonLines } from '@zemstvo/routing';
import { tenancyRepo } from '@zemstvo/tenancy';
import { installHooks, serviceRegistry } from '../modules.ts';

/** The applied-service package each import format files its appeals under. */
export const PACKAGE_OF_FORMAT: Readonly<Record<ImportFormat, string>> = { spb: 'city-portal' };

export interface ImportFileOptions {
  format: ImportFormat;
  municipality: string;
  /** The service instance's slug (default: the format's package slug); installed when missing. */
  service?: string;
  /** Read at most this many (non-blank) lines. */
  limit?: number;
  /** Lines per transaction. */
  batchSize?: number;
  ctxFor: (tx: Sql, tenant: Tenant) => Ctx;
  /** Called after every committed batch with the totals so far. */
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  lines: number;
  imported: number;
  existing: number;
  invalid: number;
  answers: number;
}

export interface ImportFileSummary extends ImportProgress {
  service: string;
  installed: boolean;
  departmentsCreated: number;
  invalidLines: InvalidImportLine[];
  seconds: number;
}

export const DEFAULT_BATCH_SIZE = 300;

/** The municipality's instance of the format's package: found, or installed now (audited). */
async function ensureService(
  db: Database,
  tenant: Tenant,
  opts: ImportFileOptions,
): Promise<{ slug: string; installed: boolean }> {
  const packageSlug = PACKAGE_OF_FORMAT[opts.format];
  const slug = opts.service ?? packageSlug;
  return db.transaction(async (tx) => {
    const existing = await instancesRepo.bySlug(tx, tenant.municipalityId, slug);
    if (existing) {
      if (existing.packageSlug !== packageSlug)
        throw badRequest(
          'incompatible_service',
          `Service ${slug} of ${tenant.slug} is the package ${existing.packageSlug}; --format ${opts.format} needs ${packageSlug}`,
        );
      if (!existing.enabled)
        throw badRequest('service_disabled', `Service ${slug} of ${tenant.slug} is disabled`);
      return { slug, installed: false };
    }
    await installService(opts.ctxFor(tx, tenant), serviceRegistry, installHooks, { packageSlug, slug });
    return { slug, installed: true };
  });
}

/**
 * Imports a JSON-lines file (gzip'd when it ends with .gz) of appeals into a municipality, in
 * batches of `batchSize` lines, one transaction each: an interrupted import keeps every committed
 * batch, and a re-run skips what is there (idempotency keys), so it resumes where it stopped.
 */
export async function importAppealsFile(
  db: Database,
  file: string,
  opts: ImportFileOptions,
): Promise<ImportFileSummary> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw badRequest('bad_batch_size', 'The batch size is a whole number from 1 to 5000');
  const tenant = await tenancyRepo.tenantBySlug(db, opts.municipality);
  if (!tenant) throw notFound(`Municipality ${opts.municipality}`, 'municipality_not_found');
  const lines = readJsonLines(file);
  const first = await lines.next(); // a missing or unreadable file fails here, before anything is installed
  const service = await ensureService(db, tenant, opts);
  const totals: ImportProgress = { lines: 0, imported: 0, existing: 0, invalid: 0, answers: 0 };
  const invalidLines: InvalidImportLine[] = [];
  let departmentsCreated = 0;
  let batch: { lineNo: number; value: unknown; error?: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const input = {
      format: opts.format,
      service: service.slug,
      lines: batch,
      calendarYears: [ru2020, ru2021],
    };
    const r = await db.transaction((tx) => importAppealBatch(opts.ctxFor(tx, tenant), input));
    totals.lines += batch.length;
    totals.imported += r.imported;
    totals.existing += r.existing;
    totals.invalid += r.invalid.length;
    totals.answers += r.answers;
    departmentsCreated += r.departmentsCreated;
    invalidLines.push(...r.invalid);
    batch = [];
    opts.onProgress?.({ ...totals });
  };
  const limit = opts.limit ?? Infinity;
  let read = 0;
  for (let next = first; !next.done && read < limit; next = await lines.next()) {
    read++;
    batch.push(next.value);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (read >= limit) await lines.return(undefined);
  // The typo lexicon learns the new stems (search would otherwise take them in bounded steps).
  if (totals.imported > 0) await db.transaction((tx) => catchUpLexicon(opts.ctxFor(tx, tenant)));
  return {
    ...totals,
    service: service.slug,
    installed: service.installed,
    departmentsCreated,
    invalidLines,
    seconds: (performance.now() - started) / 1000,
  };
}
