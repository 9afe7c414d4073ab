import crypto from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3FileStorage, type S3StorageOptions } from '../s3.ts';

/** A real S3-compatible HTTP server (s3rver) in this process, on a free port, over a temp folder. */
export interface TestS3Server {
  endpoint: string;
  /** Options for an `S3FileStorage` on `bucket` of this server. */
  options(bucket: string, extra?: Partial<S3StorageOptions>): S3StorageOptions;
  storage(bucket: string, extra?: Partial<S3StorageOptions>): S3FileStorage;
  /** Makes an object look written at `when` (s3rver dates objects by their file's mtime): the sweep's grace. */
  backdate(bucket: string, objectKey: string, when: Date): void;
  /** The environment that makes the server or the CLI store files in `bucket` here. */
  env(bucket: string): Record<string, string>;
  close(): Promise<void>;
}

/** s3rver's fixed credentials. */
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 keeps in its
 * legacy provider: Node 20 refuses it, and a listing of more than one page answers 500. Two-key
 * triple DES with both keys equal computes exactly single DES, so s3rver's calls are redirected to
 * it (in tests only; nothing of the platform uses DES).
 */
function letS3rverPaginate(): void {
  const marked = crypto as { s3rverDes?: boolean };
  if (marked.s3rverDes) return;
  marked.s3rverDes = true;
  const cipher = crypto.createCipheriv.bind(crypto);
  const decipher = crypto.createDecipheriv.bind(crypto);
  const twice = (key: crypto.CipherKey) =>
    Buffer.concat([Buffer.from(key as Buffer), Buffer.from(key as Buffer)]);
  Object.assign(crypto, {
    createCipheriv: (alg: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null) =>
      alg === 'des' ? cipher('des-ede-cbc', twice(key), iv) : cipher(alg, key, iv),
    createDecipheriv: (alg: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null) =>
      alg === 'des' ? decipher('des-ede-cbc', twice(key), iv) : decipher(alg, key, iv),
  });
}

export async function startTestS3Server(buckets: readonly string[]): Promise<TestS3Server> {
  letS3rverPaginate();
  const directory = mkdtempSync(join(tmpdir(), 'zemstvo-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: process.env.S3RVER_LOG !== '1',
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  let closed = false;
  const endpoint = `http://127.0.0.1:${port}`;
  const options = (bucket: string, extra: Partial<S3StorageOptions> = {}): S3StorageOptions => ({
    bucket,
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    forcePathStyle: true,
    ...extra,
  });
  return {
    endpoint,
    options,
    storage: (bucket, extra) => new S3FileStorage(options(bucket, extra)),
    backdate(bucket, objectKey, when) {
      const parts = objectKey.split('/');
      const file = `${parts.pop()!}._S3rver_object`;
      utimesSync(join(directory, bucket, ...parts, file), when, when);
    },
    env: (bucket) => ({
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: SECRET_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    /** Stops the server (a test may stop it early to see the storage unreachable); again is a no-op. */
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
