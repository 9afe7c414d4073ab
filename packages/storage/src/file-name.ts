import { AppError } from '@zemstvo/kernel';

/**
 * File names are display text only: the storage key never comes from them. A name that is a path
 * (separators, `..`) is refused; invisible and dangerous characters are removed so the name shows
 * and saves safely on any system.
 */
export const MAX_FILE_NAME_LENGTH = 180;

const badName = (message: string, name: string) =>
  new AppError('bad_file_name', message, 400, { fileName: name.slice(0, 300) });

// C0 and C1 control characters and DEL; bidirectional overrides and isolates (a name like
// `photo<RLO>gpj.exe` shows as `photoexe.jpg`); zero-width characters and the BOM.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * The clean display name of an uploaded file, or null when none was given. Throws `bad_file_name`
 * for a path (`../../etc/passwd`, `C:\x`, `a/b`) or a name with nothing left after cleaning.
 */
export function cleanFileName(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  if (raw.length > 1000) throw badName('The file name is too long', raw);
  if (/[/\\]/.test(raw)) throw badName('A file name must not contain a path (/ or \\)', raw);
  let name = raw
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(WINDOWS_FORBIDDEN, '_');
  name = name.replace(/\s+/g, ' ').trim();
  // Leading dots hide a file (or make `..`); trailing dots and spaces are dropped by Windows.
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') throw badName('The file name has no visible characters', raw);
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  return truncateKeepingExtension(name, MAX_FILE_NAME_LENGTH);
}

/** The extension a name claims (lowercase, without the dot), or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  const ext = name.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(ext) && /[a-z]/.test(ext) ? ext : '';
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const ext = extensionOf(name);
  const tail = ext ? [...`.${ext}`] : [];
  return (
    chars
      .slice(0, max - tail.length)
      .join('')
      .trimEnd() + tail.join('')
  );
}

/**
 * `Content-Disposition` for a download: an ASCII fallback and the exact UTF-8 name (RFC 6266 /
 * RFC 5987), so quotes, semicolons or line breaks in a name can never inject a header.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\;%]/g, '_')
    .trim();
  const ext = extensionOf(fileName);
  const stemHasText = /[A-Za-z0-9]/.test(ascii.replace(/\.[A-Za-z0-9]+$/, ''));
  const fallback = stemHasText ? ascii : ext ? `file.${ext}` : 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
