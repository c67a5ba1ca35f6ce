import Taro from '@tarojs/taro';

/** A place to show on a map. Coordinates are GCJ-02, as the API stores them and as Chinese maps take them. */
export interface MapPlace {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

/**
 * Amap's web map with a marker on the place (its URI API: `position` is longitude first, `coordinate=gaode` says
 * GCJ-02). It works in any phone browser without a key, and offers a route from there.
 */
export function webMapUrl(place: MapPlace): string {
  const query = [`position=${place.longitude},${place.latitude}`, `name=${encodeURIComponent(place.name)}`, 'src=linli', 'coordinate=gaode', 'callnative=0'];
  return `https://uri.amap.com/marker?${query.join('&')}`;
}

/**
 * Shows a place on a map, the one way every page does it: WeChat's own map in the mini program; in a browser, which
 * has none (Taro's H5 openLocation only logs a warning), the web map in a new tab, or in this one if pop-ups are
 * blocked. Rejects when WeChat could not open its map, so the caller can say what to do instead.
 */
export async function showOnMap(place: MapPlace): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = webMapUrl(place);
    const opened = window.open(url, '_blank');
    if (opened) opened.opener = null;
    else window.location.assign(url);
    return;
  }
  await Taro.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 16 });
}
