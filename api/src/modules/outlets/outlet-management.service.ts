import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  cellNumberOf,
  MAX_OUTLET_PHOTO_BYTES,
  OUTLET_PHOTOS_MAX,
  openHoursMask,
  outletHoursProblems,
  shanghaiDateOf,
  toE6,
  type OutletInput,
  type OutletView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import { notAPhoto, photoTooLarge } from '../../common/storage/photo-upload';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import type { Region } from '../regions';
import { entryOfOutlet, toOutletView } from './directory-entry';
import type { Outlet } from './outlet.entity';
import { OutletPhotos, outletPhotosFull, storedPhoto, uploadedPhotoIds } from './outlet-photos';
import { outletHoursInvalid, outletOutsideStreetOrCommunity } from './outlets.errors';
import { OutletsRepository } from './outlets.repository';

/** The columns of an outlet from what staff entered; saving it is staff confirming it, so it is verified today. */
export function outletColumns(input: OutletInput, now: Date): Omit<Outlet, 'id' | 'region' | 'createdAt' | 'updatedAt'> {
  const latitudeE6 = toE6(input.latitude);
  const longitudeE6 = toE6(input.longitude);
  return {
    name: input.name,
    kind: input.kind,
    regionId: input.regionId,
    address: input.address,
    latitudeE6,
    longitudeE6,
    cell: cellNumberOf(latitudeE6, longitudeE6),
    phone: input.phone,
    hours: input.hours,
    openHoursMask: openHoursMask(input.hours),
    services: input.services,
    photoUrls: input.photoUrls,
    elderFeatures: input.elderFeatures,
    verifiedOn: shanghaiDateOf(now),
  };
}

/** An outlet is in a street or a community; staff place it only inside their own subtree. */
export function assertOutletRegion(auth: AuthContext, region: Region | null): asserts region is Region {
  assertRegionInScope(auth, region?.path, '该地区');
  if (region!.level !== 'street' && region!.level !== 'community') throw outletOutsideStreetOrCommunity();
}

/** Staff keep the outlets of their region: list, add, change, remove. Other regions' outlets answer 404. */
@Injectable()
export class OutletManagementService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outlets: OutletsRepository,
    private readonly audit: AuditService,
    private readonly photos: OutletPhotos,
  ) {}

  async list(auth: AuthContext): Promise<OutletView[]> {
    const now = new Date();
    return (await this.outlets.listInRegion(auth.regionPath!)).map((outlet) => toOutletView(entryOfOutlet(outlet), (stored) => this.photos.srcOf(stored, now)));
  }

  async get(auth: AuthContext, outletId: string): Promise<OutletView> {
    return toOutletView(entryOfOutlet(await this.managed(auth, outletId)), (stored) => this.photos.srcOf(stored));
  }

  async create(auth: AuthContext, input: OutletInput): Promise<OutletView> {
    const region = await this.checkedRegion(auth, input);
    // A new outlet has no uploaded photos yet: they are added once it is saved.
    const photoUrls = this.photos.storedOf(input.photoUrls, []);
    const id = randomUUID();
    await this.transactions.write(async (manager) => {
      await this.outlets.insertOutlets(manager, [{ id, ...outletColumns(input, new Date()), photoUrls }]);
      await this.audit.record(manager, auth, { action: 'outlet.created', targetType: 'outlet', targetId: id, regionPath: region.path });
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, outletId: string, input: OutletInput): Promise<OutletView> {
    const outlet = await this.managed(auth, outletId);
    const region = await this.checkedRegion(auth, input);
    const photoUrls = this.photos.storedOf(input.photoUrls, outlet.photoUrls);
    await this.transactions.write(async (manager) => {
      await this.outlets.updateOutlet(manager, outletId, { ...outletColumns(input, new Date()), photoUrls });
      await this.audit.record(manager, auth, { action: 'outlet.updated', targetType: 'outlet', targetId: outletId, regionPath: region.path });
    });
    const kept = new Set(uploadedPhotoIds(photoUrls));
    await this.photos.removeFiles(uploadedPhotoIds(outlet.photoUrls).filter((id) => !kept.has(id)));
    return this.get(auth, outletId);
  }

  /**
   * Adds an uploaded photo (JPEG, PNG or WebP by its first bytes) to the outlet's photos; the bytes go first, the
   * row after (a failed write removes them). Not a confirmation of the details: verifiedOn stays as it was.
   */
  async addPhoto(auth: AuthContext, outletId: string, bytes: Buffer): Promise<OutletView> {
    const outlet = await this.managed(auth, outletId);
    if (bytes.length > MAX_OUTLET_PHOTO_BYTES) throw photoTooLarge(MAX_OUTLET_PHOTO_BYTES);
    if (!this.photos.imageType(bytes)) throw notAPhoto('JPG、PNG 或 WebP');
    if (outlet.photoUrls.length >= OUTLET_PHOTOS_MAX) throw outletPhotosFull();
    const id = randomUUID();
    await this.photos.save(id, bytes);
    try {
      await this.transactions.write(async (manager) => {
        await this.outlets.updateOutlet(manager, outletId, { photoUrls: [...outlet.photoUrls, storedPhoto(id)] });
        await this.audit.record(manager, auth, { action: 'outlet.photo_added', targetType: 'outlet', targetId: outletId, regionPath: outlet.region.path });
      });
    } catch (error) {
      await this.photos.removeFiles([id]);
      throw error;
    }
    return this.get(auth, outletId);
  }

  async remove(auth: AuthContext, outletId: string): Promise<void> {
    const outlet = await this.managed(auth, outletId);
    await this.transactions.write(async (manager) => {
      await this.outlets.deleteOutlet(manager, outletId);
      await this.audit.record(manager, auth, { action: 'outlet.deleted', targetType: 'outlet', targetId: outletId, regionPath: outlet.region.path });
    });
    await this.photos.removeFiles(uploadedPhotoIds(outlet.photoUrls));
  }

  private async managed(auth: AuthContext, outletId: string): Promise<Outlet> {
    const outlet = await this.outlets.findOutlet(outletId);
    if (!outlet) throw new NotFoundError('该网点');
    assertRegionInScope(auth, outlet.region.path, '该网点');
    return outlet;
  }

  private async checkedRegion(auth: AuthContext, input: OutletInput): Promise<Region> {
    const region = await this.outlets.findRegion(input.regionId);
    assertOutletRegion(auth, region);
    const problems = outletHoursProblems(input.hours);
    if (problems.length > 0) throw outletHoursInvalid(problems);
    return region;
  }
}
