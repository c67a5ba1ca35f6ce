import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';

/** Metadata key naming a route's access policy; a route without one is refused (deny by default). */
export const ACCESS_POLICY = 'linli:access-policy';

export type AccessPolicy = { kind: 'public' };

/** Anyone, signed in or not, may call this route. Every other route must declare who may call it. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Global guard: routes are closed unless their handler or controller declares an access policy. */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy?.kind === 'public') return true;
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }
}
