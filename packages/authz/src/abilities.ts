/**
 * What an actor may do in one municipality: the expanded permission set. Routes guard with
 * `require`, use cases ask `can`, responses carry `list()` so the UI never re-implements rules.
 */
export class Abilities {
  static readonly none = new Abilities(new Set(), false);

  constructor(
    private readonly perms: ReadonlySet<string>,
    /** Platform operators may do everything everywhere. */
    readonly all: boolean,
  ) {}

  can(permission: string): boolean {
    return this.all || this.perms.has(permission);
  }

  list(): string[] {
    return [...this.perms].sort();
  }

  /** Intersect with a ceiling (an API token's scopes never exceed its owner's rights). */
  limitTo(ceiling: readonly string[]): Abilities {
    const c = new Set(ceiling);
    if (this.all) return new Abilities(c, false);
    return new Abilities(new Set([...this.perms].filter((p) => c.has(p))), false);
  }
}
