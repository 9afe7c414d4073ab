import { writeAudit } from '@zemstvo/audit';
import { actorUserId, type Ctx } from '@zemstvo/kernel';
import { DEFAULT_TARGETS, type Targets } from '../domain/cityscore.ts';
import { targetsRepo } from '../infra/targets.repository.ts';

/** The municipality's CityScore targets, or the defaults while it has none of its own. */
export async function effectiveTargets(ctx: Ctx): Promise<Targets & { custom: boolean }> {
  const own = await targetsRepo.get(ctx.tx, ctx.tenant!.municipalityId);
  if (!own) return { ...DEFAULT_TARGETS, custom: false };
  const { updatedAt: _, ...targets } = own;
  return { ...targets, custom: true };
}

/** Sets the municipality's CityScore targets (audited with the previous values). */
export async function setTargets(ctx: Ctx, input: Targets): Promise<Targets & { custom: boolean }> {
  const before = await effectiveTargets(ctx);
  await targetsRepo.put(ctx.tx, ctx.tenant!.municipalityId, input, actorUserId(ctx.actor), ctx.clock.now());
  await writeAudit(ctx, {
    action: 'analytics.targets_set',
    entity: 'analytics_targets',
    entityId: ctx.tenant!.municipalityId,
    before,
    after: input,
  });
  return { ...input, custom: true };
}
