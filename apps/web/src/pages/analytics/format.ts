/** Numbers and shares in the interface language ("—" when there is nothing to show). */
export const formatNumber = (x: number | null, language: string): string =>
  x === null
    ? '—'
    : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(x);

export const formatShare = (x: number | null, language: string): string =>
  x === null
    ? '—'
    : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(x);
