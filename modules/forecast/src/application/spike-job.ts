import type { InstallHook, ServiceRegistry } from '@zemstvo/catalog';
import { enqueueJob, type JobHandler } from '@zemstvo/db';
import type { Ctx, Tenant } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { z } from 'zod';
import { nextScan } from '../domain/scan-schedule.ts';
import { scanSpikes } from './scan-spikes.ts';

/** The daily spike scan of one municipality; each run schedules the next. */
export const SPIKE_SCAN_JOB = 'forecast.spikes.scan';

const payloadSchema = z.object({ municipality: z.string() });

/**
 * Schedules the municipality's next daily scan in the caller's transaction. The unique key names
 * the municipality and the day, so the job exists once per day however often this is called, and
 * it lives in the database: a restart neither loses nor repeats it.
 */
export async function scheduleSpikeScan(ctx: Ctx, tenant: Tenant): Promise<void> {
  // The scan runs in the municipality's morning, by its own time zone.
  const next = nextScan(ctx.clock.now(), tenant.timeZone);
  await enqueueJob(ctx.tx, ctx.clock, {
    kind: SPIKE_SCAN_JOB,
    payload: { municipality: tenant.slug },
    runAt: next.at,
    municipalityId: tenant.municipalityId,
    uniqueKey: `forecast.spikes:${tenant.municipalityId}:${next.date}`,
  });
}

/** Installing a service package starts the municipality's daily spike scans (once). */
export const forecastInstallHook: InstallHook = async (ctx) => {
  if (ctx.tenant) await scheduleSpikeScan(ctx, ctx.tenant);
};

/** The job: scan the municipality, then schedule tomorrow's scan. */
export function makeSpikeScanJob(registry: ServiceRegistry, installation: { publicUrl: string }): JobHandler {
  return async (job, jobCtx) => {
    const p = payloadSchema.parse(job.payload);
    const tenant = await tenancyRepo.tenantBySlug(jobCtx.tx, p.municipality);
    if (!tenant || tenant.municipalityId !== job.municipalityId) return;
    const ctx: Ctx = { ...jobCtx, tenant };
    await scanSpikes(ctx, registry, installation.publicUrl);
    await scheduleSpikeScan(ctx, tenant);
  };
}
