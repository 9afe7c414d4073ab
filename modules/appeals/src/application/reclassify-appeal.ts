import { writeAudit } from '@zemstvo/audit';
import { recordEvent } from '@zemstvo/documents';
import { badRequest, conflict, type Ctx } from '@zemstvo/kernel';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { lockAppeal, serviceById } from './context.ts';

export interface ReclassifyInput {
  category?: string;
  /** A theme of the (new) category; null clears it. Omitted: kept when it belongs to the category. */
  theme?: string | null;
}

export interface Classification {
  category: string;
  theme: string | null;
}

/**
 * Staff change the category and theme of an open appeal (e.g. accepting a routing suggestion),
 * validated against the package's classifier; recorded in the case history and the audit.
 */
export async function reclassifyAppeal(
  ctx: Ctx,
  id: string,
  input: ReclassifyInput,
): Promise<Classification> {
  const appeal = await lockAppeal(ctx, id);
  if (appeal.closedAt) throw conflict('appeal_closed', 'A closed appeal keeps its classification');
  const m = (await serviceById(ctx, appeal.serviceInstanceId)).pkg.manifest;
  const categoryCode = input.category ?? appeal.categoryCode;
  const category = m.categories.find((c) => c.code === categoryCode);
  if (!category)
    throw badRequest('unknown_category', `No category ${categoryCode} in this service`, {
      category: categoryCode,
    });
  const inCategory = (t: string | null) => t === null || category.themes.some((x) => x.code === t);
  const themeCode =
    input.theme !== undefined ? input.theme : inCategory(appeal.themeCode) ? appeal.themeCode : null;
  if (!inCategory(themeCode))
    throw badRequest('unknown_theme', `No theme ${themeCode} in ${categoryCode}`, { theme: themeCode });
  const before: Classification = { category: appeal.categoryCode, theme: appeal.themeCode };
  const after: Classification = { category: categoryCode, theme: themeCode };
  if (before.category === after.category && before.theme === after.theme) return after;
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    { categoryCode, themeCode },
    ctx.clock.now(),
  );
  await recordEvent(ctx, id, 'appeal_reclassified', { from: before, to: after });
  await writeAudit(ctx, { action: 'appeal.reclassified', entity: 'appeal', entityId: id, before, after });
  return after;
}
