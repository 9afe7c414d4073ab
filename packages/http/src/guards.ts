import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized, type UserActor } from '@zemstvo/kernel';

type Guard = (req: FastifyRequest) => Promise<void>;
const guardPermissions = new WeakMap<object, string>();

/**
 * Coarse route guard: the caller holds `permission` in the request's municipality. The HTTP app
 * recognises this guard on a route and checks it as soon as the caller and the municipality are
 * known, before the body is read or validated, so a caller without the permission learns nothing
 * from validation errors; the guard then runs again as a preHandler (cheap, and correct on its own).
 */
export function requirePermission(permission: string): Guard {
  const guard: Guard = async (req) => {
    if (req.actor.kind !== 'user') throw unauthorized();
    if (!req.abilities.can(permission)) throw forbidden(`This needs the permission ${permission}`);
  };
  guardPermissions.set(guard, permission);
  return guard;
}

/** The permission a hook made by `requirePermission` checks, or null for any other function. */
export function permissionOf(hook: unknown): string | null {
  return typeof hook === 'function' ? (guardPermissions.get(hook) ?? null) : null;
}

export function requireUser(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw unauthorized();
  return req.actor;
}

export function requireOperator(req: FastifyRequest): UserActor {
  const u = requireUser(req);
  if (u.userKind !== 'operator') throw forbidden('Only platform operators may do this');
  return u;
}
