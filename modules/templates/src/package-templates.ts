import type { Locale } from '@zemstvo/kernel';

/** What the templates module needs of an applied-service package (see @zemstvo/catalog). */
export interface PackageWithTemplates {
  manifest: {
    slug: string;
    templates: readonly {
      code: string;
      purpose: string;
      title: { ru: string; en: string };
      file: { ru: string; en: string };
    }[];
  };
  templatePath(file: string): string;
}

/**
 * The path of a package's template by code or purpose (`answer`, `notice_extension`, …) in a
 * language, or undefined when the package has none.
 */
export function packageTemplatePath(
  pkg: PackageWithTemplates,
  codeOrPurpose: string,
  locale: Locale,
): string | undefined {
  const t =
    pkg.manifest.templates.find((x) => x.code === codeOrPurpose) ??
    pkg.manifest.templates.find((x) => x.purpose === codeOrPurpose);
  return t ? pkg.templatePath(t.file[locale]) : undefined;
}
