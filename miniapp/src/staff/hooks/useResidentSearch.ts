import type { ResidentProfile } from '@linli/shared';

import { searchResidents } from '../../services/bookings';
import { useKeywordSearch } from '../../hooks/useKeywordSearch';

import type { KeywordSearchHandle } from '../../hooks/useKeywordSearch';

/** Nothing is asked before a name is typed: staff look people up, they do not browse them. */
function findByName(name: string): Promise<ResidentProfile[]> {
  return name === '' ? Promise.resolve([]) : searchResidents(name);
}

export function useResidentSearch(): KeywordSearchHandle<ResidentProfile> {
  return useKeywordSearch(findByName);
}
