import { beforeAll, describe, expect, it } from 'vitest';
import { trainWithHoldout } from '../application/training-set.ts';
import { loadAppeals } from '../dataset/load-appeals.ts';
import { deserializeModel, serializeModel, type ModelMetadata } from '../engine/model-file.ts';
import type { RoutingExample } from '../engine/routing-model.ts';
import { chronological, toExamples } from '../evaluation/time-split.ts';
import { SAMPLE_PATH } from '../testing/sample.ts';
import { trainInWorker } from './train-in-worker.ts';

/** Enough appeals for a training of a few seconds, oldest first, as the job passes them. */
const ROWS = 1000;
const metadata: ModelMetadata = {
  trainedAt: '2026-01-15T09:00:00.000Z',
  examples: ROWS,
  period: { from: null, to: null },
};

let examples: RoutingExample[];
beforeAll(async () => {
  examples = toExamples(chronological((await loadAppeals(SAMPLE_PATH)).records).slice(0, ROWS));
});

describe('routing training in a worker thread', { timeout: 120_000 }, () => {
  it('keeps the event loop turning while it trains, and writes the same model as training in-process', async () => {
    const events: string[] = [];
    let ticks = 0;
    const ticking = setInterval(() => {
      ticks++;
      if (ticks === 3) events.push('the event loop turned three times');
    }, 1);
    const trained = await trainInWorker({ examples, metadata }).finally(() => {
      events.push('trained');
      clearInterval(ticking);
    });
    expect(events).toEqual(['the event loop turned three times', 'trained']);

    const inProcess = trainWithHoldout(examples);
    // Byte for byte: the same weights, labels, temperatures and prior (training is deterministic).
    expect(Buffer.compare(Buffer.from(trained.model), serializeModel(inProcess.model, metadata))).toBe(0);
    const { trainingMs: _w, cpuMs: _wc, ...workerMetrics } = trained.metrics;
    const { trainingMs: _p, cpuMs: _pc, ...processMetrics } = inProcess.metrics;
    expect(workerMetrics).toEqual(processMetrics);
    expect(workerMetrics.heads.category.n).toBeGreaterThan(50);

    const { model, metadata: read } = deserializeModel(Buffer.from(trained.model));
    expect(read).toEqual(metadata);
    for (const e of examples.slice(-50))
      expect(model.predict(e.input, 3)).toEqual(inProcess.model.predict(e.input, 3));
  });

  it('rejects with the message of an error raised in the worker', async () => {
    const broken = { examples: null, metadata } as unknown as Parameters<typeof trainInWorker>[0];
    await expect(trainInWorker(broken)).rejects.toThrow(/^routing training failed: .*null/);
  });

  it('rejects when the worker cannot start', async () => {
    const missing = new URL('./no-such-worker.mjs', import.meta.url);
    await expect(trainInWorker({ examples: [], metadata }, missing)).rejects.toThrow(
      /^routing training worker failed: .*no-such-worker/,
    );
  });
});
