import { newId } from '@zemstvo/kernel';

/**
 * A fresh storage key for a municipality's file: `<municipality>/<yyyy>/<mm>/<uuid>`. Generated, never
 * derived from a user-supplied name, so no name can reach another path.
 */
export function newStorageKey(municipalityId: string, now: Date): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${municipalityId.toLowerCase()}/${yyyy}/${mm}/${newId()}`;
}
