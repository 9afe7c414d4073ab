import { writeAudit } from '@zemstvo/audit';
import { computeDeadline } from '@zemstvo/calendar';
import { documentsRepo, recordEvent, registerDocument } from '@zemstvo/documents';
import { badRequest, conflict, type Ctx } from '@zemstvo/kernel';
import { STAGE_OF } from '../domain/statuses.ts';
import type { SpecialHandling } from '../domain/special-handling.ts';
import { appealsRepo, type QuestionRow } from '../infra/appeals.repository.ts';
import { applySpecialHandling } from './apply-special-handling.ts';
import { loadView, type AppealView } from './appeal-view.ts';
import { localDay, localToday, lockAppeal, serviceById, workingCalendar } from './context.ts';
import { searchTextOf } from './submit-appeal.ts';

export interface RegisterAppealInput {
  /** The questions of the appeal, each with a theme of the classifier; default: the whole text, one question. */
  questions?: { text: string; theme?: string | null }[];
  /** Reclassify on registration (the registrar reads the appeal). */
  category?: string;
  theme?: string | null;
  isPublic?: boolean;
  /** 59-FZ Art. 11 grounds decided at registration (see applySpecialHandling). */
  specialHandling?: { code: SpecialHandling; note?: string | null; forwardedTo?: string | null } | null;
}

/**
 * Registers an appeal (59-FZ Art. 8 p.2, within 3 days of receipt): a number in the package's
 * journal, the answer deadline from the registration date by the package's rule (Art. 12 p.1: 30
 * days) stored with the rule's code and version, the redirect deadline (Art. 8 p.3: 7 days), the
 * questions with their themes and the primary/repeated mark.
 */
export async function registerAppeal(
  ctx: Ctx,
  id: string,
  input: RegisterAppealInput = {},
): Promise<AppealView> {
  const appeal = await lockAppeal(ctx, id);
  if (appeal.registeredAt) throw conflict('already_registered', 'The appeal is already registered');
  const svc = await serviceById(ctx, appeal.serviceInstanceId);
  const m = svc.pkg.manifest;
  const categoryCode = input.category ?? appeal.categoryCode;
  const category = m.categories.find((c) => c.code === categoryCode);
  if (!category) throw badRequest('unknown_category', `No category ${categoryCode} in ${svc.instance.slug}`);
  const themeCode = input.theme !== undefined ? input.theme : input.category ? null : appeal.themeCode;
  const themes = new Set(m.categories.flatMap((c) => c.themes.map((t) => t.code)));
  if (themeCode && !category.themes.some((t) => t.code === themeCode))
    throw badRequest('unknown_theme', `No theme ${themeCode} in ${categoryCode}`);
  for (const q of input.questions ?? [])
    if (q.theme && !themes.has(q.theme))
      throw badRequest('unknown_theme', `No theme ${q.theme} in the classifier of ${svc.instance.slug}`);

  const late = localToday(ctx) > appeal.registrationDue;
  const doc = await registerDocument(ctx, id, m.journal.code, 'registered');
  const regDay = localDay(ctx, doc.regDate!);
  const calendar = await workingCalendar(ctx);
  const answer = computeDeadline(m.deadlines.answer, regDay, calendar);
  const redirect = m.deadlines.redirect ? computeDeadline(m.deadlines.redirect, regDay, calendar) : null;

  const given = input.questions?.length ? input.questions : [{ text: doc.body, theme: themeCode }];
  const questions: QuestionRow[] = [];
  for (const [i, q] of given.entries()) {
    const theme = q.theme ?? null;
    const repeatedOf = theme
      ? await appealsRepo.earlierAnswered(ctx.tx, ctx.tenant!.municipalityId, {
          excludeId: id,
          applicantUserId: appeal.applicantUserId,
          applicantEmail: appeal.applicantEmail,
          themeCode: theme,
          before: appeal.receivedAt,
        })
      : null;
    questions.push({
      n: i + 1,
      text: q.text,
      themeCode: theme,
      repetition: repeatedOf ? 'repeated' : 'primary',
      repeatedOf,
    });
  }
  await appealsRepo.replaceQuestions(ctx.tx, ctx.tenant!.municipalityId, id, questions);
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    {
      status: 'registered',
      stage: STAGE_OF.registered,
      registeredAt: doc.regDate!,
      answerDue: answer.due,
      redirectDue: redirect?.due ?? null,
      deadlineRule: answer.ruleCode,
      deadlineRuleVersion: answer.ruleVersion,
      categoryCode,
      themeCode,
      ...(input.isPublic !== undefined
        ? { isPublic: m.publicVisibility.publicByDefault && input.isPublic }
        : {}),
      searchText: searchTextOf(
        doc.regNumber,
        appeal.applicantName,
        appeal.applicantEmail,
        appeal.applicantPhone,
        doc.body,
      ),
    },
    ctx.clock.now(),
  );
  await documentsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    { dueDate: answer.due },
    ctx.clock.now(),
  );
  const facts = {
    regNumber: doc.regNumber,
    answerDue: answer.due,
    rule: answer.ruleCode,
    ruleVersion: answer.ruleVersion,
    source: m.deadlines.answer.source,
    redirectDue: redirect?.due ?? null,
    registrationDue: appeal.registrationDue,
    late,
    questions: questions.map((q) => ({
      n: q.n,
      theme: q.themeCode,
      repetition: q.repetition,
      repeatedOf: q.repeatedOf,
    })),
  };
  await recordEvent(ctx, id, 'appeal_registered', facts);
  await writeAudit(ctx, {
    action: 'appeal.registered',
    entity: 'appeal',
    entityId: id,
    before: { status: appeal.status, category: appeal.categoryCode, theme: appeal.themeCode },
    after: { status: 'registered', category: categoryCode, theme: themeCode, ...facts },
  });
  if (input.specialHandling) await applySpecialHandling(ctx, id, input.specialHandling);
  return loadView(ctx, (await appealsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id))!);
}
