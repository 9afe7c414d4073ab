import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { asSystemIn } from '../test/factories.ts';
import { importAppealBatch, type ImportBatchResult } from './import-appeals.ts';

const record = (id: number, statuses: [string, string][], over: Record<string, unknown> = {}) => ({
  id,
  created_at: statuses[0]![0],
  text: `Сообщение ${id}: на тротуаре XXXX глубокая яма`,
  category: 'Благоустройство',
  reason: 'Повреждения дорожного покрытия тротуара',
  city_object: 'Улица',
  district: 'Невский',
  municipality: 'муниципальный округ Народный',
  lat: '59.9',
  lon: '30.45',
  address: 'г.Санкт-Петербург, Народная улица, дом 1',
  executor_org: 'СПб ГКУ ЖА Невского района',
  statuses,
  answers: [],
  ...over,
});

describe('importing St. Petersburg portal appeals (importAppealBatch)', () => {
  let p: TestPlatform;
  let admin: TestSession;
  const run = (lines: unknown[]): Promise<ImportBatchResult> =>
    asSystemIn(p, 'zarechny', (ctx) =>
      importAppealBatch(ctx, {
        format: 'spb',
        service: 'city-portal',
        lines: lines.map((value, i) => ({ lineNo: i + 1, value })),
      }),
    );
  const appealByKey = async (key: string) => {
    const rows = await p.db.query<{ id: string }>(
      `SELECT document_id AS id FROM appeals WHERE idempotency_key = $1`,
      [key],
    );
    const res = await p.app.inject({ url: `/api/m/zarechny/appeals/${rows[0]!.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    return res.json().appeal;
  };

  beforeAll(async () => {
    p = await createTestPlatform();
    admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/services',
      headers: admin.headers,
      payload: { packageSlug: 'city-portal' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => p.close());

  it('files answered, open, reopened and invalid records with real dates, deadlines and statuses; a re-run adds nothing', async () => {
    const answered = record(
      101,
      [
        ['2020-10-16T09:00:00', 'Модерация'],
        ['2020-10-16T12:00:00', 'Рассмотрение'],
        ['2020-10-29T10:00:00', 'Получен ответ'],
        ['2020-11-05T10:00:00', 'Завершено: Пользователь удовлетворен решением проблемы'],
      ],
      { answers: [['2020-10-28T16:00:00', 'Администрация Невского района', 'Яма заделана 28.10.2020.']] },
    );
    const planned = record(102, [
      ['2020-12-30T09:00:00', 'Модерация'],
      ['2020-12-30T10:00:00', 'Рассмотрение'],
      ['2021-01-05T10:00:00', 'Промежуточный ответ'],
    ]);
    const reopened = record(103, [
      ['2020-11-02T09:00:00', 'Модерация'],
      ['2020-11-02T10:00:00', 'Рассмотрение'],
      ['2020-11-03T10:00:00', 'Получен ответ'],
      ['2020-11-04T10:00:00', 'Модерация'],
      ['2020-11-04T11:00:00', 'Рассмотрение'],
    ]);
    const result = await run([
      answered,
      planned,
      reopened,
      record(104, [['2020-11-02T09:00:00', 'Модерация']], { category: 'Космос' }),
      'text',
    ]);
    expect(result).toMatchObject({ imported: 3, existing: 0, answers: 1, departmentsCreated: 1 });
    expect(result.invalid).toEqual([
      { lineNo: 4, error: 'category «Космос» is not in the classifier of city-portal' },
      { lineNo: 5, error: 'not a JSON object' },
    ]);

    const a = await appealByKey('spb:101');
    expect(a).toMatchObject({
      status: 'closed',
      category: { code: 'blagoustroystvo' },
      sourceChannel: 'import',
      registrationDue: '2020-10-19', // Friday 16 October + 1 working day
      answerDue: '2020-10-28', // 8 working days from Friday 16 October
      rating: 5,
      suggestedSpecialHandling: null,
    });
    expect(new Date(a.receivedAt).toISOString()).toBe('2020-10-16T06:00:00.000Z');
    expect(new Date(a.closedAt).toISOString()).toBe('2020-10-29T07:00:00.000Z');
    expect(a.regNumber).toMatch(/^ГП-2020\/0000\d\d$/);

    // Without the 2021 production calendar (the CLI supplies it) the year is projected from Art. 112
    // TK RF: the New Year holidays are days off all the same (8 working days from 30 December 2020
    // end on 19 January 2021, as over the real 2021 calendar; plain weekends gave 11 January).
    expect(await appealByKey('spb:102')).toMatchObject({
      status: 'planned',
      closedAt: null,
      answerDue: '2021-01-19',
    });
    expect(await appealByKey('spb:103')).toMatchObject({ status: 'reopened', closedAt: null });

    const answers = await p.db.query<{ n: number; parent: string }>(
      `SELECT count(*)::int AS n, min(d.parent_id::text) AS parent FROM documents d
       WHERE d.kind = 'answer' AND d.direction = 'outgoing' AND d.status = 'dispatched' AND d.external_ref = 'spb:101:answer'`,
    );
    expect(answers[0]!.n).toBe(1);
    const departments = await p.app.inject({ url: '/api/m/zarechny/departments', headers: admin.headers });
    expect(departments.json().items.map((d: { nameRu: string }) => d.nameRu)).toContain(
      'СПб ГКУ ЖА Невского района',
    );

    const again = await run([answered, planned, reopened]);
    expect(again).toMatchObject({ imported: 0, existing: 3, answers: 0, departmentsCreated: 0 });
    const audit = await p.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'appeal.imported'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});
