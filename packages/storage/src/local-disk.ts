import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { newId } from '@zemstvo/kernel';
import { checkStorageKey, isStorageKey, type FileStorage, type StoredFile } from './storage.ts';

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

  /**
   * Walks the root. Left-overs of interrupted writes (`<key>.<uuid>.tmp`) are listed too: no row
   * names them, so the orphan sweep removes them. Names no key could have (an operator's notes…)
   * are not listed, so nothing here ever touches them.
   */
  async *list(): AsyncGenerator<StoredFile> {
    yield* this.#walk(this.#root);
  }

  async *#walk(dir: string): AsyncGenerator<StoredFile> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // no files yet, or removed meanwhile
      throw e;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        yield* this.#walk(path);
        continue;
      }
      const key = relative(this.#root, path).split(sep).join('/');
      if (!entry.isFile() || !isStorageKey(key)) continue;
      try {
        const s = await stat(path);
        yield { key, sizeBytes: s.size, modifiedAt: s.mtime };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted meanwhile
      }
    }
  }
}
