import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

/** The two formats GeoReport v2 serves, chosen by the URL's extension. */
export type Open311Format = 'json' | 'xml';

export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The element names of list items in XML: `<attributes><attribute>…`, `<values><value>…`. */
const ITEM_ELEMENT: Readonly<Record<string, string>> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

type XmlNode = string | number | { [name: string]: XmlNode | XmlNode[] } | XmlNode[];
export type Open311Value = string | number | boolean | null | undefined | Open311Object | Open311Value[];
export interface Open311Object {
  readonly [key: string]: Open311Value;
}

function toXmlNode(value: Open311Value, key: string): XmlNode {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[key];
    if (!item) throw new Error(`No XML item element for the list ${key}`);
    return { [item]: value.map((v) => toXmlNode(v, item)) };
  }
  const node: { [name: string]: XmlNode } = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) node[k] = toXmlNode(v, k);
  return node;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });

/**
 * A document in GeoReport v2's XML: `<?xml version="1.0" encoding="UTF-8"?>`, then the root, and
 * for lists one `item` element per entry (`<services><service>…</service></services>`).
 */
export function toXml(root: string, item: string | null, body: Open311Value): string {
  const content: XmlNode =
    item === null
      ? toXmlNode(body, root)
      : { [item]: (Array.isArray(body) ? body : [body]).map((v) => toXmlNode(v, item)) };
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: content,
  }) as string;
}

/** Sends a list (`item` set) or a single document in the requested format. */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  xml: { root: string; item: string | null },
  body: Open311Value,
): FastifyReply {
  reply.status(status).type(CONTENT_TYPES[format]);
  return reply.send(format === 'json' ? JSON.stringify(body) : toXml(xml.root, xml.item, body));
}
