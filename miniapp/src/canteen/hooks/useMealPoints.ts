import type { MealPointView } from '@linli/shared';

import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchManagedMealPoints } from '../../services/canteen';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** The meal points the signed-in canteen operator (or staff of their region) runs. */
export function useMealPoints(): RemoteDataHandle<MealPointView[]> {
  return useRemoteData(fetchManagedMealPoints);
}
