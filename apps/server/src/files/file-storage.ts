import { LocalDiskStorage, type FileStorage } from '@zemstvo/storage';
import type { StorageConfig } from '../config.ts';

/**
 * The storage the configuration names (STORAGE): the one place the server and the CLI choose it.
 * Another implementation of `FileStorage` plugs in here (see docs/architecture.md#file-storage).
 * The S3 client is loaded only when configured (the AWS SDK takes about half a second to import).
 */
export async function openFileStorage(config: StorageConfig): Promise<FileStorage> {
  switch (config.kind) {
    case 'local':
      return new LocalDiskStorage(config.dir);
    case 's3': {
      const { S3FileStorage } = await import('@zemstvo/storage/s3');
      return new S3FileStorage(config);
    }
  }
}

/** Where the files are, for messages: the folder, or `s3://bucket/prefix/`. */
export function describeFileStorage(config: StorageConfig): string {
  switch (config.kind) {
    case 'local':
      return config.dir;
    case 's3':
      return `s3://${config.bucket}/${config.prefix ? `${config.prefix.replace(/\/+$/, '')}/` : ''}`;
  }
}
