import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '@zemstvo/db';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { SPIKE_SCAN_JOB } from '../application/spike-job.ts';
import { daily, insertAppeals } from '../testing/appeal-rows.ts';
import { randomSource } from '../testing/synthetic.ts';

// Wednesday 10 June 2026, 15:00 in Moscow.
const NOW = new Date('2026-06-10T12:00:00Z');

describe('spike detection', () => {
  let p: TestPlatform;
  let analyst: TestSession;
  let registrar: TestSession;
  let executor: TestSession;

  beforeAll(async () => {
    p = await createTestPlatform({ clock: new ManualClock(NOW) });
    analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    const rnd = randomSource(7);
    const where = { municipality: 'zarechny', service: 'urban-reports' };
    // Twelve weeks of ordinary days up to yesterday, then a burst of 40 pothole reports this morning.
    const history = (mean: number) => daily('2026-03-16', 86, () => rnd.poisson(mean));
    await insertAppeals(p.db, { ...where, category: 'roads' }, history(4));
    await insertAppeals(p.db, { ...where, category: 'building' }, history(3));
    const burst = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 5, 10, 6, i)));
    await insertAppeals(p.db, { ...where, category: 'roads' }, burst);
  });
  afterAll(async () => p?.close());

  const scan = (session: TestSession) =>
    p.app.inject({ method: 'POST', url: '/api/m/zarechny/forecast/spikes/scan', headers: session.headers });
  const spikeSignals = () =>
    p.db.query<{ document_id: string }>(
      `SELECT s.document_id FROM doc_signals s JOIN municipalities m ON m.id = s.municipality_id
       WHERE m.slug = 'zarechny' AND s.source = 'forecast'`,
    );

  it('opens one signal document for the department responsible for the category, once', async () => {
    const first = await scan(analyst);
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json<{
      opened: number;
      spikes: {
        key: string;
        day: string;
        observed: number;
        expected: number;
        department: string;
        document_id: string;
        opened: boolean;
      }[];
    }>();
    expect(result.opened).toBe(1);
    expect(result.spikes).toHaveLength(1);
    const spike = result.spikes[0]!;
    expect(spike).toMatchObject({
      key: 'urban-reports.roads',
      day: '2026-06-10',
      department: 'DOR',
      opened: true,
    });
    expect(spike.observed).toBeGreaterThanOrEqual(40);
    expect(spike.expected).toBeLessThan(10);

    const doc = await p.app.inject({
      method: 'GET',
      url: `/api/m/zarechny/documents/${spike.document_id}`,
      headers: registrar.headers,
    });
    expect(doc.statusCode).toBe(200);
    const d = doc.json<{
      document: { kind: string; addressee: string; body: string; regNumber: string; title: string };
    }>().document;
    expect(d.kind).toBe('signal');
    expect(d.addressee).toBe('Отдел дорожного хозяйства и транспорта');
    expect(d.regNumber).toMatch(/^СИГ-2026\//);
    expect(d.title).toMatch(/^Всплеск обращений \(предупреждение\): /);
    expect(d.body).toContain('«Дороги и уличная инфраструктура»');
    expect(d.body).toContain(`поступило ${spike.observed}`);
    expect(d.body).toContain('/workspace/zarechny/forecast');

    // A second scan finds the same spike and opens nothing.
    const second = (await scan(analyst)).json<{
      opened: number;
      spikes: { document_id: string; opened: boolean }[];
    }>();
    expect(second.opened).toBe(0);
    expect(second.spikes).toEqual([
      expect.objectContaining({ document_id: spike.document_id, opened: false }),
    ]);
    expect(await spikeSignals()).toEqual([{ document_id: spike.document_id }]);

    const list = await p.app.inject({
      method: 'GET',
      url: '/api/m/zarechny/forecast/spikes',
      headers: analyst.headers,
    });
    expect(list.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        key: 'urban-reports.roads',
        document_id: spike.document_id,
        department: 'DOR',
        department_name: { ru: 'Отдел дорожного хозяйства и транспорта', en: 'Roads and Transport' },
      }),
    ]);
    const audit = await p.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'forecast.%' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'forecast.spike_detected',
      'forecast.spikes_scanned',
      'forecast.spikes_scanned',
    ]);
  });

  it('the daily job scans too, opens nothing twice and schedules the next morning', async () => {
    const [m] = await p.db.query<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'zarechny'`);
    await p.db.transaction((tx) =>
      enqueueJob(tx, p.clock, {
        kind: SPIKE_SCAN_JOB,
        payload: { municipality: 'zarechny' },
        municipalityId: m!.id,
        uniqueKey: 'test-scan',
      }),
    );
    expect(await p.worker.drain()).toBeGreaterThanOrEqual(1);
    const jobs = await p.db.query<{
      unique_key: string;
      run_at: Date;
      done_at: Date | null;
      last_error: string | null;
    }>(
      `SELECT unique_key, run_at, done_at, last_error FROM jobs WHERE kind = $1 AND municipality_id = $2 ORDER BY id`,
      [SPIKE_SCAN_JOB, m!.id],
    );
    const ran = jobs.find((j) => j.unique_key === 'test-scan')!;
    expect(ran.last_error).toBeNull();
    expect(ran.done_at).not.toBeNull();
    // Tomorrow at 06:00 Moscow time, once.
    expect(jobs.filter((j) => j.unique_key === `forecast.spikes:${m!.id}:2026-06-11`)).toEqual([
      expect.objectContaining({ run_at: new Date('2026-06-11T03:00:00Z'), done_at: null }),
    ]);
    expect(await spikeSignals()).toHaveLength(1);
  });

  it('is for staff with forecast.scan', async () => {
    expect((await scan(executor)).statusCode).toBe(403);
  });
});
