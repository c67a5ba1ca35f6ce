import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { distanceMeters } from '@linli/shared';

import type { ServiceDetail } from '@linli/shared';

import { useSession } from './useSession';

type OfferingCentre = ServiceDetail['centres'][number];

export interface OrderedCentre {
  centre: OfferingCentre;
  /** In the signed-in resident's own community. */
  mine: boolean;
  /** Metres from where the user stands, once they let us know it. */
  meters: number | null;
}

/** idle → locating → located, or refused when the user says no or the phone has no fix (no pop-up either way). */
export type LocationState = 'idle' | 'locating' | 'located' | 'refused';

/** "约 800 米", "约 1.2 公里". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `约 ${Math.round(meters / 10) * 10} 米` : `约 ${(meters / 1000).toFixed(1)} 公里`;
}

/**
 * The centres of a service in the order a resident wants them: their own community first; nearest first once they
 * tap 按距离排序 and allow their location (GCJ-02, as the centres' coordinates are). Refusing keeps the list as it was.
 */
export function useCentreOrder(centres: OfferingCentre[]) {
  const { state } = useSession();
  const regionId = state.status === 'signed-in' ? state.account.regionId : null;
  const [location, setLocation] = useState<LocationState>('idle');
  const [here, setHere] = useState<{ latitude: number; longitude: number } | null>(null);

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

  const ordered = useMemo<OrderedCentre[]>(() => {
    const items = centres.map((centre) => ({
      centre,
      mine: regionId !== null && centre.regionId === regionId,
      meters: here ? distanceMeters(here, centre) : null,
    }));
    const rank = (item: OrderedCentre) => item.meters ?? (item.mine ? 0 : 1);
    return here ? items.sort((a, b) => rank(a) - rank(b)) : items.sort((a, b) => Number(b.mine) - Number(a.mine));
  }, [centres, regionId, here]);

  return { ordered, location, sortByDistance };
}
