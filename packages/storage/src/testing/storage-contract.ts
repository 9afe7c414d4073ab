import { expect, it } from 'vitest';
import type { FileStorage } from '../storage.ts';

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every byte value, so no implementation may re-encode or re-type content unnoticed. */
const ALL_BYTES = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));

/**
 * What every `FileStorage` promises (local disk, S3, any plug-in): call it inside a `describe`
 * with a factory that gives an empty storage.
 */
export function fileStorageContract(emptyStorage: () => FileStorage): void {
  it('stores, reads and deletes bytes exactly as given', async () => {
    const storage = emptyStorage();
    await storage.put('m1/2026/01/abc', ALL_BYTES);
    await storage.put('m1/2026/01/empty', new Uint8Array());
    expect(await storage.get('m1/2026/01/abc')).toEqual(ALL_BYTES);
    expect(await storage.get('m1/2026/01/empty')).toEqual(new Uint8Array());
    await storage.delete('m1/2026/01/abc');
    expect(await storage.get('m1/2026/01/abc')).toBeNull();
    expect(await storage.get('m1/2026/01/empty')).toEqual(new Uint8Array());
  });

  it('answers null for a missing key, and deleting one succeeds', async () => {
    const storage = emptyStorage();
    expect(await storage.get('m1/2026/01/never-written')).toBeNull();
    await expect(storage.delete('m1/2026/01/never-written')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave the root', async () => {
    const storage = emptyStorage();
    for (const key of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a//b', 'A B']) {
      await expect(storage.put(key, new Uint8Array())).rejects.toThrow(/Bad storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Bad storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Bad storage key/);
    }
  });

  it('lists what it stores with sizes and write times, and forgets what it deleted', async () => {
    const storage = emptyStorage();
    expect(await collect(storage.list())).toEqual([]);
    const before = Date.now() - 60_000;
    await storage.put('m1/2026/01/abc', new Uint8Array([1, 2, 3]));
    await storage.put('m2/2026/02/def.pdf', new Uint8Array(10));
    await storage.put('m2/2026/02/gone', new Uint8Array(1));
    await storage.delete('m2/2026/02/gone');
    const listed = await collect(storage.list());
    expect(listed.map((f) => [f.key, f.sizeBytes]).sort()).toEqual([
      ['m1/2026/01/abc', 3],
      ['m2/2026/02/def.pdf', 10],
    ]);
    // Write times are real dates near now (the sweep compares them with its grace period).
    for (const f of listed) expect(f.modifiedAt.getTime()).toBeGreaterThan(before);
  });
}
