import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '@zemstvo/db';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { LocalDiskStorage } from '@zemstvo/storage';
import { hasStackTrace, killAllChildren, runCli, startServer } from '../testing/cli-process.ts';
import { call, login } from '../testing/http-client.ts';
import { appealBody } from '@zemstvo/appeals/test/factories';

// Backups carry the stored files: a photo a resident attached to an appeal and one still waiting
// in the intake form go into the archive and come back into an empty FILES_DIR with the database.
const PHOTO = readFileSync(
  new URL('../../../../packages/storage/src/testing/fixtures/photo.jpg', import.meta.url),
);
const PNG = readFileSync(
  new URL('../../../../packages/storage/src/testing/fixtures/photo.png', import.meta.url),
);
let work: string;
let source: Env;
const targets: ScratchTarget[] = [];
let attachmentKey: string;
let stagedKey: string;

interface Env {
  target: ScratchTarget;
  env: Record<string, string>;
  filesDir: string;
}

async function fresh(name: string, filesDir = join(work, name)): Promise<Env> {
  const target = await createScratchTarget();
  targets.push(target);
  return { target, filesDir, env: { ...target.env, FILES_DIR: filesDir } };
}

async function ok(args: string[], e: Env): Promise<string> {
  const res = await runCli(args, e.env);
  expect(res.code, `zemstvo ${args.join(' ')}: ${res.stderr}`).toBe(0);
  return res.stdout;
}

async function refused(args: string[], e: Env, code: string): Promise<string> {
  const res = await runCli(args, e.env);
  expect({ args: args.join(' '), code: res.code }).toEqual({ args: args.join(' '), code: 1 });
  expect(res.stderr).toContain(`[${code}]`);
  expect(hasStackTrace(res.stderr)).toBe(false);
  return res.stderr;
}

async function query<T extends object>(e: Env, text: string): Promise<T[]> {
  const db = await e.target.open();
  try {
    return await db.query<T>(text);
  } finally {
    await db.close();
  }
}

