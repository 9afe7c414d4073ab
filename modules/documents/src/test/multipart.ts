/** A multipart/form-data body for `inject`, built by hand like a browser would send it. */
export interface Part {
  field?: string;
  fileName?: string;
  bytes?: Uint8Array | string;
  contentType?: string;
  /** A text field instead of a file. */
  value?: string;
}

export function multipartBody(
  parts: readonly Part[],
  boundary = '----zemstvo-test-boundary-7f3a',
): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if (p.value !== undefined) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${p.field ?? 'note'}"\r\n\r\n${p.value}\r\n`),
      );
      continue;
    }
    const name = p.fileName === undefined ? '' : `; filename="${p.fileName.replace(/"/g, '%22')}"`;
    chunks.push(
      Buffer.from(
        `Content-Disposition: form-data; name="${p.field ?? 'file'}"${name}\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(
      typeof p.bytes === 'string' ? Buffer.from(p.bytes) : Buffer.from(p.bytes ?? new Uint8Array()),
    );
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
