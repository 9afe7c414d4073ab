import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { startTestS3Server, type TestS3Server } from '@zemstvo/storage/testing/s3-server';
import { killAllChildren, runCli, startServer } from '../testing/cli-process.ts';
import { call, login } from '../testing/http-client.ts';
import { appealBody } from '@zemstvo/appeals/test/factories';

// The same commands with STORAGE=s3: `zemstvo start` stores a resident's photo in a bucket of a
// real S3-compatible server (s3rver over HTTP), a backup carries it, a restore puts it into another
// bucket, and the orphan sweep walks the bucket.
const PHOTO = readFileSync(
  new URL('../../../../packages/storage/src/testing/fixtures/photo.jpg', import.meta.url),
);
let work: string;
let s3: TestS3Server;
let source: Record<string, string>;
const targets: ScratchTarget[] = [];
let documentId: string;
let attachmentId: string;
let attachmentKey: string;

async function fresh(bucket: string): Promise<Record<string, string>> {
  const target = await createScratchTarget();
  targets.push(target);
  return { ...target.env, ...s3.env(bucket), FILES_DIR: join(work, 'must-stay-empty') };
}

async function ok(args: string[], env: Record<string, string>): Promise<string> {
  const res = await runCli(args, env);
  expect(res.code, `zemstvo ${args.join(' ')}: ${res.stderr}`).toBe(0);
  return res.stdout;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zemstvo-cli-s3-'));
  s3 = await startTestS3Server(['zemstvo-source', 'zemstvo-restored']);
  source = await fresh('zemstvo-source');
  await ok(['seed'], source);
}, 180_000);

afterAll(async () => {
  await killAllChildren();
  for (const t of targets) await t.dispose();
  await s3?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('zemstvo with STORAGE=s3', { timeout: 240_000 }, () => {
  it('serves uploads from the bucket: a photo goes up with an appeal and downloads byte for byte', async () => {
    const server = await startServer(source);
    try {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PHOTO)], { type: 'image/jpeg' }), 'yama.jpg');
      const up = await fetch(`${server.url}/api/m/zarechny/appeals/uploads`, { method: 'POST', body: form });
      expect(up.status).toBe(201);
      attachmentId = ((await up.json()) as { items: { id: string }[] }).items[0]!.id;
      const resident = await login(server.url, 'resident@demo.zemstvo.ru');
      const filed = await call(
        server.url,
        resident,
        'POST',
        '/api/m/zarechny/appeals',
        appealBody(
          {},
          { text: 'Прошу отремонтировать крыльцо, фото приложено.', attachments: [attachmentId] },
        ),
      );
      expect(filed.status, JSON.stringify(filed.json)).toBe(201);
      documentId = (filed.json as { appeal: { id: string } }).appeal.id;
      const registrar = await login(server.url, 'registrar@zarechny.demo.zemstvo.ru');
      const dl = await fetch(
        `${server.url}/api/m/zarechny/documents/${documentId}/attachments/${attachmentId}`,
        {
          headers: { cookie: registrar.cookie },
        },
      );
      expect(dl.status).toBe(200);
      expect(Buffer.from(await dl.arrayBuffer()).equals(PHOTO)).toBe(true);
    } finally {
      expect((await server.stop('SIGTERM')).code).toBe(0);
    }
    const objects: { key: string; sizeBytes: number }[] = [];
    const bucket = s3.storage('zemstvo-source');
    for await (const f of bucket.list()) objects.push(f);
    bucket.close();
    expect(objects.map((o) => o.sizeBytes)).toEqual([PHOTO.length]);
    attachmentKey = objects[0]!.key;
    expect(existsSync(join(work, 'must-stay-empty'))).toBe(false);
  });

  it('backs up the files from the bucket and restores them into another bucket', async () => {
    const archive = join(work, 'with-s3.tar.gz');
    expect(await ok(['backup', '--output', archive], source)).toMatch(/: \d+ tables, \d+ rows, 1 files /);
    const target = await fresh('zemstvo-restored');
    expect(await ok(['restore', '--input', archive], target)).toMatch(
      /and 1 files \(\d+ bytes\) into s3:\/\/zemstvo-restored\//,
    );
    const restored = s3.storage('zemstvo-restored');
    try {
      expect(Buffer.from((await restored.get(attachmentKey))!).equals(PHOTO)).toBe(true);
    } finally {
      restored.close();
    }
    expect(await ok(['audit', 'verify'], target)).toContain('Audit log intact');
  });

  it('sweeps orphans out of the bucket once they are older than the grace period', async () => {
    const bucket = s3.storage('zemstvo-source');
    try {
      await bucket.put('orphan-of-a-rolled-back-request', new Uint8Array(11));
      await bucket.put('written-a-moment-ago', new Uint8Array(3));
      s3.backdate('zemstvo-source', 'orphan-of-a-rolled-back-request', new Date(Date.now() - 2 * 86_400_000));
      expect(await ok(['files', 'sweep'], source)).toMatch(
        /removed orphan-of-a-rolled-back-request \(11 bytes[^]*3 stored files: 1 referenced, 1 unreferenced but younger than 24h, 1 orphans \(11 bytes\) removed/,
      );
      expect(await bucket.get('orphan-of-a-rolled-back-request')).toBeNull();
      expect(await bucket.get('written-a-moment-ago')).toEqual(new Uint8Array(3));
      expect(Buffer.from((await bucket.get(attachmentKey))!).equals(PHOTO)).toBe(true);
    } finally {
      bucket.close();
    }
  });
});
