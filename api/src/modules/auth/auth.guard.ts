import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '../../common/auth/access-policy';
import { requestMetaOf, type RequestWithAuth } from '../../common/auth/auth-context';
import { VerifiedAccessTokens } from '../../common/security/access-token';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthRepository, type SessionCaller } from './auth.repository';
import { notSignedIn, roleNotAllowed, tokenInvalid } from './auth.errors';

/**
 * Global guard. Routes are closed unless they declare a policy. For a roles policy the bearer token must verify,
 * its session must not be revoked and its account must still be active (so disabling an account or logging out
 * takes effect at once, not when the access token expires), and the role must be listed. Session, account and
 * provider are checked with one database read on every request, no cache (docs/decisions/0018); only the token's
 * signature check is remembered per token text (VerifiedAccessTokens).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedAccessTokens;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new VerifiedAccessTokens(config.secrets.jwtSecret);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy?.kind === 'public') return true;
    if (!policy) throw notSignedIn();

    const request = context.switchToHttp().getRequest<RequestWithAuth>();
    const header = request.headers.authorization;
    if (!header) throw notSignedIn();
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
    if (!match) throw tokenInvalid();
    const claims = this.tokens.verify(match[1]);
    if (typeof claims === 'string') throw tokenInvalid();

    // One indexed read: session not revoked, account active, provider not suspended (docs/decisions/0006, 0018);
    // with the account's own columns when the route answers with them.
    let caller: SessionCaller;
    if (policy.withSessionAccount) {
      const found = await this.auth.findLiveSessionCallerWithAccount(claims.sub, claims.sid);
      if (!found) throw tokenInvalid();
      caller = found.caller;
      request.sessionAccount = found.account;
    } else {
      const found = await this.auth.findLiveSessionCaller(claims.sub, claims.sid);
      if (!found) throw tokenInvalid();
      caller = found;
    }
    if (!policy.roles.includes(caller.role)) throw roleNotAllowed();

    request.auth = {
      ...requestMetaOf(request),
      accountId: caller.accountId,
      role: caller.role,
      sessionId: claims.sid,
      regionPath: caller.regionPath,
      providerId: caller.providerId,
      residentId: caller.residentId,
    };
    return true;
  }
}
