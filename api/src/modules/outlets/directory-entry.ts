import {
  MEAL_FULFILMENT_LABELS,
  shanghaiDateOf,
  type IsoWeekday,
  type OutletElderFeature,
  type OutletHours,
  type OutletKind,
  type OutletSource,
  type OutletView,
} from '@linli/shared';
import type { MealPoint, MealWindowRow } from '../meals';
import type { MealPointWithWindows } from './outlets.repository';
import type { Outlet } from './outlet.entity';

/**
 * One entry of the directory residents search, whichever table it comes from: an outlet staff entered, or a
 * canteen's meal point shown as a 社区食堂 (decision 0017). Searches, pages and reports work on entries.
 */
export interface DirectoryEntry {
  id: string;
  source: OutletSource;
  name: string;
  kind: OutletKind;
  regionId: string;
  regionName: string;
  regionPath: string;
  address: string;
  latitudeE6: number;
  longitudeE6: number;
  phone: string;
  hours: OutletHours;
  services: string[];
  photoUrls: string[];
  elderFeatures: OutletElderFeature[];
  verifiedOn: string | null;
}

/** What a search needs of an entry: enough to rank it, filter it and show it in a list (no region). */
export type SearchCandidate = Pick<DirectoryEntry, 'id' | 'source' | 'name' | 'kind' | 'address' | 'latitudeE6' | 'longitudeE6' | 'phone' | 'hours' | 'services' | 'elderFeatures'>;

const EVERY_DAY: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** `outlet` must have its region loaded. */
export function entryOfOutlet(outlet: Outlet): DirectoryEntry {
  return {
    id: outlet.id,
    source: 'directory',
    name: outlet.name,
    kind: outlet.kind,
    regionId: outlet.regionId,
    regionName: outlet.region.name,
    regionPath: outlet.region.path,
    address: outlet.address,
    latitudeE6: outlet.latitudeE6,
    longitudeE6: outlet.longitudeE6,
    phone: outlet.phone,
    hours: outlet.hours,
    services: outlet.services,
    photoUrls: outlet.photoUrls,
    elderFeatures: outlet.elderFeatures,
    verifiedOn: outlet.verifiedOn,
  };
}

/** What a 社区食堂 entry takes from its meal point: the point's own columns. */
export type MealPointFields = Pick<MealPoint, 'id' | 'name' | 'address' | 'phone' | 'latitudeE6' | 'longitudeE6' | 'fulfilments'>;

/**
 * A meal point as a 社区食堂: open while it serves meals (its meal windows, every day), its ways of serving as
 * services, 送货上门 when it delivers. The canteen keeps these in meals; nothing is entered twice.
 */
export function candidateOfMealPoint(point: MealPointFields, windows: Array<Pick<MealWindowRow, 'servesFrom' | 'servesUntil'>>): SearchCandidate {
  const ranges = [...windows].sort((a, b) => a.servesFrom.localeCompare(b.servesFrom)).map((window) => ({ start: window.servesFrom, end: window.servesUntil }));
  return {
    id: point.id,
    source: 'meal_point',
    name: point.name,
    kind: 'canteen',
    address: point.address,
    latitudeE6: point.latitudeE6,
    longitudeE6: point.longitudeE6,
    phone: point.phone,
    hours: { weekly: EVERY_DAY.map((weekday) => ({ weekday, ranges })), dated: [] },
    services: point.fulfilments.map((fulfilment) => MEAL_FULFILMENT_LABELS[fulfilment]),
    elderFeatures: point.fulfilments.includes('delivery') ? ['home_delivery'] : [],
  };
}

/** A meal point as a whole directory entry (candidateOfMealPoint, with its region and when it last changed). */
export function entryOfMealPoint({ point, windows }: MealPointWithWindows): DirectoryEntry {
  return {
    ...candidateOfMealPoint(point, windows),
    regionId: point.regionId,
    regionName: point.region.name,
    regionPath: point.region.path,
    photoUrls: [],
    verifiedOn: shanghaiDateOf(point.updatedAt),
  };
}

/** `photoSrc` turns a stored photo entry into what a view shows (an uploaded one's signed path: OutletPhotos.srcOf). */
export function toOutletView(entry: DirectoryEntry, photoSrc: (stored: string) => string): OutletView {
  return {
    id: entry.id,
    source: entry.source,
    name: entry.name,
    kind: entry.kind,
    regionId: entry.regionId,
    regionName: entry.regionName,
    address: entry.address,
    latitude: entry.latitudeE6 / 1_000_000,
    longitude: entry.longitudeE6 / 1_000_000,
    phone: entry.phone,
    hours: entry.hours,
    services: entry.services,
    photoUrls: entry.photoUrls.map(photoSrc),
    elderFeatures: entry.elderFeatures,
    verifiedOn: entry.verifiedOn,
  };
}
