import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { maskPhone, validateWorkingHours, type DispatchMode, type InvitationCode, type WorkingDay } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope, regionInScope } from '../../common/auth/scope';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { FieldCipher } from '../../common/security/field-cipher';
import { hashPassword } from '../../common/security/password-hasher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService } from '../audit/audit.service';
import { InvitationService } from '../auth/invitation.service';
import type { ProviderDto, WorkerDto } from './dto/provider.dto';
import type { Provider } from './provider.entity';
import { ProvidersRepository } from './providers.repository';
import type { Worker } from './worker.entity';
import { averageRating, WorkerProfiles } from './worker-profiles';
import { isDuplicateKey } from '../../database/sql';

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
  ) {}

  async list(auth: AuthContext): Promise<ProviderDto[]> {
    if (auth.role === 'provider_admin') return [toProviderDto((await this.providers.findWithRegion(auth.providerId!))!)];
    return (await this.providers.listWithinRegion(auth.regionPath!)).map(toProviderDto);
  }

  /** Registers an organisation with its administrator account (staff/admin of the overseeing region). */
  async create(auth: AuthContext, input: { name: string; regionId: string; adminUsername: string; adminPassword: string }): Promise<ProviderDto> {
    const region = await this.accounts.findRegion(input.regionId);
    assertRegionInScope(auth, region?.path, '该地区');
    const passwordHash = await hashPassword(input.adminPassword);
    const id = randomUUID();
    try {
      await this.transactions.write(async (manager) => {
        await this.providers.insertProvider(manager, { id, name: input.name, regionId: input.regionId, status: 'active' });
        const adminId = randomUUID();
        await this.accounts.addAccount(manager, { id: adminId, role: 'provider_admin', displayName: `${input.name}管理员`, regionId: null, providerId: id, residentId: null });
        await this.accounts.addCredential(manager, { accountId: adminId, username: input.adminUsername, passwordHash });
        await this.audit.record(manager, auth, { action: 'provider.created', targetType: 'provider', targetId: id, regionPath: region!.path });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('该登录名已被使用', { field: 'adminUsername' });
      throw error;
    }
    return toProviderDto((await this.providers.findWithRegion(id))!);
  }

  async setStatus(auth: AuthContext, providerId: string, status: Provider['status']): Promise<ProviderDto> {
    const provider = await this.overseen(auth, providerId);
    await this.transactions.write(async (manager) => {
      await this.providers.setStatus(manager, providerId, status);
      await this.audit.record(manager, auth, { action: `provider.${status}`, targetType: 'provider', targetId: providerId, regionPath: provider.region.path });
    });
    return toProviderDto((await this.providers.findWithRegion(providerId))!);
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
  async setDispatchProfile(auth: AuthContext, providerId: string, workerId: string, input: { skillServiceIds: string[]; areaRegionIds: string[]; workingHours: WorkingDay[]; maxOpenOrders: number }): Promise<WorkerDto> {
    const provider = await this.manageable(auth, providerId);
    if (!(await this.providers.findWorker(providerId, workerId))) throw new NotFoundError('该服务人员');
    const serviceIds = [...new Set(input.skillServiceIds)];
    const regionIds = [...new Set(input.areaRegionIds)];
    const [services, communities] = await Promise.all([this.providers.listHomeServices(serviceIds), this.providers.listCommunities(regionIds)]);
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
      await this.audit.record(manager, auth, { action: 'provider.dispatch_mode_set', targetType: 'provider', targetId: providerId, regionPath: provider.region.path, details: { mode } });
    });
    return toProviderDto((await this.providers.findWithRegion(providerId))!);
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
    return provider!;
  }

  private async toWorkerDtos(workers: Worker[]): Promise<WorkerDto[]> {
    const profiles = await this.profiles.views(workers);
    return workers.map((worker, index) => ({ ...profiles[index], phoneMasked: maskPhone(this.cipher.decrypt(worker.phoneCipher)), wechatBound: !!worker.accountId }));
  }
}

function toProviderDto(provider: Provider): ProviderDto {
  return { id: provider.id, name: provider.name, regionId: provider.regionId, regionName: provider.region.name, status: provider.status, dispatchMode: provider.dispatchMode, ratingCount: provider.ratingCount, averageRating: averageRating(provider) };
}
