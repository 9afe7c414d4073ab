import { writeAudit } from '@zemstvo/audit';
import { badRequest, type Ctx } from '@zemstvo/kernel';
import { checkNumberFormat } from '../domain/numbering.ts';
import type { DocumentDirection } from '../domain/kinds.ts';
import { journalsRepo, type JournalRow } from '../infra/documents.repository.ts';

/** Returns the municipality's journal with this code, creating it on first use (package install). */
export async function ensureJournal(
  ctx: Ctx,
  j: { code: string; name: { ru: string; en: string }; direction: DocumentDirection; numberFormat: string },
): Promise<JournalRow> {
  const municipalityId = ctx.tenant!.municipalityId;
  const existing = await journalsRepo.byCode(ctx.tx, municipalityId, j.code);
  if (existing) return existing;
  const problem = checkNumberFormat(j.numberFormat);
  if (problem) throw badRequest('bad_number_format', `Journal ${j.code}: ${problem}`);
  const journal = await journalsRepo.insert(ctx.tx, municipalityId, {
    code: j.code,
    nameRu: j.name.ru,
    nameEn: j.name.en,
    direction: j.direction,
    numberFormat: j.numberFormat,
    resetYearly: true,
  });
  await writeAudit(ctx, {
    action: 'journal.created',
    entity: 'journal',
    entityId: journal.id,
    after: journal,
  });
  return journal;
}
