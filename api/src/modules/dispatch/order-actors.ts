import { Injectable } from '@nestjs/common';
import type { OrderActor } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { AccountsRepository } from '../accounts';
import type { OrderActorRef } from './order-lifecycle';

const ACTOR_BY_ROLE: Record<AuthContext['role'], OrderActor> = { resident: 'resident', worker: 'worker', staff: 'staff', admin: 'staff', provider_admin: 'staff' };

/** The timeline names people by their account's display name; staff actions are audited as well. */
@Injectable()
export class OrderActors {
  constructor(private readonly accounts: AccountsRepository) {}

  async of(auth: AuthContext): Promise<OrderActorRef> {
    const actor = ACTOR_BY_ROLE[auth.role];
    const account = await this.accounts.findAccount(auth.accountId);
    return { actor, accountId: auth.accountId, name: account?.displayName ?? '', auth: actor === 'staff' ? auth : null };
  }
}
