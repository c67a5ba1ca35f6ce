import { creditCodeCheckCharacter, isValidCreditCode, nextProviderStatuses, providerDecision, PROVIDER_STATUSES, type ProviderStatus } from './providers';

describe('provider status', () => {
  it('knows every decision staff can take, and nothing else', () => {
    const allowed: [ProviderStatus, ProviderStatus, string][] = [];
    for (const from of PROVIDER_STATUSES) {
      for (const to of PROVIDER_STATUSES) {
        const decision = providerDecision(from, to);
        if (decision) allowed.push([from, to, decision]);
      }
    }
    expect(allowed).toEqual([
      ['pending', 'active', 'approve'],
      ['pending', 'rejected', 'reject'],
      ['active', 'suspended', 'suspend'],
      ['suspended', 'active', 'reinstate'],
    ]);
  });

  it('lists the next statuses for the staff page; a rejected application is final', () => {
    expect(nextProviderStatuses('pending')).toEqual(['active', 'rejected']);
    expect(nextProviderStatuses('active')).toEqual(['suspended']);
    expect(nextProviderStatuses('suspended')).toEqual(['active']);
    expect(nextProviderStatuses('rejected')).toEqual([]);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes with the right check character, in either case and with spaces around', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('refuses a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I is not in the alphabet
    expect(isValidCreditCode('')).toBe(false);
  });

  it('maps a weighted sum divisible by 31 to the check character 0', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });
});
