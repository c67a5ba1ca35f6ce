import { useCallback } from 'react';

import type { MealPointView, MealSubsidyRuleView } from '@linli/shared';

import { useRemoteData } from '../../hooks/useRemoteData';
import { useSettlementMonth } from '../../hooks/useMealSettlement';
import { fetchManagedMealPoints } from '../../services/canteen';
import { fetchSubsidyRules } from '../../services/meal-admin';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { SettlementCanteen, SettlementMonth } from '../../hooks/useMealSettlement';
import type { SettlementRuleSource } from '../../components/meal-settlement';

export function useManagedMealPoints(): RemoteDataHandle<MealPointView[]> {
  return useRemoteData(fetchManagedMealPoints);
}

export interface SettlementSheet extends SettlementMonth {
  /** The rule versions of the canteen's districts, which staff may read: each rule id explained in full. */
  rules: SettlementRuleSource;
}

/** One canteen's month (useSettlementMonth) and the rules of its districts that explain it. */
export function useSettlementSheet(canteen: SettlementCanteen, month: string): SettlementSheet {
  const sheet = useSettlementMonth(canteen, month);
  const districtKey = canteen.districtIds.join(',');
  const loadRules = useCallback(() => Promise.all(districtKey.split(',').map((districtId) => fetchSubsidyRules(districtId))), [districtKey]);
  const rules = useRemoteData(loadRules);
  const byId = new Map<string, MealSubsidyRuleView>(rules.state.status === 'ready' ? rules.state.data.flat().map((rule) => [rule.id, rule]) : []);
  return { ...sheet, rules: { kind: 'rules', byId, status: rules.state.status, retry: rules.retry } };
}
