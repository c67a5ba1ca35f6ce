import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope, regionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { AccountsService } from '../accounts';
import { ResidentsRepository } from './residents.repository';

/**
 * Who may act for a person, in every module that books, orders or waits for someone: a resident for themselves
 * or their household (after accepting the privacy terms), staff and admins for people of their region.
 */
@Injectable()
export class ResidentAccess {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly accounts: AccountsService,
  ) {}

  /** Before acting for `residentId`; strangers answer 404 like missing people. */
  async assertMayActFor(auth: AuthContext, residentId: string): Promise<void> {
    if (auth.role === 'resident') {
      await this.accounts.requireConsent(auth.accountId);
      if (!auth.residentId || !(await this.residents.canActFor(auth.residentId, residentId))) throw new NotFoundError('该居民');
      return;
    }
    const person = await this.residents.findWithCommunity(residentId);
    assertRegionInScope(auth, person?.community?.path, '该居民');
  }

  /** The resident behind the account and the household members they act for ("mine" in every list); none for other roles. */
  async selfAndHousehold(auth: AuthContext): Promise<string[]> {
    if (!auth.residentId) return [];
    const links = await this.residents.listMemberLinks(auth.residentId);
    return [auth.residentId, ...links.map((link) => link.memberResidentId)];
  }

  /** Whether the caller may see or change a record of `residentId` held at a place under `regionPath`. */
  async mayReach(auth: AuthContext, residentId: string, regionPath: string): Promise<boolean> {
    if (auth.role === 'resident') return !!auth.residentId && this.residents.canActFor(auth.residentId, residentId);
    return regionInScope(auth, regionPath);
  }
}
