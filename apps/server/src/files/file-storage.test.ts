import { describe, expect, it } from 'vitest';
import { AppError } from '@zemstvo/kernel';
import { LocalDiskStorage } from '@zemstvo/storage';
import { S3FileStorage } from '@zemstvo/storage/s3';
import { loadConfig } from '../config.ts';
import { describeFileStorage, openFileStorage } from './file-storage.ts';

/** The `bad_config` error loadConfig throws for `env`, as code and message. */
function refusal(env: Record<string, string>): { code: string; message: string } {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('loadConfig accepted the environment');
}

const S3_ENV = {
  STORAGE: 's3',
  S3_ENDPOINT: 'https://storage.example.org',
  S3_BUCKET: 'zemstvo-files',
  S3_ACCESS_KEY_ID: 'key-id',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('choosing the file storage (STORAGE)', () => {
  it('keeps files on local disk by default, under DATA_DIR or FILES_DIR', async () => {
    expect(loadConfig({ DATA_DIR: '/srv/zemstvo' }).storage).toEqual({
      kind: 'local',
      dir: '/srv/zemstvo/files',
    });
    const config = loadConfig({ FILES_DIR: '/mnt/files' });
    expect(await openFileStorage(config.storage)).toBeInstanceOf(LocalDiskStorage);
    expect(describeFileStorage(config.storage)).toBe('/mnt/files');
  });

  it('reads the S3 variables into an S3 storage', async () => {
    const config = loadConfig({ ...S3_ENV, S3_FORCE_PATH_STYLE: 'true', S3_PREFIX: 'zarechny/' });
    expect(config.storage).toEqual({
      kind: 's3',
      bucket: 'zemstvo-files',
      region: 'us-east-1',
      endpoint: 'https://storage.example.org',
      credentials: { accessKeyId: 'key-id', secretAccessKey: 'secret' },
      forcePathStyle: true,
      prefix: 'zarechny/',
    });
    const storage = await openFileStorage(config.storage);
    expect(storage).toBeInstanceOf(S3FileStorage);
    expect(storage.kind).toBe('s3');
    expect(describeFileStorage(config.storage)).toBe('s3://zemstvo-files/zarechny/');
    // Without keys the SDK's own credential chain (an IAM role) is used.
    expect(
      loadConfig({ STORAGE: 's3', S3_BUCKET: 'zemstvo-files', S3_REGION: 'eu-central-1' }).storage,
    ).toMatchObject({
      region: 'eu-central-1',
      endpoint: undefined,
      credentials: undefined,
      forcePathStyle: false,
    });
  });

  it('refuses to start with a clear error naming the variable at fault', () => {
    expect(refusal({ STORAGE: 's3' })).toEqual({
      code: 'bad_config',
      message: 'Invalid configuration: S3_BUCKET: required when STORAGE=s3',
    });
    expect(refusal({ ...S3_ENV, S3_SECRET_ACCESS_KEY: '' }).message).toBe(
      'Invalid configuration: S3_SECRET_ACCESS_KEY: required with S3_ACCESS_KEY_ID',
    );
    expect(refusal({ ...S3_ENV, S3_ACCESS_KEY_ID: '' }).message).toBe(
      'Invalid configuration: S3_ACCESS_KEY_ID: required with S3_SECRET_ACCESS_KEY',
    );
    expect(refusal({ ...S3_ENV, S3_BUCKET: 'Not A Bucket' }).message).toMatch(
      /^Invalid configuration: S3_BUCKET: must be an S3 bucket name/,
    );
    expect(refusal({ ...S3_ENV, S3_ENDPOINT: 'storage.example.org' }).message).toMatch(
      /^Invalid configuration: S3_ENDPOINT: must be a URL/,
    );
    expect(refusal({ ...S3_ENV, S3_PREFIX: '../other' }).message).toMatch(
      /^Invalid configuration: S3_PREFIX: /,
    );
    expect(refusal({ STORAGE: 'ftp' }).message).toMatch(/^Invalid configuration: STORAGE: /);
    // Local disk ignores the S3 variables.
    expect(loadConfig({ S3_BUCKET: '' }).storage.kind).toBe('local');
  });
});
