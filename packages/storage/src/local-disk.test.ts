import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk.ts';
import { collect, fileStorageContract } from './testing/storage-contract.ts';

describe('local disk storage', () => {
  fileStorageContract(() => new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'zemstvo-files-'))));

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
