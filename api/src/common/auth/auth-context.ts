import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role, SessionAccount } from '@linli/shared';
import type { FastifyRequest } from 'fastify';

/** Where a request came from; written into audit records. */
export interface RequestMeta {
  ip: string;
  requestId: string;
}

/** The verified caller of a protected route, attached by the auth guard. */
export interface AuthContext extends RequestMeta {
  accountId: string;
  role: Role;
  /** Refresh-token family of this login session. */
  sessionId: string;
  /** Staff/admin: scope root; provider_admin/worker: their provider's region; resident: null. */
  regionPath: string | null;
  providerId: string | null;
  /** Resident's own person record. */
  residentId: string | null;
}

/** `sessionAccount`: set by the guard on routes whose policy asks for it (RolesWithSessionAccount). */
export type RequestWithAuth = FastifyRequest & { auth?: AuthContext; sessionAccount?: SessionAccount };

export function requestMetaOf(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, requestId: String(request.id) };
}

/** The authenticated caller (only on routes with a roles policy; the guard guarantees it is set). */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<RequestWithAuth>();
  if (!request.auth) throw new Error('CurrentAuth used on a route without a roles policy');
  return request.auth;
});

/** IP and request id, for public routes that audit or throttle (login). */
export const CurrentRequestMeta = createParamDecorator((_data: unknown, context: ExecutionContext): RequestMeta =>
  requestMetaOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** The signed-in account as GET /api/me shows it, read by the guard (only on RolesWithSessionAccount routes). */
export const CurrentSessionAccount = createParamDecorator((_data: unknown, context: ExecutionContext): SessionAccount => {
  const request = context.switchToHttp().getRequest<RequestWithAuth>();
  if (!request.sessionAccount) throw new Error('CurrentSessionAccount used on a route without RolesWithSessionAccount');
  return request.sessionAccount;
});
