import { submitAppeal } from '@zemstvo/appeals';
import type { Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';

/** What the dataset needs of a platform (a test platform fits). */
export interface PlatformLike {
  db: { transaction<T>(fn: (tx: Ctx['tx']) => Promise<T>): Promise<T> };
  systemCtx(tx: Ctx['tx'], name: string): Ctx;
}

export interface CaseSpec {
  received: string;
  registered?: string | null;
  answerDue?: string | null;
  closed?: string | null;
  rating?: number | null;
  rejected?: string | null;
  category?: string;
  theme?: string | null;
  district?: string | null;
  executorOrg?: string | null;
  lat?: number | null;
  lon?: number | null;
  /** A staff member made the responsible executor by a head's resolution. */
  executorEmail?: string;
}

/**
 * Files appeals through the intake use case, then sets their history (dates, outcome, rating) as
 * if it had happened: the analytics read exactly these columns.
 */
export async function makeCases(
  p: PlatformLike,
  slug: string,
  specs: readonly CaseSpec[],
): Promise<string[]> {
  return p.db.transaction(async (tx) => {
    const tenant = await tenancyRepo.tenantBySlug(tx, slug);
    const ctx = { ...p.systemCtx(tx, 'analytics-test'), tenant };
    const ids: string[] = [];
    for (const s of specs) {
      const { appeal } = await submitAppeal(ctx, {
        service: 'appeals-59fz',
        category: 'housing',
        fields: {
          last_name: 'Аналитикова',
          first_name: 'Ольга',
          email: 'probe@example.org',
          text: 'Проверка аналитики',
        },
        channel: 'api',
      });
      const form: Record<string, string> = {};
      if (s.district) form.district = s.district;
      if (s.executorOrg) form.executor_org = s.executorOrg;
      await tx.query(
        `UPDATE appeals SET received_at = $3, registered_at = $4, answer_due = $5, closed_at = $6, rating = $7,
            rejected_at = $8, category_code = $9, theme_code = $10, form = form || $11::jsonb, lat = $12, lon = $13,
            registration_due = ($3::timestamptz AT TIME ZONE $14::text)::date + 3
          WHERE municipality_id = $1 AND document_id = $2`,
        [
          tenant!.municipalityId,
          appeal.id,
          s.received,
          s.registered === undefined ? s.received : s.registered,
          s.answerDue ?? null,
          s.closed ?? null,
          s.rating ?? null,
          s.rejected ?? null,
          s.category ?? 'housing',
          s.theme === undefined ? 'utilities' : s.theme,
          JSON.stringify(form),
          s.lat ?? null,
          s.lon ?? null,
          tenant!.timeZone,
        ],
      );
      if (s.executorEmail)
        await tx.query(
          `WITH r AS (
             INSERT INTO resolutions (municipality_id, document_id, author_user_id, instruction, due_date, created_at)
             SELECT $1, $2, u.id, 'Рассмотреть', $4::timestamptz::date + 30, $4 FROM users u WHERE u.email = $3
             RETURNING id, author_user_id)
           INSERT INTO assignments (municipality_id, resolution_id, document_id, executor_user_id, role, due_date, created_at)
           SELECT $1, r.id, $2, r.author_user_id, 'responsible', $4::timestamptz::date + 30, $4 FROM r`,
          [tenant!.municipalityId, appeal.id, s.executorEmail, s.received],
        );
      ids.push(appeal.id);
    }
    return ids;
  });
}
