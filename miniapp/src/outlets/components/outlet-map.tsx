import { Map } from '@tarojs/components';

import type { GeoPoint, OutletSearchItem } from '@linli/shared';

export interface OutletMapProps {
  center: GeoPoint;
  outlets: OutletSearchItem[];
  onOpen: (outletId: string) => void;
  /** The map could not be shown: the page falls back to the list alone. */
  onUnavailable: () => void;
}

/**
 * WeChat's map with a marker per outlet and its name as a callout; tapping a callout opens the outlet. Only the weapp
 * build renders it (the page checks TARO_ENV): Taro's H5 Map needs a map key and script, so H5 shows the list alone.
 */
export function OutletMap({ center, outlets, onOpen, onUnavailable }: OutletMapProps) {
  const markers = outlets.map((outlet, index) => ({
    id: index,
    latitude: outlet.latitude,
    longitude: outlet.longitude,
    width: 32,
    height: 40,
    iconPath: '',
    callout: {
      content: outlet.name,
      display: 'ALWAYS' as const,
      fontSize: 16,
      padding: 8,
      borderRadius: 8,
      borderWidth: 1,
      borderColor: '#0b6e4f',
      color: '#1a1a1a',
      bgColor: '#ffffff',
      textAlign: 'center' as const,
      anchorX: 0,
      anchorY: 0,
    },
  }));
  return (
    <Map
      className='outlets__map'
      latitude={center.latitude}
      longitude={center.longitude}
      scale={15}
      showLocation
      markers={markers}
      onError={onUnavailable}
      onCalloutTap={(event) => {
        const outlet = outlets[Number(event.detail.markerId)];
        if (outlet) onOpen(outlet.id);
      }}
    />
  );
}
