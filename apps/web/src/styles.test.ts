import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const vars = new Map([...css.matchAll(/--(c-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!]));
const color = (name: string) => {
  const v = vars.get(name);
  if (!v) throw new Error(`styles.css has no --${name}`);
  return v;
};

// [text, background] pairs the stylesheet actually uses.
const PAIRS: [string, string][] = [
  ['c-text', 'c-bg'],
  ['c-text', 'c-surface'],
  ['c-text', 'c-row-alt'],
  ['c-text', 'c-th-bg'],
  ['c-text', 'c-code-bg'],
  ['c-text', 'c-focus'],
  ['c-muted', 'c-bg'],
  ['c-muted', 'c-surface'],
  ['c-muted', 'c-row-alt'],
  ['c-link', 'c-surface'],
  ['c-link', 'c-bg'],
  ['c-link', 'c-row-alt'],
  ['c-link', 'c-notice-bg'],
  ['c-link-hover', 'c-surface'],
  ['c-on-primary', 'c-primary'],
  ['c-on-primary', 'c-primary-dark'],
  ['c-on-primary', 'c-disabled-bg'],
  ['c-primary', 'c-surface'],
  ['c-primary', 'c-notice-bg'],
  ['c-error-text', 'c-error-bg'],
  ['c-error-text', 'c-surface'],
  ['c-link', 'c-code-bg'],
  ['c-notice-text', 'c-notice-bg'],
];

describe('colour contrast of styles.css (WCAG 2.1 AA)', () => {
  it('computes contrast like WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(PAIRS)('%s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('has a focus ring that stands out from both the page and the header (3:1)', () => {
    expect(contrast(color('c-focus-ring'), color('c-bg'))).toBeGreaterThanOrEqual(3);
    expect(contrast(color('c-focus'), color('c-primary'))).toBeGreaterThanOrEqual(3);
  });
});
