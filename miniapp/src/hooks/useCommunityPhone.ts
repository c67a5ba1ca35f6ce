import type { CentreSummary } from '@linli/shared';

import { fetchCentres } from '../services/regions';
import { useRemoteData } from './useRemoteData';

/** Whose centre to call: the one a booking or order is at, else the one of the person's own community. */
export interface CommunityPhoneFor {
  centreId?: string | null;
  /** The community (region id) of the person acted for, or of the resident signed in. */
  communityId?: string | null;
}

/** The centre chosen for a call, if it has a number; picked from the public centres list (GET /api/centres). */
export function centreToCall(centres: readonly CentreSummary[], { centreId, communityId }: CommunityPhoneFor): CentreSummary | null {
  const byId = centreId ? centres.find((centre) => centre.id === centreId) : undefined;
  const found = byId ?? (communityId ? centres.find((centre) => centre.regionId === communityId) : undefined);
  return found && found.phone.trim() ? found : null;
}

/** The community centre to call for `of`, once the centres list is in; null while loading, on failure or with no number. */
export function useCommunityPhone(of: CommunityPhoneFor): CentreSummary | null {
  const centres = useRemoteData(fetchCentres);
  return centres.state.status === 'ready' ? centreToCall(centres.state.data, of) : null;
}
