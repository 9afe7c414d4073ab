import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@zemstvo/db';
import { isAppError, silentLogger, systemActor, systemClock, type Sql, type Tenant } from '@zemstvo/kernel';
import { openTestDatabase } from '../testing/test-database.ts';
import { importAppealsFile, type ImportFileOptions } from './import-appeals-file.ts';

const SAMPLE = new URL('../../../../data/samples/spb-appeals-sample.jsonl.gz', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'zemstvo-import-'));

describe('importing a data set file (importAppealsFile)', () => {
  let db: Database;
  const opts = (over: Partial<ImportFileOptions> = {}): ImportFileOptions => ({
    format: 'spb',
    municipality: 'sosnovka',
    ctxFor: (tx: Sql, tenant: Tenant) => ({
      actor: systemActor('test'),
      tenant,
      tx,
      clock: systemClock,
      log: silentLogger,
      requestId: 'test',
    }),
    ...over,
  });
  const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs the package, imports part of the sample, then resumes with the rest of the range without doubles', async () => {
    const progress: number[] = [];
    const first = await importAppealsFile(
      db,
      SAMPLE,
      opts({ limit: 120, batchSize: 50, onProgress: (p) => progress.push(p.lines) }),
    );
    expect(first).toMatchObject({
      service: 'city-portal',
      installed: true,
      lines: 120,
      imported: 120,
      existing: 0,
      invalid: 0,
    });
    expect(progress).toEqual([50, 100, 120]);
    expect(first.departmentsCreated).toBeGreaterThan(5);

    // An interrupted run (120 lines) continued by a longer one: only the new lines are imported.
    const second = await importAppealsFile(db, SAMPLE, opts({ limit: 200 }));
    expect(second).toMatchObject({
      installed: false,
      lines: 200,
      imported: 80,
      existing: 120,
      invalid: 0,
      departmentsCreated: expect.any(Number),
    });
    const again = await importAppealsFile(db, SAMPLE, opts({ limit: 200 }));
    expect(again).toMatchObject({ imported: 0, existing: 200, answers: 0, departmentsCreated: 0 });

    expect(await count(`SELECT count(*)::int AS n FROM appeals WHERE idempotency_key LIKE 'spb:%'`)).toBe(
      200,
    );
    expect(
      await count(
        `SELECT count(DISTINCT idempotency_key)::int AS n FROM appeals WHERE idempotency_key LIKE 'spb:%'`,
      ),
    ).toBe(200);
    // Registration numbers are unique and every answer is a dispatched outgoing document linked to its appeal.
    expect(
      await count(
        `SELECT count(DISTINCT reg_number)::int AS n FROM documents WHERE external_ref LIKE 'spb:%' AND kind = 'appeal'`,
      ),
    ).toBe(
      await count(
        `SELECT count(*)::int AS n FROM appeals WHERE idempotency_key LIKE 'spb:%' AND registered_at IS NOT NULL`,
      ),
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM documents d JOIN appeals a ON a.municipality_id = d.municipality_id AND a.document_id = d.parent_id
         WHERE d.kind = 'answer' AND d.status = 'dispatched' AND a.idempotency_key LIKE 'spb:%'`,
      ),
    ).toBe(first.answers + second.answers);
    // The typo lexicon has taken the new stems.
    expect(await count(`SELECT count(*)::int AS n FROM search_lexicon_pending`)).toBe(0);
    // Imported answers are searchable.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM search_entries WHERE kind = 'answer' AND tsv @@ plainto_tsquery('russian', 'уважаемый')`,
      ),
    ).toBeGreaterThan(0);
  });

  it('reports invalid lines by number and skips them; refuses an unknown municipality and a missing file', async () => {
    const file = join(dir, 'mixed.jsonl');
    const good = {
      id: 'x-1',
      created_at: '2020-11-02T10:00:00',
      text: 'Не горит фонарь',
      category: 'Благоустройство',
      reason: 'Неисправно освещение, опора освещения повреждена',
      statuses: [['2020-11-02T10:00:00', 'Модерация']],
    };
    writeFileSync(
      file,
      [
        JSON.stringify(good),
        '{not json',
        '',
        JSON.stringify({ ...good, id: 'x-2', reason: 'Нет такой темы' }),
      ].join('\n'),
    );
    const r = await importAppealsFile(db, file, opts());
    expect(r).toMatchObject({ imported: 1, invalid: 2 });
    expect(r.invalidLines.map((l) => l.lineNo)).toEqual([2, 4]);
    expect(r.invalidLines[0]!.error).toMatch(/^not valid JSON/);
    expect(r.invalidLines[1]!.error).toBe(
      'theme «Нет такой темы» is not in category «Благоустройство» of city-portal',
    );

    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isAppError(e) ? e.code : String(e)),
      );
    expect(await codeOf(importAppealsFile(db, file, opts({ municipality: 'atlantis' })))).toBe(
      'municipality_not_found',
    );
    expect(await codeOf(importAppealsFile(db, join(dir, 'none.jsonl'), opts()))).toBe('input_not_found');
    expect(await codeOf(importAppealsFile(db, file, opts({ service: 'urban-reports' })))).toBe(
      'incompatible_service',
    );
  });
});
