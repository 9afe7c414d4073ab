/**
 * The allow-list of uploads: what a municipality accepts from residents and staff. The type is
 * always the one detected from the bytes; the extensions only say which names are honest for it.
 */
export type UploadKind = 'photo' | 'audio' | 'file' | 'text';

export interface AllowedType {
  /** The media type stored and served (canonical, without parameters). */
  mediaType: string;
  kind: UploadKind;
  /** Honest extensions for this type, lowercase; the first is used when a name has none. */
  extensions: readonly string[];
  /** ZIP containers are inspected for zip bombs before anything reads them. */
  zip?: boolean;
}

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mediaType: 'image/jpeg', kind: 'photo', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  { mediaType: 'image/png', kind: 'photo', extensions: ['png'] },
  { mediaType: 'image/webp', kind: 'photo', extensions: ['webp'] },
  { mediaType: 'image/heic', kind: 'photo', extensions: ['heic', 'heif'] },
  { mediaType: 'application/pdf', kind: 'file', extensions: ['pdf'] },
  { mediaType: DOCX_MEDIA_TYPE, kind: 'file', extensions: ['docx'], zip: true },
  { mediaType: ODT_MEDIA_TYPE, kind: 'file', extensions: ['odt'], zip: true },
  { mediaType: 'text/plain', kind: 'text', extensions: ['txt', 'text'] },
  { mediaType: 'audio/mpeg', kind: 'audio', extensions: ['mp3'] },
  { mediaType: 'audio/ogg', kind: 'audio', extensions: ['ogg', 'oga', 'opus'] },
  { mediaType: 'audio/mp4', kind: 'audio', extensions: ['m4a'] },
];

/** file-type's names for the same types (HEIF brands, Opus in Ogg, M4A). */
const DETECTED_ALIASES: Readonly<Record<string, string>> = {
  'image/heif': 'image/heic',
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heic',
  'audio/ogg; codecs=opus': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/x-m4a': 'audio/mp4',
};

export function allowedTypeFor(detectedMime: string): AllowedType | undefined {
  const mime = DETECTED_ALIASES[detectedMime] ?? detectedMime;
  return ALLOWED_TYPES.find((t) => t.mediaType === mime);
}

export const allowedTypeByMediaType = (mediaType: string): AllowedType | undefined =>
  ALLOWED_TYPES.find((t) => t.mediaType === mediaType);

/** The extensions of every allowed type: a name ending in one of them claims that type. */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(ALLOWED_TYPES.flatMap((t) => t.extensions));
