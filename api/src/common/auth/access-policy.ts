import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@linli/shared';

/** Metadata key naming a route's access policy; a route without one is refused (deny by default). */
export const ACCESS_POLICY = 'linli:access-policy';

/**
 * `withSessionAccount`: the guard's one session read also brings the signed-in account as GET /api/me shows it, for
 * routes that answer with it (so they make no second round trip; issue 17).
 */
export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: Role[]; withSessionAccount?: true };

/** Anyone, signed in or not, may call this route. Every other route must declare who may call it. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/**
 * Signed-in callers with one of these roles. Which records they may touch (their own, their household's, their
 * region's, their organisation's) is checked by the service on every id the client sends.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy), ApiBearerAuth());

/** Roles, and the route receives the signed-in account from the guard's read (CurrentSessionAccount). */
export const RolesWithSessionAccount = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_POLICY, { kind: 'roles', roles, withSessionAccount: true } satisfies AccessPolicy), ApiBearerAuth());
