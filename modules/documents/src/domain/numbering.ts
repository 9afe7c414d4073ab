/**
 * Registration numbers from a journal's format: `{yyyy}` the year, `{yy}` two digits, `{seq}` the
 * sequence, `{seq:6}` zero-padded to six digits; anything else is literal. «ОГ-{yyyy}/{seq:6}»
 * with 2026 and 123 gives «ОГ-2026/000123».
 */
const TOKEN = /\{(yyyy|yy|seq(?::(\d{1,2}))?)\}/g;

export function formatRegNumber(format: string, year: number, seq: number): string {
  return format.replace(TOKEN, (_m, name: string, width?: string) => {
    if (name === 'yyyy') return String(year);
    if (name === 'yy') return String(year % 100).padStart(2, '0');
    return width ? String(seq).padStart(Number(width), '0') : String(seq);
  });
}

/** A usable format has exactly one sequence token (otherwise numbers could repeat). */
export function checkNumberFormat(format: string): string | null {
  const seqs = [...format.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('seq')).length;
  if (seqs !== 1) return 'a number format needs exactly one {seq} or {seq:N}';
  if (format.length > 60) return 'a number format is at most 60 characters';
  return null;
}
