import type { WechatPayRequest } from './payments';
import type { HardshipCategory } from './meal-profile';
import type { MealSubsidyRule } from './meal-subsidy-rules';

/**
 * What the meal-subsidy routes take and answer: elder meal profiles (hardships, registered district), the districts'
 * subsidy rules as versioned data, and the prepaid meal balance with its ledger. Money is integer fen.
 */

/** An elder's meal profile as staff, the elder and their household see it (HardshipRecord plus who verified it). */
export interface HardshipRecordView {
  id: string;
  category: HardshipCategory;
  validFrom: string;
  validTo: string | null;
  /** The staff note (e.g. the 低保证 number), decrypted for those allowed to see the profile. */
  note: string | null;
  verifiedByAccountId: string;
  verifiedAt: string;
  /** When staff ended the record (set validTo); null while never ended. */
  endedAt: string | null;
}

export interface ElderMealProfileView {
  residentId: string;
  /** From the verified ID number; null without one (no age tier applies). */
  birthDate: string | null;
  registeredDistrictId: string | null;
  registeredDistrictName: string | null;
  /** The district above the elder's community. */
  residenceDistrictId: string | null;
  residenceDistrictName: string | null;
  /** Every record, the newest first, ended ones included. */
  hardships: HardshipRecordView[];
}

/**
 * A district of the caller's city, for choosing: an elder's registered district (any of them), or whose subsidy rules
 * to read (`rulesReadable`: staff and admins in, above or below it) and write (`rulesEditable`: admins over it).
 */
export interface MealDistrictView {
  id: string;
  name: string;
  rulesReadable: boolean;
  rulesEditable: boolean;
}

export interface UpdateMealProfileRequest {
  /** A region of level district, or null when the registration is unknown. */
  registeredDistrictId: string | null;
}

export interface AddHardshipRequest {
  category: HardshipCategory;
  validFrom: string;
  validTo?: string | null;
  note?: string | null;
}

export interface EndHardshipRequest {
  /** Last day the hardship counts; not before validFrom, and not later than an earlier end. */
  validTo: string;
}

/**
 * A rule as an admin writes it; the API assigns id, scheme, version and district. A new scheme's meals count against
 * its own caps unless `shareCapsWithSchemeId` names a scheme of the same district to share them with (one subsidised
 * lunch a day whatever the tier); a new version always keeps its scheme's cap group.
 */
export type MealSubsidyRuleInput = Omit<MealSubsidyRule, 'id' | 'schemeId' | 'version' | 'districtId' | 'capGroupId'>;

export interface CreateMealSubsidySchemeRequest extends MealSubsidyRuleInput {
  shareCapsWithSchemeId?: string | null;
}

export type PublishMealSubsidyVersionRequest = MealSubsidyRuleInput;

export interface MealSubsidyRuleView extends MealSubsidyRule {
  createdAt: string;
  /** Set when an admin withdrew the version before it came into force; a withdrawn version prices nothing. */
  withdrawnAt: string | null;
}

/** 现金 / 转账: how a top-up recorded by staff was paid. */
export const MEAL_TOP_UP_METHODS = ['cash', 'transfer'] as const;
export type MealTopUpMethod = (typeof MEAL_TOP_UP_METHODS)[number];

export const MEAL_TOP_UP_METHOD_LABELS: Record<MealTopUpMethod, string> = {
  cash: '现金',
  transfer: '转账',
};

/** How money came into a balance: at the desk (MEAL_TOP_UP_METHODS, recorded by staff) or 微信支付 online by the family. */
export const MEAL_BALANCE_ENTRY_METHODS = [...MEAL_TOP_UP_METHODS, 'wechat_pay'] as const;
export type MealBalanceEntryMethod = (typeof MEAL_BALANCE_ENTRY_METHODS)[number];

export const MEAL_BALANCE_ENTRY_METHOD_LABELS: Record<MealBalanceEntryMethod, string> = {
  ...MEAL_TOP_UP_METHOD_LABELS,
  wechat_pay: '微信支付',
};

export const MEAL_BALANCE_ENTRY_KINDS = ['top_up', 'meal_payment', 'refund'] as const;
export type MealBalanceEntryKind = (typeof MEAL_BALANCE_ENTRY_KINDS)[number];

export const MEAL_BALANCE_ENTRY_KIND_LABELS: Record<MealBalanceEntryKind, string> = {
  top_up: '充值',
  meal_payment: '餐费',
  refund: '退款',
};

export interface MealBalanceEntryView {
  id: string;
  /** 1, 2, 3 … per elder in the order the movements happened. */
  sequence: number;
  kind: MealBalanceEntryKind;
  /** Positive for top-ups and refunds, negative for meal payments. */
  amountFen: number;
  balanceAfterFen: number;
  mealOrderId: string | null;
  method: MealBalanceEntryMethod | null;
  note: string | null;
  createdAt: string;
}

/** One page of an elder's ledger, newest first, with the balance (the ledger's sum). */
export interface MealBalanceView {
  residentId: string;
  balanceFen: number;
  entries: MealBalanceEntryView[];
  page: number;
  pageSize: number;
  /** Ledger rows in all. */
  total: number;
}

export interface TopUpMealBalanceRequest {
  amountFen: number;
  method: MealTopUpMethod;
  note?: string | null;
}

/** The amounts the mini program offers for an online top-up, fen (50, 100, 200 元). */
export const MEAL_ONLINE_TOP_UP_CHOICES_FEN = [5_000, 10_000, 20_000] as const;
/** At most ¥1,000 online in one go. */
export const MAX_ONLINE_TOP_UP_FEN = 100_000;

export interface CreateMealBalanceTopUpRequest {
  amountFen: number;
}

export const MEAL_BALANCE_TOP_UP_STATUSES = ['awaiting_payment', 'credited'] as const;
/** `awaiting_payment` until WeChat Pay confirms the money; then `credited`: exactly one ledger row, with the top-up's id. */
export type MealBalanceTopUpStatus = (typeof MEAL_BALANCE_TOP_UP_STATUSES)[number];

/** A top-up of an elder's balance paid online with WeChat Pay by the elder or a household member. */
export interface MealBalanceTopUpView {
  id: string;
  residentId: string;
  amountFen: number;
  status: MealBalanceTopUpStatus;
  createdAt: string;
  creditedAt: string | null;
}

/** A top-up just created, with the signed wx.requestPayment parameters (absent when WeChat Pay did not answer: GET them again). */
export interface CreatedMealBalanceTopUpView extends MealBalanceTopUpView {
  wechatPay?: WechatPayRequest;
}
