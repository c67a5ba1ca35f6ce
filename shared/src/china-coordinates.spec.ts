import { isOutsideChina, wgs84ToGcj02 } from './china-coordinates';
import { distanceMeters } from './regions';

describe('wgs84ToGcj02', () => {
  // The reference points every implementation of the transform is tested against (eviltransform's fixtures:
  // WGS-84 in, GCJ-02 out), to a billionth of a degree: the same series gives the same digits.
  it.each([
    ['Shanghai', { latitude: 31.1774276, longitude: 121.5272106 }, { latitude: 31.17530398364597, longitude: 121.531541859215 }],
    ['Shenzhen', { latitude: 22.543847, longitude: 113.912316 }, { latitude: 22.540796131694766, longitude: 113.9171764808363 }],
    ['Beijing', { latitude: 39.911954, longitude: 116.377817 }, { latitude: 39.91334545536069, longitude: 116.38404722455657 }],
  ])('%s', (_city, wgs84, gcj02) => {
    const converted = wgs84ToGcj02(wgs84);
    expect(converted.latitude).toBeCloseTo(gcj02.latitude, 9);
    expect(converted.longitude).toBeCloseTo(gcj02.longitude, 9);
  });

  it('shifts a point in Hefei by the few hundred metres a browser position would be off by', () => {
    const wgs84 = { latitude: 31.84641, longitude: 117.25672 };
    const meters = distanceMeters(wgs84, wgs84ToGcj02(wgs84));
    expect(meters).toBeGreaterThan(300);
    expect(meters).toBeLessThan(700);
  });

  it.each([
    ['Denver', { latitude: 39.7392, longitude: -104.9903 }],
    ['Brisbane (south of the equator)', { latitude: -27.4698, longitude: 153.0251 }],
    ['Rio de Janeiro', { latitude: -22.9068, longitude: -43.1729 }],
    ['Tokyo (east of the rectangle)', { latitude: 35.681236, longitude: 139.767125 }],
    ['Moscow (north of the rectangle)', { latitude: 55.7558, longitude: 37.6173 }],
    ['west of the rectangle', { latitude: 39.5, longitude: 72.0 }],
  ])('leaves %s as it is', (_place, point) => {
    expect(isOutsideChina(point)).toBe(true);
    expect(wgs84ToGcj02(point)).toEqual(point);
  });

  it.each([
    ['Hefei', { latitude: 31.82, longitude: 117.22 }],
    ['Kashgar, near the western edge', { latitude: 39.47, longitude: 75.99 }],
    ['Mohe, near the northern edge', { latitude: 52.97, longitude: 122.54 }],
  ])('shifts %s', (_place, point) => {
    expect(isOutsideChina(point)).toBe(false);
    expect(wgs84ToGcj02(point)).not.toEqual(point);
  });
});