async function upload(url: string, bytes: Buffer, name: string, type: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${url}/api/m/zarechny/appeals/uploads`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zemstvo-cli-backup-files-'));
  source = await fresh('files-source');
  await ok(['seed'], source);
  const server = await startServer(source.env);
  const claimed = await upload(server.url, PHOTO, 'yama.jpg', 'image/jpeg');
  await upload(server.url, PNG, 'waiting.png', 'image/png');
  const resident = await login(server.url, 'resident@demo.zemstvo.ru');
  const filed = await call(
    server.url,
    resident,
    'POST',
    '/api/m/zarechny/appeals',
    appealBody({}, { text: 'Прошу отремонтировать крыльцо, фото приложено.', attachments: [claimed] }),
  );
  expect(filed.status, JSON.stringify(filed.json)).toBe(201);
  expect((await server.stop('SIGTERM')).code).toBe(0);
  const keyOf = async (text: string) => (await query<{ k: string }>(source, text))[0]!.k;
  attachmentKey = await keyOf(`SELECT storage_key AS k FROM attachments WHERE id = '${claimed}'`);
  stagedKey = await keyOf('SELECT storage_key AS k FROM attachment_uploads');
}, 180_000);

afterAll(async () => {
  await killAllChildren();
  for (const t of targets) await t.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('backups with stored files, and the orphan sweep', { timeout: 240_000 }, () => {
  it('restores the database and its files into an empty FILES_DIR; the files read back byte for byte', async () => {
    const archive = join(work, 'full.tar.gz');
    expect(await ok(['backup', '--output', archive], source)).toMatch(
      /Backup written to .*full\.tar\.gz: \d+ tables, \d+ rows, 2 files/,
    );
    const target = await fresh('files-restored');
    expect(await ok(['restore', '--input', archive], target)).toMatch(
      /Restored \d+ rows in \d+ tables into .* and 2 files \(\d+ bytes\) into /,
    );
    const storage = new LocalDiskStorage(target.filesDir);
    expect(Buffer.from((await storage.get(attachmentKey))!)).toEqual(PHOTO);
    expect(Buffer.from((await storage.get(stagedKey))!)).toEqual(PNG);
    expect(await ok(['audit', 'verify'], target)).toContain('Audit log intact');

    // Again into another empty database over the same files: identical files are kept as they are.
    const again = await fresh('files-again', target.filesDir);
    expect(await ok(['restore', '--input', archive], again)).toContain('and 0 files (0 bytes) into');

    // A different file under one of the backup's keys is never overwritten; the database stays empty.
    const clash = await fresh('files-clash');
    mkdirSync(join(clash.filesDir, attachmentKey, '..'), { recursive: true });
    writeFileSync(join(clash.filesDir, attachmentKey), 'another file');
    expect(await refused(['restore', '--input', archive], clash, 'file_conflict')).toContain(attachmentKey);
    expect(readFileSync(join(clash.filesDir, attachmentKey), 'utf8')).toBe('another file');
    expect(existsSync(join(clash.filesDir, stagedKey))).toBe(false);
    expect(await query(clash, `SELECT to_regclass('attachments') AS t`)).toEqual([{ t: null }]);
  });

  it('still restores a database snapshot in the older format (.jsonl.gz, no files)', async () => {
    const old = join(work, 'old.jsonl.gz');
    const db = await source.target.open();
    try {
      await writeBackup(db, old);
    } finally {
      await db.close();
    }
    const target = await fresh('files-old-format');
    expect(await ok(['restore', '--input', old], target)).toContain(
      '(a database-only backup: no stored files)',
    );
    expect(await query(target, `SELECT storage_key AS k FROM attachments`)).toEqual([{ k: attachmentKey }]);
  });

  it('refuses a damaged archive with a clear message and exit code 1, changing nothing', async () => {
    const archive = join(work, 'full.tar.gz');
    const bytes = readFileSync(archive);
    const cut = join(work, 'cut.tar.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = join(work, 'flipped.tar.gz');
    const copy = Buffer.from(bytes);
    const middle = Math.floor(copy.length / 2);
    copy[middle] = copy[middle]! ^ 0xff;
    writeFileSync(flipped, copy);
    const garbage = join(work, 'garbage.tar.gz');
    writeFileSync(garbage, 'not a backup at all');
    const target = await fresh('files-damaged');
    for (const file of [cut, flipped, garbage])
      await refused(['restore', '--input', file], target, 'bad_backup');
    expect(existsSync(target.filesDir)).toBe(false);
  });

  it('sweeps stored files no row names once they are older than the grace period, and audits it', async () => {
    const orphan = join(source.filesDir, 'orphan-of-a-rolled-back-request');
    writeFileSync(orphan, 'left behind');
    const young = join(source.filesDir, 'written-a-moment-ago');
    writeFileSync(young, 'maybe its row is about to commit');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(orphan, twoDaysAgo, twoDaysAgo);

    const dry = await ok(['files', 'sweep', '--dry-run'], source);
    expect(dry).toContain('would remove orphan-of-a-rolled-back-request (11 bytes');
    expect(dry).toMatch(
      /4 stored files: 2 referenced, 1 unreferenced but younger than 24h, 1 orphans \(11 bytes\) would be removed/,
    );
    expect(existsSync(orphan)).toBe(true);

    expect(await ok(['files', 'sweep'], source)).toContain('removed orphan-of-a-rolled-back-request');
    expect([existsSync(orphan), existsSync(young)]).toEqual([false, true]);
    expect(existsSync(join(source.filesDir, attachmentKey))).toBe(true);
    const [audit] = await query<{ after: { removed: number; keys: string[] } }>(
      source,
      `SELECT after FROM audit_log WHERE action = 'files.swept'`,
    );
    expect(audit!.after).toMatchObject({ removed: 1, keys: ['orphan-of-a-rolled-back-request'] });
    expect(await ok(['audit', 'verify'], source)).toContain('Audit log intact');

    await refused(['files', 'sweep', '--older-than', '10m'], source, 'grace_too_short');
    await refused(['files', 'sweep', '--older-than', 'a while'], source, 'bad_duration');
  });
});
