import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts of rendered PDFs: DejaVu (from the `dejavu-fonts-ttf` npm package) covers Cyrillic and
 * Latin, and is embedded (subset) into every PDF, so it reads the same on any machine.
 */
const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: join(dir, 'DejaVuSerif.ttf'),
  bold: join(dir, 'DejaVuSerif-Bold.ttf'),
  italic: join(dir, 'DejaVuSerif-Italic.ttf'),
  boldItalic: join(dir, 'DejaVuSerif-BoldItalic.ttf'),
  sans: join(dir, 'DejaVuSans.ttf'),
  sansBold: join(dir, 'DejaVuSans-Bold.ttf'),
  mono: join(dir, 'DejaVuSansMono.ttf'),
} as const;

export type FontName = keyof typeof FONTS;

export const fontFor = (bold: boolean, italic: boolean): FontName =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
