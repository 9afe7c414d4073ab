import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, startServer, type ServerProcess } from '@zemstvo/cli/testing/cli-process';
import { call, login, type HttpSession } from '@zemstvo/cli/testing/http-client';
import { localDate, russianWorkingCalendar } from '@zemstvo/calendar';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';

/**
 * Control-of-execution jobs survive a killed server and never fire twice: the real `zemstvo start`
 * in child processes on one database, killed (SIGKILL) while reminders are due, restarted, and the
 * notifications and e-mails counted per assignment. The child's clock is the real one: due dates
 * are chosen so that every reminder is already due when the assignment is made.
 */
let target: ScratchTarget;

beforeAll(async () => {
  target = await createScratchTarget();
});
afterAll(async () => {
  await killAllChildren();
  await target?.dispose();
});

// The server's own calendar: from 2028 on plain weekends would differ from its projected holidays.
const calendar = russianWorkingCalendar();
const today = () => localDate(new Date(), 'Europe/Moscow');

interface Made {
  regNumber: string;
  assignmentId: string;
}

/** Registers orders and writes resolutions due the next working day: their reminders are due at once. */
async function makeDueAssignments(url: string, count: number, label: string): Promise<Made[]> {
  const registrar = await login(url, 'registrar@zarechny.demo.zemstvo.ru');
  const head = await login(url, 'head@zarechny.demo.zemstvo.ru');
  const members = await call(url, head, 'GET', '/api/m/zarechny/members');
  const executor = (members.json as { items: { userId: string; email: string }[] }).items.find(
    (m) => m.email === 'executor@zarechny.demo.zemstvo.ru',
  )!.userId;
  const due = calendar.addWorkingDays(today(), 1);
  const made: Made[] = [];
  for (let i = 0; i < count; i++) {
    const order = await call(url, registrar, 'POST', '/api/m/zarechny/documents/incoming', {
      kind: 'order',
      title: `Поручение ${label}-${i}`,
      authorOrg: 'Правительство края',
      senderNumber: `${label}-${i}`,
      senderDate: today(),
      dueDate: calendar.addWorkingDays(due, 10),
    });
    expect(order.status, JSON.stringify(order.json)).toBe(201);
    const doc = order.json as { id: string; regNumber: string };
    const res = await call(url, head, 'POST', `/api/m/zarechny/documents/${doc.id}/resolutions`, {
      responsibleUserId: executor,
      dueDate: due,
      instruction: 'Исполнить в срок.',
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    made.push({
      regNumber: doc.regNumber,
      assignmentId: (res.json as { assignments: { id: string }[] }).assignments[0]!.id,
    });
  }
  return made;
}

async function remindersSeen(url: string, session: HttpSession): Promise<string[]> {
  const res = await call(url, session, 'GET', '/api/me/notifications?limit=200');
  return (res.json as { items: { kind: string; assignmentId: string }[] }).items
    .filter((n) => n.kind === 'reminder')
    .map((n) => n.assignmentId);
}

describe(
  `control of execution across restarts (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 600_000 },
  () => {
    it('a killed-and-restarted server sends each due reminder exactly once', async () => {
      // 1. The worker drains once at start, then not for a minute: reminders become due and wait.
      const first = await startServer({ ...target.env, JOB_POLL_MS: '60000' });
      const waiting = await makeDueAssignments(first.url, 3, 'A');
      await first.stop('SIGKILL');

      // 2. A busy worker: killed right after the assignments are made, maybe in the middle of its work.
      const second = await startServer({ ...target.env, JOB_POLL_MS: '50' });
      const racing = await makeDueAssignments(second.url, 3, 'B');
      await second.stop('SIGKILL');

      // 3. Restarted: every due reminder goes out; then a graceful stop.
      const all = [...waiting, ...racing];
      const third: ServerProcess = await startServer({ ...target.env, JOB_POLL_MS: '50' });
      const executor = await login(third.url, 'executor@zarechny.demo.zemstvo.ru');
      for (let i = 0; i < 600; i++) {
        const seen = new Set(await remindersSeen(third.url, executor));
        if (all.every((a) => seen.has(a.assignmentId))) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await third.stop('SIGTERM')).code).toBe(0);

      // 4. Once more, a full start and stop: nothing fires again.
      const fourth = await startServer({ ...target.env, JOB_POLL_MS: '50' });
      await login(fourth.url, 'executor@zarechny.demo.zemstvo.ru');
      expect((await fourth.stop('SIGTERM')).code).toBe(0);

      const db = await target.open();
      try {
        for (const a of all) {
          const notes = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM notifications WHERE assignment_id = $1 AND kind = 'reminder'`,
            [a.assignmentId],
          );
          expect(notes[0]!.n, `reminders of ${a.regNumber}`).toBe(1);
          const mails = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = 'executor@zarechny.demo.zemstvo.ru'
             AND subject LIKE 'Земство: Напоминание%' AND subject LIKE '%' || $1`,
            [a.regNumber],
          );
          expect(mails[0]!.n, `reminder e-mails of ${a.regNumber}`).toBe(1);
        }
        const jobs = await db.query<{ unique_key: string; done: boolean }>(
          `SELECT unique_key, done_at IS NOT NULL AS done FROM jobs WHERE kind = 'documents.assignment.remind'`,
        );
        expect(jobs).toHaveLength(all.length);
        expect(jobs.every((j) => j.done)).toBe(true);
      } finally {
        await db.close();
      }
    });
  },
);
