import type { MealKind, OrderEvent, OrderStatus, ProviderDecision, ProviderStatus, ReminderLead } from '@linli/shared';

/** A booking's news for the person booked (and their household): confirmed, declined, promoted, missed. */
export interface BookingMessage {
  bookingId: string;
  residentId: string;
  slotStartsAt: string;
}

/** A reminder of a booking, scheduled for its due time and withdrawn or moved when the booking changes. */
export interface BookingReminderMessage extends BookingMessage {
  lead: ReminderLead;
}

/** Every order event: who it concerns, so a relay can tell the resident (and household), the worker or staff. */
export interface OrderEventMessage {
  orderId: string;
  status: OrderStatus;
  /** Null for a meal-delivery run: its elders hear through their meal orders. */
  residentId: string | null;
  workerId: string | null;
}

/** A staff decision on a provider's application or standing: the applicant and the organisation hear of it. */
export interface ProviderDecisionMessage {
  providerId: string;
  applicantAccountId: string | null;
  status: ProviderStatus;
  regionPath: string;
}

/** A meal order the canteen, staff or a closed day cancelled: the elder (and household) hear why. */
export interface MealOrderCancelledMessage {
  orderId: string;
  residentId: string;
  mealPointId: string;
  mealDate: string;
  mealKind: MealKind;
  reason: string;
  /** Fen credited back to the elder's meal balance (0 when paid at pickup). */
  refundedFen: number;
}

/** A 送餐 meal leaving the meal point with its worker, or handed over at the door: the elder and their household hear. */
export interface MealOrderDeliveryMessage {
  orderId: string;
  residentId: string;
  mealPointId: string;
  mealDate: string;
  mealKind: MealKind;
}

/**
 * Nobody opened the door to the delivery worker: the household members who act for the elder and the community's
 * staff hear of it, since an elder who does not answer may need help.
 */
export interface MealOrderNotAtHomeMessage {
  orderId: string;
  residentId: string;
  /** The elder's community (null when none is on file): whose staff are told. */
  communityId: string | null;
  mealPointId: string;
  mealDate: string;
  mealKind: MealKind;
  reportedAt: string;
}

/**
 * The one map from outbox topic to payload (immich's EventMap is the model): `OutboxService.enqueue` is checked
 * against it, and a delivery relay can switch exhaustively over `OutboxTopic`. Topic names are stored in
 * `outbox_message.topic` and never change.
 */
export type OutboxMessages = {
  'booking.promoted_from_waitlist': BookingMessage;
  'booking.confirmed': BookingMessage;
  'booking.declined': BookingMessage;
  'booking.no_show': BookingMessage;
  'booking.reminder': BookingReminderMessage;
  'order.sla_warning': { orderId: string; status: OrderStatus; regionPath: string };
  'meal_order.cancelled': MealOrderCancelledMessage;
  'meal_order.on_the_way': MealOrderDeliveryMessage;
  'meal_order.delivered': MealOrderDeliveryMessage;
  'meal_order.not_at_home': MealOrderNotAtHomeMessage;
} & { [Event in OrderEvent as `order.${Event}`]: OrderEventMessage } & { [Decision in ProviderDecision as `provider.${Decision}`]: ProviderDecisionMessage };

export type OutboxTopic = keyof OutboxMessages;
