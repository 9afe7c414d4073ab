export type UserKind = 'resident' | 'staff' | 'regional' | 'operator';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; name: string }
  | {
      kind: 'user';
      userId: string;
      userKind: UserKind;
      email: string;
      displayName: string;
      /** Region of a regional user (sees its municipalities read-only). */
      regionId: string | null;
      /** How the request was authenticated. */
      via: 'session' | 'token';
      /** For API tokens: the municipality the token belongs to and its permission ceiling. */
      tokenScope?: { municipalityId: string; permissions: readonly string[] };
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (name: string): Actor => ({ kind: 'system', name });

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.name}`;
    case 'user':
      return actor.email;
  }
}
