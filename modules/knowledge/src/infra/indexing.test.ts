import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@zemstvo/db';
import { newId } from '@zemstvo/kernel';
import { openTestDatabase } from '@zemstvo/server/testing';

/** The search index's write path (migration 0002): mark dirty per row, rebuild once at commit, lexicon lazily. */
describe('search indexing', () => {
  let db: Database;
  let m: string;
  let svc: string;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    const [row] = await db.query<{ m: string; svc: string }>(
      `SELECT s.municipality_id AS m, s.id AS svc FROM service_instances s JOIN municipalities x ON x.id = s.municipality_id
       WHERE x.slug = 'zarechny' AND s.slug = 'appeals-59fz'`,
    );
    m = row!.m;
    svc = row!.svc;
  });
  afterAll(async () => db.close());

  const entry = (sql: Pick<Database, 'query'>, id: string) =>
    sql.query<{ category_code: string | null; status: string; body: string }>(
      'SELECT category_code, status, body FROM search_entries WHERE municipality_id = $1 AND document_id = $2',
      [m, id],
    );

  async function fileRaw(id: string, text: string) {
    return db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, source_channel, service_instance_id, created_at, updated_at)
         VALUES ($1, $2, 'incoming', 'appeal', 'received', 'Обращение', $3, 'web', $4, now(), now())`,
        [m, id, text, svc],
      );
      await tx.query(
        `INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, is_public, status, stage, received_at,
           registration_due, deadline_rule, deadline_rule_version, search_text)
         VALUES ($1, $2, $3, 'housing', false, 'received', 'receipt', now(), current_date + 3, 'fz59.registration', 1, '')`,
        [m, id, svc],
      );
      await tx.query(
        `UPDATE appeals SET status = 'registered' WHERE municipality_id = $1 AND document_id = $2`,
        [m, id],
      );
      // Inside the writing transaction the entry is not built yet: it is built once, at commit.
      return { inside: await entry(tx, id), dirty: await tx.query('SELECT 1 FROM search_dirty') };
    });
  }

  it('builds the entry once at commit from the document and its appeal, leaving nothing marked', async () => {
    const id = newId();
    const { inside, dirty } = await fileRaw(id, 'Сломались качели во дворе');
    expect(inside).toEqual([]);
    expect(dirty).toHaveLength(1);
    expect(await entry(db, id)).toEqual([
      { category_code: 'housing', status: 'registered', body: 'Сломались качели во дворе' },
    ]);
    expect(await db.query('SELECT 1 FROM search_dirty')).toEqual([]);
  });

  it('follows later changes and deletions of attachments in their own transactions', async () => {
    const id = newId();
    await fileRaw(id, 'Нет освещения на улице');
    await db.query(
      `UPDATE documents SET body = 'Нет освещения на улице Мира' WHERE municipality_id = $1 AND id = $2`,
      [m, id],
    );
    expect((await entry(db, id))[0]!.body).toBe('Нет освещения на улице Мира');
  });

  it('adds stems to the typo lexicon lazily, set-based, and only once per entry', async () => {
    const id = newId();
    await fileRaw(id, 'Прошу убрать бесхозный автомобиль');
    const pending = await db.query('SELECT 1 FROM search_lexicon_pending WHERE document_id = $1', [id]);
    expect(pending).toHaveLength(1);
    const [{ n }] = (await db.query<{ n: number }>('SELECT knowledge_lexicon_catch_up(100000) AS n')) as [
      { n: number },
    ];
    expect(n).toBeGreaterThanOrEqual(1);
    const words = await db.query<{ word: string }>(
      `SELECT word FROM search_lexicon WHERE municipality_id = $1 AND word IN ('бесхозн', 'автомобил')`,
      [m],
    );
    expect(words.map((w) => w.word).sort()).toEqual(['автомобил', 'бесхозн']);
    expect(await db.query('SELECT 1 FROM search_lexicon_pending')).toEqual([]);
  });

  it('rebuilds a municipality set-based after a bulk load without triggers', async () => {
    const id = newId();
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, source_channel, created_at, updated_at)
         VALUES ($1, $2, 'incoming', 'appeal', 'received', 'Обращение', 'Протекает крыша', 'post', now(), now())`,
        [m, id],
      );
    });
    expect(await entry(db, id)).toEqual([]);
    const [{ n }] = (await db.query<{ n: number }>('SELECT knowledge_reindex($1) AS n', [m])) as [
      { n: number },
    ];
    const [{ docs }] = (await db.query<{ docs: number }>(
      'SELECT count(*)::int AS docs FROM documents WHERE municipality_id = $1',
      [m],
    )) as [{ docs: number }];
    expect(n).toBe(docs);
    expect(await entry(db, id)).toEqual([
      { category_code: null, status: 'received', body: 'Протекает крыша' },
    ]);
  });
});
