import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealBody, fileAppeal } from '@zemstvo/appeals/test/factories';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { silentLogger, type ManualClock } from '@zemstvo/kernel';
import { fileSampleAppeals } from '../testing/sample-appeals.ts';
import { loadTrainingSet, trainWithHoldout } from '../application/training-set.ts';
import {
  enqueueTrainingForAll,
  nextNightlyRun,
  runTraining,
  scheduleNightlyTraining,
} from '../application/train-job.ts';
import { TRAINER_PROCESS } from '../application/interrupted-runs.ts';
import { deserializeModel, serializeModel } from '../engine/model-file.ts';
import { modelsRepo } from '../infra/models.repository.ts';
import { trainInWorker, type Trainer } from '../training/train-in-worker.ts';

const ROWS = 160;

interface Routing {
  model: { id: string; version: number } | null;
  suggestions: Record<string, { value: string; title: { ru: string }; confidence: number }[]>;
  current: Record<string, string | null>;
  applied: Record<string, { value: string; accepted: boolean } | null>;
}

describe('routing suggestions in the platform', () => {
  let p: TestPlatform;
  let admin: TestSession;
  let registrar: TestSession;
  let resident: TestSession;
  let ids: string[] = [];
  let municipalityId: string;

  const routingOf = (id: string, s = registrar, slug = 'zarechny') =>
    p.app.inject({ method: 'GET', url: `/api/m/${slug}/appeals/${id}/routing`, headers: s.headers });
  const feedback = (id: string, body: object, s = registrar) =>
    p.app.inject({
      method: 'POST',
      url: `/api/m/zarechny/appeals/${id}/routing/feedback`,
      headers: s.headers,
      payload: body,
    });
  const models = async (slug = 'zarechny', s = admin) =>
    (await p.app.inject({ method: 'GET', url: `/api/m/${slug}/routing/models`, headers: s.headers })).json<{
      items: {
        version: number;
        status: string;
        active: boolean;
        examples: number;
        statusNote: string | null;
        metrics: { heads?: Record<string, { n: number; top1: number }>; labelled?: number };
      }[];
    }>().items;

  beforeAll(async () => {
    p = await createTestPlatform();
    admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    const tenant = await p.db.query<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'zarechny'`);
    municipalityId = tenant[0]!.id;
    // The history: the sample's appeals filed in one transaction (as an import would), oldest first.
    ids = await fileSampleAppeals(p, 'zarechny', ROWS);
  }, 120_000);
  afterAll(async () => p?.close());

  it('has no suggestions before a model is trained, and too little history is skipped with a clear status', async () => {
    const before = (await routingOf(ids[0]!)).json<Routing>();
    expect(before.model).toBeNull();
    expect(before.suggestions).toEqual({ category: [], reason: [], executor: [] });
    expect(['economy', 'housing']).toContain(before.current.category);

    const sosnovkaAdmin = await p.loginAs('admin@sosnovka.demo.zemstvo.ru');
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/sosnovka/routing/train',
      headers: sosnovkaAdmin.headers,
    });
    expect(res.statusCode).toBe(202);
    await p.worker.drain();
    const [run] = await models('sosnovka', sosnovkaAdmin);
    expect(run).toMatchObject({ status: 'skipped', active: false });
    expect(run!.statusNote).toMatch(/at least 50/);
    // A stable code and the counts, so the web app can say it in the reader's language.
    expect(run).toMatchObject({ statusReason: 'too_few_labelled', metrics: { required: 50 } });
    expect(run!.metrics.labelled).toBeLessThan(50);
  });

  it('trains on demand in a background job, stores the model with holdout metrics and activates it', async () => {
    // An executor correction before any model: it labels the appeal for training.
    const [row] = await p.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      'executor@zarechny.demo.zemstvo.ru',
    ]);
    const executor = row!.id;
    const corrected = await feedback(ids[1]!, { head: 'executor', value: executor, accepted: false });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json<Routing>().applied.executor).toMatchObject({ value: executor, accepted: false });

    expect(
      (
        await p.app.inject({
          method: 'POST',
          url: '/api/m/zarechny/routing/train',
          headers: registrar.headers,
        })
      ).statusCode,
    ).toBe(403);
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/routing/train',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: number; queued: boolean }>();
    expect(res.json()).toMatchObject({ queued: true });
    // Asked again before the worker ran: the same job.
    const again = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/routing/train',
      headers: admin.headers,
    });
    expect(again.json()).toEqual({ jobId, queued: false });

    expect(await models()).toEqual([]);
    await p.worker.drain();
    const [run] = await models();
    expect(run).toMatchObject({ status: 'ready', active: true });
    expect(run!.examples).toBeGreaterThanOrEqual(ids.length);
    const heads = run!.metrics.heads!;
    expect(heads.category!.n).toBeGreaterThan(10);
    expect(heads.category!.top1).toBeGreaterThan(0.5);
    expect(heads.category!.top1).toBeLessThanOrEqual(1);
  });

  it('suggests the top 3 per head for a new appeal, ordered, with probabilities summing to at most 1', async () => {
    const id = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      appealBody(
        { category: 'state_society', theme: 'officials' },
        { text: 'В парадной дома сломан доводчик двери, на лестнице грязно, не убирают подъезд' },
      ),
    );
    const view = (await routingOf(id)).json<Routing>();
    expect(view.model).toMatchObject({ version: 1 });
    for (const head of ['category', 'executor'] as const) {
      const s = view.suggestions[head]!;
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(3);
      const c = s.map((x) => x.confidence);
      expect([...c].sort((a, b) => b - a)).toEqual(c);
      expect(c.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
      for (const x of c) expect(x).toBeGreaterThan(0);
    }
    expect(view.suggestions.category![0]).toMatchObject({
      value: 'housing',
      title: { ru: expect.any(String) },
    });
    // Themes are those of the appeal's current category.
    expect(
      view.suggestions.reason!.every((t) => ['local_government', 'officials', 'gratitude'].includes(t.value)),
    ).toBe(true);
    expect(view.suggestions.executor![0]!.title.ru).toBe('Иван Исполнителев');
  });

  it('applies a correction to the appeal and trains on it next time', async () => {
    const id = ids[5]!;
    const was = (await routingOf(id)).json<Routing>().current.category;
    const other = was === 'housing' ? 'economy' : 'housing';
    const res = await feedback(id, { head: 'category', value: other, accepted: false });
    expect(res.statusCode).toBe(200);
    const view = res.json<Routing>();
    expect(view.current.category).toBe(other);
    expect(view.applied.category).toEqual({ value: other, accepted: false, at: expect.any(String) });
    const appeal = await p.app.inject({
      method: 'GET',
      url: `/api/m/zarechny/appeals/${id}`,
      headers: registrar.headers,
    });
    expect(appeal.json<{ appeal: { category: { code: string } } }>().appeal.category.code).toBe(other);

    // A theme of the new category is applied the same way; a theme of another category is refused.
    const theme = other === 'housing' ? 'waste' : 'roads';
    const themed = await feedback(id, { head: 'reason', value: theme, accepted: false });
    expect(themed.json<Routing>().current).toMatchObject({ category: other, reason: theme });
    const wrongTheme = await feedback(id, { head: 'reason', value: 'education', accepted: false });
    expect(wrongTheme.json()).toMatchObject({ error: { code: 'unknown_theme' } });

    // The correction is the label even if the appeal's own category is changed back behind routing's back.
    await p.db.query(
      `UPDATE appeals SET category_code = $3 WHERE municipality_id = $1 AND document_id = $2`,
      [municipalityId, id, was],
    );
    const set = await p.db.transaction((tx) => loadTrainingSet(tx, municipalityId));
    const i = set.ids.indexOf(id);
    expect(set.examples[i]!.category).toBe(other);
    expect(set.examples[set.ids.indexOf(ids[1]!)]!.executor).toEqual(
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
  });

  it('refuses an unknown head, an unsuggested acceptance, an unknown executor, and appeals of another municipality', async () => {
    expect((await feedback(ids[2]!, { head: 'department', value: 'x', accepted: true })).statusCode).toBe(
      400,
    );
    const shown = (await routingOf(ids[2]!)).json<Routing>().suggestions.category!.map((x) => x.value);
    const unshown = ['state_society', 'social', 'economy', 'security_law', 'housing'].find(
      (c) => !shown.includes(c),
    )!;
    const notSuggested = await feedback(ids[2]!, { head: 'category', value: unshown, accepted: true });
    expect(notSuggested.statusCode).toBe(400);
    expect(notSuggested.json()).toMatchObject({ error: { code: 'not_suggested' } });
    const badExecutor = await feedback(ids[2]!, { head: 'executor', value: 'Кто-то', accepted: false });
    expect(badExecutor.json()).toMatchObject({ error: { code: 'unknown_executor' } });
    const badCategory = await feedback(ids[2]!, { head: 'category', value: 'no_such', accepted: false });
    expect(badCategory.json()).toMatchObject({ error: { code: 'unknown_category' } });

    const sosnovkaRegistrar = await p.loginAs('registrar@sosnovka.demo.zemstvo.ru');
    const theirs = await fileAppeal(p, 'sosnovka', resident.headers, appealBody());
    expect((await routingOf(theirs)).statusCode).toBe(404);
    expect((await routingOf(theirs, sosnovkaRegistrar, 'sosnovka')).statusCode).toBe(200);
  });

  it('at start, enqueues a training for municipalities without a ready model only, and their nightly runs once', async () => {
    const count = async (where: string) =>
      (
        await p.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM jobs WHERE kind = 'routing.train' AND ${where}`,
        )
      )[0]!.n;
    const nightly = await count(`unique_key LIKE 'routing.train:nightly:%'`);
    const first = await enqueueTrainingForAll(p.db, p.clock);
    expect(first).toBeGreaterThanOrEqual(1); // sosnovka (skipped before), not zarechny (ready)
    expect(await enqueueTrainingForAll(p.db, p.clock)).toBe(0); // already waiting
    const municipalities = (await p.db.query('SELECT id FROM municipalities')).length;
    expect(await count(`unique_key LIKE 'routing.train:nightly:%'`)).toBe(Math.max(nightly, municipalities));
    await p.worker.drain();
    expect((await models())[0]).toMatchObject({ status: 'ready', version: 1 });
  });

  it('schedules the nightly run at 02:00 in the municipality, the next night when it is close', () => {
    const MSK = 'Europe/Moscow';
    expect(nextNightlyRun(new Date('2026-03-02T08:00:00Z'), MSK).toISOString()).toBe(
      '2026-03-02T23:00:00.000Z',
    );
    expect(nextNightlyRun(new Date('2026-03-02T22:30:00Z'), MSK).toISOString()).toBe(
      '2026-03-03T23:00:00.000Z',
    );
    // Just after midnight in Moscow: tonight's 02:00 is less than an hour ahead.
    expect(nextNightlyRun(new Date('2026-03-02T21:30:00Z'), MSK).toISOString()).toBe(
      '2026-03-02T23:00:00.000Z',
    );
    expect(nextNightlyRun(new Date('2026-03-02T22:01:00Z'), MSK).toISOString()).toBe(
      '2026-03-03T23:00:00.000Z',
    );
    // Vladivostok (UTC+10): 02:00 there is 16:00 UTC.
    const VVO = 'Asia/Vladivostok';
    expect(nextNightlyRun(new Date('2026-03-02T08:00:00Z'), VVO).toISOString()).toBe(
      '2026-03-02T16:00:00.000Z',
    );
    expect(nextNightlyRun(new Date('2026-03-02T15:30:00Z'), VVO).toISOString()).toBe(
      '2026-03-03T16:00:00.000Z',
    );
  });

  it("keys the nightly job by the municipality's own night", async () => {
    const runAt = async () =>
      (
        await p.db.query<{ run_at: Date }>(
          `SELECT run_at FROM jobs WHERE kind = 'routing.train' AND municipality_id = $1
             AND unique_key LIKE 'routing.train:nightly:%' AND done_at IS NULL ORDER BY run_at DESC LIMIT 1`,
          [municipalityId],
        )
      )[0]!.run_at;
    const zone = (
      await p.db.query<{ timezone: string }>('SELECT timezone FROM municipalities WHERE id = $1', [
        municipalityId,
      ])
    )[0]!.timezone;
    await p.db.transaction((tx) => scheduleNightlyTraining(tx, p.clock, municipalityId));
    expect((await runAt()).toISOString()).toBe(nextNightlyRun(p.clock.now(), zone).toISOString());
    const localHour = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
    expect(localHour.format(await runAt())).toBe('02');
  });

  const openRun = () =>
    p.db.transaction((tx) => modelsRepo.insertRun(tx, municipalityId, null, p.clock.now(), TRAINER_PROCESS));

  it('keeps answering requests while the job trains in the worker, and stores the model in-process training gives', async () => {
    const events: string[] = [];
    let answered: Promise<void> = Promise.resolve();
    // The job's own trainer, observed: the requests start the moment the fit starts.
    const observed: Trainer = (request) => {
      events.push('training started');
      const training = trainInWorker(request).finally(() => events.push('training ended'));
      answered = Promise.all([p.app.inject('/healthz'), models()]).then(([health, runs]) => {
        events.push(`healthz ${health.statusCode}; the run is ${runs[0]!.status}`);
      });
      return training;
    };
    const run = await openRun();
    await runTraining(p.db, p.clock, silentLogger, municipalityId, run, observed);
    await answered;
    expect(events).toEqual(['training started', 'healthz 200; the run is training', 'training ended']);
    const [stored] = await models();
    expect(stored).toMatchObject({ status: 'ready', active: true, version: run.version });

    // The same examples trained on the main thread give the stored file byte for byte.
    const bytes = Buffer.from((await modelsRepo.bytes(p.db, municipalityId, run.id))!);
    const set = await p.db.transaction((tx) => loadTrainingSet(tx, municipalityId));
    const { metadata } = deserializeModel(bytes);
    expect(metadata.examples).toBe(set.examples.length);
    expect(Buffer.compare(bytes, serializeModel(trainWithHoldout(set.examples).model, metadata))).toBe(0);
  });

  it('writes a heartbeat on the run while the worker trains', async () => {
    const run = await openRun();
    const heartbeatAt = async () =>
      (
        await p.db.query<{ heartbeat_at: Date }>(
          'SELECT heartbeat_at FROM routing_models WHERE municipality_id = $1 AND id = $2',
          [municipalityId, run.id],
        )
      )[0]!.heartbeat_at.toISOString();
    const opened = await heartbeatAt();
    const later = new Date(p.clock.now().getTime() + 60_000).toISOString();
    // The trainer moves the clock on and finishes only once a heartbeat has written the new time.
    const waitsForHeartbeat: Trainer = async (request) => {
      (p.clock as ManualClock).advance(60_000);
      while ((await heartbeatAt()) !== later) await new Promise((resolve) => setTimeout(resolve, 5));
      return trainInWorker(request);
    };
    await runTraining(p.db, p.clock, silentLogger, municipalityId, run, waitsForHeartbeat, 10);
    expect(opened).toBe(run.requestedAt.toISOString());
    expect(await heartbeatAt()).toBe(later);
    expect((await models())[0]).toMatchObject({ version: run.version, status: 'ready' });
  });

  it('marks the run failed with the message when training fails in the worker, and keeps the active model', async () => {
    const before = (await models())[0]!;
    const run = await openRun();
    const broken: Trainer = (request) =>
      trainInWorker({ ...request, examples: request.examples.map(() => null) } as unknown as typeof request);
    await runTraining(p.db, p.clock, silentLogger, municipalityId, run, broken);
    const [failed, active] = await models();
    expect(failed).toMatchObject({
      version: run.version,
      status: 'failed',
      active: false,
      statusReason: null,
    });
    expect(failed!.statusNote).toMatch(/^routing training failed: /);
    expect(active).toMatchObject({ version: before.version, status: 'ready', active: true });
  });
});
