import { describe, expect, it } from 'vitest';
import { splitMailText } from './mail-text.ts';

describe('splitMailText', () => {
  it('finds the reset link in a letter', () => {
    const text = 'Hello!\nOpen this link:\nhttp://localhost:3000/reset-password?token=a-b_c%2D\n\nBye.';
    expect(splitMailText(text)).toEqual([
      { kind: 'text', text: 'Hello!\nOpen this link:\n' },
      { kind: 'link', href: 'http://localhost:3000/reset-password?token=a-b_c%2D' },
      { kind: 'text', text: '\n\nBye.' },
    ]);
  });

  it('keeps all the text: the pieces join back into the letter', () => {
    const text = 'See https://a.example/x, and (http://b.example/y). Also «https://c.example/z».';
    const pieces = splitMailText(text);
    expect(pieces.map((p) => (p.kind === 'text' ? p.text : p.href)).join('')).toBe(text);
    expect(pieces.filter((p) => p.kind === 'link')).toEqual([
      { kind: 'link', href: 'https://a.example/x' },
      { kind: 'link', href: 'http://b.example/y' },
      { kind: 'link', href: 'https://c.example/z' },
    ]);
  });

  it('links only http and https addresses', () => {
    expect(splitMailText('javascript:alert(1) mailto:a@b.c ftp://x.example/')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) mailto:a@b.c ftp://x.example/' },
    ]);
    expect(splitMailText('http://')).toEqual([{ kind: 'text', text: 'http://' }]);
  });

  it('answers plain text as one piece, and nothing for an empty letter', () => {
    expect(splitMailText('Здравствуйте!')).toEqual([{ kind: 'text', text: 'Здравствуйте!' }]);
    expect(splitMailText('')).toEqual([]);
  });
});
