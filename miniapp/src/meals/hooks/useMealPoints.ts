import { useCallback, useState } from 'react';

import type { MealPointListItem } from '@linli/shared';

import { currentPosition } from '../../device/location';
import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchMealPoints } from '../../services/meals';

import type { RemoteData } from '../../hooks/useRemoteData';
import type { MealPerson } from './useMealPeople';

/** A phone that never answers the location question must not keep the list from showing. */
const LOCATION_WAIT_MS = 4000;

function positionWithin(ms: number) {
  return Promise.race([currentPosition(), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

export interface MealPointsHandle {
  state: RemoteData<MealPointListItem[]>;
  retry: () => void;
  /** The point chosen, else the first of the list (nearest, or the person's community's). */
  point: MealPointListItem | null;
  choose: (mealPointId: string) => void;
}

/**
 * The meal points for a person: nearest first when the phone gives its position (GCJ-02), else the ones serving the
 * person's community first — the API orders them (orderCentresFor), this only asks.
 */
export function useMealPoints(person: MealPerson): MealPointsHandle {
  const communityId = person.communityId ?? undefined;
  const load = useCallback(async () => {
    const here = await positionWithin(LOCATION_WAIT_MS);
    return fetchMealPoints({ communityId, ...(here ? { latitude: here.latitude, longitude: here.longitude } : {}) });
  }, [communityId]);
  const points = useRemoteData(load);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const found = points.state.status === 'ready' ? points.state.data : [];
  const point = found.find((candidate) => candidate.id === chosenId) ?? found[0] ?? null;
  return { state: points.state, retry: points.retry, point, choose: setChosenId };
}
