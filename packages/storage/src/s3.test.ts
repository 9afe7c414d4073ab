import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3Server, type TestS3Server } from './testing/s3-server.ts';
import { collect, fileStorageContract } from './testing/storage-contract.ts';

// Against a real S3-compatible HTTP server (s3rver), the same contract as the local disk.
const BUCKETS = Array.from({ length: 8 }, (_, i) => `zemstvo-contract-${i}`);
let s3: TestS3Server;
let next = 0;

beforeAll(async () => {
  s3 = await startTestS3Server([...BUCKETS, 'zemstvo-shared', 'zemstvo-pages']);
});
afterAll(async () => s3?.close());

describe('S3 storage', () => {
  fileStorageContract(() => s3.storage(BUCKETS[next++]!));

  it('lists page by page, under its prefix only, and never objects whose names no key could have', async () => {
    const storage = s3.storage('zemstvo-shared', { prefix: 'zemstvo/', listPageSize: 2 });
    const neighbour = s3.storage('zemstvo-shared', { prefix: 'other-installation' });
    for (let i = 0; i < 5; i++) await storage.put(`m1/2026/01/f${i}`, new Uint8Array(i));
    await neighbour.put('m1/2026/01/theirs', new Uint8Array(7));
    const client = new S3Client({ ...s3.options('zemstvo-shared'), forcePathStyle: true });
    await client.send(
      new PutObjectCommand({
        Bucket: 'zemstvo-shared',
        Key: 'zemstvo/README BY OPERATOR.txt',
        Body: 'keep me',
      }),
    );
    client.destroy();
    const listed = await collect(storage.list());
    expect(listed.map((f) => [f.key, f.sizeBytes]).sort()).toEqual([
      ['m1/2026/01/f0', 0],
      ['m1/2026/01/f1', 1],
      ['m1/2026/01/f2', 2],
      ['m1/2026/01/f3', 3],
      ['m1/2026/01/f4', 4],
    ]);
    expect(await storage.get('m1/2026/01/theirs')).toBeNull();
    expect(await neighbour.get('m1/2026/01/theirs')).toEqual(new Uint8Array(7));
    expect(storage.location).toBe('s3://zemstvo-shared/zemstvo/');
  });

  it('answers ping for a reachable bucket; a missing bucket is an error, never "no such file"', async () => {
    await expect(s3.storage('zemstvo-pages').ping()).resolves.toBeUndefined();
    const missing = s3.storage('no-such-bucket');
    await expect(missing.ping()).rejects.toThrow();
    await expect(missing.get('m1/2026/01/abc')).rejects.toThrow(/bucket/i);
    await expect(missing.put('m1/2026/01/abc', new Uint8Array([1]))).rejects.toThrow(/bucket/i);
  });

  it('refuses unknown credentials', async () => {
    const storage = s3.storage('zemstvo-pages', {
      credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' },
    });
    await expect(storage.put('m1/2026/01/abc', new Uint8Array([1]))).rejects.toThrow(/access key/i);
    await expect(storage.ping()).rejects.toThrow();
  });
});
