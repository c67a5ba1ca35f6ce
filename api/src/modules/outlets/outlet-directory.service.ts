import { Injectable } from '@nestjs/common';
import { openingClockAt, OUTLET_SEARCH_MAX_METERS, OUTLET_SEARCH_MAX_RESULTS, type OutletSearchPage, type OutletView } from '@linli/shared';
import { NotFoundError } from '../../common/errors/domain-error';
import { entryOfMealPoint, entryOfOutlet, toOutletView, type DirectoryEntry } from './directory-entry';
import type { OutletSearchQuery } from './dto/outlets.dto';
import { OutletPhotos } from './outlet-photos';
import { OutletPlaces } from './outlet-places';
import { OutletSearch, toSearchItem } from './outlet-search';
import { searchNeedsOrigin } from './outlets.errors';
import { OutletsRepository } from './outlets.repository';

/** What residents read of the directory: nearest-first pages and one entry, whichever table it comes from. */
@Injectable()
export class OutletDirectoryService {
  constructor(
    private readonly outlets: OutletsRepository,
    private readonly search: OutletSearch,
    private readonly places: OutletPlaces,
    private readonly photos: OutletPhotos,
  ) {}

  async find(query: OutletSearchQuery, now = new Date()): Promise<OutletSearchPage> {
    const from = query.latitude !== undefined && query.longitude !== undefined ? { latitude: query.latitude, longitude: query.longitude } : null;
    if (!from && !query.communityId) throw searchNeedsOrigin();
    const pageSize = query.pageSize ?? 20;
    const skip = ((query.page ?? 1) - 1) * pageSize;
    const count = Math.min(skip + pageSize, OUTLET_SEARCH_MAX_RESULTS);
    const openAt = query.openAt ? new Date(query.openAt) : query.openNow ? now : null;
    const found = await this.search.nearest({
      from: from ?? (await this.places.ofCommunity(query.communityId!)),
      kinds: query.kinds ?? [],
      keyword: query.keyword?.trim() || null,
      openAt,
      // One more than the page tells whether another page follows.
      count: count + 1,
      maxMeters: query.maxMeters ?? OUTLET_SEARCH_MAX_METERS,
    });
    const clock = openingClockAt(now);
    return { items: found.slice(skip, count).map((item) => toSearchItem(item, clock)), more: found.length > count && count < OUTLET_SEARCH_MAX_RESULTS };
  }

  async get(outletId: string): Promise<OutletView> {
    return toOutletView(await this.entry(outletId), (stored) => this.photos.srcOf(stored));
  }

  /** An entry by id: the directory's outlets first, then canteens' meal points. */
  async entry(outletId: string): Promise<DirectoryEntry> {
    const outlet = await this.outlets.findOutlet(outletId);
    if (outlet) return entryOfOutlet(outlet);
    const mealPoint = await this.outlets.findMealPoint(outletId);
    if (mealPoint) return entryOfMealPoint(mealPoint);
    throw new NotFoundError('该网点');
  }
}
