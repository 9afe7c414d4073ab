import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestSchema, type ServiceManifest, type ServiceManifestInput } from './manifest/schema.ts';

export interface ServicePackageSource {
  manifest: ServiceManifestInput;
  /** The package folder (templates are read from it). */
  dir: URL;
}

export interface ServicePackage {
  manifest: ServiceManifest;
  dir: string;
  templatePath(file: string): string;
}

export class ManifestError extends Error {
  constructor(
    readonly slug: string,
    readonly problems: string[],
  ) {
    super(`Applied-service package ${slug} is invalid:\n  ${problems.join('\n  ')}`);
  }
}

/** Validates a package: its manifest against the schema and that every template file exists. */
export function loadServicePackage(src: ServicePackageSource): ServicePackage {
  const parsed = manifestSchema.safeParse(src.manifest);
  const slug = typeof src.manifest.slug === 'string' ? src.manifest.slug : '(no slug)';
  if (!parsed.success)
    throw new ManifestError(
      slug,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  const dir = fileURLToPath(src.dir);
  const templatePath = (file: string) => fileURLToPath(new URL(file, src.dir));
  const missing = parsed.data.templates
    .flatMap((t) => [t.file.ru, t.file.en])
    .filter((f) => !existsSync(templatePath(f)));
  if (missing.length)
    throw new ManifestError(
      slug,
      missing.map((f) => `template file ${f} does not exist`),
    );
  return { manifest: parsed.data, dir, templatePath };
}

/** The packages this installation ships, by slug. */
export class ServiceRegistry {
  readonly #packages = new Map<string, ServicePackage>();

  constructor(sources: readonly ServicePackageSource[]) {
    for (const s of sources) {
      const p = loadServicePackage(s);
      if (this.#packages.has(p.manifest.slug)) throw new ManifestError(p.manifest.slug, ['declared twice']);
      this.#packages.set(p.manifest.slug, p);
    }
  }

  get(slug: string): ServicePackage | undefined {
    return this.#packages.get(slug);
  }

  all(): ServicePackage[] {
    return [...this.#packages.values()];
  }
}
