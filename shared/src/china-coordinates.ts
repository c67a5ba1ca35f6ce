/**
 * WGS-84 (what GPS and a browser's geolocation give) to GCJ-02 (what maps in China, WeChat's `<map>`,
 * `openLocation` and every stored position in Linli use). Mainland Chinese maps are drawn in GCJ-02, an offset of a
 * few hundred metres from WGS-84; a WGS-84 point searched as if it were GCJ-02 puts the searcher that far off.
 *
 * This is the standard published form of the transform (the same constants and series as eviltransform and the map
 * vendors' SDKs: the Krasovsky 1940 ellipsoid, and a rough rectangle around China outside which nothing is shifted).
 * WeChat and Taro's weapp `getLocation({ type: 'gcj02' })` do this on the phone; Taro's H5 one only gives WGS-84.
 */
import type { GeoPoint } from './regions';

/** Semi-major axis and first eccentricity squared of the Krasovsky 1940 ellipsoid the transform is defined on. */
const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.006693421622965943;

/**
 * Outside this rectangle GCJ-02 equals WGS-84. It is the rectangle every implementation uses, so it also takes in
 * some neighbouring countries; maps of those do not use GCJ-02 anyway, and Linli serves a Chinese city.
 */
export function isOutsideChina(point: GeoPoint): boolean {
  return point.longitude < 72.004 || point.longitude > 137.8347 || point.latitude < 0.8293 || point.latitude > 55.8271;
}

function latitudeOffset(x: number, y: number): number {
  let offset = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  offset += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  offset += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  offset += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return offset;
}

function longitudeOffset(x: number, y: number): number {
  let offset = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  offset += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  offset += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  offset += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return offset;
}

/** The GCJ-02 point of a WGS-84 one; the point itself outside China. */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  if (isOutsideChina(point)) return { latitude: point.latitude, longitude: point.longitude };
  // The offsets are series in the distance from (105° E, 35° N), scaled from metres to degrees on the ellipsoid.
  const x = point.longitude - 105.0;
  const y = point.latitude - 35.0;
  const latitudeRadians = (point.latitude / 180.0) * Math.PI;
  const sine = Math.sin(latitudeRadians);
  const magic = 1 - KRASOVSKY_EE * sine * sine;
  const sqrtMagic = Math.sqrt(magic);
  const dLatitude = (latitudeOffset(x, y) * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLongitude = (longitudeOffset(x, y) * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(latitudeRadians) * Math.PI);
  return { latitude: point.latitude + dLatitude, longitude: point.longitude + dLongitude };
}
