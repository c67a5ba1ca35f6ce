import { Account } from '../modules/accounts/account.entity';
import { PasswordCredential } from '../modules/accounts/password-credential.entity';
import { WechatIdentity } from '../modules/accounts/wechat-identity.entity';
import { Booking } from '../modules/appointments/booking.entity';
import { BookingShortCode } from '../modules/appointments/booking-short-code.entity';
import { CalendarDayRow } from '../modules/appointments/calendar-day.entity';
import { DateExceptionRow } from '../modules/appointments/date-exception.entity';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { OpeningRule } from '../modules/appointments/opening-rule.entity';
import { Slot } from '../modules/appointments/slot.entity';
import { WaitlistEntry } from '../modules/appointments/waitlist-entry.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Invitation } from '../modules/auth/invitation.entity';
import { CentreService } from '../modules/catalogue/centre-service.entity';
import { DispatchOffer } from '../modules/dispatch/dispatch-offer.entity';
import { OrderEventRecord } from '../modules/dispatch/order-event.entity';
import { OrderPhoto } from '../modules/dispatch/order-photo.entity';
import { OrderRating } from '../modules/dispatch/order-rating.entity';
import { ServiceOrder } from '../modules/dispatch/service-order.entity';
import { OutboxMessage } from '../modules/outbox/outbox-message.entity';
import { InboxMessage } from '../modules/notifications/inbox-message.entity';
import { NotificationDelivery } from '../modules/notifications/notification-delivery.entity';
import { CommunityService } from '../modules/catalogue/community-service.entity';
import { ServiceCategory } from '../modules/catalogue/service-category.entity';
import { LoginThrottle } from '../modules/auth/login-throttle.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Provider } from '../modules/providers/provider.entity';
import { Dish } from '../modules/meals/dish.entity';
import { DishPhoto } from '../modules/meals/dish-photo.entity';
import { MealCounter } from '../modules/meals/meal-counter.entity';
import { MealDayClosure } from '../modules/meals/meal-day-closure.entity';
import { MealDeliveryRun } from '../modules/meals/meal-delivery-run.entity';
import { MealDeliveryStop } from '../modules/meals/meal-delivery-stop.entity';
import { MealOrderLineRow } from '../modules/meals/meal-order-line.entity';
import { MealOrder } from '../modules/meals/meal-order.entity';
import { MealPickupCodeRow } from '../modules/meals/meal-pickup-code.entity';
import { MealPointCommunity } from '../modules/meals/meal-point-community.entity';
import { MealPoint } from '../modules/meals/meal-point.entity';
import { MealWindowRow } from '../modules/meals/meal-window.entity';
import { Worker } from '../modules/providers/worker.entity';
import { WorkerArea } from '../modules/providers/worker-area.entity';
import { WorkerSkill } from '../modules/providers/worker-skill.entity';
import { WechatPayment } from '../modules/payments/wechat-payment.entity';
import { WechatAccessTokenRow } from '../modules/wechat/wechat-access-token.entity';
import { WechatSubscribeGrant } from '../modules/wechat/wechat-subscribe-grant.entity';
import { WechatRefund } from '../modules/payments/wechat-refund.entity';
import { Centre } from '../modules/regions/centre.entity';
import { Region } from '../modules/regions/region.entity';
import { HouseholdLink } from '../modules/residents/household-link.entity';
import { PrivacyConsent } from '../modules/accounts/privacy-consent.entity';
import { Resident } from '../modules/residents/resident.entity';
import { HardshipRecordRow } from '../modules/meal-subsidies/hardship-record.entity';
import { MealBalanceAccount } from '../modules/meal-subsidies/meal-balance-account.entity';
import { MealBalanceEntry } from '../modules/meal-subsidies/meal-balance-entry.entity';
import { MealBalanceTopUp } from '../modules/meal-subsidies/meal-balance-top-up.entity';
import { MealProfile } from '../modules/meal-subsidies/meal-profile.entity';
import { MealSubsidyRuleRow } from '../modules/meal-subsidies/meal-subsidy-rule.entity';
import { Outlet } from '../modules/outlets/outlet.entity';
import { AccountPreference } from '../modules/preferences/account-preference.entity';
import { OutletReport } from '../modules/outlets/outlet-report.entity';

/** Every entity, listed once for both dialects (no globs: the same list works from src under Jest and from dist). */
export const ENTITIES = [
  Region,
  Centre,
  Account,
  PasswordCredential,
  WechatIdentity,
  RefreshToken,
  LoginThrottle,
  Invitation,
  Resident,
  HouseholdLink,
  PrivacyConsent,
  AuditEntry,
  Provider,
  Worker,
  WorkerSkill,
  WorkerArea,
  DispatchOffer,
  OrderEventRecord,
  OrderRating,
  OrderPhoto,
  ServiceCategory,
  CommunityService,
  CentreService,
  CalendarDayRow,
  OpeningRule,
  DateExceptionRow,
  Slot,
  Booking,
  BookingShortCode,
  IdempotencyRecord,
  WaitlistEntry,
  OutboxMessage,
  NotificationDelivery,
  InboxMessage,
  ServiceOrder,
  MealPoint,
  MealPointCommunity,
  MealWindowRow,
  Dish,
  DishPhoto,
  MealDayClosure,
  MealCounter,
  MealOrder,
  MealOrderLineRow,
  MealPickupCodeRow,
  MealDeliveryRun,
  MealDeliveryStop,
  MealProfile,
  HardshipRecordRow,
  MealSubsidyRuleRow,
  MealBalanceAccount,
  MealBalanceEntry,
  MealBalanceTopUp,
  WechatPayment,
  WechatRefund,
  Outlet,
  OutletReport,
  WechatAccessTokenRow,
  WechatSubscribeGrant,
  AccountPreference,
];
