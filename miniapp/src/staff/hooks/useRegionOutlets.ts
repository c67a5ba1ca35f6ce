import { useCallback, useState } from 'react';

import { COVERAGE_RADIUS_METERS_DEFAULT } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchOutletCoverage, fetchRegionOutlets, removeOutlet } from '../../services/outlets';

/** The outlets of the staff member's region; 删除 (closed for good) takes one off after the API said so. */
export function useRegionOutlets() {
  const outlets = useRemoteData(fetchRegionOutlets);
  const actions = useActions();
  const remove = (outletId: string) => actions.run(outletId, () => removeOutlet(outletId), { done: () => outlets.update((items) => items.filter((item) => item.id !== outletId)) });
  return { ...outlets, actions, remove };
}

export const COVERAGE_RADII = [500, COVERAGE_RADIUS_METERS_DEFAULT, 1500] as const;

/** Which kinds each community of the region has within the walking radius, most missing first. */
export function useOutletCoverage() {
  const [radius, setRadius] = useState<number>(COVERAGE_RADIUS_METERS_DEFAULT);
  const load = useCallback(() => fetchOutletCoverage(radius), [radius]);
  return { ...useRemoteData(load), radius, setRadius };
}
