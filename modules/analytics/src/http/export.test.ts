import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { staffEmail } from '@zemstvo/server/seed/demo-data';
import { docxToText } from '@zemstvo/storage';
import { pdfText } from '@zemstvo/templates/testing/pdf-text';
import { makeCases } from '../testing/dataset.ts';

const clock = new ManualClock('2025-04-10T09:00:00Z');
const filters = { from: '2025-03-01', to: '2025-03-31' };
let p: TestPlatform;
let analyst: TestSession;

const exportReport = (payload: object, s: TestSession = analyst) =>
  p.app.inject({ method: 'POST', url: '/api/m/zarechny/analytics/reports', headers: s.headers, payload });

async function download(documentId: string, attachmentId: string): Promise<Buffer> {
  const res = await p.app.inject({
    url: `/api/m/zarechny/documents/${documentId}/attachments/${attachmentId}`,
    headers: analyst.headers,
  });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  analyst = await p.loginAs(staffEmail('analyst', 'zarechny'));
  await makeCases(p, 'zarechny', [
    {
      received: '2025-03-03T07:00:00Z',
      answerDue: '2025-04-01',
      closed: '2025-03-13T07:00:00Z',
      rating: 5,
      district: 'Центральный',
    },
    { received: '2025-03-05T07:00:00Z', answerDue: '2025-04-03', district: 'Северный' },
  ]);
});
afterAll(() => p?.close());

describe('POST /api/m/:municipality/analytics/reports', () => {
  it('files the dashboard as a registered internal document with the DOCX attached', async () => {
    const res = await exportReport({ kind: 'dashboard', format: 'docx', locale: 'ru', filters });
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out.title).toBe(
      'Аналитическая справка по обращениям граждан за период с 01.03.2025 по 31.03.2025',
    );
    expect(out.regNumber).toBe('АС-2025/000001');
    const text = docxToText(new Uint8Array(await download(out.documentId, out.attachmentId)));
    expect(text).toContain('Аналитическая справка');
    expect(text).toContain('Поступило\t2');
    expect(text).toContain('Просрочено сейчас\t1');
    expect(text).toContain('Северный');

    const doc = await p.app.inject({
      url: `/api/m/zarechny/documents/${out.documentId}`,
      headers: analyst.headers,
    });
    expect(doc.json().document).toMatchObject({
      direction: 'internal',
      kind: 'report',
      regNumber: 'АС-2025/000001',
    });
    const audit = await p.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'attachment.added' AND entity_id = $1`,
      [out.attachmentId],
    );
    expect(audit).toHaveLength(1);
  });

  it('renders a drill-down list as a PDF with extractable text, in English', async () => {
    const res = await exportReport({
      kind: 'cases',
      format: 'pdf',
      locale: 'en',
      filters: { ...filters, bucket: 'overdue' },
    });
    expect(res.statusCode).toBe(201);
    const out = res.json();
    const bytes = await download(out.documentId, out.attachmentId);
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    const { text } = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('List of appeals');
    expect(text).toContain('Appeals in total: 1');
    expect(text).toContain('Housing and utilities');
  });

  it('needs analytics.export and a valid body', async () => {
    const deputy = await p.loginAs(staffEmail('deputy', 'zarechny'));
    expect((await exportReport({ kind: 'dashboard', format: 'pdf', filters }, deputy)).statusCode).toBe(403);
    const bad = await exportReport({ kind: 'chart', format: 'pdf', filters });
    expect(bad.statusCode).toBe(400);
    const reversed = await exportReport({
      kind: 'dashboard',
      format: 'pdf',
      filters: { from: '2025-04-01', to: '2025-03-01' },
    });
    expect(reversed.json().error.code).toBe('bad_range');
  });
});
