import type { DispatchMode } from './dispatch';

/**
 * Provider organisations: what kind they are, how they join (an application staff approve or reject) and how staff
 * suspend and reinstate them. Pure rules, shared by the mini program (which buttons to show) and the API (the
 * rule that counts).
 */
/** `canteen`: a community canteen (社区食堂) running meal points (助餐点); `meal`: delivers meals, cooks none. */
export const PROVIDER_KINDS = ['housekeeping', 'repair', 'care', 'meal', 'volunteer', 'canteen'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  housekeeping: '家政服务',
  repair: '维修服务',
  care: '养老照护',
  meal: '助餐配送',
  volunteer: '志愿服务队',
  canteen: '社区食堂/助餐点',
};

/** `pending`: applied, waiting for staff; `rejected` is final (apply again with a new application). */
export const PROVIDER_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export const PROVIDER_STATUS_LABELS: Record<ProviderStatus, string> = {
  pending: '待审核',
  active: '服务中',
  suspended: '已暂停',
  rejected: '未通过',
};

export type ProviderDecision = 'approve' | 'reject' | 'suspend' | 'reinstate';

const PROVIDER_TRANSITIONS: Record<ProviderStatus, Partial<Record<ProviderStatus, ProviderDecision>>> = {
  pending: { active: 'approve', rejected: 'reject' },
  active: { suspended: 'suspend' },
  suspended: { active: 'reinstate' },
  rejected: {},
};

/** The staff decision that moves a provider from one status to another, or null when no decision can. */
export function providerDecision(from: ProviderStatus, to: ProviderStatus): ProviderDecision | null {
  return PROVIDER_TRANSITIONS[from][to] ?? null;
}

/** The statuses staff may move a provider to from where it is (the buttons the staff page shows). */
export function nextProviderStatuses(from: ProviderStatus): ProviderStatus[] {
  return Object.keys(PROVIDER_TRANSITIONS[from]) as ProviderStatus[];
}

/** Turning an application down or suspending an organisation tells it why. */
export const PROVIDER_DECISIONS_NEEDING_REASON: readonly ProviderDecision[] = ['reject', 'suspend'];

// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from this alphabet (no I, O, Z, S, V),
// the last a check character: 31 - (weighted sum mod 31), where 31 means 0.
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function normaliseCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[index] ?? '');
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[index];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(raw: string): boolean {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) return false;
  const check = creditCodeCheckCharacter(code.slice(0, 17));
  return check !== null && check === code[17];
}

/** A provider organisation as staff, its own administrator and its applicant see it. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  regionId: string;
  regionName: string;
  status: ProviderStatus;
  dispatchMode: DispatchMode;
  ratingCount: number;
  averageRating: number | null;
  /** Null for organisations registered by staff before applications existed. */
  contactName: string | null;
  contactPhoneMasked: string | null;
  creditCode: string | null;
  /** Why the application was turned down or the organisation suspended (the latest decision). */
  decisionReason: string | null;
  createdAt: string;
}

/** What an organisation sends to join the platform (from the mini program, signed in with WeChat). */
export interface ProviderApplicationInput {
  name: string;
  kind: ProviderKind;
  /** The street or community it mainly serves: that region's staff review the application. */
  regionId: string;
  contactName: string;
  contactPhone: string;
  creditCode: string;
  /** The administrator account it will sign in with once approved. */
  adminUsername: string;
  adminPassword: string;
}
