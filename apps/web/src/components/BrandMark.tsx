/** The emblem: a town hall with columns under a pediment (decorative). */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r="16.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M9 14 18 8l9 6z" fill="currentColor" />
      <rect x="10" y="15.5" width="2.5" height="9" fill="currentColor" />
      <rect x="16.75" y="15.5" width="2.5" height="9" fill="currentColor" />
      <rect x="23.5" y="15.5" width="2.5" height="9" fill="currentColor" />
      <rect x="8.5" y="25.5" width="19" height="2.5" fill="currentColor" />
    </svg>
  );
}
