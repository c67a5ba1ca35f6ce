import type { CentreSummary } from '@linli/shared';

import { fetchStaffCentres } from '../../services/regions';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/**
 * The centres a staff member may work at (their area's, from the API): the one list 今日预约, 派单看板, 统计 and
 * 排班 offer, so no page shows a centre that would answer 404.
 */
export function useStaffCentres(): RemoteDataHandle<CentreSummary[]> {
  return useRemoteData(fetchStaffCentres);
}
