import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('local disk storage', () => {
  const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'zemstvo-files-')));

  it('stores, reads and deletes bytes', async () => {
    await storage.put('m1/2026/01/abc', new Uint8Array([1, 2, 3]));
    expect(await storage.get('m1/2026/01/abc')).toEqual(new Uint8Array([1, 2, 3]));
    await storage.delete('m1/2026/01/abc');
    expect(await storage.get('m1/2026/01/abc')).toBeNull();
  });

  it('refuses keys that would leave the root', async () => {
    for (const key of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a//b', 'A B'])
      await expect(storage.put(key, new Uint8Array())).rejects.toThrow(/Bad storage key/);
  });

  it('lists what it stores (interrupted writes too), never other names', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zemstvo-files-'));
    const disk = new LocalDiskStorage(root);
    expect(await collect(new LocalDiskStorage(join(root, 'absent')).list())).toEqual([]);
    await disk.put('m1/2026/01/abc', new Uint8Array([1, 2, 3]));
    await disk.put('m2/2026/02/def.pdf', new Uint8Array(10));
    mkdirSync(join(root, 'm1/2026/01'), { recursive: true });
    writeFileSync(join(root, 'm1/2026/01/ghi.0f.tmp'), 'half');
    writeFileSync(join(root, 'README BY OPERATOR.txt'), 'keep me');
    const listed = await collect(disk.list());
    expect(listed.map((f) => [f.key, f.sizeBytes]).sort()).toEqual([
      ['m1/2026/01/abc', 3],
      ['m1/2026/01/ghi.0f.tmp', 4],
      ['m2/2026/02/def.pdf', 10],
    ]);
    expect(listed.every((f) => f.modifiedAt instanceof Date)).toBe(true);
  });
});
