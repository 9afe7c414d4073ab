import type { LocalizedText } from '@zemstvo/kernel';

/** `resource.action`, e.g. `department.manage`. */
export type PermissionKey = `${string}.${string}`;

export interface PermissionDef {
  key: PermissionKey;
  label: LocalizedText;
  /** Permissions implied by this one (granting `role.manage` also grants `role.view`). */
  dependsOn?: readonly PermissionKey[];
}

const KEY_RE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/**
 * The registry of every permission the installed modules declare. Roles are sets of these keys;
 * expanding a set adds everything its members depend on, transitively.
 */
export class PermissionRegistry {
  readonly #defs = new Map<string, PermissionDef>();

  register(defs: readonly PermissionDef[]): this {
    for (const d of defs) {
      if (!KEY_RE.test(d.key)) throw new Error(`Bad permission key ${d.key}: use resource.action`);
      if (this.#defs.has(d.key)) throw new Error(`Permission ${d.key} is declared twice`);
      if (!d.label.ru || !d.label.en) throw new Error(`Permission ${d.key} needs ru and en labels`);
      this.#defs.set(d.key, d);
    }
    return this;
  }

  /** Call after all modules registered: every dependency must exist. */
  check(): void {
    for (const d of this.#defs.values())
      for (const dep of d.dependsOn ?? [])
        if (!this.#defs.has(dep)) throw new Error(`Permission ${d.key} depends on unknown ${dep}`);
  }

  has(key: string): boolean {
    return this.#defs.has(key);
  }

  all(): PermissionDef[] {
    return [...this.#defs.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  unknown(keys: readonly string[]): string[] {
    return keys.filter((k) => !this.#defs.has(k));
  }

  expand(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const visit = (k: string) => {
      if (out.has(k)) return;
      const d = this.#defs.get(k);
      if (!d) return;
      out.add(k);
      for (const dep of d.dependsOn ?? []) visit(dep);
    };
    for (const k of keys) visit(k);
    return out;
  }
}
