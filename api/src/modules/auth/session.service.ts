import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SessionTokens } from '@linli/shared';
import { issueAccessToken } from '../../common/security/access-token';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import type { Account } from '../accounts';
import { AuthRepository, sha256 } from './auth.repository';
import { sessionRefused } from './auth.errors';

/**
 * Login sessions: a short-lived access token plus a rotating refresh token. Each refresh replaces the refresh
 * token; presenting an already-rotated one means it leaked, so the whole session ("family") is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Starts a new session for an account inside the caller's transaction. */
  async start(manager: EntityManager, account: Pick<Account, 'id' | 'role'>): Promise<SessionTokens> {
    return this.issue(manager, account, randomUUID());
  }

  async refresh(refreshToken: string): Promise<{ tokens: SessionTokens; accountId: string }> {
    const now = new Date();
    const outcome = await this.transactions.write(async (manager) => {
      const stored = await this.auth.findRefreshTokenByHash(manager, sha256(refreshToken));
      if (!stored || stored.revokedAt || stored.expiresAt <= now) return { problem: 'TOKEN_INVALID' as const };
      if (stored.rotatedAt || !(await this.auth.markRotated(manager, stored.id, now))) {
        await this.auth.revokeFamily(manager, stored.familyId, now);
        return { problem: 'REFRESH_TOKEN_REUSED' as const };
      }
      const account = await this.auth.findActiveAccountWithScope(stored.accountId);
      if (!account) {
        await this.auth.revokeFamily(manager, stored.familyId, now);
        return { problem: 'ACCOUNT_DISABLED' as const };
      }
      return { tokens: await this.issue(manager, account.account, stored.familyId), accountId: stored.accountId };
    });
    // The revocation above must commit, so the refusal is thrown only after the transaction.
    if ('problem' in outcome) throw sessionRefused(outcome.problem!);
    return outcome;
  }

  async end(sessionId: string): Promise<void> {
    await this.transactions.write((manager) => this.auth.revokeFamily(manager, sessionId, new Date()));
  }

  private async issue(manager: EntityManager, account: Pick<Account, 'id' | 'role'>, familyId: string): Promise<SessionTokens> {
    const { accessTokenTtlSeconds, refreshTokenTtlSeconds } = this.config.auth;
    const refreshToken = randomBytes(32).toString('base64url');
    await this.auth.addRefreshToken(manager, {
      id: randomUUID(),
      accountId: account.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + refreshTokenTtlSeconds * 1000),
    });
    return {
      accessToken: issueAccessToken({ sub: account.id, role: account.role, sid: familyId }, this.config.secrets.jwtSecret, accessTokenTtlSeconds),
      refreshToken,
      accessTokenExpiresIn: accessTokenTtlSeconds,
    };
  }
}
