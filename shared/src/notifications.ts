import type { OrderEvent } from './dispatch';
import type { ProviderDecision } from './providers';
import { MINUTE_MS } from './time';

/**
 * Who hears of what. Every outbox topic has a row here (the API checks at compile time that its topics and these
 * are the same set), and docs/notifications.md shows the same table in words.
 *
 * - `resident`: the person the event is about, through their own account when they have one;
 * - `household`: the household members who act for that person (a daughter for her father), since an elder without
 *   a phone, or who does not read messages, is reached through them;
 * - `worker`: the worker assigned to (or offered) the order;
 * - `applicant`: the account that applied for a provider organisation;
 * - `community_staff`: the staff of the person's community (an elder who did not open the door may need help).
 */
export const NOTIFICATION_AUDIENCES = ['resident', 'household', 'worker', 'applicant', 'community_staff'] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

export type BookingNotificationTopic = 'booking.confirmed' | 'booking.declined' | 'booking.promoted_from_waitlist' | 'booking.reminder' | 'booking.no_show';

/** Every topic the outbox carries (the API's `OutboxTopic` is checked against this union both ways). */
export type NotificationTopic =
  | BookingNotificationTopic
  | 'order.sla_warning'
  | `order.${OrderEvent}`
  | `provider.${ProviderDecision}`
  | 'meal_order.cancelled'
  | 'meal_order.on_the_way'
  | 'meal_order.delivered'
  | 'meal_order.not_at_home';

const THE_PERSON = ['resident', 'household'] as const satisfies readonly NotificationAudience[];
const NOBODY = [] as const satisfies readonly NotificationAudience[];

/**
 * Order events nobody is told of are the dispatcher's own steps (a refused or expired offer goes to the next worker;
 * the staff board shows escalations and SLA warnings); the resident hears when someone takes the order, sets out
 * and finishes, and the worker when an order is offered or assigned to them or called off.
 */
const ORDER_AUDIENCES: Record<OrderEvent, readonly NotificationAudience[]> = {
  offer: ['worker'],
  accept: THE_PERSON,
  grab: THE_PERSON,
  assign: [...THE_PERSON, 'worker'],
  set_out: THE_PERSON,
  complete: THE_PERSON,
  cancel: [...THE_PERSON, 'worker'],
  reject: NOBODY,
  expire: NOBODY,
  escalate: NOBODY,
  requeue: NOBODY,
  start: NOBODY,
  confirm: NOBODY,
  dispute: NOBODY,
  resolve: NOBODY,
};

const PROVIDER_AUDIENCES: Record<ProviderDecision, readonly NotificationAudience[]> = {
  approve: ['applicant'],
  reject: ['applicant'],
  suspend: ['applicant'],
  reinstate: ['applicant'],
};

const OTHER_AUDIENCES: Record<Exclude<NotificationTopic, `order.${OrderEvent}` | `provider.${ProviderDecision}`>, readonly NotificationAudience[]> = {
  'booking.confirmed': THE_PERSON,
  'booking.declined': THE_PERSON,
  'booking.promoted_from_waitlist': THE_PERSON,
  'booking.reminder': THE_PERSON,
  'booking.no_show': THE_PERSON,
  'order.sla_warning': NOBODY,
  'meal_order.cancelled': THE_PERSON,
  // A meal brought to the door: the elder (to be ready to open) and the family far away, who want to know it arrived.
  // Pickup and dining in have no such step: the meal is handed over at the counter, in person.
  'meal_order.on_the_way': THE_PERSON,
  'meal_order.delivered': THE_PERSON,
  // Not the elder: they were not at home. Their family and the community's staff, who can go and look.
  'meal_order.not_at_home': ['household', 'community_staff'],
};

/** Who hears of `topic` (an empty list: nobody; the message is only kept as done). */
export function audiencesOf(topic: NotificationTopic): readonly NotificationAudience[] {
  if (topic.startsWith('order.') && topic !== 'order.sla_warning') return ORDER_AUDIENCES[topic.slice('order.'.length) as OrderEvent];
  if (topic.startsWith('provider.')) return PROVIDER_AUDIENCES[topic.slice('provider.'.length) as ProviderDecision];
  return OTHER_AUDIENCES[topic as keyof typeof OTHER_AUDIENCES];
}

// ─── delivery attempts ────────────────────────────────────────────────────────────────────────────────────

const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 3600;

/**
 * How long a message waits after its `attempt`-th failed delivery: 30 s, doubling, at most an hour, so a WeChat
 * outage of an afternoon is ridden out by a handful of tries instead of a storm.
 */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_SECONDS);
}

// ─── booking reminders ────────────────────────────────────────────────────────────────────────────────────

export const REMINDER_LEADS = ['day_before', 'hour_before'] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number];

const LEAD_MS: Record<ReminderLead, number> = { day_before: 24 * 60 * MINUTE_MS, hour_before: 60 * MINUTE_MS };

/**
 * When to remind of a booking starting at `startsAt`: a day before and an hour before. A reminder whose moment has
 * already passed when the booking is made (booked this morning for this afternoon) is not sent late: it is left out.
 */
export function bookingReminders(startsAt: Date, now: Date): { lead: ReminderLead; dueAt: Date }[] {
  return REMINDER_LEADS.map((lead) => ({ lead, dueAt: new Date(startsAt.getTime() - LEAD_MS[lead]) })).filter((reminder) => reminder.dueAt.getTime() > now.getTime());
}

// ─── the inbox ────────────────────────────────────────────────────────────────────────────────────────────

/** Inbox messages older than this are deleted by the inbox sweep. */
export const INBOX_RETENTION_DAYS = 90;

/** One message in a person's 消息 list. */
export interface InboxMessageView {
  id: string;
  topic: NotificationTopic;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export interface InboxPage {
  items: InboxMessageView[];
  unread: number;
}

export interface InboxUnreadCount {
  unread: number;
}
