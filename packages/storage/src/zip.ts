import { inflateRawSync } from 'node:zlib';
import { AppError } from '@zemstvo/kernel';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './upload-limits.ts';

/**
 * A minimal reader of ZIP containers (DOCX and ODT are ZIPs) that trusts nothing: it reads the
 * central directory, refuses archives whose declared contents are absurd (zip bombs: a huge total,
 * a huge compression ratio, a huge number of entries, entries that overlap or point outside the
 * file) before anything is unpacked, and unpacks an entry only up to its declared size.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

const tooLarge = (message: string, details: Record<string, unknown>) =>
  new AppError('archive_too_large', message, 400, details);
const badArchive = (message: string) =>
  new AppError('bad_archive', `The archive is damaged or unsupported: ${message}`, 400);

export const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads the central directory; throws `bad_archive` for a malformed one. */
export function readZipDirectory(
  bytes: Uint8Array,
  maxEntries = DEFAULT_ARCHIVE_LIMITS.maxEntries,
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) throw badArchive('no end of central directory');
  let count = u16(eocd + 10);
  let dirSize = u32(eocd + 12);
  let dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== EOCD64_LOCATOR) throw badArchive('ZIP64 locator missing');
    const e64 = u64(loc + 8);
    if (e64 + 56 > bytes.length || u32(e64) !== EOCD64) throw badArchive('ZIP64 end of directory missing');
    count = u64(e64 + 32);
    dirSize = u64(e64 + 40);
    dirOffset = u64(e64 + 48);
  }
  if (count > maxEntries)
    throw tooLarge(`The archive has ${count} entries; at most ${maxEntries} are accepted`, {
      entries: count,
      maxEntries,
    });
  if (dirOffset + dirSize > bytes.length) throw badArchive('central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dirOffset + dirSize || u32(p) !== CENTRAL) throw badArchive('broken central directory');
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let compressedSize = u32(p + 20);
    let uncompressedSize = u32(p + 24);
    let localHeaderOffset = u32(p + 42);
    const extraStart = p + 46 + nameLen;
    const zip64 = readZip64Extra(view, extraStart, extraLen);
    if (zip64) {
      let q = 0;
      if (uncompressedSize === 0xffffffff) uncompressedSize = zip64[q++] ?? uncompressedSize;
      if (compressedSize === 0xffffffff) compressedSize = zip64[q++] ?? compressedSize;
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = zip64[q++] ?? localHeaderOffset;
    }
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({
      name,
      method: u16(p + 10),
      flags: u16(p + 8),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = extraStart + extraLen + commentLen;
  }
  return entries;
}

/**
 * Refuses a zip bomb from its central directory alone: too many entries, too much declared data,
 * a ratio no document has, or entries sharing bytes (the "overlapping files" bomb). Returns the
 * entries of an archive that passed.
 */
export function inspectArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): ZipEntry[] {
  const entries = readZipDirectory(bytes, limits.maxEntries);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.flags & 0x1) throw badArchive(`entry ${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8)
      throw badArchive(`entry ${e.name} uses compression method ${e.method}`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize)
      throw badArchive(`stored entry ${e.name} has two sizes`);
  }
  if (total > limits.maxUncompressedBytes)
    throw tooLarge(
      `The archive would unpack to ${total} bytes; at most ${limits.maxUncompressedBytes} are accepted`,
      {
        uncompressedBytes: total,
        maxUncompressedBytes: limits.maxUncompressedBytes,
      },
    );
  const ratio = total / Math.max(bytes.length, 1);
  if (total > MiB && ratio > limits.maxRatio)
    throw tooLarge(
      `The archive unpacks ${Math.round(ratio)} times its size; at most ${limits.maxRatio} is accepted`,
      {
        ratio: Math.round(ratio),
        maxRatio: limits.maxRatio,
      },
    );
  checkNoOverlap(bytes, entries);
  return entries;
}

/** The bytes of one entry, unpacked to at most its declared size (a lying header cannot inflate more). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = 64 * MiB): Uint8Array {
  const { start, end } = entryData(bytes, entry);
  const raw = bytes.subarray(start, end);
  if (entry.uncompressedSize > maxBytes)
    throw tooLarge(`Entry ${entry.name} is too large to read`, {
      entry: entry.name,
      uncompressedBytes: entry.uncompressedSize,
    });
  if (entry.method === 0) return raw;
  try {
    return new Uint8Array(inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) }));
  } catch (e) {
    if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(`Entry ${entry.name} unpacks to more than it declares`, { entry: entry.name });
    throw badArchive(`entry ${entry.name} cannot be unpacked`);
  }
}

/** Reads a named entry of an inspected archive as UTF-8 text, or undefined when it is absent. */
export function readZipText(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
): string | undefined {
  const entry = entries.find((e) => e.name === name);
  return entry ? new TextDecoder().decode(readZipEntry(bytes, entry)) : undefined;
}

function findEndOfDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

function readZip64Extra(view: DataView, start: number, length: number): number[] | undefined {
  let p = start;
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let q = p + 4; q + 8 <= p + 4 + size; q += 8) values.push(Number(view.getBigUint64(q, true)));
      return values;
    }
    p += 4 + size;
  }
  return undefined;
}

function entryData(bytes: Uint8Array, e: ZipEntry): { start: number; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL)
    throw badArchive(`entry ${e.name} has no local header`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw badArchive(`entry ${e.name} runs past the end of the file`);
  return { start, end };
}

function checkNoOverlap(bytes: Uint8Array, entries: readonly ZipEntry[]): void {
  const spans = entries.map((e) => ({ name: e.name, header: e.localHeaderOffset, ...entryData(bytes, e) }));
  spans.sort((a, b) => a.header - b.header);
  for (let i = 1; i < spans.length; i++)
    if (spans[i]!.header < spans[i - 1]!.end)
      throw tooLarge(
        `Entries ${spans[i - 1]!.name} and ${spans[i]!.name} share bytes (an overlapping zip bomb)`,
        {
          entries: [spans[i - 1]!.name, spans[i]!.name],
        },
      );
}
