import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  maskPhone,
  normaliseCreditCode,
  PROVIDER_DECISIONS_NEEDING_REASON,
  providerDecision,
  validateWorkingHours,
  type DispatchMode,
  type InvitationCode,
  type ProviderApplicationInput,
  type ProviderKind,
  type ProviderStatus,
  type WorkingDay,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope, regionInScope } from '../../common/auth/scope';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { hashPassword } from '../../common/security/password-hasher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository, AccountsService } from '../accounts';
import { AuditService } from '../audit';
import { CatalogueRepository } from '../catalogue';
import { InvitationService } from '../auth';
import { OutboxService } from '../outbox';
import type { Region } from '../regions';
import type { ProviderDto, WorkerDto } from './dto/provider.dto';
import type { Provider } from './provider.entity';
import { ProvidersRepository, type NewProvider } from './providers.repository';
import type { Worker } from './worker.entity';
import { averageRating, WorkerProfiles } from './worker-profiles';
import { isDuplicateKey } from '../../database/sql';
import { providerMoveRefused } from './providers.errors';

/**
 * Provider organisations and their workers. Staff and admins manage the providers their region oversees; a
 * provider admin manages only their own organisation. Anything else answers 404.
 */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly providers: ProvidersRepository,
    private readonly accounts: AccountsRepository,
    private readonly invitations: InvitationService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly profiles: WorkerProfiles,
    private readonly outbox: OutboxService,
    private readonly accountsService: AccountsService,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async list(auth: AuthContext): Promise<ProviderDto[]> {
    if (auth.role === 'provider_admin') return [this.toProviderDto((await this.providers.findWithRegion(auth.providerId!))!)];
    return (await this.providers.listWithinRegion(auth.regionPath!)).map((provider) => this.toProviderDto(provider));
  }

  /** Registers an organisation with its administrator account (staff/admin of the overseeing region): active at once. */
  async create(auth: AuthContext, input: { name: string; regionId: string; kind?: ProviderKind; adminUsername: string; adminPassword: string }): Promise<ProviderDto> {
    const region = await this.accounts.findRegion(input.regionId);
    assertRegionInScope(auth, region?.path, '该地区');
    const id = await this.register(auth, region!, input, { kind: input.kind ?? 'housekeeping', status: 'active' });
    return this.toProviderDto((await this.providers.findWithRegion(id))!);
  }

  /**
   * An organisation applies from the mini program (signed in with WeChat): it waits as `pending` with its
   * administrator account, which cannot sign in until staff of the region approve. One pending application per
   * applicant, held by a unique column.
   */
  async apply(auth: AuthContext, input: ProviderApplicationInput): Promise<ProviderDto> {
    await this.accountsService.requireConsent(auth.accountId); // the contact's name and phone are personal data
    const region = await this.accounts.findRegion(input.regionId);
    if (!region) throw new NotFoundError('该地区');
    if (region.level !== 'street' && region.level !== 'community') {
      throw new ValidationFailedError([{ field: 'regionId', constraints: ['streetOrCommunity'], message: '请选择机构主要服务的街道或社区' }]);
    }
    const id = await this.register(auth, region, input, {
      kind: input.kind,
      status: 'pending',
      contactName: input.contactName,
      contactPhoneCipher: this.cipher.encrypt(input.contactPhone),
      creditCode: normaliseCreditCode(input.creditCode),
      applicantAccountId: auth.accountId,
      pendingApplicantId: auth.accountId,
    });
    return this.toProviderDto((await this.providers.findWithRegion(id))!);
  }

  /** The applications this account has sent, newest first, with their outcome. */
  async listMyApplications(auth: AuthContext): Promise<ProviderDto[]> {
    return (await this.providers.listAppliedBy(auth.accountId)).map((provider) => this.toProviderDto(provider));
  }

  /**
   * Staff decisions on an organisation: approve or reject an application, suspend or reinstate (the rule is
   * `providerDecision` in shared). The move is a conditional update on the status it was read in, so two staff
   * deciding at once cannot both win.
   */
  async setStatus(auth: AuthContext, providerId: string, input: { status: ProviderStatus; reason?: string }): Promise<ProviderDto> {
    const provider = await this.overseen(auth, providerId);
    const decision = providerDecision(provider.status, input.status);
    if (!decision) throw providerMoveRefused(provider.status, input.status);
    const needsReason = PROVIDER_DECISIONS_NEEDING_REASON.includes(decision);
    if (needsReason && !input.reason) throw new ValidationFailedError([{ field: 'reason', constraints: ['required'], message: '请填写原因' }]);
    await this.transactions.write(async (manager) => {
      const moved = await this.providers.moveStatus(manager, providerId, provider.status, input.status, needsReason ? input.reason! : null);
      if (!moved) throw providerMoveRefused(provider.status, input.status);
      await this.audit.record(manager, auth, {
        action: `provider.${decision}`,
        targetType: 'provider',
        targetId: providerId,
        regionPath: provider.region.path,
        details: input.reason ? { reason: input.reason } : undefined,
      });
      await this.outbox.enqueue(manager, `provider.${decision}`, {
        providerId,
        applicantAccountId: provider.applicantAccountId,
        status: input.status,
        regionPath: provider.region.path,
      });
    });
    return this.toProviderDto((await this.providers.findWithRegion(providerId))!);
  }

  async listWorkers(auth: AuthContext, providerId: string): Promise<WorkerDto[]> {
    await this.manageable(auth, providerId);
    return this.toWorkerDtos(await this.providers.listWorkers(providerId));
  }

  async addWorker(auth: AuthContext, providerId: string, input: { name: string; phone: string }): Promise<WorkerDto> {
    const provider = await this.manageable(auth, providerId);
    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await this.providers.insertWorker(manager, { id, providerId, name: input.name, phoneCipher: this.cipher.encrypt(input.phone), accountId: null });
      await this.audit.record(manager, auth, { action: 'worker.created', targetType: 'worker', targetId: id, regionPath: provider.region.path });
    });
    return (await this.toWorkerDtos([(await this.providers.findWorker(providerId, id))!]))[0];
  }

  /** Sets what the dispatcher needs to know about a worker: skills, areas, weekly hours and cap on unfinished orders. */
  async setDispatchProfile(
    auth: AuthContext,
    providerId: string,
    workerId: string,
    input: { skillServiceIds: string[]; areaRegionIds: string[]; workingHours: WorkingDay[]; maxOpenOrders: number },
  ): Promise<WorkerDto> {
    const provider = await this.manageable(auth, providerId);
    if (!(await this.providers.findWorker(providerId, workerId))) throw new NotFoundError('该服务人员');
    const serviceIds = [...new Set(input.skillServiceIds)];
    const regionIds = [...new Set(input.areaRegionIds)];
    const [services, communities] = await Promise.all([this.catalogue.listHomeServices(serviceIds), this.providers.listCommunities(regionIds)]);
    const violations = [
      ...(services.length !== serviceIds.length ? [{ field: 'skillServiceIds', constraints: ['homeService'], message: 'every skill must be a home-mode (上门) service' }] : []),
      ...(communities.length !== regionIds.length ? [{ field: 'areaRegionIds', constraints: ['community'], message: 'every area must be a community' }] : []),
      ...validateWorkingHours(input.workingHours).map((message) => ({ field: 'workingHours', constraints: ['workingHours'], message })),
    ];
    if (violations.length) throw new ValidationFailedError(violations);
    await this.transactions.write(async (manager) => {
      const fits = await this.providers.replaceDispatchProfile(manager, workerId, { serviceIds, regionIds, workingHours: input.workingHours, maxOpenOrders: input.maxOpenOrders });
      if (!fits) throw new ConflictError('该服务人员手上未完成的订单多于新的上限', { field: 'maxOpenOrders' });
      await this.audit.record(manager, auth, { action: 'worker.dispatch_profile_set', targetType: 'worker', targetId: workerId, regionPath: provider.region.path });
    });
    return (await this.toWorkerDtos([(await this.providers.findWorker(providerId, workerId))!]))[0];
  }

  /** `grab`: the provider's workers take orders from the pool instead of being sent offers. */
  async setDispatchMode(auth: AuthContext, providerId: string, mode: DispatchMode): Promise<ProviderDto> {
    const provider = await this.manageable(auth, providerId);
    await this.transactions.write(async (manager) => {
      await this.providers.setDispatchMode(manager, providerId, mode);
      await this.audit.record(manager, auth, {
        action: 'provider.dispatch_mode_set',
        targetType: 'provider',
        targetId: providerId,
        regionPath: provider.region.path,
        details: { mode },
      });
    });
    return this.toProviderDto((await this.providers.findWithRegion(providerId))!);
  }

  /** A one-time code the worker enters in the mini program to bind their WeChat to this worker record. */
  async inviteWorker(auth: AuthContext, providerId: string, workerId: string): Promise<InvitationCode> {
    const provider = await this.manageable(auth, providerId);
    const worker = await this.providers.findWorker(providerId, workerId);
    if (!worker) throw new NotFoundError('该服务人员');
    if (worker.accountId) throw new ConflictError('该服务人员已绑定微信');
    return this.transactions.write(async (manager) => {
      const code = await this.invitations.issue(manager, 'worker', workerId, auth.accountId);
      await this.audit.record(manager, auth, { action: 'worker.invited', targetType: 'worker', targetId: workerId, regionPath: provider.region.path });
      return code;
    });
  }

  /** Inserts the organisation and its administrator account; a taken login name or a second pending application is a CONFLICT. */
  private async register(
    auth: AuthContext,
    region: Region,
    account: { name: string; adminUsername: string; adminPassword: string },
    fields: Omit<NewProvider, 'id' | 'name' | 'regionId'>,
  ): Promise<string> {
    const passwordHash = await hashPassword(account.adminPassword);
    const id = randomUUID();
    try {
      await this.transactions.write(async (manager) => {
        await this.providers.insertProvider(manager, { id, name: account.name, regionId: region.id, ...fields });
        const adminId = randomUUID();
        await this.accounts.addAccount(manager, { id: adminId, role: 'provider_admin', displayName: `${account.name}管理员`, regionId: null, providerId: id, residentId: null });
        await this.accounts.addCredential(manager, { accountId: adminId, username: account.adminUsername, passwordHash });
        await this.audit.record(manager, auth, {
          action: fields.status === 'pending' ? 'provider.applied' : 'provider.created',
          targetType: 'provider',
          targetId: id,
          regionPath: region.path,
        });
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (fields.pendingApplicantId && (await this.providers.hasPendingApplication(fields.pendingApplicantId))) {
        throw new ConflictError('您已有一份入驻申请在审核中，请等待审核结果', { field: 'application' });
      }
      throw new ConflictError('该登录名已被使用', { field: 'adminUsername' });
    }
    return id;
  }

  /** Staff/admin of the overseeing region. */
  private async overseen(auth: AuthContext, providerId: string): Promise<Provider> {
    const provider = await this.providers.findWithRegion(providerId);
    assertRegionInScope(auth, provider?.region.path, '该服务机构');
    return provider!;
  }

  /** Staff/admin of the overseeing region, or the provider's own admin. */
  private async manageable(auth: AuthContext, providerId: string): Promise<Provider> {
    const provider = await this.providers.findWithRegion(providerId);
    const allowed = !!provider && (auth.role === 'provider_admin' ? auth.providerId === providerId : regionInScope(auth, provider.region.path));
    if (!allowed) throw new NotFoundError('该服务机构');
    return provider;
  }

  private toProviderDto(provider: Provider): ProviderDto {
    return {
      id: provider.id,
      name: provider.name,
      kind: provider.kind,
      regionId: provider.regionId,
      regionName: provider.region.name,
      status: provider.status,
      dispatchMode: provider.dispatchMode,
      ratingCount: provider.ratingCount,
      averageRating: averageRating(provider),
      contactName: provider.contactName,
      contactPhoneMasked: provider.contactPhoneCipher ? maskPhone(this.cipher.decrypt(provider.contactPhoneCipher)) : null,
      creditCode: provider.creditCode,
      decisionReason: provider.decisionReason,
      createdAt: provider.createdAt.toISOString(),
    };
  }

  private async toWorkerDtos(workers: Worker[]): Promise<WorkerDto[]> {
    const profiles = await this.profiles.views(workers);
    return workers.map((worker, index) => ({ ...profiles[index], phoneMasked: maskPhone(this.cipher.decrypt(worker.phoneCipher)), wechatBound: !!worker.accountId }));
  }
}
