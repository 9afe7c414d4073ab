import type { Database } from '@zemstvo/db';
import { createUser, usersRepo } from '@zemstvo/identity';
import type { Ctx, Sql } from '@zemstvo/kernel';
import { addMember, tenancyRepo } from '@zemstvo/tenancy';
import { ensureJournal } from '../application/journals.ts';
import { createDocument, registerDocument } from '../application/register-document.ts';
import type { DocumentRow } from '../infra/documents.repository.ts';
import { executionRepo } from '../infra/execution.repository.ts';

/** What the factories need of a platform (a test platform fits). */
export interface PlatformLike {
  db: Database;
  systemCtx(tx: Sql, name: string): Ctx;
}

/** Runs `fn` in one transaction as the system, inside a municipality. */
export async function inMunicipality<T>(
  p: PlatformLike,
  slug: string,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return p.db.transaction(async (tx) => {
    const tenant = await tenancyRepo.tenantBySlug(tx, slug);
    if (!tenant) throw new Error(`no municipality ${slug}`);
    return fn({ ...p.systemCtx(tx, 'test-factory'), tenant });
  });
}

export const TEST_JOURNAL = {
  code: 'test_in',
  name: { ru: 'Тестовый журнал', en: 'Test journal' },
  direction: 'incoming',
  numberFormat: 'Т-{yyyy}/{seq:4}',
} as const;

/** A registered incoming document (kind `appeal` unless told), optionally of a service instance and with a legal deadline. */
export async function makeRegisteredIncoming(
  p: PlatformLike,
  slug: string,
  opts: {
    kind?: string;
    dueDate?: string | null;
    title?: string;
    serviceInstanceId?: string | null;
    authorName?: string;
  } = {},
): Promise<DocumentRow> {
  return inMunicipality(p, slug, async (ctx) => {
    await ensureJournal(ctx, TEST_JOURNAL);
    const doc = await createDocument(ctx, {
      direction: 'incoming',
      kind: opts.kind ?? 'appeal',
      status: 'received',
      title: opts.title ?? 'Яма во дворе дома 5 по улице Лесной',
      body: 'Прошу засыпать яму во дворе.',
      authorUserId: null,
      authorName: opts.authorName ?? 'Елена Жителева',
      authorOrg: null,
      addressee: null,
      signatoryUserId: null,
      sourceChannel: 'web',
      parentId: null,
      serviceInstanceId: opts.serviceInstanceId ?? null,
      externalRef: null,
      dueDate: opts.dueDate ?? null,
    });
    return registerDocument(ctx, doc.id, TEST_JOURNAL.code);
  });
}

/** A new staff member of the municipality with the given demo roles; returns the user id. */
export async function addStaff(
  p: PlatformLike,
  slug: string,
  email: string,
  roleKeys: readonly string[],
  displayName = email,
): Promise<string> {
  return inMunicipality(p, slug, async (ctx) => {
    const user = await createUser(ctx, { email, displayName, kind: 'staff', password: 'zemstvo-demo-2026' });
    await addMember(ctx, { userId: user.id, positionId: null, roleKeys });
    return user.id;
  });
}

export async function userIdOf(p: PlatformLike, email: string): Promise<string> {
  const user = await p.db.transaction((tx) => usersRepo.byEmail(tx, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** An open assignment of `executorEmail` (default: the demo executor there) on a new registered document. */
export async function makeAssignment(
  p: PlatformLike,
  slug: string,
  executorEmail = `executor@${slug}.demo.zemstvo.ru`,
): Promise<string> {
  const doc = await makeRegisteredIncoming(p, slug);
  const executorId = await userIdOf(p, executorEmail);
  return inMunicipality(p, slug, async (ctx) => {
    const m = ctx.tenant!.municipalityId;
    const now = ctx.clock.now();
    const resolution = await executionRepo.insertResolution(ctx.tx, m, {
      documentId: doc.id,
      authorUserId: executorId,
      instruction: 'Test',
      dueDate: '2099-12-31',
      supersedes: null,
      now,
    });
    const a = await executionRepo.insertAssignment(ctx.tx, m, {
      resolutionId: resolution.id,
      documentId: doc.id,
      executorUserId: executorId,
      role: 'responsible',
      dueDate: '2099-12-31',
      now,
    });
    return a.id;
  });
}
