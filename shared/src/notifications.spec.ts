import { audiencesOf, bookingReminders, retryDelaySeconds, type NotificationAudience, type NotificationTopic } from './notifications';

describe('who hears what', () => {
  const table: [NotificationTopic, NotificationAudience[]][] = [
    ['booking.confirmed', ['resident', 'household']],
    ['booking.declined', ['resident', 'household']],
    ['booking.promoted_from_waitlist', ['resident', 'household']],
    ['booking.reminder', ['resident', 'household']],
    ['booking.no_show', ['resident', 'household']],
    ['order.offer', ['worker']],
    ['order.accept', ['resident', 'household']],
    ['order.grab', ['resident', 'household']],
    ['order.assign', ['resident', 'household', 'worker']],
    ['order.set_out', ['resident', 'household']],
    ['order.complete', ['resident', 'household']],
    ['order.cancel', ['resident', 'household', 'worker']],
    ['order.reject', []],
    ['order.expire', []],
    ['order.escalate', []],
    ['order.requeue', []],
    ['order.start', []],
    ['order.confirm', []],
    ['order.dispute', []],
    ['order.resolve', []],
    ['order.sla_warning', []],
    ['provider.approve', ['applicant']],
    ['provider.reject', ['applicant']],
    ['provider.suspend', ['applicant']],
    ['provider.reinstate', ['applicant']],
    ['meal_order.cancelled', ['resident', 'household']],
    ['meal_order.on_the_way', ['resident', 'household']],
    ['meal_order.delivered', ['resident', 'household']],
    ['meal_order.not_at_home', ['household', 'community_staff']],
  ];
  it.each(table)('%s → %j', (topic, audiences) => {
    expect(audiencesOf(topic)).toEqual(audiences);
  });
});

describe('retry delays', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [6, 960],
    [7, 1920],
    [8, 3600],
    [20, 3600],
  ])('after failure %i wait %i s', (attempt, seconds) => {
    expect(retryDelaySeconds(attempt)).toBe(seconds);
  });
});

describe('booking reminders', () => {
  const startsAt = new Date('2026-12-03T01:00:00.000Z'); // 09:00 in Shanghai
  it.each([
    ['booked days ahead: both', '2026-11-30T08:00:00.000Z', ['day_before 2026-12-02T01:00:00.000Z', 'hour_before 2026-12-03T00:00:00.000Z']],
    ['booked the evening before: only the hour before', '2026-12-02T12:00:00.000Z', ['hour_before 2026-12-03T00:00:00.000Z']],
    ['exactly a day ahead: the day-before moment has come, not sent late', '2026-12-02T01:00:00.000Z', ['hour_before 2026-12-03T00:00:00.000Z']],
    ['booked half an hour ahead: none', '2026-12-03T00:30:00.000Z', []],
  ])('%s', (_case, now, expected) => {
    expect(bookingReminders(startsAt, new Date(now)).map((reminder) => `${reminder.lead} ${reminder.dueAt.toISOString()}`)).toEqual(expected);
  });
});
