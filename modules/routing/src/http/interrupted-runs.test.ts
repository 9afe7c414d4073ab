import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import {
  HEARTBEAT_MS,
  INTERRUPTED_AFTER_MS,
  INTERRUPTED_NOTE,
  TRAINER_PROCESS,
} from '../application/interrupted-runs.ts';
import { enqueueTrainingForAll } from '../application/train-job.ts';
import { modelsRepo } from '../infra/models.repository.ts';

interface Run {
  version: number;
  status: string;
  statusNote: string | null;
  statusReason: string | null;
  trainedAt: string | null;
}

describe('training runs left behind by a stopped process', () => {
  let p: TestPlatform;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let admin: TestSession;
  let municipalityId: string;
  const minutesAgo = (m: number) => new Date(p.clock.now().getTime() - m * 60_000);
  const runs = async () =>
    (
      await p.app.inject({ method: 'GET', url: '/api/m/zarechny/routing/models', headers: admin.headers })
    ).json<{ items: Run[] }>().items;
  const byVersion = async (version: number) => (await runs()).find((r) => r.version === version)!;
  const open = (trainer: string, at: Date) =>
    p.db.transaction((tx) => modelsRepo.insertRun(tx, municipalityId, null, at, trainer));

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    const [row] = await p.db.query<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'zarechny'`);
    municipalityId = row!.id;
  }, 120_000);
  afterAll(async () => p?.close());

  it('at start marks failed a run of a stopped process, keeps recent and own runs, and sweeps again later', async () => {
    // A process killed ten minutes into a training; one that stopped (or still trains) 30 s ago;
    // and a training of this very process, long but alive.
    const killed = await open('host-a pid 4242 0b3c', minutesAgo(10));
    const recent = await open('host-b pid 17 9f1e', minutesAgo(0.5));
    const own = await open(TRAINER_PROCESS, minutesAgo(60));

    await enqueueTrainingForAll(p.db, p.clock);
    expect(await byVersion(killed.version)).toMatchObject({
      status: 'failed',
      statusNote: INTERRUPTED_NOTE,
      statusReason: 'interrupted',
      trainedAt: p.clock.now().toISOString(),
    });
    expect(await byVersion(recent.version)).toMatchObject({ status: 'training', statusReason: null });
    expect(await byVersion(own.version)).toMatchObject({ status: 'training' });
    const audit = await p.db.query<{ entity_id: string; after: { trainer: string } }>(
      `SELECT entity_id, after FROM audit_log WHERE action = 'routing.model_interrupted'`,
    );
    expect(audit).toEqual([
      { entity_id: killed.id, after: expect.objectContaining({ trainer: 'host-a pid 4242 0b3c' }) },
    ]);

    // The sweep scheduled at start: once the recent run has been silent long enough, it is failed too.
    await p.worker.drain();
    expect(await byVersion(recent.version)).toMatchObject({ status: 'training' });
    clock.advance(INTERRUPTED_AFTER_MS + HEARTBEAT_MS);
    await p.worker.drain();
    expect(await byVersion(recent.version)).toMatchObject({ status: 'failed', statusReason: 'interrupted' });
    expect(await byVersion(own.version)).toMatchObject({ status: 'training' });
  });

  it('a heartbeat keeps a run of another process from being taken as interrupted', async () => {
    const alive = await open('host-c pid 99 77aa', minutesAgo(30));
    await p.db.transaction((tx) => modelsRepo.heartbeat(tx, municipalityId, alive.id, minutesAgo(1)));
    await enqueueTrainingForAll(p.db, p.clock);
    expect(await byVersion(alive.version)).toMatchObject({ status: 'training' });
    clock.advance(INTERRUPTED_AFTER_MS);
    // The training job sweeps too, before it opens its own run.
    await p.app.inject({ method: 'POST', url: '/api/m/zarechny/routing/train', headers: admin.headers });
    await p.worker.drain();
    expect(await byVersion(alive.version)).toMatchObject({ status: 'failed', statusReason: 'interrupted' });
  });
});
