import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isAppError } from '@zemstvo/kernel';
import { parseAppealRecord } from './appeal-record.ts';
import { loadAppeals } from './load-appeals.ts';
import { readJsonLines, writeJsonLines } from './jsonl.ts';
import { SAMPLE_PATH } from '../testing/sample.ts';

const dir = mkdtempSync(join(tmpdir(), 'routing-dataset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseAppealRecord', () => {
  it('reads a record of the St. Petersburg data set', () => {
    const r = parseAppealRecord({
      id: 2947918,
      created_at: '2020-10-18T14:54:17.018525',
      text: 'Лифт изрисован',
      category: 'Содержание МКД',
      reason: 'Неудовлетворительное состояние парадной',
      city_object: 'Дом',
      district: 'Колпинский',
      municipality: 'город Колпино',
      lat: '59.7352618',
      lon: '30.5701918',
      address: 'город Колпино, улица Машиностроителей, дом 12',
      executor_org: null,
      answers: [['2020-11-05T09:57:37', 'СПб ГКУ ЖА Колпинского района', 'Уважаемый пользователь!']],
    });
    expect(r).toMatchObject({
      ok: true,
      record: { id: 2947918, lat: 59.7352618, lon: 30.5701918, cityObject: 'Дом', executorOrg: null },
    });
    expect(r.ok && r.record.answerOrg).toBe('СПб ГКУ ЖА Колпинского района');
  });

  it('needs only an id and a text', () => {
    expect(parseAppealRecord({ id: 'a-1', text: '' })).toMatchObject({
      ok: true,
      record: { category: null, lat: null },
    });
  });

  it.each([
    [[1, 2], 'not a JSON object'],
    [{ text: 'x' }, '"id" is missing'],
    [{ id: 1 }, '"text" is missing'],
    [{ id: 1, text: 'x', lat: 'north' }, '"lat" must be a number'],
    [{ id: 1, text: 'x', lon: 200 }, '"lon" must be a number within ±180'],
    [{ id: 1, text: 'x', district: 5 }, '"district" must be a string'],
    [{ id: 1, text: 'x', created_at: 'yesterday' }, '"created_at" must be an ISO date-time'],
  ])('refuses %j: %s', (value, message) => {
    const r = parseAppealRecord(value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});

describe('loadAppeals', () => {
  it('reads the gzip sample', async () => {
    const { records, skipped } = await loadAppeals(SAMPLE_PATH);
    expect(records.length).toBe(3000);
    expect(skipped).toEqual([]);
    expect(new Set(records.map((r) => r.category)).size).toBe(15);
  });

  const lines = [
    '{"id":1,"text":"яма"}',
    '',
    '{"id":2,"text":',
    '{"id":3,"text":"фонарь","lat":"x"}',
    '{"id":4,"text":"снег"}',
  ];

  it('stops at the first invalid line and names it (blank lines are not counted as invalid)', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, lines.join('\n'));
    const error = await loadAppeals(path).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('invalid_input_line');
    expect((error as Error).message).toBe(
      `${path}, line 3: not valid JSON (${jsonError('{"id":2,"text":')})`,
    );
  });

  it('with skipInvalid, leaves invalid lines out and lists them', async () => {
    const path = join(dir, 'bad.jsonl.gz');
    writeFileSync(path, gzipSync(lines.join('\n')));
    const { records, skipped } = await loadAppeals(path, { skipInvalid: true });
    expect(records.map((r) => r.id)).toEqual([1, 4]);
    expect(skipped.map((s) => s.lineNo)).toEqual([3, 4]);
    expect(skipped[1]!.error).toContain('"lat"');
  });

  it('says so when the file is missing or is not gzip although named .gz', async () => {
    const missing = await loadAppeals(join(dir, 'none.jsonl')).catch((e: unknown) => e);
    expect(isAppError(missing) && missing.code).toBe('input_not_found');
    const fake = join(dir, 'fake.jsonl.gz');
    writeFileSync(fake, '{"id":1,"text":"x"}\n');
    const notGzip = await loadAppeals(fake).catch((e: unknown) => e);
    expect(isAppError(notGzip) && notGzip.code).toBe('input_unreadable');
  });
});

describe('JSON lines', () => {
  it('writes and reads back plain and gzip files', async () => {
    for (const name of ['out.jsonl', 'out.jsonl.gz']) {
      const path = join(dir, name);
      const w = writeJsonLines(path);
      for (let i = 0; i < 1000; i++) await w.write({ i, text: 'ё'.repeat(i % 7) });
      await w.close();
      const back: unknown[] = [];
      for await (const l of readJsonLines(path)) back.push(l.value);
      expect(back).toHaveLength(1000);
      expect(back[999]).toEqual({ i: 999, text: 'ё'.repeat(999 % 7) });
    }
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
