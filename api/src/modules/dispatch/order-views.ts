import { Injectable } from '@nestjs/common';
import {
  ORDER_EVENT_LABELS,
  ORDER_STATUS_LABELS,
  RESIDENT_ORDER_STATUS_LABELS,
  isOrderOverdue,
  maskPhone,
  residentTimeline,
  type OrderPhotoView,
  type OrderTimelineEntry,
  type ServiceOrderDetail,
  type ServiceOrderView,
} from '@linli/shared';
import { FieldCipher } from '../../common/security/field-cipher';
import { DispatchRepository, type OrderViewRow } from './dispatch.repository';
import type { OrderRating } from './order-rating.entity';
import { OrderPhotosService } from './order-photos.service';
import type { ServiceOrder } from './service-order.entity';

/** Turns order rows into the views every caller gets (worker phone masked, the timeline in order). */
@Injectable()
export class OrderViews {
  constructor(
    private readonly orders: DispatchRepository,
    private readonly cipher: FieldCipher,
    private readonly photos: OrderPhotosService,
  ) {}

  async list(orders: ServiceOrder[], now = new Date()): Promise<ServiceOrderView[]> {
    const [ratingRows, photos] = await Promise.all([this.orders.findRatings(orders.map((order) => order.id)), this.photosOf(orders)]);
    const ratings = new Map(ratingRows.map((rating) => [rating.orderId, rating]));
    return orders.map((order) => this.view(rowOf(order, ratings.get(order.id) ?? null), photos.get(order.id) ?? [], now));
  }

  async one(order: ServiceOrder, now = new Date()): Promise<ServiceOrderView> {
    return (await this.list([order], now))[0];
  }

  /** Views of orders read as plain rows, rating included (the worker's offer poll and pool, issue 17). */
  async fromRows(rows: OrderViewRow[], now = new Date()): Promise<ServiceOrderView[]> {
    const photos = await this.photosOf(rows);
    return rows.map((row) => this.view(row, photos.get(row.id) ?? [], now));
  }

  /** Photos are read only for orders that have some (photo_count grows with every photo insert): most views need no photo query. */
  private async photosOf(orders: Array<Pick<OrderViewRow, 'id' | 'photoCount'>>): Promise<Map<string, OrderPhotoView[]>> {
    const withPhotos = orders.filter((order) => order.photoCount > 0).map((order) => order.id);
    return withPhotos.length > 0 ? this.photos.pathsFor(withPhotos) : new Map();
  }

  async detail(order: ServiceOrder, now = new Date()): Promise<ServiceOrderDetail> {
    const [view, events] = await Promise.all([this.one(order, now), this.orders.listEvents(order.id)]);
    const timeline = events.map((event): OrderTimelineEntry => ({
      event: event.event,
      label: ORDER_EVENT_LABELS[event.event],
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: event.actor,
      actorName: event.actorName,
      reason: event.reason,
      at: event.at.toISOString(),
    }));
    return { ...view, timeline };
  }

  private view(order: OrderViewRow, photos: OrderPhotoView[], now: Date): ServiceOrderView {
    const { worker, rating } = order;
    return {
      id: order.id,
      kind: order.kind,
      status: order.status,
      statusLabel: ORDER_STATUS_LABELS[order.status],
      dispatchMode: order.dispatchMode,
      service: order.service,
      centre: order.centre,
      person: order.person,
      address: order.address,
      location: { latitude: order.latitudeE6 / 1e6, longitude: order.longitudeE6 / 1e6 },
      windowStartsAt: order.windowStartsAt.toISOString(),
      windowEndsAt: order.windowEndsAt.toISOString(),
      description: order.description,
      worker: worker ? { id: worker.id, name: worker.name, providerName: worker.providerName, phoneMasked: maskPhone(this.cipher.decrypt(worker.phoneCipher)) } : null,
      rating: rating ? { score: rating.score, comment: rating.comment, createdAt: rating.createdAt.toISOString() } : null,
      overdue: isOrderOverdue(order.status, order.windowStartsAt, order.windowEndsAt, now),
      completionNote: order.completionNote,
      completedAt: order.completedAt?.toISOString() ?? null,
      photos,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    };
  }
}

/** The view's facts of a hydrated order (with ORDER_DETAILS) and its rating. */
function rowOf(order: ServiceOrder, rating: OrderRating | null): OrderViewRow {
  const { centreService, resident, worker } = order;
  return {
    ...order,
    service: centreService ? { id: centreService.service.id, name: centreService.service.name } : null,
    centre: centreService ? { id: centreService.centre.id, name: centreService.centre.name } : null,
    person: resident ? { id: resident.id, name: resident.name } : null,
    worker: worker ? { id: worker.id, name: worker.name, providerName: worker.provider.name, phoneCipher: worker.phoneCipher } : null,
    rating,
  };
}

/**
 * A view in the words a resident reads: the status and the timeline without the dispatcher's terms, refusals or
 * internal reasons (shared/order-timeline.ts). Staff and workers keep the full detail.
 */
export function inResidentWords<T extends ServiceOrderView | ServiceOrderDetail>(view: T): T {
  const worded = { ...view, statusLabel: RESIDENT_ORDER_STATUS_LABELS[view.status] };
  return 'timeline' in view ? { ...worded, timeline: residentTimeline(view.timeline) } : worded;
}
