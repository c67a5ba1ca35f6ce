import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { CURRENT_PRIVACY_POLICY_VERSION, type FailedSignIns, type ProviderStatus, type Role, type SessionAccount } from '@linli/shared';
import { isDuplicateKey } from '../../database/sql';
import { Account } from '../accounts';
import { AuditEntry } from '../audit';
import type { Worker } from '../providers';
import type { Resident } from '../residents';
import { Invitation, type InvitationKind } from './invitation.entity';
import { LoginThrottle } from './login-throttle.entity';
import { PASSWORD_SIGN_IN_ACTIONS } from './password-sign-in-actions';
import { RefreshToken } from './refresh-token.entity';
import { plainSelect } from '../../database/plain-select';

/*
 * A worker or a household member redeeming an invitation touches their record here, but the providers and residents
 * modules sit above this one (they issue invitations through it): their entities are named by entity name, as the
 * entities name each other, so no runtime import runs back up.
 */
const WORKER = 'Worker';
const RESIDENT = 'Resident';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export interface AccountWithScope {
  account: Account;
  /** Path of the account's region, or of its provider's region. */
  regionPath: string | null;
}

/** Who is calling, as the auth guard needs it. */
export interface SessionCaller {
  accountId: string;
  role: Role;
  providerId: string | null;
  residentId: string | null;
  /** Path of the account's region, or of its provider's region. */
  regionPath: string | null;
}

interface SessionCallerRow {
  account_id: string;
  role: Role;
  provider_id: string | null;
  resident_id: string | null;
  region_path: string | null;
  provider_region_path: string | null;
}

/** The caller and, for a route that answers with it, the signed-in account as GET /api/me shows it. */
export interface SessionCallerWithAccount {
  caller: SessionCaller;
  account: SessionAccount;
}

interface SessionAccountRow extends SessionCallerRow {
  display_name: string;
  resident_name: string | null;
  phone_bound: number | string;
  region_id: string | null;
  region_name: string | null;
  consented: number | string;
}

// Plain SQL that SQLite and MySQL/MariaDB read alike. A family has one row per rotation, all unrevoked while the
// session lives (revocation marks every row), hence LIMIT 1.
const SESSION_CALLER_COLUMNS = `a.id AS account_id, a.role AS role, a.provider_id AS provider_id, a.resident_id AS resident_id,
    r.path AS region_path, pr.path AS provider_region_path`;
const LIVE_SESSION_FROM = `FROM refresh_token t
  JOIN account a ON a.id = t.account_id
  LEFT JOIN region r ON r.id = a.region_id
  LEFT JOIN provider p ON p.id = a.provider_id
  LEFT JOIN region pr ON pr.id = p.region_id`;
const LIVE_SESSION_WHERE = `WHERE t.family_id = ? AND t.revoked_at IS NULL AND a.id = ? AND a.status = 'active' AND (p.id IS NULL OR p.status = 'active')
  LIMIT 1`;

const SESSION_CALLER_SQL = `SELECT ${SESSION_CALLER_COLUMNS} ${LIVE_SESSION_FROM} ${LIVE_SESSION_WHERE}`;

/**
 * The same session check, and the account as GET /api/me answers it: the region it belongs to (its own, else its
 * resident's community, else its provider's — the order AccountsService.describe uses), the resident's name and
 * phone binding, and whether the current privacy terms are accepted. Read by the guard for routes that ask for it,
 * so such a route costs one round trip, not two (issue 17).
 */
const SESSION_CALLER_WITH_ACCOUNT_SQL = `SELECT ${SESSION_CALLER_COLUMNS}, a.display_name AS display_name, res.name AS resident_name,
    CASE WHEN res.phone_cipher IS NULL THEN 0 ELSE 1 END AS phone_bound,
    COALESCE(a.region_id, res.community_id, p.region_id) AS region_id,
    CASE WHEN a.region_id IS NOT NULL THEN r.name WHEN res.community_id IS NOT NULL THEN rc.name ELSE pr.name END AS region_name,
    EXISTS (SELECT 1 FROM privacy_consent pc WHERE pc.account_id = a.id AND pc.version = ?) AS consented
  ${LIVE_SESSION_FROM}
  LEFT JOIN resident res ON res.id = a.resident_id
  LEFT JOIN region rc ON rc.id = res.community_id
  ${LIVE_SESSION_WHERE}`;

