import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { orderCentresFor } from '@linli/shared';

import type { GeoPoint, OrderedCentre, ServiceDetail } from '@linli/shared';

import { useSession } from './useSession';

type OfferingCentre = ServiceDetail['centres'][number];

/** idle → locating → located, or refused when the user says no or the phone has no fix (no pop-up either way). */
export type LocationState = 'idle' | 'locating' | 'located' | 'refused';

/** "约 800 米", "约 1.2 公里". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `约 ${Math.round(meters / 10) * 10} 米` : `约 ${(meters / 1000).toFixed(1)} 公里`;
}

/**
 * The centres of a service in the order a resident wants them (orderCentresFor, the rule the booking and home-visit
 * forms use too): their own community first; nearest first once they tap 按距离排序 and allow their location
 * (GCJ-02, as the centres' coordinates are). Refusing keeps the list as it was.
 */
export function useCentreOrder(centres: OfferingCentre[]) {
  const { state } = useSession();
  const regionId = state.status === 'signed-in' ? state.account.regionId : null;
  const [location, setLocation] = useState<LocationState>('idle');
  const [here, setHere] = useState<GeoPoint | null>(null);

  const sortByDistance = () => {
    setLocation('locating');
    Taro.getLocation({ type: 'gcj02' }).then(
      ({ latitude, longitude }) => {
        setHere({ latitude, longitude });
        setLocation('located');
      },
      () => setLocation('refused'),
    );
  };

  const ordered = useMemo<OrderedCentre<OfferingCentre>[]>(() => orderCentresFor(centres, regionId, here), [centres, regionId, here]);

  return { ordered, location, sortByDistance };
}
