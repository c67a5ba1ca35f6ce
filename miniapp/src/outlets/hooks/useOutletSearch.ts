import { useCallback, useEffect, useState } from 'react';

import type { GeoPoint, OutletKind, OutletSearchItem } from '@linli/shared';

import { currentPositionWithin } from '../../device/location';
import { useRemoteData } from '../../hooks/useRemoteData';
import { searchOutlets } from '../../services/outlets';

import type { RemoteData } from '../../hooks/useRemoteData';

const LOCATION_WAIT_MS = 4000;
export const OUTLET_PAGE = 10;

/** Where the list is measured from: still asking the phone, the phone's position, or (refused) a community chosen. */
export type OutletOrigin = { kind: 'locating' } | { kind: 'here'; position: GeoPoint } | { kind: 'community'; communityId: string | null };

export interface OutletListData {
  items: OutletSearchItem[];
  more: boolean;
  page: number;
}

export interface OutletSearchHandle {
  origin: OutletOrigin;
  chooseCommunity: (communityId: string) => void;
  kinds: OutletKind[];
  toggleKind: (kind: OutletKind) => void;
  openNow: boolean;
  setOpenNow: (openNow: boolean) => void;
  state: RemoteData<OutletListData> | null;
  retry: () => void;
  /** The next page, added under the ones shown; false while one is on its way or none is left. */
  loadMore: () => void;
  loadingMore: boolean;
}

/**
 * The 便民 list: nearest first from the phone's position (GCJ-02), or from a community the person picks when the phone
 * gives none; big kind chips (any of those ticked) and 只看营业中. The API sorts and pages; this asks and appends.
 */
export function useOutletSearch(): OutletSearchHandle {
  const [origin, setOrigin] = useState<OutletOrigin>({ kind: 'locating' });
  const [kinds, setKinds] = useState<OutletKind[]>([]);
  const [openNow, setOpenNow] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let current = true;
    void currentPositionWithin(LOCATION_WAIT_MS).then((position) => {
      if (current) setOrigin(position ? { kind: 'here', position } : { kind: 'community', communityId: null });
    });
    return () => {
      current = false;
    };
  }, []);

  const latitude = origin.kind === 'here' ? origin.position.latitude : undefined;
  const longitude = origin.kind === 'here' ? origin.position.longitude : undefined;
  const communityId = origin.kind === 'community' ? (origin.communityId ?? undefined) : undefined;
  const ready = latitude !== undefined || communityId !== undefined;
  const fetchPage = useCallback(
    async (page: number): Promise<OutletListData> => {
      if (latitude === undefined && communityId === undefined) return { items: [], more: false, page };
      const answer = await searchOutlets({ latitude, longitude, communityId, kinds, openNow, page, pageSize: OUTLET_PAGE });
      return { ...answer, page };
    },
    [latitude, longitude, communityId, kinds, openNow],
  );
  const loadFirst = useCallback(() => fetchPage(1), [fetchPage]);
  const list = useRemoteData(loadFirst);

  const loadMore = () => {
    if (list.state.status !== 'ready' || !list.state.data.more || loadingMore) return;
    setLoadingMore(true);
    fetchPage(list.state.data.page + 1).then(
      (next) => {
        list.update((shown) => ({ items: [...shown.items, ...next.items], more: next.more, page: next.page }));
        setLoadingMore(false);
      },
      () => setLoadingMore(false),
    );
  };

  return {
    origin,
    chooseCommunity: (communityId) => setOrigin({ kind: 'community', communityId }),
    kinds,
    toggleKind: (kind) => setKinds((current) => (current.includes(kind) ? current.filter((item) => item !== kind) : [...current, kind])),
    openNow,
    setOpenNow,
    state: ready ? list.state : null,
    retry: list.retry,
    loadMore,
    loadingMore,
  };
}
