import { useState } from 'react';

import type { MealDistrictView } from '@linli/shared';

import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchMealDistricts } from '../../services/meal-admin';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** The districts of my city (户籍 choices; whose subsidy rules I read and write). */
export function useMealDistricts(): RemoteDataHandle<MealDistrictView[]> {
  return useRemoteData(fetchMealDistricts);
}

export interface RuleDistrictChoice {
  /** The districts whose rules I may read: one for a district's staff and admins, every one for a city admin. */
  readable: MealDistrictView[];
  /** The district whose rules are shown: the one chosen, else the first I may write, else the first I may read. */
  chosen: MealDistrictView | null;
  choose: (districtId: string) => void;
}

/** 助餐补贴规则 of which district: a city admin chooses; everyone else has the one they work in. */
export function useRuleDistrictChoice(districts: readonly MealDistrictView[]): RuleDistrictChoice {
  const [chosenId, choose] = useState<string | null>(null);
  const readable = districts.filter((district) => district.rulesReadable);
  const chosen = readable.find((district) => district.id === chosenId) ?? readable.find((district) => district.rulesEditable) ?? readable[0] ?? null;
  return { readable, chosen, choose };
}
