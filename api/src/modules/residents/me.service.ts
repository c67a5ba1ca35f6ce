import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CURRENT_PRIVACY_POLICY_VERSION, type ResidentDataExport, type ResidentProfile, type SessionAccount } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository, AccountsService } from '../accounts';
import { AuditService } from '../audit';
import { AuthRepository } from '../auth';
import { AccountPreferencesService } from '../preferences';
import { WechatClient } from '../wechat';
import { PersonRecords, type PersonInput } from './person-records';
import { toResidentProfile } from './resident-view';
import { ResidentsRepository } from './residents.repository';
import { privacyPolicyOutdated } from './residents.errors';

/** A signed-in resident's own record: consent, profile, phone binding, export and deletion. */
@Injectable()
export class MeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountsRepository,
    private readonly accountsService: AccountsService,
    private readonly residents: ResidentsRepository,
    private readonly people: PersonRecords,
    private readonly cipher: FieldCipher,
    private readonly wechat: WechatClient,
    private readonly audit: AuditService,
    private readonly auth: AuthRepository,
    private readonly preferences: AccountPreferencesService,
  ) {}

  async acceptPrivacyPolicy(auth: AuthContext, version: string): Promise<SessionAccount> {
    if (version !== CURRENT_PRIVACY_POLICY_VERSION) {
      throw privacyPolicyOutdated();
    }
    if (!(await this.accounts.hasAcceptedCurrentPrivacyPolicy(auth.accountId))) {
      await this.transactions.write(async (manager) => {
        await this.accounts.addConsent(manager, { id: randomUUID(), accountId: auth.accountId, version, acceptedAt: new Date(), ip: auth.ip });
        await this.audit.record(manager, auth, { action: 'privacy.accepted', targetType: 'account', targetId: auth.accountId, regionPath: null, details: { version } });
      });
    }
    return this.accountsService.describe(auth.accountId);
  }

  async profile(auth: AuthContext): Promise<ResidentProfile | null> {
    if (!auth.residentId) return null;
    const row = await this.residents.findWithCommunity(auth.residentId);
    return row ? toResidentProfile(row, this.cipher) : null;
  }

  async updateProfile(auth: AuthContext, input: PersonInput & { name: string }): Promise<ResidentProfile> {
    await this.accountsService.requireConsent(auth.accountId);
    const residentId = await this.transactions.write(async (manager) => {
      const id = await this.ensureOwnRecord(manager, auth, input);
      await this.audit.record(manager, auth, { action: 'resident.profile_updated', targetType: 'resident', targetId: id, regionPath: null });
      return id;
    });
    return toResidentProfile((await this.residents.findWithCommunity(residentId))!, this.cipher);
  }

  /** Binds the phone WeChat verified (from the getPhoneNumber button) as the resident's own. */
  async bindPhone(auth: AuthContext, code: string): Promise<ResidentProfile> {
    await this.accountsService.requireConsent(auth.accountId);
    const phone = await this.wechat.phoneNumber(code);
    const residentId = await this.transactions.write(async (manager) => {
      const id = await this.ensureOwnRecord(manager, auth, {});
      await this.people.update(manager, id, { phone: phone.purePhoneNumber, phoneOwner: 'self' });
      await this.audit.record(manager, auth, { action: 'resident.phone_bound', targetType: 'resident', targetId: id, regionPath: null });
      return id;
    });
    return toResidentProfile((await this.residents.findWithCommunity(residentId))!, this.cipher);
  }

  /** Everything Linli holds about the caller, as JSON (PIPL right of access). Sensitive values stay masked. */
  async exportData(auth: AuthContext): Promise<ResidentDataExport> {
    const [account, profile, links, consents, trail, preferences] = await Promise.all([
      this.accountsService.describe(auth.accountId),
      this.profile(auth),
      auth.residentId ? this.residents.listMemberLinks(auth.residentId) : Promise.resolve([]),
      this.accounts.listConsents(auth.accountId),
      this.residents.auditTrailOf(auth.accountId, auth.residentId),
      this.preferences.mine(auth),
    ]);
    const members = await this.residents.findManyWithCommunity(links.map((link) => link.memberResidentId));
    const relationOf = new Map(links.map((link) => [link.memberResidentId, link.relation]));
    return {
      exportedAt: new Date().toISOString(),
      account,
      profile,
      household: members.map((member) => ({ ...toResidentProfile(member, this.cipher), relation: relationOf.get(member.resident.id)! })),
      consents: consents.map((consent) => ({ version: consent.version, acceptedAt: consent.acceptedAt.toISOString() })),
      activity: trail.map((entry) => ({ at: entry.createdAt.toISOString(), action: entry.action, targetType: entry.targetType, targetId: entry.targetId })),
      preferences,
    };
  }

  /**
   * Deletes the account (PIPL right to erasure): personal fields of the caller — and of household members only
   * they managed and who have no account of their own — are erased; the rows stay, anonymised, for the service
   * history the law requires; the account's settings are deleted; sign-in is removed and every session revoked. The
   * audit trail is kept.
   */
  async eraseAccount(auth: AuthContext): Promise<void> {
    await this.transactions.write(async (manager) => {
      const now = new Date();
      if (auth.residentId) {
        for (const link of await this.residents.listMemberLinks(auth.residentId, manager)) {
          await this.residents.deleteLink(manager, link.id);
          const member = await this.residents.findWithCommunity(link.memberResidentId, manager);
          const stillManaged = (await this.residents.countProxiesOf(link.memberResidentId, manager)) > 0;
          if (member && !member.hasOwnAccount && !stillManaged) await this.people.erase(manager, link.memberResidentId, now);
        }
        await this.people.erase(manager, auth.residentId, now);
      }
      await this.preferences.forgetAccount(manager, auth.accountId);
      await this.accounts.removeIdentitiesOf(manager, auth.accountId);
      await this.accounts.setStatus(manager, auth.accountId, 'disabled');
      await this.auth.revokeAllSessionsOf(manager, auth.accountId, now);
      await this.audit.record(manager, auth, { action: 'account.erased', targetType: 'account', targetId: auth.accountId, regionPath: null });
    });
  }

  /** The resident's own person record, created on first save and linked to the account. */
  private async ensureOwnRecord(manager: EntityManager, auth: AuthContext, input: PersonInput): Promise<string> {
    const account = await this.accounts.findAccount(auth.accountId, manager);
    if (account?.residentId) {
      await this.people.update(manager, account.residentId, input);
      return account.residentId;
    }
    const id = await this.people.create(manager, { ...input, name: input.name ?? account?.displayName ?? '居民' }, auth.accountId);
    await this.accounts.linkResident(manager, auth.accountId, id);
    return id;
  }
}
