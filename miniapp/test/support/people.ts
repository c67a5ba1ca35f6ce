import type { ResidentProfile, SessionAccount } from '@linli/shared';

import { communitiesFixture } from './fixtures';

/**
 * The resident every test signs in as (王秀英 of 阳光社区) and her profile. Plain data, no Taro imports, so the
 * weapp tests that run the built package can use it too.
 */
export function residentAccount(overrides: Partial<SessionAccount> = {}): SessionAccount {
  return {
    id: 'account-wang',
    role: 'resident',
    displayName: '王秀英',
    regionId: null,
    regionName: null,
    providerId: null,
    residentId: 'resident-wang',
    consentRequired: false,
    phoneBound: false,
    ...overrides,
  };
}

export function profileOf(overrides: Partial<ResidentProfile> = {}): ResidentProfile {
  return {
    id: 'resident-wang',
    name: '王秀英',
    phoneMasked: '138****8000',
    phoneOwner: 'self',
    idNumberMasked: '1101**********1234',
    birthDate: '1948-03-12',
    address: '东湖路 88 号',
    communityId: communitiesFixture[0].id,
    communityName: communitiesFixture[0].name,
    hasOwnAccount: true,
    smsNotifications: false,
    ...overrides,
  };
}
