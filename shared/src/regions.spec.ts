import { childLevelOf, distanceMeters, isWithinRegion, regionPath } from './regions';
import { isApiErrorBody } from './errors';

describe('region tree rules', () => {
  it('orders the four levels city → district → street → community', () => {
    expect(childLevelOf('city')).toBe('district');
    expect(childLevelOf('district')).toBe('street');
    expect(childLevelOf('street')).toBe('community');
    expect(childLevelOf('community')).toBeNull();
  });

  it('builds materialised paths whose prefixes are the ancestors', () => {
    const city = regionPath(null, 'c');
    const district = regionPath(city, 'd');
    const community = regionPath(regionPath(district, 's'), 'm');
    expect(community).toBe('/c/d/s/m/');
    expect(isWithinRegion(community, district)).toBe(true);
    expect(isWithinRegion(district, community)).toBe(false);
  });

  it('does not confuse siblings whose ids share a prefix', () => {
    expect(isWithinRegion(regionPath('/c/', 'd12'), regionPath('/c/', 'd1'))).toBe(false);
  });
});

describe('isApiErrorBody', () => {
  it('recognises the error body and nothing else', () => {
    expect(isApiErrorBody({ code: 'NOT_FOUND', message: '不存在' })).toBe(true);
    expect(isApiErrorBody({ code: 404 })).toBe(false);
    expect(isApiErrorBody('oops')).toBe(false);
    expect(isApiErrorBody(null)).toBe(false);
  });
});

describe('distanceMeters', () => {
  it('measures city-scale distances in metres', () => {
    // 安大社区市民中心 → 三里庵街道市民中心: about 1 km apart.
    const d = distanceMeters({ latitude: 31.84437, longitude: 117.26219 }, { latitude: 31.84912, longitude: 117.25386 });
    expect(d).toBeGreaterThan(900);
    expect(d).toBeLessThan(1000);
    expect(distanceMeters({ latitude: 31.8, longitude: 117.2 }, { latitude: 31.8, longitude: 117.2 })).toBe(0);
  });
});
