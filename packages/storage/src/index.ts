export * from './storage.ts';
export { LocalDiskStorage } from './local-disk.ts';
