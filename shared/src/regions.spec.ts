import { childLevelOf, distanceMeters, isWithinRegion, orderCentresFor, regionPath } from './regions';
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

describe('orderCentresFor', () => {
  // As the API lists them for a service: the street's centre (三里庵) before the communities' own.
  const sanlian = { centreId: 'c-sanlian', regionId: 'street-sanlian', latitude: 31.84912, longitude: 117.25386 };
  const anda = { centreId: 'c-anda', regionId: 'community-anda', latitude: 31.84437, longitude: 117.26219 };
  const jinzhai = { centreId: 'c-jinzhai', regionId: 'community-jinzhai', latitude: 31.84696, longitude: 117.26854 };
  const listed = [sanlian, anda, jinzhai];
  const ids = (ordered: ReturnType<typeof orderCentresFor<typeof sanlian>>) => ordered.map((item) => item.centre.centreId);

  it("puts the person's own community's centre first and keeps the others in the order given", () => {
    const ordered = orderCentresFor(listed, 'community-anda');
    expect(ids(ordered)).toEqual(['c-anda', 'c-sanlian', 'c-jinzhai']);
    expect(ordered.map((item) => item.mine)).toEqual([true, false, false]);
    expect(ordered.every((item) => item.meters === null)).toBe(true);
    expect(ids(orderCentresFor(listed, 'community-jinzhai'))).toEqual(['c-jinzhai', 'c-sanlian', 'c-anda']);
  });

  it('keeps the order given when the community is unknown or has no centre, and leaves the input alone', () => {
    expect(ids(orderCentresFor(listed, null))).toEqual(['c-sanlian', 'c-anda', 'c-jinzhai']);
    expect(ids(orderCentresFor(listed, 'community-elsewhere'))).toEqual(['c-sanlian', 'c-anda', 'c-jinzhai']);
    expect(listed.map((centre) => centre.centreId)).toEqual(['c-sanlian', 'c-anda', 'c-jinzhai']);
  });

  it('orders by distance once the position is known, still marking the own centre', () => {
    const nextToJinzhai = { latitude: 31.847, longitude: 117.2685 };
    const ordered = orderCentresFor(listed, 'community-anda', nextToJinzhai);
    expect(ids(ordered)).toEqual(['c-jinzhai', 'c-anda', 'c-sanlian']);
    expect(ordered[0].meters).toBeLessThan(50);
    expect(ordered.find((item) => item.mine)?.centre.centreId).toBe('c-anda');
  });
});
