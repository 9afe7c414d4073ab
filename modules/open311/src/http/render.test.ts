import { describe, expect, it } from 'vitest';
import { xmlParser } from '../testing/client.ts';
import { toXml } from './render.ts';

describe('GeoReport v2 XML', () => {
  it('has the declaration, the root, one item element per entry and lists in plural/singular pairs', () => {
    const xml = toXml('service_definition', null, {
      service_code: 'a.b',
      attributes: [{ code: 'x', required: true, values: [{ key: 'k', name: 'N' }] }],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_definition>')).toBe(true);
    expect(xmlParser.parse(xml)).toMatchObject({
      service_definition: {
        service_code: 'a.b',
        attributes: {
          attribute: [{ code: 'x', required: 'true', values: { value: [{ key: 'k', name: 'N' }] } }],
        },
      },
    });
  });

  it('writes an empty list as an empty root and null as an empty element', () => {
    expect(toXml('services', 'service', [])).toMatch(/<services\s*\/>|<services><\/services>/);
    const xml = toXml('service_requests', 'request', [{ service_request_id: 'id', token: null, lat: 55.5 }]);
    expect(xml).toContain('<token/>');
    expect(xml).toContain('<lat>55.5</lat>');
  });

  it('escapes markup in text', () => {
    expect(toXml('errors', 'error', [{ code: 400, description: '<a href="x">&</a>' }])).toContain(
      '<description>&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;</description>',
    );
  });
});
