import { childLevelOf } from '@linli/shared';
import { DEMO_CENTRES, DEMO_REGIONS } from './demo-data';
import { stableId } from './stable-id';

describe('demo data', () => {
  it('lists every parent before its children, one level apart (the seed relies on this order)', () => {
    const seen = new Map<string, (typeof DEMO_REGIONS)[number]>();
    for (const region of DEMO_REGIONS) {
      if (region.parentCode === null) {
        expect(region.level).toBe('city');
      } else {
        const parent = seen.get(region.parentCode);
        expect(parent).toBeDefined();
        expect(childLevelOf(parent!.level)).toBe(region.level);
      }
      seen.set(region.code, region);
    }
  });

  it('covers what the plan needs: one city, two districts, streets, at least three communities', () => {
    const count = (level: string) => DEMO_REGIONS.filter((r) => r.level === level).length;
    expect(count('city')).toBe(1);
    expect(count('district')).toBe(2);
    expect(count('street')).toBeGreaterThanOrEqual(2);
    expect(count('community')).toBeGreaterThanOrEqual(3);
  });

  it('places every centre in a street or community, inside the city (GCJ-02 around Hefei)', () => {
    const levelByCode = new Map(DEMO_REGIONS.map((r) => [r.code, r.level]));
    for (const centre of DEMO_CENTRES) {
      expect(['street', 'community']).toContain(levelByCode.get(centre.regionCode));
      expect(centre.latitudeE6 / 1e6).toBeGreaterThan(31.7);
      expect(centre.latitudeE6 / 1e6).toBeLessThan(32);
      expect(centre.longitudeE6 / 1e6).toBeGreaterThan(117.1);
      expect(centre.longitudeE6 / 1e6).toBeLessThan(117.4);
    }
  });
});

describe('stableId', () => {
  it('is a deterministic version-5-shaped UUID per kind and code', () => {
    expect(stableId('region', '340100')).toBe(stableId('region', '340100'));
    expect(stableId('region', '340100')).not.toBe(stableId('centre', '340100'));
    expect(stableId('region', '340100')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
