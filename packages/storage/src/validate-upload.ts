import { fileTypeFromBuffer } from 'file-type';
import { AppError, sha256Hex } from '@zemstvo/kernel';
import {
  allowedTypeFor,
  ALLOWED_TYPES,
  KNOWN_EXTENSIONS,
  type AllowedType,
  type UploadKind,
} from './file-types.ts';
import { cleanFileName, extensionOf } from './file-name.ts';
import { inspectArchive, isZip } from './zip.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.ts';

/** An uploaded file as it arrived: its bytes and the name the client gave (untrusted). */
export interface UploadInput {
  bytes: Uint8Array;
  fileName?: string | null;
}

/** A file that passed every check: its real type, a clean display name, its size and hash. */
export interface ValidatedUpload {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  kind: UploadKind;
  sizeBytes: number;
  sha256: string;
}

export interface ValidateOptions {
  limits?: UploadLimits;
  /** Only these kinds are welcome here (e.g. photos for a map report); default: every allowed kind. */
  accept?: readonly UploadKind[];
}

/**
 * Extensions that claim a type we refuse (active content, executables, archives, old Office
 * formats): a PNG named `x.html` or `x.exe` is a disguise, not a missing extension.
 */
const CLAIMING_EXTENSIONS: ReadonlySet<string> = new Set([
  ...KNOWN_EXTENSIONS,
  ...'htm html xhtml shtml svg svgz xml xsl js mjs cjs css json php phtml asp aspx jsp cgi pl py rb sh bash bat cmd com exe dll scr msi msp vbs vbe wsf ps1 psm1 jar apk app dmg iso img lnk url hta reg chm swf zip rar 7z gz tgz bz2 xz tar cab doc dot docm dotm xls xlsx xlsm ppt pptx pptm rtf odp ods gif bmp tif tiff ico avif mp4 mov avi mkv webm wav flac aac wma'.split(
    ' ',
  ),
]);

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Checks an upload by its content: size (per kind), real type (detected from the bytes, never the
 * name) against the allow-list, the name's extension against that type, ZIP containers against zip
 * bombs, text for valid UTF-8. Throws an AppError with a stable code: `empty_file`, `file_too_large`
 * (413), `unsupported_type` (415), `type_mismatch` (415), `archive_too_large`, `bad_archive`,
 * `bad_file_name`, `bad_text_encoding`.
 */
export async function validateUpload(
  input: UploadInput,
  opts: ValidateOptions = {},
): Promise<ValidatedUpload> {
  const limits = opts.limits ?? DEFAULT_UPLOAD_LIMITS;
  const name = cleanFileName(input.fileName);
  const { bytes } = input;
  if (bytes.length === 0) throw new AppError('empty_file', 'The file is empty', 400, { fileName: name });
  const largest = Math.max(limits.photoBytes, limits.audioBytes, limits.fileBytes);
  if (bytes.length > largest) throw fileTooLarge(bytes.length, largest, name);
  if (isZip(bytes)) inspectArchive(bytes, limits.archive);
  const type = await detectType(bytes, name);
  const max = maxBytesFor(type.kind, limits);
  if (bytes.length > max) throw fileTooLarge(bytes.length, max, name, type.kind);
  if (opts.accept && !opts.accept.includes(type.kind))
    throw new AppError('unsupported_type', `A file of type ${type.mediaType} is not accepted here`, 415, {
      fileName: name,
      detected: type.mediaType,
      accepted: opts.accept,
    });
  return {
    bytes,
    fileName: nameFor(name, type),
    mediaType: type.mediaType,
    kind: type.kind,
    sizeBytes: bytes.length,
    sha256: sha256Hex(bytes),
  };
}

export function maxBytesFor(kind: UploadKind, limits: UploadLimits): number {
  return kind === 'photo' ? limits.photoBytes : kind === 'audio' ? limits.audioBytes : limits.fileBytes;
}

function fileTooLarge(size: number, max: number, fileName: string | null, kind?: UploadKind): AppError {
  return new AppError(
    'file_too_large',
    `The file is ${mib(size)}; at most ${mib(max)} is accepted${kind ? ` for a ${kind}` : ''}`,
    413,
    {
      fileName,
      sizeBytes: size,
      maxBytes: max,
      ...(kind ? { kind } : {}),
    },
  );
}

async function detectType(bytes: Uint8Array, name: string | null): Promise<AllowedType> {
  const detected = await fileTypeFromBuffer(bytes);
  const type = detected ? allowedTypeFor(detected.mime) : plainText(bytes);
  if (!type)
    throw new AppError(
      'unsupported_type',
      `This type of file is not accepted${detected ? ` (${detected.mime})` : ''}; accepted: photos (JPEG, PNG, WebP, HEIC), PDF, DOCX, ODT, plain text, audio (MP3, OGG, M4A)`,
      415,
      { fileName: name, detected: detected?.mime ?? null, accepted: ALLOWED_TYPES.map((t) => t.mediaType) },
    );
  const ext = name ? extensionOf(name) : '';
  if (ext && !type.extensions.includes(ext) && CLAIMING_EXTENSIONS.has(ext))
    throw new AppError(
      'type_mismatch',
      `The file is named .${ext} but its content is ${type.mediaType}`,
      415,
      {
        fileName: name,
        claimed: ext,
        detected: type.mediaType,
      },
    );
  return type;
}

/** Text without a signature: valid UTF-8 with no control characters but tab, line breaks and form feed. */
function plainText(bytes: Uint8Array): AllowedType | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return undefined;
  return ALLOWED_TYPES.find((t) => t.mediaType === 'text/plain');
}

/** The display name: the clean name with its real extension added when it had none, or a default. */
function nameFor(name: string | null, type: AllowedType): string {
  const ext = type.extensions[0]!;
  if (!name) return `${type.kind === 'photo' ? 'photo' : type.kind === 'audio' ? 'audio' : 'file'}.${ext}`;
  return type.extensions.includes(extensionOf(name)) ? name : `${name}.${ext}`;
}
