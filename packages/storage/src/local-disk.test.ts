import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk.ts';

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
});