function toSessionCaller(row: SessionCallerRow): SessionCaller {
  return {
    accountId: row.account_id,
    role: row.role,
    providerId: row.provider_id ?? null,
    residentId: row.resident_id ?? null,
    regionPath: row.region_path ?? row.provider_region_path ?? null,
  };
}

/** Queries behind sign-in, sessions and invitations. Writes take the caller's transaction manager. */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The account behind an access token, with the region path that bounds what it may touch. */
  async findActiveAccountWithScope(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<AccountWithScope | null> {
    const row = await manager
      .getRepository(Account)
      .createQueryBuilder('account')
      .leftJoin('account.region', 'region')
      .leftJoin('account.provider', 'provider')
      .leftJoin('provider.region', 'providerRegion')
      .addSelect(['region.path', 'provider.id', 'provider.status', 'providerRegion.path'])
      .where('account.id = :accountId AND account.status = :status', { accountId, status: 'active' })
      // A suspended provider's admin and workers are locked out with it.
      .andWhere("(provider.id IS NULL OR provider.status = 'active')")
      .getOne();
    if (!row) return null;
    return { account: row, regionPath: row.region?.path ?? row.provider?.region?.path ?? null };
  }

  /**
   * The auth guard's one read per request (docs/decisions/0018): the caller behind an access token, only while the
   * token's session (refresh-token family) is not revoked, the account is active and its provider, if any, is not
   * suspended — the same decision as findActiveAccountWithScope plus isSessionLive, in one indexed query
   * (ix_refresh_token_family, then primary keys) returning plain columns, no entity hydration.
   */
  async findLiveSessionCaller(accountId: string, familyId: string): Promise<SessionCaller | null> {
    const rows: SessionCallerRow[] = await plainSelect(this.dataSource, SESSION_CALLER_SQL, [familyId, accountId]);
    return rows[0] ? toSessionCaller(rows[0]) : null;
  }

  /** findLiveSessionCaller and the signed-in account (GET /api/me's answer) in the same one read. */
  async findLiveSessionCallerWithAccount(accountId: string, familyId: string): Promise<SessionCallerWithAccount | null> {
    const rows: SessionAccountRow[] = await plainSelect(this.dataSource, SESSION_CALLER_WITH_ACCOUNT_SQL, [CURRENT_PRIVACY_POLICY_VERSION, familyId, accountId]);
    const row = rows[0];
    if (!row) return null;
    return {
      caller: toSessionCaller(row),
      account: {
        id: row.account_id,
        role: row.role,
        displayName: row.resident_name ?? row.display_name,
        regionId: row.region_id ?? null,
        regionName: row.region_name ?? null,
        providerId: row.provider_id ?? null,
        residentId: row.resident_id ?? null,
        // SQLite and MySQL answer these as 0/1 (MySQL drivers may hand a bigint-like string).
        consentRequired: row.role === 'resident' && Number(row.consented) !== 1,
        phoneBound: Number(row.phone_bound) === 1,
      },
    };
  }

  /** The status of the organisation an account belongs to, or null for accounts of no provider. */
  async findProviderStatusOf(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<ProviderStatus | null> {
    const account = await manager.getRepository(Account).findOne({ where: { id: accountId }, relations: { provider: true } });
    return account?.provider?.status ?? null;
  }

  async isSessionLive(familyId: string): Promise<boolean> {
    const live = await this.dataSource.getRepository(RefreshToken).exists({ where: { familyId, revokedAt: IsNull() } });
    return live;
  }

  findRefreshTokenByHash(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return manager.getRepository(RefreshToken).findOne({ where: { tokenHash } });
  }

  async addRefreshToken(manager: EntityManager, token: Pick<RefreshToken, 'id' | 'accountId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await manager.getRepository(RefreshToken).insert({ ...token, rotatedAt: null, revokedAt: null });
  }

  /** Marks a live token as used; false when another request rotated or revoked it first. */
  async markRotated(manager: EntityManager, tokenId: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ rotatedAt: at })
      .where('id = :tokenId AND rotated_at IS NULL AND revoked_at IS NULL', { tokenId })
      .execute();
    return result.affected === 1;
  }

  async revokeFamily(manager: EntityManager, familyId: string, at: Date): Promise<void> {
    await manager.createQueryBuilder().update(RefreshToken).set({ revokedAt: at }).where('family_id = :familyId AND revoked_at IS NULL', { familyId }).execute();
  }

  async revokeAllSessionsOf(manager: EntityManager, accountId: string, at: Date): Promise<void> {
    await manager.createQueryBuilder().update(RefreshToken).set({ revokedAt: at }).where('account_id = :accountId AND revoked_at IS NULL', { accountId }).execute();
  }

  /**
   * Counts one password-login attempt from `key` in a fixed window and returns the count including this one.
   * Conditional updates first and an insert only for a new key keep it right with several API instances.
   */
  async countLoginAttempt(manager: EntityManager, key: string, now: Date, windowSeconds: number): Promise<number> {
    const windowStart = new Date(now.getTime() - windowSeconds * 1000);
    const increment = () =>
      manager
        .createQueryBuilder()
        .update(LoginThrottle)
        .set({ attempts: () => 'attempts + 1' })
        .where({ key })
        .andWhere('window_started_at > :windowStart', { windowStart })
        .execute();
    if ((await increment()).affected === 1) return (await manager.getRepository(LoginThrottle).findOneByOrFail({ key })).attempts;
    const restarted = await manager.getRepository(LoginThrottle).update({ key }, { windowStartedAt: now, attempts: 1 });
    if (restarted.affected === 1) return 1;
    try {
      await manager.getRepository(LoginThrottle).insert({ key, windowStartedAt: now, attempts: 1 });
      return 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another instance inserted the same key a moment ago: count against its row.
      await increment();
      return (await manager.getRepository(LoginThrottle).findOneByOrFail({ key })).attempts;
    }
  }

  /**
   * The wrong passwords tried on an account since its last successful password sign-in, read from the audit trail
   * (which records every attempt on a known account); null when there were none.
   */
  async findFailedSignInsSinceLastSignIn(manager: EntityManager, accountId: string): Promise<FailedSignIns | null> {
    const entries = manager.getRepository(AuditEntry);
    const ofAccount = { targetType: 'account', targetId: accountId };
    const lastSignIn = await entries.findOne({
      where: { ...ofAccount, action: PASSWORD_SIGN_IN_ACTIONS.succeeded },
      order: { createdAt: 'DESC' },
      select: { id: true, createdAt: true },
    });
    const since = { ...ofAccount, createdAt: MoreThan(lastSignIn?.createdAt ?? new Date(0)) };
    const failures = { ...since, action: In([PASSWORD_SIGN_IN_ACTIONS.failed, PASSWORD_SIGN_IN_ACTIONS.locked]) };
    const latest = await entries.findOne({ where: failures, order: { createdAt: 'DESC' }, select: { id: true, createdAt: true } });
    if (!latest) return null;
    return {
      count: await entries.count({ where: failures }),
      lastAt: latest.createdAt.toISOString(),
      locked: await entries.exists({ where: { ...since, action: PASSWORD_SIGN_IN_ACTIONS.locked } }),
    };
  }

  async addInvitation(manager: EntityManager, invitation: Pick<Invitation, 'id' | 'kind' | 'targetId' | 'codeHash' | 'issuedByAccountId' | 'expiresAt'>): Promise<void> {
    await manager.getRepository(Invitation).insert({ ...invitation, usedAt: null });
  }

  findWorker(manager: EntityManager, workerId: string): Promise<Worker | null> {
    return manager.getRepository<Worker>(WORKER).findOne({ where: { id: workerId } });
  }

  /** Binds an account to a worker record that has none yet; false if another account got there first. */
  async bindWorkerAccount(manager: EntityManager, workerId: string, accountId: string): Promise<boolean> {
    const result = await manager.createQueryBuilder().update<Worker>(WORKER).set({ accountId }).where('id = :workerId AND account_id IS NULL', { workerId }).execute();
    return result.affected === 1;
  }

  findResident(manager: EntityManager, residentId: string): Promise<Resident | null> {
    return manager.getRepository<Resident>(RESIDENT).findOne({ where: { id: residentId } });
  }

  residentHasAccount(manager: EntityManager, residentId: string): Promise<boolean> {
    return manager.getRepository(Account).exists({ where: { residentId } });
  }

  /** Uses an unexpired, unused invitation of `kind` exactly once; null when there is none (or another request won). */
  async redeemInvitation(manager: EntityManager, kind: InvitationKind, codeHash: string, now: Date): Promise<Invitation | null> {
    const invitation = await manager.getRepository(Invitation).findOne({ where: { codeHash, kind } });
    if (!invitation || invitation.usedAt || invitation.expiresAt <= now) return null;
    const result = await manager.createQueryBuilder().update(Invitation).set({ usedAt: now }).where('id = :id AND used_at IS NULL', { id: invitation.id }).execute();
    return result.affected === 1 ? invitation : null;
  }
}
