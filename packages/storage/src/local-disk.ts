import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { newId } from '@zemstvo/kernel';
import { checkStorageKey, type FileStorage } from './storage.ts';

/** Files under a root folder (default `DATA_DIR/files`), written atomically (temp file + rename). */
export class LocalDiskStorage implements FileStorage {
  readonly kind = 'local';
  readonly #root: string;

  constructor(root: string) {
    this.#root = resolve(root);
  }

  #path(key: string): string {
    checkStorageKey(key);
    const p = resolve(join(this.#root, key));
    if (!p.startsWith(this.#root + sep)) throw new Error(`Bad storage key: ${key}`);
    return p;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const p = this.#path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${newId()}.tmp`;
    await writeFile(tmp, bytes, { flush: true });
    await rename(tmp, p);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}
