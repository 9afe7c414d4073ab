import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import { DOCX_MEDIA_TYPE, ODT_MEDIA_TYPE } from './file-types.ts';
import { fixture, minimalDocx, minimalOdt, writeZip } from './testing/index.ts';
import { DEFAULT_UPLOAD_LIMITS, uploadLimitsFromEnv, type UploadLimits } from './upload-limits.ts';
import { validateUpload, type ValidateOptions } from './validate-upload.ts';

/** The AppError a hostile upload is refused with (fails the test when it is accepted). */
async function refusal(bytes: Uint8Array, fileName: string | undefined, opts?: ValidateOptions) {
  try {
    await validateUpload({ bytes, fileName }, opts);
  } catch (e) {
    if (isAppError(e)) return { code: e.code, status: e.status, message: e.message, details: e.details };
    throw e;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('upload validation: real files of every allowed type', () => {
  it.each([
    ['photo.jpg', 'image/jpeg', 'photo'],
    ['photo.png', 'image/png', 'photo'],
    ['photo.webp', 'image/webp', 'photo'],
    ['photo.heic', 'image/heic', 'photo'],
    ['letter.pdf', 'application/pdf', 'file'],
    ['voice.mp3', 'audio/mpeg', 'audio'],
    ['voice.ogg', 'audio/ogg', 'audio'],
    ['voice.m4a', 'audio/mp4', 'audio'],
  ])('%s is %s (%s)', async (name, mediaType, kind) => {
    const v = await validateUpload({ bytes: fixture(name), fileName: name });
    expect(v).toMatchObject({ fileName: name, mediaType, kind, sizeBytes: fixture(name).length });
    expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects DOCX, ODT and plain UTF-8 text', async () => {
    const docx = await validateUpload({ bytes: minimalDocx(['Жалоба на яму']), fileName: 'Жалоба.docx' });
    expect(docx).toMatchObject({ mediaType: DOCX_MEDIA_TYPE, kind: 'file', fileName: 'Жалоба.docx' });
    const odt = await validateUpload({ bytes: minimalOdt(['Текст']), fileName: 'письмо.odt' });
    expect(odt.mediaType).toBe(ODT_MEDIA_TYPE);
    const txt = await validateUpload({
      bytes: new TextEncoder().encode('Прошу починить фонарь.\r\n\tСпасибо.'),
      fileName: 'note.txt',
    });
    expect(txt).toMatchObject({ mediaType: 'text/plain', kind: 'text' });
  });

  it('adds the real extension to a name without one and names a nameless file by its kind', async () => {
    expect((await validateUpload({ bytes: fixture('photo.jpg'), fileName: 'IMG_2041' })).fileName).toBe(
      'IMG_2041.jpg',
    );
    expect((await validateUpload({ bytes: fixture('letter.pdf'), fileName: 'Отчёт v1.2' })).fileName).toBe(
      'Отчёт v1.2.pdf',
    );
    expect((await validateUpload({ bytes: fixture('photo.png') })).fileName).toBe('photo.png');
    expect((await validateUpload({ bytes: fixture('voice.mp3'), fileName: '  ' })).fileName).toBe(
      'audio.mp3',
    );
    expect((await validateUpload({ bytes: fixture('photo.jpg'), fileName: 'scan.JPEG' })).fileName).toBe(
      'scan.JPEG',
    );
  });
});

describe('upload validation: hostile files are refused with a clear code', () => {
  it('a PNG renamed .pdf is type_mismatch', async () => {
    const r = await refusal(fixture('photo.png'), 'contract.pdf');
    expect(r).toMatchObject({
      code: 'type_mismatch',
      status: 415,
      details: { claimed: 'pdf', detected: 'image/png' },
    });
  });

  it('a PDF named .jpg, a JPEG named .html, .svg or .exe are type_mismatch', async () => {
    for (const [bytes, name] of [
      [fixture('letter.pdf'), 'photo.jpg'],
      [fixture('photo.jpg'), 'index.html'],
      [fixture('photo.jpg'), 'icon.svg'],
      [fixture('photo.jpg'), 'setup.exe'],
    ] as const)
      expect((await refusal(bytes, name)).code).toBe('type_mismatch');
  });

  it('a right-to-left override cannot hide the real extension', async () => {
    // Shows as "photoexe.jpg"; the override is removed and the .exe claim is seen.
    expect((await refusal(fixture('photo.jpg'), 'photo\u202egpj.exe')).code).toBe('type_mismatch');
  });

  it('types outside the allow-list are unsupported_type, whatever the name says', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
    expect(await refusal(gif, 'cat.gif')).toMatchObject({
      code: 'unsupported_type',
      status: 415,
      details: { detected: 'image/gif' },
    });
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);
    expect((await refusal(elf, 'photo.jpg')).code).toBe('unsupported_type');
    const plainZip = writeZip([{ name: 'a.txt', data: 'hello' }]);
    expect((await refusal(plainZip, 'a.docx')).code).toBe('unsupported_type');
    const binary = new Uint8Array([1, 2, 3, 0, 200, 201, 202]);
    expect((await refusal(binary, 'notes.txt')).code).toBe('unsupported_type');
    const latin1 = new Uint8Array([0x50, 0x72, 0xe9, 0x20, 0x74, 0x65, 0x78, 0x74]);
    expect((await refusal(latin1, 'notes.txt')).code).toBe('unsupported_type');
  });

  it('a kind not welcome here is unsupported_type', async () => {
    const r = await refusal(fixture('letter.pdf'), 'report.pdf', { accept: ['photo'] });
    expect(r).toMatchObject({ code: 'unsupported_type', details: { accepted: ['photo'] } });
  });

  it('files over the limit of their kind are file_too_large (413) and empty files empty_file', async () => {
    const small: UploadLimits = {
      ...DEFAULT_UPLOAD_LIMITS,
      photoBytes: 300,
      fileBytes: 10_000,
      audioBytes: 10_000,
    };
    expect(await refusal(fixture('photo.jpg'), 'p.jpg', { limits: small })).toMatchObject({
      code: 'file_too_large',
      status: 413,
      details: { kind: 'photo', maxBytes: 300 },
    });
    // Beyond the largest limit of any kind the file is refused before its type is even read.
    const huge = new Uint8Array(10_001);
    expect(await refusal(huge, 'x.bin', { limits: small })).toMatchObject({
      code: 'file_too_large',
      details: { maxBytes: 10_000 },
    });
    expect((await refusal(new Uint8Array(), 'empty.pdf')).code).toBe('empty_file');
  });

  it('a zip bomb built with zlib is archive_too_large before anything unpacks it', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    expect(deflateRawSync(zeros).length).toBeLessThan(200_000);
    const bomb = minimalDocx(['Обращение'], [{ name: 'word/media/image1.png', data: zeros }]);
    expect(bomb.length).toBeLessThan(200_000);
    const r = await refusal(bomb, 'обращение.docx');
    expect(r).toMatchObject({ code: 'archive_too_large', status: 400 });
    expect(r.message).toMatch(/unpacks \d+ times its size/);
  });

  it('an archive declaring a huge total, or a huge number of entries, is archive_too_large', async () => {
    const lying = minimalDocx(
      ['x'],
      [{ name: 'word/media/big.bin', data: 'tiny', declare: { uncompressedSize: 4_000_000_000 } }],
    );
    expect(await refusal(lying, 'big.docx')).toMatchObject({
      code: 'archive_too_large',
      details: { maxUncompressedBytes: 200 * 1024 * 1024 },
    });
    const many = minimalDocx(
      ['x'],
      Array.from({ length: 2100 }, (_, i) => ({ name: `word/x${i}.xml`, data: '' })),
    );
    expect(await refusal(many, 'many.docx')).toMatchObject({
      code: 'archive_too_large',
      details: { entries: 2103 },
    });
  });

  it('entries that share bytes (the overlapping-files bomb) are archive_too_large', async () => {
    const shared = 'A'.repeat(50_000);
    const overlapping = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: shared },
      ...Array.from({ length: 10 }, (_, i) => ({
        name: `word/copy${i}.xml`,
        data: '',
        alias: 'word/document.xml',
      })),
    ]);
    expect((await refusal(overlapping, 'x.docx')).code).toBe('archive_too_large');
  });

  it('a truncated or garbled archive is bad_archive', async () => {
    const docx = minimalDocx(['Текст']);
    expect((await refusal(docx.subarray(0, docx.length - 30), 'cut.docx')).code).toBe('bad_archive');
  });
});

describe('upload limits from the environment', () => {
  it('reads the UPLOAD_* variables and refuses nonsense', () => {
    const l = uploadLimitsFromEnv({
      UPLOAD_MAX_PHOTO_MB: '5',
      UPLOAD_MAX_FILES: '3',
      UPLOAD_MAX_REQUEST_MB: '',
    });
    expect(l).toMatchObject({
      photoBytes: 5 * 1024 * 1024,
      filesPerRequest: 3,
      requestBytes: DEFAULT_UPLOAD_LIMITS.requestBytes,
    });
    expect(() => uploadLimitsFromEnv({ UPLOAD_MAX_FILE_MB: 'ten' })).toThrow(/UPLOAD_MAX_FILE_MB/);
    expect(() => uploadLimitsFromEnv({ UPLOAD_MAX_FILES: '0' })).toThrow(/UPLOAD_MAX_FILES/);
  });
});
