import { Global, Module } from '@nestjs/common';
import { DEMO_LOGIN_ACCOUNTS, type DemoLoginAccount } from '../modules/auth';
import { DEMO_ACCOUNTS } from './demo-identities';
import { stableId } from './stable-id';

const demoLoginAccounts: DemoLoginAccount[] = DEMO_ACCOUNTS.map((seed) => ({
  id: stableId('account', seed.key),
  role: seed.role,
  displayName: seed.displayName,
  description: seed.description,
  ...(seed.openid ? { openid: seed.openid } : {}),
}));

/** Registers the seeded demo accounts with the demo login: the seed knows which accounts it created, auth does not. */
@Global()
@Module({ providers: [{ provide: DEMO_LOGIN_ACCOUNTS, useValue: demoLoginAccounts }], exports: [DEMO_LOGIN_ACCOUNTS] })
export class DemoLoginAccountsModule {}
