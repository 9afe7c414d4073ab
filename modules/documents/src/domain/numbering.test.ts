import { describe, expect, it } from 'vitest';
import { checkNumberFormat, formatRegNumber } from './numbering.ts';

describe('registration numbers', () => {
  it('formats journal numbers', () => {
    expect(formatRegNumber('ОГ-{yyyy}/{seq:6}', 2026, 123)).toBe('ОГ-2026/000123');
    expect(formatRegNumber('{seq}-{yy}', 2026, 7)).toBe('7-26');
    expect(formatRegNumber('П-{seq:3}', 2026, 12345)).toBe('П-12345');
  });
  it('requires exactly one sequence token', () => {
    expect(checkNumberFormat('ОГ-{yyyy}')).toMatch(/exactly one/);
    expect(checkNumberFormat('{seq}{seq}')).toMatch(/exactly one/);
    expect(checkNumberFormat('ОГ-{yyyy}/{seq:6}')).toBeNull();
  });
});
