import type {
  AddHardshipRequest,
  CreateMealOrderInput,
  CreateMealSubsidySchemeRequest,
  ElderMealProfileView,
  MealBalanceEntryView,
  MealBalanceView,
  MealDistrictView,
  MealOrderView,
  MealSettlement,
  MealSubsidyRuleView,
  PublishMealSubsidyVersionRequest,
  TopUpMealBalanceRequest,
} from '@linli/shared';

import { request, requestList } from './request';

/** Staff and admins on elder meals: meal profiles and hardships, top-ups, ordering for an elder, districts' subsidy rules, settlement. */

const segment = (value: string) => encodeURIComponent(value);

export function fetchMealProfile(residentId: string): Promise<ElderMealProfileView> {
  return request<ElderMealProfileView>(`/meal-profiles/${segment(residentId)}`);
}

export function setRegisteredDistrict(residentId: string, registeredDistrictId: string | null): Promise<ElderMealProfileView> {
  return request<ElderMealProfileView>(`/staff/meal-profiles/${segment(residentId)}`, { method: 'PUT', body: { registeredDistrictId } });
}

export function addHardship(residentId: string, hardship: AddHardshipRequest): Promise<ElderMealProfileView> {
  return request<ElderMealProfileView>(`/staff/meal-profiles/${segment(residentId)}/hardships`, { method: 'POST', body: hardship });
}

export function endHardship(residentId: string, hardshipId: string, validTo: string): Promise<ElderMealProfileView> {
  return request<ElderMealProfileView>(`/staff/meal-profiles/${segment(residentId)}/hardships/${segment(hardshipId)}/end`, { method: 'POST', body: { validTo } });
}

export function fetchMealBalance(residentId: string): Promise<MealBalanceView> {
  return request<MealBalanceView>(`/meal-balances/${segment(residentId)}`);
}

/** `idempotencyKey`: one per top-up the desk records, so a retried tap records the money once. */
export function topUpMealBalance(residentId: string, topUp: TopUpMealBalanceRequest, idempotencyKey: string): Promise<MealBalanceEntryView> {
  return request<MealBalanceEntryView>(`/staff/meal-balances/${segment(residentId)}/top-ups`, { method: 'POST', body: topUp, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function orderMealForElder(order: CreateMealOrderInput, idempotencyKey: string): Promise<MealOrderView> {
  return request<MealOrderView>('/meal-orders', { method: 'POST', body: order, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function fetchSubsidyRules(districtId: string): Promise<MealSubsidyRuleView[]> {
  return requestList<MealSubsidyRuleView>(`/districts/${segment(districtId)}/meal-subsidy-rules`);
}

export function createSubsidyScheme(districtId: string, scheme: CreateMealSubsidySchemeRequest): Promise<MealSubsidyRuleView> {
  return request<MealSubsidyRuleView>(`/admin/districts/${segment(districtId)}/meal-subsidy-rules`, { method: 'POST', body: scheme });
}

export function publishSubsidyVersion(schemeId: string, version: PublishMealSubsidyVersionRequest): Promise<MealSubsidyRuleView> {
  return request<MealSubsidyRuleView>(`/admin/meal-subsidy-schemes/${segment(schemeId)}/versions`, { method: 'POST', body: version });
}

export function withdrawSubsidyVersion(ruleId: string): Promise<MealSubsidyRuleView> {
  return request<MealSubsidyRuleView>(`/admin/meal-subsidy-rules/${segment(ruleId)}/withdraw`, { method: 'POST' });
}

/** The districts of my city: any may be an elder's 户籍; each says whether I may read and write its subsidy rules. */
export function fetchMealDistricts(): Promise<MealDistrictView[]> {
  return requestList<MealDistrictView>('/staff/meal-districts');
}

/** A canteen's subsidised meals of a month (`YYYY-MM`), elders masked, with totals and totals per rule. */
export function fetchMealSettlement(providerId: string, month: string): Promise<MealSettlement> {
  return request<MealSettlement>('/staff/meal-settlements', { query: { providerId, month } });
}

/** The same settlement as CSV for the civil-affairs bureau (the export is audited). */
export function fetchMealSettlementCsv(providerId: string, month: string): Promise<string> {
  return request<string>('/staff/meal-settlements/export', { query: { providerId, month }, as: 'text' });
}
