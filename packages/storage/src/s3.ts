import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { checkStorageKey, isStorageKey, type FileStorage, type StoredFile } from './storage.ts';

/** Where an S3-compatible bucket is and how to sign in to it (`STORAGE=s3`, docs/configuration.md). */
export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph RGW, Yandex Object Storage…); unset = AWS S3. */
  endpoint?: string | undefined;
  /** Unset = the SDK's default credential chain (an IAM role, AWS_* variables). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `bucket` in the path instead of the host name: what most self-hosted servers need. */
  forcePathStyle?: boolean;
  /** Keys are stored as `<prefix>/<key>`, so one bucket can hold other things (or installations). */
  prefix?: string | undefined;
  /** Objects per listing request (1..1000); tests set it low to walk several pages. */
  listPageSize?: number;
}

/** Attachments and rendered documents as objects of one bucket, under the same keys as on local disk. */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3';
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #pageSize: number;

  constructor(opts: S3StorageOptions) {
    this.#client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      credentials: opts.credentials,
      forcePathStyle: opts.forcePathStyle ?? false,
      // Checksums only where S3 requires them: the newer default ones (CRC32 trailers in
      // aws-chunked bodies) are refused by many S3-compatible servers. Content-MD5 guards put.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.#bucket = opts.bucket;
    this.#prefix = opts.prefix ? `${opts.prefix.replace(/\/+$/, '')}/` : '';
    this.#pageSize = opts.listPageSize ?? 1000;
  }

  /** A readable address for messages: `s3://bucket/prefix/`. */
  get location(): string {
    return `s3://${this.#bucket}/${this.#prefix}`;
  }

  #objectKey(key: string): string {
    checkStorageKey(key);
    return this.#prefix + key;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: this.#objectKey(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
        // The bytes as they are: the type was checked from the content and lives in the row.
        ContentType: 'application/octet-stream',
        ContentMD5: createHash('md5').update(bytes).digest('base64'),
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const res = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }),
      );
      if (!res.Body) throw new Error(`S3 returned no body for ${key}`);
      return await res.Body.transformToByteArray();
    } catch (e) {
      // Only a missing object is "no such key"; a missing bucket or a refusal is an error.
      if (e instanceof S3ServiceException && e.name === 'NoSuchKey') return null;
      throw e;
    }
  }

  /** Deleting a missing object succeeds, as on local disk. */
  async delete(key: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }));
  }

  /** Every object under the prefix whose name is a storage key, page by page; other objects are never listed. */
  async *list(): AsyncGenerator<StoredFile> {
    const pages = paginateListObjectsV2(
      { client: this.#client, pageSize: this.#pageSize },
      { Bucket: this.#bucket, Prefix: this.#prefix || undefined },
    );
    for await (const page of pages)
      for (const o of page.Contents ?? []) {
        if (!o.Key?.startsWith(this.#prefix)) continue;
        const key = o.Key.slice(this.#prefix.length);
        if (!isStorageKey(key)) continue;
        yield { key, sizeBytes: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
      }
  }

  /** Throws unless the bucket answers with these credentials (readiness). */
  async ping(): Promise<void> {
    await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
  }

  close(): void {
    this.#client.destroy();
  }
}
