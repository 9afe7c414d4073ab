import { describe, expect, it } from 'vitest';
import { residentHistory } from './resident-history.ts';

const at = new Date('2026-03-02T07:00:00Z');
const step = (type: string, data: Record<string, unknown> = {}) => ({ at, type, data });

describe('the history an applicant sees', () => {
  it('keeps the milestones with their public facts only', () => {
    expect(
      residentHistory([
        step('received', { kind: 'appeal', channel: 'web' }),
        step('appeal_registered', {
          regNumber: 'ОГ-2026/000001',
          answerDue: '2026-04-01',
          rule: '59fz.answer',
          late: false,
        }),
        step('deadline_extended', {
          from: '2026-04-01',
          to: '2026-04-30',
          days: 29,
          reason: 'нужна экспертиза',
        }),
        step('answer_rated', { rating: 5, comment: 'спасибо' }),
      ]),
    ).toEqual([
      { at, type: 'received', data: {} },
      { at, type: 'appeal_registered', data: { regNumber: 'ОГ-2026/000001', answerDue: '2026-04-01' } },
      { at, type: 'deadline_extended', data: { to: '2026-04-30', days: 29 } },
      { at, type: 'answer_rated', data: { rating: 5 } },
    ]);
  });

  it('hides internal work: resolutions, drafts, approvals, reminders, document statuses', () => {
    expect(
      residentHistory([
        step('resolution', { instruction: 'Проверить, не жалобщик ли' }),
        step('reminder_sent', {}),
        step('approval_returned', { comment: 'переписать' }),
        step('status_changed', { from: 'registered', to: 'in_work' }),
        step('status_changed', { from: 'registered', to: 'in_progress', by: 'resolution' }),
      ]),
    ).toEqual([{ at, type: 'status_changed', data: { to: 'in_progress' } }]);
  });
});
