import { decodeXml } from '@zemstvo/storage';

/** A parsed XML element: enough of XML for WordprocessingML (no DTDs, no namespaces resolution). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|([^<]+)/g;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses an XML document into a tree; tolerant of what it does not need (comments, PIs, DTDs). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrText, selfClose, cdata, chars] = m;
    const top = stack[stack.length - 1]!;
    if (chars !== undefined) top.children.push(decodeXml(chars));
    else if (cdata !== undefined) top.children.push(cdata);
    else if (name && close) {
      if (stack.length > 1 && top.name === name) stack.pop();
    } else if (name) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) attrs[a[1]!] = decodeXml(a[3] ?? a[4] ?? '');
      const el: XmlElement = { name, attrs, children: [] };
      top.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  return root;
}

export const isElement = (n: XmlNode): n is XmlElement => typeof n !== 'string';

/** Child elements, optionally by name. */
export const childElements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));

export const firstChild = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el ? childElements(el, name)[0] : undefined;

/** The first element with this name anywhere below `el` (depth first). */
export function findDeep(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (c.name === name) return c;
    const found = findDeep(c, name);
    if (found) return found;
  }
  return undefined;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
