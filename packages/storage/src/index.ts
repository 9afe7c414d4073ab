export * from './storage.ts';
export { LocalDiskStorage } from './local-disk.ts';
export { newStorageKey } from './keys.ts';
export * from './upload-limits.ts';
export * from './file-types.ts';
export { cleanFileName, extensionOf, contentDisposition, MAX_FILE_NAME_LENGTH } from './file-name.ts';
export {
  validateUpload,
  maxBytesFor,
  type UploadInput,
  type ValidatedUpload,
  type ValidateOptions,
} from './validate-upload.ts';
export { inspectArchive, readZipDirectory, readZipEntry, readZipText, isZip, type ZipEntry } from './zip.ts';
export { extractText, docxToText, odtToText, decodeXml } from './extract-text.ts';
