import type { DishTag, MealFulfilment, MealKind } from './meal-menu';
import type { MealOrderEvent, MealOrderStatus } from './meal-order';
import type { MealPrice } from './meal-pricing';
import type { WechatPayRequest, WechatRefundProgress } from './payments';

/**
 * What the meals routes take and answer (助餐点, menus, meal orders, pickup), shared so the mini program and the API
 * agree field by field. Money is integer fen; dates are Shanghai `YYYY-MM-DD`; times `HH:mm` on the Shanghai clock.
 */

/** One meal a meal point serves: when, until when it can be ordered, and how many it cooks. */
export interface MealWindow {
  mealKind: MealKind;
  servesFrom: string;
  servesUntil: string;
  /** Ordering closes at this time (`HH:mm`) on the meal date, or `cutOffDaysBefore` days earlier. */
  cutOffTime: string;
  /** 0: the same day; 1: the day before (breakfast ordered the evening before). */
  cutOffDaysBefore: number;
  /** Meals (orders) it takes per date. */
  capacity: number;
}

export interface MealPointInput {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  /** The street or community the point is in: its staff oversee it; its district's subsidy rules price its meals. */
  regionId: string;
  /** Communities whose residents it serves. */
  communityIds: string[];
  windows: MealWindow[];
  fulfilments: MealFulfilment[];
  /** 0 when it does not deliver. */
  deliveryRadiusMeters: number;
  deliveryFeeFen: number;
}

export interface MealPointView extends Omit<MealPointInput, 'communityIds'> {
  id: string;
  providerId: string;
  providerName: string;
  regionName: string;
  districtId: string;
  communities: Array<{ id: string; name: string }>;
}

/** A meal point in a resident's list: theirs (serves their community) first, or nearest first. */
export interface MealPointListItem extends MealPointView {
  servesMyCommunity: boolean;
  meters: number | null;
}

export const DISH_KINDS = ['set_meal', 'single'] as const;
export type DishKind = (typeof DISH_KINDS)[number];

export const DISH_KIND_LABELS: Record<DishKind, string> = {
  set_meal: '套餐',
  single: '单品',
};

export interface DishInput {
  name: string;
  kind: DishKind;
  priceFen: number;
  tags: DishTag[];
  allergens: string[];
  /**
   * Sent: a photo elsewhere on the web (https), or null. In a view: that URL, or — when `photoId` is set — the
   * uploaded photo's signed path under the API (`/dish-photos/…`, valid for at least an hour; see `dishPhotoSrc`).
   */
  photoUrl: string | null;
  /** A photo uploaded for this meal point (`POST /meal-points/:id/dish-photos`); the dish keeps it when republished. */
  photoId?: string | null;
  /** Portions on offer that day; null when unlimited (the meal's capacity still applies). */
  dailyQuantity: number | null;
}

/** An uploaded dish photo: JPEG, PNG or WebP, at most MAX_DISH_PHOTO_BYTES. `path` is signed and expires. */
export interface DishPhotoView {
  id: string;
  path: string;
}

export const MAX_DISH_PHOTO_BYTES = 2 * 1024 * 1024;

export interface DishView extends DishInput {
  id: string;
  mealDate: string;
  mealKind: MealKind;
  /** Portions left; null when unlimited. */
  remaining: number | null;
}

/** One meal of one day on a menu. */
export interface MenuMealInput {
  mealDate: string;
  mealKind: MealKind;
  dishes: DishInput[];
}

/** Publishing a week: every meal of the dates given is replaced, unless orders were already placed for it. */
export interface PublishMenuInput {
  meals: MenuMealInput[];
}

export interface CopyMenuWeekInput {
  /** Monday (or any first day) of the week to fill; the seven days before it are copied. */
  fromDate: string;
}

export interface CloseMealDayInput {
  reason: string;
}

export interface MenuMealView {
  mealDate: string;
  mealKind: MealKind;
  /** Null while the day is open. */
  closedReason: string | null;
  cutOffAt: string;
  /** Whether ordering is still open for this meal. */
  orderable: boolean;
  /** Orders the meal still takes. */
  capacityLeft: number;
  dishes: DishView[];
}

export interface MenuView {
  mealPointId: string;
  from: string;
  to: string;
  meals: MenuMealView[];
}

