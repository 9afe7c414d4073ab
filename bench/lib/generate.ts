import type { Database } from '@zemstvo/db';
import { servicePackages } from '@zemstvo/services';
import type { SamplePieces } from './sample.ts';

export interface Target {
  municipalityId: string;
  serviceId: string;
  /** `category/theme` pairs of the 59-FZ package. */
  themes: string[];
}

/** The demo municipality «zarechny» and its 59-FZ appeals service. */
export async function findTarget(db: Database): Promise<Target> {
  const [row] = await db.query<{ m: string; svc: string }>(
    `SELECT s.municipality_id AS m, s.id AS svc FROM service_instances s JOIN municipalities x ON x.id = s.municipality_id
     WHERE x.slug = 'zarechny' AND s.slug = 'appeals-59fz'`,
  );
  if (!row) throw new Error('the demo municipality zarechny with appeals-59fz is missing');
  const pkg = servicePackages.find((p) => p.manifest.slug === 'appeals-59fz');
  const themes = (pkg?.manifest.categories ?? []).flatMap((c) =>
    (c.themes ?? []).map((t) => `${c.code}/${t.code}`),
  );
  return { municipalityId: row.m, serviceId: row.svc, themes };
}

const CHUNK = 50_000;

/**
 * Loads `count` appeals (documents + appeals) set-based with INSERT … SELECT generate_series:
 * texts, addresses and districts of the real sample recombined, categories and themes of the
 * package, dates spread over two years; a fifth not yet registered, a third answered. Triggers
 * are off while loading (session_replication_role = replica) and the secondary indexes of
 * documents, appeals and search entries dropped; the search index is then rebuilt set-based
 * (knowledge_reindex), the indexes re-created, the dashboard's summaries rebuilt (analytics_rebuild),
 * the typo lexicon caught up.
 * Returns the seconds spent per phase.
 */
export async function generateAppeals(
  db: Database,
  t: Target,
  s: SamplePieces,
  count: number,
  log: (m: string) => void,
) {
  const times: Record<string, number> = {};
  let t0 = performance.now();
  // Secondary indexes (not backing a constraint) are dropped while loading and built once after.
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
     WHERE i.indrelid IN ('documents'::regclass, 'appeals'::regclass, 'search_entries'::regclass)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  for (const i of indexes) await db.exec(`DROP INDEX ${i.name}`);
  times.drop_indexes = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(INSERT_DOCUMENTS, [t.municipalityId, t.serviceId, from, to, s.texts, s.addresses]);
      await tx.query(INSERT_APPEALS, [
        t.municipalityId,
        t.serviceId,
        from,
        to,
        s.texts,
        s.addresses,
        s.districts,
        t.themes,
      ]);
    });
    log(`  generated ${to.toLocaleString('en')} / ${count.toLocaleString('en')} appeals`);
  }
  times.load = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await db.query('SELECT knowledge_reindex($1)', [t.municipalityId]);
  times.reindex = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (const i of indexes)
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL maintenance_work_mem = '${db.kind === 'postgres' ? '512MB' : '128MB'}'`);
      await tx.exec(i.def);
    });
  times.indexes = (performance.now() - t0) / 1000;
  t0 = performance.now();
  // The dashboard's per-day summaries, set-based (their triggers were off while loading).
  await db.query('SELECT analytics_rebuild($1)', [t.municipalityId]);
  times.summaries = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await db.query('SELECT knowledge_lexicon_catch_up($1)', [count + 100_000]);
  times.lexicon = (performance.now() - t0) / 1000;
  t0 = performance.now();
  // VACUUM too: the steady state of a real database (hint bits set, visibility map, the lexicon
  // queue's million deleted rows gone), not an autovacuum of the fresh load running during the
  // measurements (see docs/performance.md, search).
  await db.exec('VACUUM (ANALYZE)');
  times.analyze = (performance.now() - t0) / 1000;
  return times;
}

// $1 municipality, $2 service, $3..$4 the range, $5 texts, $6 addresses (documents); $7 districts (appeals).
const TEXT = `($5::text[])[(1 + (g::bigint * 7919) % cardinality($5::text[]))::int] || ' ' || ($5::text[])[(1 + (g::bigint * 104729 + 17) % cardinality($5::text[]))::int]`;
const DAY = `now() - ((g * 7) % 730) * interval '1 day' - (g % 86400) * interval '1 second'`;

const INSERT_DOCUMENTS = `
  INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, author_name, source_channel,
    service_instance_id, reg_number, reg_date, created_at, updated_at)
  SELECT $1, md5('bench' || g)::uuid, 'incoming', 'appeal', CASE WHEN g % 5 = 0 THEN 'received' ELSE 'registered' END,
    'Обращение: ' || left(${TEXT}, 120), ${TEXT} || E'\\n' || ($6::text[])[1 + g % cardinality($6::text[])],
    'Заявитель ' || (g % 5000), 'web', $2,
    CASE WHEN g % 5 = 0 THEN NULL ELSE 'Б-' || g END, CASE WHEN g % 5 = 0 THEN NULL ELSE ${DAY} END, ${DAY}, now()
  FROM generate_series($3::int, $4::int) g`;

// $8 category/theme pairs.
const INSERT_APPEALS = `
  INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, theme_code, applicant_name,
    applicant_email, is_public, status, stage, received_at, registered_at, registration_due, answer_due, deadline_rule,
    deadline_rule_version, closed_at, address, form, search_text)
  SELECT $1, md5('bench' || g)::uuid, $2, split_part(th, '/', 1), split_part(th, '/', 2),
    'Заявитель ' || (g % 5000), 'user' || (g % 5000) || '@example.org', false,
    CASE WHEN g % 5 = 0 THEN 'received' WHEN g % 3 = 0 THEN 'answered' ELSE 'in_progress' END,
    CASE WHEN g % 5 = 0 THEN 'receipt' WHEN g % 3 = 0 THEN 'answered' ELSE 'consideration' END,
    ${DAY}, CASE WHEN g % 5 = 0 THEN NULL ELSE ${DAY} END,
    (${DAY})::date + 3, CASE WHEN g % 5 = 0 THEN NULL ELSE (${DAY})::date + 30 END,
    'fz59.answer', 1, CASE WHEN g % 3 = 0 AND g % 5 <> 0 THEN ${DAY} + interval '20 days' END,
    ($6::text[])[1 + g % cardinality($6::text[])],
    jsonb_build_object('last_name', 'Заявитель', 'first_name', (g % 5000)::text, 'text', ${TEXT},
      'district', ($7::text[])[1 + (g * 13) % cardinality($7::text[])]),
    lower('Б-' || g || ' Заявитель ' || (g % 5000) || ' user' || (g % 5000) || '@example.org ' || ${TEXT})
  FROM generate_series($3::int, $4::int) g,
    LATERAL (SELECT ($8::text[])[1 + (g * 31) % cardinality($8::text[])] AS th) x`;
