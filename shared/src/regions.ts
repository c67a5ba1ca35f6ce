/**
 * The four administrative levels of the city plan: city → district/county/park → street/township → community.
 * A parent's level always comes directly before its child's.
 */
export const REGION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市',
  district: '区/县/园区',
  street: '街道/乡镇',
  community: '社区',
};

/** The level a child of `level` must have, or null for a community (a leaf). */
export function childLevelOf(level: RegionLevel): RegionLevel | null {
  const index = REGION_LEVELS.indexOf(level);
  return REGION_LEVELS[index + 1] ?? null;
}

/**
 * Regions are addressed by a materialised path of ids (`/city/district/street/community/`), so "this node and
 * everything under it" is a prefix test. Staff scope (a later issue) relies on exactly this rule.
 */
export function regionPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isWithinRegion(candidatePath: string, scopePath: string): boolean {
  return candidatePath.startsWith(scopePath);
}

/** A community as residents see it when they pick theirs. */
export interface CommunitySummary {
  id: string;
  name: string;
  streetName: string;
  districtName: string;
  centreCount: number;
}

/** A citizen centre (市民中心); coordinates are GCJ-02, as WeChat's map and openLocation expect. */
export interface CentreSummary {
  id: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
  latitude: number;
  longitude: number;
  regionId: string;
  regionName: string;
  regionLevel: RegionLevel;
}

export interface ListResponse<T> {
  items: T[];
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_METERS = 6_371_000;

/**
 * Great-circle distance in metres. GCJ-02 offsets are locally uniform, so distances between two GCJ-02 points
 * are accurate to a few metres at city scale.
 */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h)));
}

/** A centre placed in a resident's list, with why it is where it is. */
export interface OrderedCentre<T> {
  centre: T;
  /** The centre belongs to the person's own community. */
  mine: boolean;
  /** Metres from the person, when their position is known. */
  meters: number | null;
}

/**
 * The centres of a service in the order a resident wants them: the one of the person's own community first (the
 * rest keep the order given), or nearest first once the person's position is known (GCJ-02, as centres are).
 * The one rule for every list of centres a resident chooses from.
 */
export function orderCentresFor<T extends GeoPoint & { regionId: string }>(centres: readonly T[], communityId: string | null, here: GeoPoint | null = null): OrderedCentre<T>[] {
  const items = centres.map((centre) => ({
    centre,
    mine: communityId !== null && centre.regionId === communityId,
    meters: here ? distanceMeters(here, centre) : null,
  }));
  // Array.prototype.sort is stable: ties keep the order given.
  return here ? items.sort((a, b) => a.meters! - b.meters!) : items.sort((a, b) => Number(b.mine) - Number(a.mine));
}

export interface RegionSummary {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

export interface NearbyCentre extends CentreSummary {
  distanceMeters: number;
}
