import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes real ZIP archives for tests (DOCX, ODT, zip bombs). `declare` lets a test lie in the
 * central directory the way a hostile archive does; `alias` adds a second directory entry pointing
 * at an earlier entry's bytes (the overlapping-files bomb).
 */
export interface ZipWriterEntry {
  name: string;
  data: Uint8Array | string;
  store?: boolean;
  /** Sizes written into the headers instead of the true ones. */
  declare?: { uncompressedSize?: number; compressedSize?: number };
  /** Instead of own bytes: reuse the local header of the entry with this name. */
  alias?: string;
}

export function writeZip(entries: readonly ZipWriterEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const placed = new Map<
    string,
    { offset: number; header: Buffer; crc: number; method: number; csize: number; usize: number }
  >();
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let info = e.alias ? placed.get(e.alias) : undefined;
    if (!info) {
      const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
      const method = e.store ? 0 : 8;
      const body = method === 8 ? deflateRawSync(raw, { level: 9 }) : raw;
      const usize = e.declare?.uncompressedSize ?? raw.length;
      const csize = e.declare?.compressedSize ?? body.length;
      const crc = crc32(raw);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(0x0800, 6);
      header.writeUInt16LE(method, 8);
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(csize, 18);
      header.writeUInt32LE(usize, 22);
      header.writeUInt16LE(name.length, 26);
      info = { offset, header, crc, method, csize, usize };
      placed.set(e.name, info);
      locals.push(header, name, body);
      offset += header.length + name.length + body.length;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(info.method, 10);
    c.writeUInt32LE(info.crc, 16);
    c.writeUInt32LE(info.csize, 20);
    c.writeUInt32LE(info.usize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(info.offset, 42);
    central.push(c, name);
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal real DOCX (opens in Word and LibreOffice) with one paragraph per line of text. */
export function minimalDocx(
  paragraphs: readonly string[],
  extra: readonly ZipWriterEntry[] = [],
): Uint8Array {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return writeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', data: document },
    ...extra,
  ]);
}

/** A minimal real ODT: the `mimetype` entry first and stored, then the content. */
export function minimalOdt(paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<text:p>${escapeXml(p)}</text:p>`).join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return writeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
    { name: 'content.xml', data: content },
    { name: 'META-INF/manifest.xml', data: manifest },
  ]);
}
