import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type HouseholdMember, type HouseholdRelation, type InvitationCode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsService } from '../accounts';
import { AuditService } from '../audit';
import { InvitationService } from '../auth';
import { PersonRecords, type PersonInput } from './person-records';
import { toResidentProfile } from './resident-view';
import { ResidentsRepository } from './residents.repository';

type MemberInput = PersonInput & { name: string; relation: HouseholdRelation };

/**
 * The people a resident acts for: an elderly parent without WeChat, a spouse. Members are person records of their
 * own; the link says who may act for whom. A member can later sign in with their own WeChat (invitation code).
 */
@Injectable()
export class HouseholdService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly residents: ResidentsRepository,
    private readonly accounts: AccountsService,
    private readonly people: PersonRecords,
    private readonly invitations: InvitationService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext): Promise<HouseholdMember[]> {
    if (!auth.residentId) return [];
    const links = await this.residents.listMemberLinks(auth.residentId);
    const members = await this.residents.findManyWithCommunity(links.map((link) => link.memberResidentId));
    const relationOf = new Map(links.map((link) => [link.memberResidentId, link.relation]));
    return members.map((member) => ({ ...toResidentProfile(member, this.cipher), relation: relationOf.get(member.resident.id)! }));
  }

  async add(auth: AuthContext, input: MemberInput): Promise<HouseholdMember> {
    const proxyId = await this.requireProxy(auth);
    const memberId = await this.transactions.write(async (manager) => {
      const id = await this.people.create(manager, { ...input, phoneOwner: input.phone ? 'self' : null }, auth.accountId);
      await this.residents.insertLink(manager, { id: randomUUID(), proxyResidentId: proxyId, memberResidentId: id, relation: input.relation });
      await this.audit.record(manager, auth, { action: 'household.member_added', targetType: 'resident', targetId: id, regionPath: null, details: { relation: input.relation } });
      return id;
    });
    return this.member(proxyId, memberId);
  }

  async update(auth: AuthContext, memberId: string, input: MemberInput): Promise<HouseholdMember> {
    const proxyId = await this.requireProxy(auth);
    const link = await this.requireLink(proxyId, memberId);
    await this.transactions.write(async (manager) => {
      await this.people.update(manager, memberId, { ...input, phoneOwner: input.phone ? 'self' : null });
      if (link.relation !== input.relation) await this.residents.updateLinkRelation(manager, link.id, input.relation);
      await this.audit.record(manager, auth, { action: 'household.member_updated', targetType: 'resident', targetId: memberId, regionPath: null });
    });
    return this.member(proxyId, memberId);
  }

  /** Stops acting for the member. Their record stays: other family members or staff may still serve them. */
  async remove(auth: AuthContext, memberId: string): Promise<void> {
    const proxyId = await this.requireProxy(auth);
    const link = await this.requireLink(proxyId, memberId);
    await this.transactions.write(async (manager) => {
      await this.residents.deleteLink(manager, link.id);
      await this.audit.record(manager, auth, { action: 'household.member_removed', targetType: 'resident', targetId: memberId, regionPath: null });
    });
  }

  /** A one-time code the member enters in their own WeChat to take over their record. */
  async invite(auth: AuthContext, memberId: string): Promise<InvitationCode> {
    const proxyId = await this.requireProxy(auth);
    await this.requireLink(proxyId, memberId);
    const member = await this.residents.findWithCommunity(memberId);
    if (member?.hasOwnAccount) throw new ConflictError('该成员已绑定自己的微信');
    return this.transactions.write(async (manager) => {
      const code = await this.invitations.issue(manager, 'household_member', memberId, auth.accountId);
      await this.audit.record(manager, auth, { action: 'household.member_invited', targetType: 'resident', targetId: memberId, regionPath: null });
      return code;
    });
  }

  private async member(proxyId: string, memberId: string): Promise<HouseholdMember> {
    const [link, row] = await Promise.all([this.residents.findMemberLink(proxyId, memberId), this.residents.findWithCommunity(memberId)]);
    return { ...toResidentProfile(row!, this.cipher), relation: link!.relation };
  }

  private async requireProxy(auth: AuthContext): Promise<string> {
    await this.accounts.requireConsent(auth.accountId);
    if (!auth.residentId) throw new ConflictError('请先填写本人信息，再添加家庭成员');
    return auth.residentId;
  }

  /** Members of other households answer like missing ones. */
  private async requireLink(proxyId: string, memberId: string) {
    const link = await this.residents.findMemberLink(proxyId, memberId);
    if (!link) throw new NotFoundError('该家庭成员');
    return link;
  }
}
