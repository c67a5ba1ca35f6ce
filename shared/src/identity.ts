import type { AccountPreferences } from './preferences';

/** Who a caller is. A staff or admin account's scope is its region node and everything under it. */
export const ROLES = ['resident', 'worker', 'provider_admin', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  worker: '服务人员',
  provider_admin: '服务机构管理员',
  staff: '社区工作人员',
  admin: '管理员',
};

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The privacy terms a resident must accept before any personal data is stored. Bump when the text changes. */
export const CURRENT_PRIVACY_POLICY_VERSION = '2026-11-01';

export const HOUSEHOLD_RELATIONS = ['父亲', '母亲', '配偶', '子女', '祖父母', '外祖父母', '兄弟姐妹', '其他亲属'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires; refresh before then. */
  accessTokenExpiresIn: number;
}

/** What the signed-in client knows about itself. */
export interface SessionAccount {
  id: string;
  role: Role;
  displayName: string;
  /** Staff/admin scope, provider's region, or the resident's community. */
  regionId: string | null;
  regionName: string | null;
  providerId: string | null;
  /** The person record of a resident or of a household member acting through this account. */
  residentId: string | null;
  /** A resident must accept CURRENT_PRIVACY_POLICY_VERSION before personal data is stored. */
  consentRequired: boolean;
  phoneBound: boolean;
}

/**
 * Wrong passwords tried on an account since its previous successful password sign-in. Failed sign-ins answer
 * exactly like unknown usernames (so nobody learns which accounts exist); the owner learns of them here instead.
 */
export interface FailedSignIns {
  count: number;
  /** When the most recent one was tried (ISO 8601). */
  lastAt: string;
  /** They locked the account at least once. */
  locked: boolean;
}

export interface LoginResponse {
  tokens: SessionTokens;
  account: SessionAccount;
  /** Password sign-ins only, and only when there were failed attempts since the previous one. */
  failedSignIns?: FailedSignIns;
}

/** A person as any response shows them: sensitive fields masked, never in clear. */
export interface ResidentProfile {
  id: string;
  name: string;
  phoneMasked: string | null;
  /** Whose phone it is: the resident's own, or a relative's for an elder without one. */
  phoneOwner: 'self' | 'relative' | null;
  idNumberMasked: string | null;
  birthDate: string | null;
  address: string | null;
  communityId: string | null;
  communityName: string | null;
  /** True once the person has their own WeChat account. */
  hasOwnAccount: boolean;
  /** Messages about the person also go by SMS to the phone above: switched on by staff, with consent, for an elder without WeChat. */
  smsNotifications: boolean;
}

export interface HouseholdMember extends ResidentProfile {
  relation: HouseholdRelation;
}

/** Seeded accounts offered by the H5 demo login (only when no real WeChat AppID is configured). */
export interface DemoAccount {
  id: string;
  role: Role;
  displayName: string;
  description: string;
}

export interface InvitationCode {
  code: string;
  expiresAt: string;
}

/** Everything Linli holds about a resident (GET /me/export); sensitive values stay masked. */
export interface ResidentDataExport {
  exportedAt: string;
  account: SessionAccount;
  profile: ResidentProfile | null;
  household: HouseholdMember[];
  consents: Array<{ version: string; acceptedAt: string }>;
  activity: Array<{ at: string; action: string; targetType: string; targetId: string | null }>;
  /** The account's own settings (长辈模式), null values where nothing was chosen. */
  preferences: AccountPreferences;
}
