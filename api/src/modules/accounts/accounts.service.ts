import { Injectable } from '@nestjs/common';
import type { SessionAccount } from '@linli/shared';
import { NotFoundError } from '../../common/errors/domain-error';
import { AccountsRepository } from './accounts.repository';
import { consentRequired } from './accounts.errors';

/** What a signed-in account is and may do next, as the client needs it. */
@Injectable()
export class AccountsService {
  constructor(private readonly accounts: AccountsRepository) {}

  async describe(accountId: string): Promise<SessionAccount> {
    const account = await this.accounts.findAccountWithOwners(accountId);
    if (!account) throw new NotFoundError('账号');
    const { resident, provider } = account;
    const regionId = account.regionId ?? resident?.communityId ?? provider?.regionId ?? null;
    // The same region regionId names, as loaded with the account: its own, its resident's community, its provider's.
    const region = account.region ?? resident?.community ?? provider?.region ?? null;
    return {
      id: account.id,
      role: account.role,
      displayName: resident?.name ?? account.displayName,
      regionId,
      regionName: region?.name ?? null,
      providerId: account.providerId,
      residentId: account.residentId,
      consentRequired: account.role === 'resident' && !(await this.accounts.hasAcceptedCurrentPrivacyPolicy(account.id)),
      phoneBound: !!resident?.phoneCipher,
    };
  }

  /** Personal data may only be stored once the current privacy terms are accepted. */
  async requireConsent(accountId: string): Promise<void> {
    if (!(await this.accounts.hasAcceptedCurrentPrivacyPolicy(accountId))) {
      throw consentRequired();
    }
  }
}
