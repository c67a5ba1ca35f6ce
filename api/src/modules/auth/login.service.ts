import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FailedSignIns, LoginResponse, Role } from '@linli/shared';
import type { RequestMeta } from '../../common/auth/auth-context';
import { ConflictError, DomainError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../common/security/password-hasher';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository, AccountsService, type Account } from '../accounts';
import { AuditService } from '../audit';
import { WechatClient, type WechatSession } from '../wechat';
import { AuthRepository } from './auth.repository';
import { InvitationService } from './invitation.service';
import { PASSWORD_SIGN_IN_ACTIONS } from './password-sign-in-actions';
import { SessionService } from './session.service';
import { isDuplicateKey } from '../../database/sql';
import { accountDisabled, invalidCredentials, memberAlreadyClaimed, tooManyLoginAttempts, workerAlreadyBound } from './auth.errors';

type Outcome = { accountId: string; tokens: LoginResponse['tokens']; failedSignIns?: FailedSignIns } | { problem: DomainError };

/**
 * Every way in: WeChat (residents, and workers / household members binding with an invitation), username and
 * password (staff, admins, provider admins). WeChat is called before any transaction opens, never inside one.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly auth: AuthRepository,
    private readonly accounts: AccountsRepository,
    private readonly accountsService: AccountsService,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationService,
    private readonly wechat: WechatClient,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  /** A resident (or a worker / member already bound) signs in with WeChat; a new WeChat user gets a resident account. */
  async loginWithWechat(code: string, meta: RequestMeta): Promise<LoginResponse> {
    const session = await this.wechat.code2Session(code);
    return this.finish(
      await this.retryOnDuplicate(() =>
        this.transactions.write(async (manager) => {
          const identity = await this.accounts.findIdentityByOpenid(manager, session.openid);
          if (identity) {
            await this.accounts.updateSessionKey(manager, identity.id, this.cipher.encrypt(session.sessionKey));
            return this.signIn(manager, identity.account, 'auth.wechat_login', meta);
          }
          const account = await this.createWechatAccount(manager, session, { role: 'resident', displayName: '微信用户', residentId: null, providerId: null });
          return this.signIn(manager, account, 'auth.wechat_register', meta);
        }),
      ),
    );
  }

  /** A worker binds their WeChat to the worker record named by an invitation from their organisation or staff. */
  async bindWorker(code: string, invitationCode: string, meta: RequestMeta): Promise<LoginResponse> {
    const session = await this.wechat.code2Session(code);
    return this.finish(
      await this.transactions.write(async (manager) => {
        await this.refuseBoundOpenid(manager, session.openid);
        const invitation = await this.invitations.redeem(manager, 'worker', invitationCode);
        const worker = await this.auth.findWorker(manager, invitation.targetId);
        if (!worker || worker.accountId) throw workerAlreadyBound();
        const account = await this.createWechatAccount(manager, session, { role: 'worker', displayName: worker.name, residentId: null, providerId: worker.providerId });
        if (!(await this.auth.bindWorkerAccount(manager, worker.id, account.id))) throw workerAlreadyBound();
        return this.signIn(manager, account, 'auth.worker_bound', meta);
      }),
    );
  }

  /** A household member whose family registered them links their own WeChat to that record. */
  async claimHouseholdMember(code: string, invitationCode: string, meta: RequestMeta): Promise<LoginResponse> {
    const session = await this.wechat.code2Session(code);
    return this.finish(
      await this.transactions.write(async (manager) => {
        await this.refuseBoundOpenid(manager, session.openid);
        const invitation = await this.invitations.redeem(manager, 'household_member', invitationCode);
        const resident = await this.auth.findResident(manager, invitation.targetId);
        if (!resident || resident.erasedAt || (await this.auth.residentHasAccount(manager, resident.id))) throw memberAlreadyClaimed();
        const account = await this.createWechatAccount(manager, session, { role: 'resident', displayName: resident.name, residentId: resident.id, providerId: null });
        return this.signIn(manager, account, 'auth.member_claimed', meta);
      }),
    );
  }

  /**
   * Username and password. Attempts are counted per client IP (all accounts) and failures per account; too many
   * failures lock the account for a while. An unknown username, a wrong password and a locked account (even with the
   * right password) get the one same answer, so no answer tells an attacker which accounts exist; the owner is told
   * of the failed attempts at their next sign-in instead (`failedSignIns`). Every path does the same work: the password
   * hash is checked (against a dummy hash for unknown usernames) outside any transaction, as it is slow on purpose,
   * and then one write transaction records the attempt.
   */
  async loginWithPassword(username: string, password: string, meta: RequestMeta): Promise<LoginResponse> {
    const { maxLoginAttemptsPerIp, loginWindowSeconds, maxFailedLogins, lockoutSeconds } = this.config.auth;
    const attempts = await this.transactions.write((manager) => this.auth.countLoginAttempt(manager, `ip:${meta.ip}`, new Date(), loginWindowSeconds));
    if (attempts > maxLoginAttemptsPerIp) throw tooManyLoginAttempts(loginWindowSeconds);

    const credential = await this.accounts.findCredentialByUsername(username);
    const passwordMatches = await verifyPassword(password, credential?.passwordHash ?? DUMMY_PASSWORD_HASH);
    const refusal = { problem: invalidCredentials(maxFailedLogins, lockoutSeconds) };
    return this.finish(
      await this.transactions.write(async (manager): Promise<Outcome> => {
        if (!credential) {
          await this.audit.record(
            manager,
            { ...meta, accountId: null, role: null },
            { action: PASSWORD_SIGN_IN_ACTIONS.unknownUsername, targetType: 'account', targetId: null, regionPath: null },
          );
          return refusal;
        }
        const actor = { ...meta, accountId: credential.accountId, role: credential.account.role };
        const recordAttempt = (action: string) => this.audit.record(manager, actor, { action, targetType: 'account', targetId: credential.accountId, regionPath: null });
        if (credential.lockedUntil && credential.lockedUntil > new Date()) {
          // Attempts during a lockout do not extend it; the owner still hears of the wrong passwords among them.
          await recordAttempt(passwordMatches ? PASSWORD_SIGN_IN_ACTIONS.refusedWhileLocked : PASSWORD_SIGN_IN_ACTIONS.failed);
          return refusal;
        }
        if (!passwordMatches) {
          const locked = await this.accounts.recordFailedLogin(manager, credential.accountId, maxFailedLogins, new Date(Date.now() + lockoutSeconds * 1000));
          await recordAttempt(locked ? PASSWORD_SIGN_IN_ACTIONS.locked : PASSWORD_SIGN_IN_ACTIONS.failed);
          return refusal;
        }
        await this.accounts.recordSuccessfulLogin(manager, credential.accountId);
        // Read before this sign-in is recorded: the failures since the previous one.
        const failedSignIns = await this.auth.findFailedSignInsSinceLastSignIn(manager, credential.accountId);
        const outcome = await this.signIn(manager, credential.account, PASSWORD_SIGN_IN_ACTIONS.succeeded, meta);
        return 'problem' in outcome || !failedSignIns ? outcome : { ...outcome, failedSignIns };
      }),
    );
  }

  /** Signs a known account in without a credential: only the demo login calls this, and only in demo mode. */
  async signInWithoutCredential(account: Account, meta: RequestMeta): Promise<LoginResponse> {
    return this.finish(await this.transactions.write((manager) => this.signIn(manager, account, 'auth.demo_login', meta)));
  }

  private async signIn(manager: EntityManager, account: Pick<Account, 'id' | 'role'>, action: string, meta: RequestMeta): Promise<Outcome> {
    // The same rule the auth guard applies to every request: active account, and its provider active.
    if (!(await this.auth.findActiveAccountWithScope(account.id, manager))) {
      const providerStatus = await this.auth.findProviderStatusOf(account.id, manager);
      return { problem: accountDisabled(providerStatus) };
    }
    const tokens = await this.sessions.start(manager, account);
    await this.audit.record(manager, { ...meta, accountId: account.id, role: account.role }, { action, targetType: 'account', targetId: account.id, regionPath: null });
    return { accountId: account.id, tokens };
  }

  /** Failures that must still commit what they wrote (failure counters, audit) are returned, then thrown here. */
  private async finish(outcome: Outcome): Promise<LoginResponse> {
    if ('problem' in outcome) throw outcome.problem;
    const { accountId, ...signedIn } = outcome;
    return { ...signedIn, account: await this.accountsService.describe(accountId) };
  }

  private async createWechatAccount(
    manager: EntityManager,
    session: WechatSession,
    account: { role: Role; displayName: string; residentId: string | null; providerId: string | null },
  ): Promise<Pick<Account, 'id' | 'role'>> {
    const id = randomUUID();
    await this.accounts.addAccount(manager, { id, ...account, regionId: null });
    await this.accounts.addIdentity(manager, {
      id: randomUUID(),
      openid: session.openid,
      unionid: session.unionid,
      accountId: id,
      sessionKeyCipher: this.cipher.encrypt(session.sessionKey),
    });
    return { id, role: account.role };
  }

  private async refuseBoundOpenid(manager: EntityManager, openid: string): Promise<void> {
    if (await this.accounts.findIdentityByOpenid(manager, openid)) throw new ConflictError('该微信已绑定其他账号，请换一个微信或联系工作人员');
  }

  /** Two first logins of the same WeChat user at once: the loser of the unique openid index signs in as the winner. */
  private async retryOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return work();
    }
  }
}
