import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './input-text.ts';

describe('findUnstorableText', () => {
  it('accepts ordinary text, Cyrillic and well-formed surrogate pairs', () => {
    expect(findUnstorableText({ a: 'Отдел ЖКХ', b: ['🏛️ 👩‍👩‍👧', 1, null, true], c: { d: 'x' } })).toBeNull();
  });

  it('names the path of a NUL character or a lone surrogate', () => {
    expect(findUnstorableText({ a: 'ok', b: { c: ['x', 'y\u0000'] } })).toBe('b.c.1');
    expect(findUnstorableText({ name: 'a\ud800b' })).toBe('name');
    expect(findUnstorableText({ name: '\udc00' })).toBe('name');
    expect(findUnstorableText({ name: 'reversed \udc00\ud800' })).toBe('name');
    expect(findUnstorableText('\u0000')).toBe('');
  });

  it('checks object keys too (reporting the object)', () => {
    expect(findUnstorableText({ outer: { 'bad\u0000key': 1 } })).toBe('outer');
  });

  it('walks deeply nested input without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toMatch(/^0(\.0)*$/);
  });

  it('does not walk buffers or streams', () => {
    expect(findUnstorableText(Buffer.from([0, 0, 0]))).toBeNull();
    expect(findUnstorableText(Readable.from(['\u0000']))).toBeNull();
  });
});
