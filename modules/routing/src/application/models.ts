import { writeAudit } from '@zemstvo/audit';
import { enqueueJob } from '@zemstvo/db';
import type { Ctx } from '@zemstvo/kernel';
import { modelsRepo, type ModelRow } from '../infra/models.repository.ts';
import { TRAIN_JOB } from './train-job.ts';

/**
 * Starts a training of the caller's municipality now: enqueues the job (a training already waiting
 * to start is reused rather than queued twice) and returns its id.
 */
export async function requestTraining(ctx: Ctx): Promise<{ jobId: number; queued: boolean }> {
  const m = ctx.tenant!.municipalityId;
  const waiting = await modelsRepo.waitingJob(ctx.tx, m, TRAIN_JOB, ctx.clock.now());
  if (waiting !== null) return { jobId: waiting, queued: false };
  const jobId = (await enqueueJob(ctx.tx, ctx.clock, {
    kind: TRAIN_JOB,
    municipalityId: m,
    payload: { reason: 'requested' },
    maxAttempts: 1,
  }))!;
  await writeAudit(ctx, { action: 'routing.training_requested', entity: 'routing_model', after: { jobId } });
  return { jobId, queued: true };
}

/** The municipality's training runs, newest first, with their holdout metrics. */
export async function listModels(ctx: Ctx): Promise<{ items: ModelRow[] }> {
  return { items: await modelsRepo.list(ctx.tx, ctx.tenant!.municipalityId) };
}
