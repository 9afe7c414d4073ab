/** A file size the way people read it: bytes, KB or MB, in the interface language's number format. */
export function formatSize(bytes: number, language: string): { value: string; unit: 'bytes' | 'kb' | 'mb' } {
  const number = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return { value: number(bytes), unit: 'bytes' };
  if (bytes < 1024 * 1024) return { value: number(bytes / 1024), unit: 'kb' };
  return { value: number(bytes / 1024 / 1024), unit: 'mb' };
}
