/**
 * How large an upload may be. Per kind of file (a photo, an audio recording, any other file), per
 * request (all files together) and in number of files; archives (DOCX, ODT are ZIPs) also have a
 * ceiling on what they unpack to. Defaults suit citizens' appeals; an installation changes them with
 * the UPLOAD_* environment variables (see `uploadLimitsFromEnv`).
 */
export interface UploadLimits {
  photoBytes: number;
  audioBytes: number;
  /** Documents (PDF, DOCX, ODT) and plain text. */
  fileBytes: number;
  /** All files of one request together. */
  requestBytes: number;
  filesPerRequest: number;
  archive: ArchiveLimits;
}

/** What a ZIP container (DOCX, ODT) may declare before it counts as a zip bomb. */
export interface ArchiveLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Declared uncompressed total ÷ archive size, checked once the total passes 1 MiB. */
  maxRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 2000,
  maxUncompressedBytes: 200 * MiB,
  maxRatio: 100,
};

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  photoBytes: 10 * MiB,
  audioBytes: 20 * MiB,
  fileBytes: 20 * MiB,
  requestBytes: 50 * MiB,
  filesPerRequest: 10,
  archive: DEFAULT_ARCHIVE_LIMITS,
};

/** The largest single file any kind allows: the hard cap while a request streams in. */
export const largestFileBytes = (l: UploadLimits): number =>
  Math.max(l.photoBytes, l.audioBytes, l.fileBytes);

const MB_VARS = {
  UPLOAD_MAX_PHOTO_MB: 'photoBytes',
  UPLOAD_MAX_AUDIO_MB: 'audioBytes',
  UPLOAD_MAX_FILE_MB: 'fileBytes',
  UPLOAD_MAX_REQUEST_MB: 'requestBytes',
} as const;

/**
 * Reads UPLOAD_MAX_PHOTO_MB, UPLOAD_MAX_AUDIO_MB, UPLOAD_MAX_FILE_MB, UPLOAD_MAX_REQUEST_MB (MiB,
 * 1–1024) and UPLOAD_MAX_FILES (1–100); unset variables keep the defaults. Throws on a bad value so
 * a misconfigured server refuses to start.
 */
export function uploadLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): UploadLimits {
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS };
  const int = (name: string, min: number, max: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${name} must be an integer from ${min} to ${max}, got ${raw}`);
    return n;
  };
  for (const [name, field] of Object.entries(MB_VARS)) {
    const mb = int(name, 1, 1024);
    if (mb !== undefined) limits[field] = mb * MiB;
  }
  const files = int('UPLOAD_MAX_FILES', 1, 100);
  if (files !== undefined) limits.filesPerRequest = files;
  return limits;
}
