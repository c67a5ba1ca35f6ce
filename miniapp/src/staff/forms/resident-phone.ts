import { isMainlandMobile } from '@linli/shared';

/** Whose phone reaches an elder at the desk: hers, or a family member's (the API's `phoneOwner`). */
export const PHONE_OWNERS = { 老人本人: 'self', 家属: 'relative' } as const;
export type PhoneOwner = (typeof PHONE_OWNERS)[keyof typeof PHONE_OWNERS];
export type PhoneOwnerLabel = keyof typeof PHONE_OWNERS;
export const PHONE_OWNER_LABELS = Object.keys(PHONE_OWNERS) as PhoneOwnerLabel[];

export function phoneOwnerLabelOf(owner: PhoneOwner | null): PhoneOwnerLabel | null {
  return PHONE_OWNER_LABELS.find((label) => PHONE_OWNERS[label] === owner) ?? null;
}

/** The API's checks of a phone and its owner, run first so a mistake shows at once (registration and correction). */
export function phoneFieldErrors(values: { phone: string; phoneOwner: PhoneOwner | null }): { phone?: string; phoneOwner?: string } {
  const errors: { phone?: string; phoneOwner?: string } = {};
  if (!isMainlandMobile(values.phone.trim())) errors.phone = '手机号码不正确，应为 11 位数字';
  if (!values.phoneOwner) errors.phoneOwner = '请选择这是谁的手机号';
  return errors;
}
