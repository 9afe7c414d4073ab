import { describe, expect, it } from 'vitest';
import { formatSize } from './sizes.ts';

describe('file sizes', () => {
  it('uses bytes, KB or MB, with the language’s decimal mark', () => {
    expect(formatSize(532, 'ru')).toEqual({ value: '532', unit: 'bytes' });
    expect(formatSize(1536, 'ru')).toEqual({ value: '1,5', unit: 'kb' });
    expect(formatSize(1536, 'en')).toEqual({ value: '1.5', unit: 'kb' });
    expect(formatSize(10 * 1024 * 1024, 'en')).toEqual({ value: '10', unit: 'mb' });
  });
});
