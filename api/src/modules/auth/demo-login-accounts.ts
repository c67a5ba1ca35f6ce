import type { Role } from '@linli/shared';

/** An account the H5 demo offers to sign in as. */
export interface DemoLoginAccount {
  id: string;
  role: Role;
  displayName: string;
  description: string;
  /** WeChat-identified accounts sign in through the (fake) WeChat login with this openid. */
  openid?: string;
}

/**
 * The accounts the demo login offers. Auth declares what it needs and whoever creates the demo accounts provides
 * the list (the seed, through DemoLoginAccountsModule), so auth never reads seed data itself.
 */
export const DEMO_LOGIN_ACCOUNTS = Symbol('DEMO_LOGIN_ACCOUNTS');
