import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AccountStatus } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { hashPassword } from '../../common/security/password-hasher';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AccountsRepository, type Account } from '../accounts';
import { AuditService } from '../audit';
import { AuthRepository } from '../auth';
import { cannotDisableSelf, usernameTaken } from './accounts-admin.errors';
import type { CreateStaffAccountDto, ManagedAccountDto } from './dto/admin-account.dto';

/** Admins create staff and admin accounts in their subtree, and disable or re-enable accounts there. */
@Injectable()
export class AccountsAdminService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountsRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  async createStaffAccount(auth: AuthContext, input: CreateStaffAccountDto): Promise<ManagedAccountDto> {
    const region = await this.accounts.findRegion(input.regionId);
    assertRegionInScope(auth, region?.path, '该地区');
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID();
    try {
      await this.transactions.write(async (manager) => {
        await this.accounts.addAccount(manager, { id, role: input.role, displayName: input.displayName, regionId: input.regionId, providerId: null, residentId: null });
        await this.accounts.addCredential(manager, { accountId: id, username: input.username, passwordHash });
        await this.audit.record(manager, auth, { action: 'account.created', targetType: 'account', targetId: id, regionPath: region!.path, details: { role: input.role } });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw usernameTaken();
      throw error;
    }
    return toManagedAccount((await this.accounts.findAccount(id))!);
  }

  /** Disabling revokes every session of the account at once; its tokens stop working on the next request. */
  async setStatus(auth: AuthContext, accountId: string, status: AccountStatus): Promise<ManagedAccountDto> {
    if (accountId === auth.accountId) throw cannotDisableSelf();
    const account = await this.accounts.findAccountWithOwners(accountId);
    const regionPath = account ? regionPathOf(account) : null;
    assertRegionInScope(auth, regionPath, '该账号');
    await this.transactions.write(async (manager) => {
      await this.accounts.setStatus(manager, accountId, status);
      if (status === 'disabled') await this.auth.revokeAllSessionsOf(manager, accountId, new Date());
      await this.audit.record(manager, auth, { action: `account.${status}`, targetType: 'account', targetId: accountId, regionPath });
    });
    return toManagedAccount((await this.accounts.findAccount(accountId))!);
  }
}

/** Where an account (loaded with its owners) lives for scoping: its own region, its provider's region, or its resident's community. */
function regionPathOf(account: Account): string | null {
  if (account.region) return account.region.path;
  if (account.provider) return account.provider.region.path;
  return account.resident?.community?.path ?? null;
}

function toManagedAccount(account: Account): ManagedAccountDto {
  return { id: account.id, role: account.role, displayName: account.displayName, status: account.status };
}
