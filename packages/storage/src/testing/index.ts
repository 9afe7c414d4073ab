import { readFileSync } from 'node:fs';

export { writeZip, minimalDocx, minimalOdt, type ZipWriterEntry } from './zip-writer.ts';

/** Small real media files made by `fixtures/make-fixtures.sh` (JPEG, PNG, WebP, HEIC, PDF, MP3, OGG, M4A). */
export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
