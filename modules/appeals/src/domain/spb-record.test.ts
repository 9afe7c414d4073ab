import { describe, expect, it } from 'vitest';
import { parseSpbAppeal, portalTime, spbTimeline } from './spb-record.ts';

const at = (s: string) => portalTime(s)!;
const history = (...steps: [string, string][]) => steps.map(([t, name]) => ({ at: at(t), name }));

describe('St. Petersburg portal records', () => {
  it('reads portal times as Moscow time unless they carry an offset', () => {
    expect(portalTime('2020-10-18T14:50:40.817676')!.toISOString()).toBe('2020-10-18T11:50:40.817Z');
    expect(portalTime('2020-10-18T14:50:40Z')!.toISOString()).toBe('2020-10-18T14:50:40.000Z');
    expect(portalTime('18.10.2020')).toBeNull();
  });

  it('parses a record and names the field at fault', () => {
    const good = parseSpbAppeal({
      id: 7,
      created_at: '2020-10-18T14:50:40',
      text: 'Яма',
      category: 'Благоустройство',
      reason: 'Упавшее дерево',
      lat: '59.9',
      lon: '30.3',
      statuses: [['2020-10-18T14:50:40', 'Модерация']],
      answers: [['2020-10-19T10:00:00', 'Администрация', 'Убрано']],
    });
    expect(good.ok && good.appeal).toMatchObject({
      id: '7',
      lat: 59.9,
      lon: 30.3,
      answers: [{ org: 'Администрация', text: 'Убрано' }],
    });
    expect(parseSpbAppeal({ id: 1, text: 'x', category: 'c', statuses: [] })).toEqual({
      ok: false,
      error: '"created_at" is missing or not a date-time',
    });
    expect(
      parseSpbAppeal({
        id: 1,
        created_at: '2020-10-18T14:50:40',
        text: 'x',
        category: 'c',
        lat: 'north',
        statuses: [],
      }),
    ).toMatchObject({
      ok: false,
    });
    expect(parseSpbAppeal([1])).toEqual({ ok: false, error: 'not a JSON object' });
  });

  it('maps the usual history: moderation, consideration, answer, closed by the satisfied resident', () => {
    const t = spbTimeline(
      history(
        ['2020-10-18T14:50:40', 'Модерация'],
        ['2020-10-19T11:49:35', 'Рассмотрение'],
        ['2020-10-23T14:46:07', 'Получен ответ'],
        ['2020-11-05T15:10:55', 'Завершено: Пользователь удовлетворен решением проблемы'],
      ),
    );
    expect(t).toMatchObject({
      status: 'closed',
      registeredAt: at('2020-10-19T11:49:35'),
      closedAt: at('2020-10-23T14:46:07'),
      rating: 5,
      rejectedAt: null,
      outcome: 'Завершено: Пользователь удовлетворен решением проблемы',
    });
    expect('steps' in t && t.steps.map((s) => s.type)).toEqual([
      'appeal_answered',
      'answer_rated',
      'status_changed',
    ]);
  });

  it('keeps an interim answer open as planned, and a second moderation after an answer reopens the case', () => {
    expect(
      spbTimeline(
        history(
          ['2020-10-18T10:00:00', 'Модерация'],
          ['2020-10-19T10:00:00', 'Рассмотрение'],
          ['2020-10-20T10:00:00', 'Промежуточный ответ'],
        ),
      ),
    ).toMatchObject({
      status: 'planned',
      closedAt: null,
    });
    const reopened = spbTimeline(
      history(
        ['2020-10-18T10:00:00', 'Модерация'],
        ['2020-10-19T10:00:00', 'Рассмотрение'],
        ['2020-10-20T10:00:00', 'Получен ответ'],
        ['2020-10-21T10:00:00', 'Модерация'],
        ['2020-10-22T10:00:00', 'Рассмотрение'],
      ),
    );
    expect(reopened).toMatchObject({
      status: 'reopened',
      closedAt: null,
      rejectedAt: at('2020-10-21T10:00:00'),
      registeredAt: at('2020-10-19T10:00:00'),
    });
    expect(spbTimeline(history(['2020-10-18T10:00:00', 'Модерация']))).toMatchObject({
      status: 'received',
      registeredAt: null,
    });
    expect(spbTimeline(history(['2020-10-18T10:00:00', 'Отозвано']))).toEqual({
      error: 'unknown portal status «Отозвано»',
    });
  });
});
