import { audiencesOf, ORDER_EVENTS, type ProviderDecision } from '@linli/shared';
import type { OutboxMessages, OutboxTopic } from '../outbox';
import { notificationTextOf } from './notification-texts';

const BOOKING = { bookingId: 'b', residentId: 'r', slotStartsAt: '2026-12-03T01:00:00.000Z' };
const ORDER = { orderId: 'o', status: 'accepted', residentId: 'r', workerId: 'w' } as const;
const PROVIDER = { providerId: 'p', applicantAccountId: 'a', status: 'active', regionPath: '/1/' } as const;
const MEAL = { orderId: 'm', residentId: 'r', mealPointId: 'mp', mealDate: '2026-12-02', mealKind: 'lunch' } as const;
const DECISIONS: ProviderDecision[] = ['approve', 'reject', 'suspend', 'reinstate'];

/** One payload per topic, at its longest where its words take values from it (a long cancellation reason). */
const SAMPLES: { [Topic in OutboxTopic]: OutboxMessages[Topic] } = {
  'booking.confirmed': BOOKING,
  'booking.declined': BOOKING,
  'booking.promoted_from_waitlist': BOOKING,
  'booking.no_show': BOOKING,
  'booking.reminder': { ...BOOKING, lead: 'day_before' },
  'order.sla_warning': { orderId: 'o', status: 'offered', regionPath: '/1/' },
  'meal_order.cancelled': { ...MEAL, reason: '食堂临时停业，今日所有订餐取消，请改订明天或联系社区工作人员安排'.repeat(2), refundedFen: 123456 },
  'meal_order.on_the_way': MEAL,
  'meal_order.delivered': MEAL,
  'meal_order.not_at_home': { ...MEAL, communityId: 'c', reportedAt: '2026-12-02T04:00:00.000Z' },
  ...(Object.fromEntries(ORDER_EVENTS.map((event) => [`order.${event}`, ORDER])) as { [Event in (typeof ORDER_EVENTS)[number] as `order.${Event}`]: typeof ORDER }),
  ...(Object.fromEntries(DECISIONS.map((decision) => [`provider.${decision}`, PROVIDER])) as { [Decision in ProviderDecision as `provider.${Decision}`]: typeof PROVIDER }),
};

describe('notification texts', () => {
  it.each(Object.keys(SAMPLES) as OutboxTopic[])('%s: words exactly when somebody hears of it, fitting the inbox (title ≤ 20, body ≤ 300)', (topic) => {
    const text = notificationTextOf(topic, SAMPLES[topic]);
    if (audiencesOf(topic).length === 0) return expect(text).toBeNull();
    expect(text).not.toBeNull();
    expect(text!.title.length).toBeGreaterThan(0);
    expect(text!.title.length).toBeLessThanOrEqual(20);
    expect(text!.body.length).toBeLessThanOrEqual(300);
  });

  it('says the Shanghai time of a booking and which reminder it is', () => {
    expect(notificationTextOf('booking.reminder', { ...BOOKING, lead: 'hour_before' })).toEqual({
      title: '一小时后有预约',
      body: '提醒您：12月3日 09:00有预约，请按时到场；去不了请提前取消。',
    });
  });
});
