import type { ServiceRegistry } from '@zemstvo/catalog';
import type { LocalizedText } from '@zemstvo/kernel';

/** ru/en titles of category and theme codes from the installed service packages' manifests. */
export interface Labels {
  category(code: string): LocalizedText;
  theme(code: string): LocalizedText;
}

export function labelsOf(registry: ServiceRegistry): Labels {
  const categories = new Map<string, LocalizedText>();
  const themes = new Map<string, LocalizedText>();
  for (const pkg of registry.all())
    for (const c of pkg.manifest.categories) {
      if (!categories.has(c.code)) categories.set(c.code, c.title);
      for (const t of c.themes) if (!themes.has(t.code)) themes.set(t.code, t.title);
    }
  const plain = (code: string): LocalizedText => ({ ru: code, en: code });
  return {
    category: (code) => categories.get(code) ?? plain(code),
    theme: (code) => themes.get(code) ?? plain(code),
  };
}
