import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized, type UserActor } from '@zemstvo/kernel';

/** Coarse route guard: the caller holds `permission` in the request's municipality. */
export function requirePermission(permission: string) {
  return async (req: FastifyRequest): Promise<void> => {
    if (req.actor.kind !== 'user') throw unauthorized();
    if (!req.abilities.can(permission)) throw forbidden(`This needs the permission ${permission}`);
  };
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
