/**
 * How fast the staff inbox is with 100,000 appeals in one municipality (plus the demo data).
 * Run: `npx tsx modules/appeals/scripts/bench-inbox.ts [count]` (PGlite; with TEST_DATABASE_URL on a
 * PostgreSQL server). Prints the time of each box and filter (median of 5 runs, page of 50 with
 * its total) and the plan of the slowest. A measurement for people, not a test with thresholds.
 */
import { performance } from 'node:perf_hooks';
import { openTestDatabase } from '@zemstvo/server/testing';
import { inboxRepo, type InboxQuery } from '../src/infra/inbox.repository.ts';

const count = Number(process.argv[2] ?? 100_000);
const db = await openTestDatabase({ demo: true });
const [m] = await db.query<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'zarechny'`);
const [svc] = await db.query<{ id: string }>(`SELECT id FROM service_instances WHERE municipality_id = $1 AND slug = 'appeals-59fz'`, [m!.id]);
const [head] = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'head@zarechny.demo.zemstvo.ru'`);

let t = performance.now();
await db.transaction(async (tx) => {
  // Bulk load without other modules' triggers (search indexing): this measures the inbox, not them.
  await tx.query(`SET LOCAL session_replication_role = replica`);
  // Documents and appeals spread over two years; a fifth registered, a third closed, some overdue.
  await tx.query(
    `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, author_name, source_channel, service_instance_id,
       reg_number, reg_date, created_at, updated_at)
     SELECT $1, md5('bench' || g)::uuid, 'incoming', 'appeal', CASE WHEN g % 5 = 0 THEN 'received' ELSE 'registered' END,
       'Обращение ' || g, 'Прошу разобраться с вопросом номер ' || g || ' во дворе дома ' || (g % 300),
       'Заявитель ' || (g % 5000), 'web', $2,
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'Б-' || g END, now() - (g % 700) * interval '1 day',
       now() - (g % 700) * interval '1 day', now()
     FROM generate_series(1, $3) g`,
    [m!.id, svc!.id, count],
  );
  await tx.query(
    `INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, theme_code, applicant_name, applicant_email,
       is_public, status, stage, received_at, registered_at, registration_due, answer_due, deadline_rule, deadline_rule_version,
       closed_at, search_text)
     SELECT $1, md5('bench' || g)::uuid, $2, (ARRAY['housing','social','economy','state_society','security_law'])[1 + g % 5], NULL,
       'Заявитель ' || (g % 5000), 'user' || (g % 5000) || '@example.org', false,
       CASE WHEN g % 5 = 0 THEN 'received' WHEN g % 3 = 0 THEN 'answered' ELSE 'in_progress' END,
       CASE WHEN g % 5 = 0 THEN 'receipt' WHEN g % 3 = 0 THEN 'answered' ELSE 'consideration' END,
       now() - (g % 700) * interval '1 day', CASE WHEN g % 5 = 0 THEN NULL ELSE now() - (g % 700) * interval '1 day' END,
       (now() - (g % 700) * interval '1 day')::date + 3, CASE WHEN g % 5 = 0 THEN NULL ELSE (now() - (g % 700) * interval '1 day')::date + 30 END,
       'fz59.answer', 1, CASE WHEN g % 3 = 0 AND g % 5 <> 0 THEN now() END,
       lower('Б-' || g || ' Заявитель ' || (g % 5000) || ' user' || (g % 5000) || '@example.org Прошу разобраться с вопросом номер ' || g)
     FROM generate_series(1, $3) g`,
    [m!.id, svc!.id, count],
  );
});
await db.query('ANALYZE');
console.log(`inserted ${count} appeals in ${((performance.now() - t) / 1000).toFixed(1)} s on ${db.kind}`);

const base: InboxQuery = { box: 'all', userId: head!.id, canSign: true, today: new Date().toISOString().slice(0, 10), sort: 'received_desc', limit: 50, offset: 0 };
const cases: [string, Partial<InboxQuery>][] = [
  ['all, first page', {}],
  ['all, page 1000', { offset: 50_000 }],
  ['to_register', { box: 'to_register' }],
  ['to_decide', { box: 'to_decide' }],
  ['to_execute', { box: 'to_execute' }],
  ['to_approve', { box: 'to_approve' }],
  ['to_sign', { box: 'to_sign' }],
  ['overdue', { box: 'overdue' }],
  ['overdue, by due date', { box: 'overdue', sort: 'due_asc' }],
  ['status in_progress', { statuses: ['in_progress'] }],
  ['category social + dates', { category: 'social', from: '2026-01-01', to: '2026-03-31' }],
  ['search by number', { q: 'б-77777' }],
  ['search by applicant', { q: 'заявитель 4242' }],
  ['search by text', { q: 'номер 12345' }],
];
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, q] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    total = (await db.transaction((tx) => inboxRepo.page(tx, m!.id, { ...base, ...q }))).total;
    times.push(performance.now() - t);
  }
  console.log(`${name.padEnd(28)} ${median(times).toFixed(1).padStart(7)} ms   total ${total}`);
}
const counts: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  await db.transaction((tx) => inboxRepo.counts(tx, m!.id, base));
  counts.push(performance.now() - t);
}
console.log(`${'box counts (tabs)'.padEnd(28)} ${median(counts).toFixed(1).padStart(7)} ms`);
await db.close();
