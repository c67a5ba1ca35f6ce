import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountPreferences } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/time/clock';
import { AccountPreferencesRepository } from './account-preferences.repository';

/** Nothing chosen yet: the app keeps the device's own settings. */
const NOT_CHOSEN: AccountPreferences = { elderMode: null };

/**
 * The signed-in account's own settings. Every account reaches only its own row (the id comes from the session,
 * never from the request), so there is nothing to check beyond being signed in.
 */
@Injectable()
export class AccountPreferencesService {
  constructor(
    private readonly preferences: AccountPreferencesRepository,
    private readonly clock: Clock,
  ) {}

  async mine(auth: AuthContext): Promise<AccountPreferences> {
    return (await this.preferences.findOfAccount(auth.accountId)) ?? NOT_CHOSEN;
  }

  async save(auth: AuthContext, input: AccountPreferences): Promise<AccountPreferences> {
    const preferences: AccountPreferences = { elderMode: input.elderMode ?? null };
    await this.preferences.save(auth.accountId, preferences, this.clock.now());
    return preferences;
  }

  /**
   * The account's settings are forgotten when the account is erased (PIPL right to erasure). The account row itself
   * stays, disabled, for the history the law requires — so the foreign key's cascade never fires and the row must be
   * deleted here, in the erasure's transaction (`manager`).
   */
  forgetAccount(manager: EntityManager, accountId: string): Promise<void> {
    return this.preferences.deleteOfAccount(manager, accountId);
  }
}