export interface MenuPublishResult {
  /** The meals replaced. */
  published: Array<{ mealDate: string; mealKind: MealKind }>;
  /** Meals left as they were because orders were already placed for them (change those one day at a time). */
  skipped: Array<{ mealDate: string; mealKind: MealKind }>;
}

export interface MealDayClosedResult {
  mealDate: string;
  reason: string;
  /** Orders cancelled (and refunded to the meal balance when paid from it). */
  cancelledOrders: number;
}

/**
 * How a meal order is paid. `at_pickup`: 到店付, paid at the counter; `balance`: debited from the elder's prepaid
 * meal balance when placed; `wechat_pay`: 微信支付 in the mini program, placed unpaid and paid when WeChat Pay notifies
 * (api/src/modules/payments).
 */
export const MEAL_PAYMENT_METHODS = ['at_pickup', 'balance', 'wechat_pay'] as const;
export type MealPaymentMethod = (typeof MEAL_PAYMENT_METHODS)[number];

export const MEAL_PAYMENT_METHOD_LABELS: Record<MealPaymentMethod, string> = {
  at_pickup: '到店付',
  balance: '助餐余额',
  wechat_pay: '微信支付',
};

export interface MealOrderLineInput {
  dishId: string;
  quantity: number;
}

export interface MealQuoteInput {
  mealPointId: string;
  /** The elder the meal is for. */
  residentId: string;
  mealDate: string;
  mealKind: MealKind;
  fulfilment: MealFulfilment;
  lines: MealOrderLineInput[];
  /**
   * 送餐 only: where the meal goes (GCJ-02, the point chosen on the map), both coordinates or neither. With it the
   * delivery radius is checked and the runs follow the nearest door; without it the stop goes by its address.
   */
  latitude?: number;
  longitude?: number;
}

export interface CreateMealOrderInput extends MealQuoteInput {
  paymentMethod: MealPaymentMethod;
  /** For the delivery worker at the door (敲门大声, 放门口); kept for 送餐 orders only. */
  deliveryNote?: string;
}

export interface ChangeMealOrderInput {
  lines: MealOrderLineInput[];
}

export interface CancelMealOrderInput {
  /** Required from staff and the canteen, shown to the resident. */
  reason?: string;
}

export interface MealOrderLineView {
  dishId: string;
  name: string;
  unitPriceFen: number;
  quantity: number;
  tags: DishTag[];
}

/** The price as stored when the order was placed (or last changed): a later rule change never moves it. */
export type StoredMealPrice = Omit<MealPrice, 'withheld'>;

export interface MealOrderView {
  id: string;
  status: MealOrderStatus;
  mealPoint: { id: string; name: string; address: string };
  resident: { id: string; name: string };
  mealDate: string;
  mealKind: MealKind;
  fulfilment: MealFulfilment;
  paymentMethod: MealPaymentMethod;
  lines: MealOrderLineView[];
  price: StoredMealPrice;
  cutOffAt: string;
  /** Why the canteen, staff or a closed day cancelled it. */
  cancelReason: string | null;
  collectedAt: string | null;
  createdAt: string;
  /** The events the caller may cause now (the buttons to show). */
  actions: MealOrderEvent[];
  /**
   * WeChat Pay orders with a refund (a change to fewer portions, a cancel): where the money stands. A cancelled order
   * becomes `refunded` only once every refund reached the payer; `failedFen` is money an operator must settle by hand.
   */
  refunds?: WechatRefundProgress;
}

/** The answer to placing an order. */
export interface PlacedMealOrderView extends MealOrderView {
  /** WeChat Pay orders: the signed wx.requestPayment parameters; absent when WeChat Pay did not answer (ask again). */
  wechatPay?: WechatPayRequest;
}

/** The pickup code of a meal order: the signed one for the QR, six digits to read out. */
export interface MealPickupCode {
  code: string;
  shortCode: string;
  expiresAt: string;
}

export interface CollectMealInput {
  mealPointId: string;
  /** The six digits read out (a code of this point today) or the signed QR code. */
  code: string;
}

/** Portions per dish and tag of one meal, after the cut-off. */
export interface KitchenCounts {
  mealPointId: string;
  mealDate: string;
  mealKind: MealKind;
  orders: number;
  dishes: Array<{ dishId: string; name: string; portions: number }>;
  tags: Array<{ tag: DishTag; portions: number }>;
}
