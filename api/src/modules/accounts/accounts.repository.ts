import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';
import { Region } from '../regions';
import { Account } from './account.entity';
import { PasswordCredential } from './password-credential.entity';
import { PrivacyConsent } from './privacy-consent.entity';
import { WechatIdentity } from './wechat-identity.entity';

@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAccount(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<Account | null> {
    return manager.getRepository(Account).findOne({ where: { id: accountId } });
  }

  findRegion(regionId: string): Promise<Region | null> {
    return this.dataSource.getRepository(Region).findOne({ where: { id: regionId } });
  }

  /** An account with whom it belongs to: its region, its resident (with their community), its provider (with its region). */
  findAccountWithOwners(accountId: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOne({ where: { id: accountId }, relations: { region: true, resident: { community: true }, provider: { region: true } } });
  }

  hasAcceptedCurrentPrivacyPolicy(accountId: string): Promise<boolean> {
    return this.dataSource.getRepository(PrivacyConsent).exists({ where: { accountId, version: CURRENT_PRIVACY_POLICY_VERSION } });
  }

  findCredentialByUsername(username: string): Promise<PasswordCredential | null> {
    return this.dataSource.getRepository(PasswordCredential).findOne({ where: { username }, relations: { account: true } });
  }

  /** The openid of the account's WeChat identity (WeChat Pay charges it); null for accounts signed in without WeChat. */
  async findOpenidOf(accountId: string): Promise<string | null> {
    return (await this.dataSource.getRepository(WechatIdentity).findOne({ where: { accountId }, select: { openid: true } }))?.openid ?? null;
  }

  findIdentityByOpenid(manager: EntityManager, openid: string): Promise<WechatIdentity | null> {
    return manager.getRepository(WechatIdentity).findOne({ where: { openid }, relations: { account: true } });
  }

  async addAccount(manager: EntityManager, account: Pick<Account, 'id' | 'role' | 'displayName' | 'regionId' | 'providerId' | 'residentId'>): Promise<void> {
    await manager.getRepository(Account).insert({ ...account, status: 'active' });
  }

  async addCredential(manager: EntityManager, credential: Pick<PasswordCredential, 'accountId' | 'username' | 'passwordHash'>): Promise<void> {
    await manager.getRepository(PasswordCredential).insert({ ...credential, failedAttempts: 0, lockedUntil: null });
  }

  async addIdentity(manager: EntityManager, identity: Pick<WechatIdentity, 'id' | 'openid' | 'unionid' | 'accountId' | 'sessionKeyCipher'>): Promise<void> {
    await manager.getRepository(WechatIdentity).insert(identity);
  }

  async updateSessionKey(manager: EntityManager, identityId: string, sessionKeyCipher: string): Promise<void> {
    await manager.getRepository(WechatIdentity).update({ id: identityId }, { sessionKeyCipher });
  }

  async removeIdentitiesOf(manager: EntityManager, accountId: string): Promise<void> {
    await manager.getRepository(WechatIdentity).delete({ accountId });
  }

  /** One more failure; when it reaches `maxFailures` the account locks until `lockUntil` and the count restarts. */
  async recordFailedLogin(manager: EntityManager, accountId: string, maxFailures: number, lockUntil: Date): Promise<boolean> {
    const repository = manager.getRepository(PasswordCredential);
    await repository.increment({ accountId }, 'failedAttempts', 1);
    const credential = await repository.findOneByOrFail({ accountId });
    if (credential.failedAttempts < maxFailures) return false;
    await repository.update({ accountId }, { failedAttempts: 0, lockedUntil: lockUntil });
    return true;
  }

  async recordSuccessfulLogin(manager: EntityManager, accountId: string): Promise<void> {
    await manager.getRepository(PasswordCredential).update({ accountId }, { failedAttempts: 0, lockedUntil: null });
  }

  async setStatus(manager: EntityManager, accountId: string, status: Account['status']): Promise<void> {
    await manager.getRepository(Account).update({ id: accountId }, { status });
  }

  async linkResident(manager: EntityManager, accountId: string, residentId: string): Promise<void> {
    await manager.getRepository(Account).update({ id: accountId }, { residentId });
  }

  async addConsent(manager: EntityManager, consent: Pick<PrivacyConsent, 'id' | 'accountId' | 'version' | 'acceptedAt' | 'ip'>): Promise<void> {
    await manager.getRepository(PrivacyConsent).insert(consent);
  }

  listConsents(accountId: string): Promise<PrivacyConsent[]> {
    return this.dataSource.getRepository(PrivacyConsent).find({ where: { accountId }, order: { acceptedAt: 'ASC' } });
  }
}
