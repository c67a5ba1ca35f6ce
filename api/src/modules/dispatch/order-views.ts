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
import { DispatchRepository } from './dispatch.repository';
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
    const ids = orders.map((order) => order.id);
    const [ratingRows, photos] = await Promise.all([this.orders.findRatings(ids), this.photos.pathsFor(ids)]);
    const ratings = new Map(ratingRows.map((rating) => [rating.orderId, rating]));
    return orders.map((order) => this.view(order, ratings.get(order.id) ?? null, photos.get(order.id) ?? [], now));
  }

  async one(order: ServiceOrder, now = new Date()): Promise<ServiceOrderView> {
    return (await this.list([order], now))[0];
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

  private view(order: ServiceOrder, rating: OrderRating | null, photos: OrderPhotoView[], now: Date): ServiceOrderView {
    return {
      id: order.id,
      kind: order.kind,
      status: order.status,
      statusLabel: ORDER_STATUS_LABELS[order.status],
      dispatchMode: order.dispatchMode,
      service: order.centreService ? { id: order.centreService.service.id, name: order.centreService.service.name } : null,
      centre: order.centreService ? { id: order.centreService.centre.id, name: order.centreService.centre.name } : null,
      person: order.resident ? { id: order.resident.id, name: order.resident.name } : null,
      address: order.address,
      location: { latitude: order.latitudeE6 / 1e6, longitude: order.longitudeE6 / 1e6 },
      windowStartsAt: order.windowStartsAt.toISOString(),
      windowEndsAt: order.windowEndsAt.toISOString(),
      description: order.description,
      worker: order.worker
        ? { id: order.worker.id, name: order.worker.name, providerName: order.worker.provider.name, phoneMasked: maskPhone(this.cipher.decrypt(order.worker.phoneCipher)) }
        : null,
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

/**
 * A view in the words a resident reads: the status and the timeline without the dispatcher's terms, refusals or
 * internal reasons (shared/order-timeline.ts). Staff and workers keep the full detail.
 */
export function inResidentWords<T extends ServiceOrderView | ServiceOrderDetail>(view: T): T {
  const worded = { ...view, statusLabel: RESIDENT_ORDER_STATUS_LABELS[view.status] };
  return 'timeline' in view ? { ...worded, timeline: residentTimeline(view.timeline) } : worded;
}
