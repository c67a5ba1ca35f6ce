import { audiencesOf, type NotificationTopic } from './notifications';
import {
  isAcceptedSubscribeValue,
  subscribeTopicFor,
  normaliseSubscribeValue,
  SUBSCRIBE_MOMENTS,
  SUBSCRIBE_TEMPLATE_NAMES,
  SUBSCRIBE_TEMPLATES,
  SUBSCRIBE_TOPIC_TEMPLATES,
  SUBSCRIBE_TOPICS,
  subscribeMessageData,
  type SubscribeFieldKind,
  type SubscribeMessageContents,
  type SubscribeTopic,
} from './wechat-subscribe';

const LONG = '安徽省合肥市蜀山区三里庵街道安大社区市民中心二楼东侧多功能活动室';
const AT = '2026-12-02T01:30:00.000Z'; // 09:30 in Shanghai

/** Every topic's content at its worst: names and reasons far over WeChat's limits, a line break, emoji. */
const WORST: { [Topic in SubscribeTopic]: SubscribeMessageContents[Topic] } = {
  'booking.confirmed': { serviceName: LONG, centreName: LONG, startsAt: AT },
  'booking.declined': { serviceName: LONG, centreName: LONG, startsAt: AT, reason: `当天中心临时停电\n设备检修，请改约其他时间😊${LONG}` },
  'booking.promoted_from_waitlist': { serviceName: LONG, centreName: LONG, startsAt: AT },
  'booking.reminder': { serviceName: LONG, centreName: LONG, startsAt: AT, lead: 'hour_before' },
  'booking.no_show': { serviceName: LONG, centreName: LONG, startsAt: AT },
  'order.offer': { serviceName: LONG, startsAt: AT, communityName: LONG, secondsToAccept: 90 },
  'order.accept': { serviceName: LONG, startsAt: AT, workerName: '欧阳慕容司马上官诸葛东方师傅' },
  'order.grab': { serviceName: LONG, startsAt: AT, workerName: 'Zhang Wei 3号' },
  'order.assign': { serviceName: LONG, startsAt: AT, workerName: '' },
  'order.set_out': { serviceName: LONG, startsAt: AT, workerName: '王师傅' },
  'order.complete': { serviceName: LONG, startsAt: AT, workerName: '王师傅' },
  'order.cancel': { serviceName: LONG, startsAt: AT, workerName: null, reason: LONG },
  'provider.approve': { providerName: LONG, decidedAt: AT },
  'provider.reject': { providerName: LONG, decidedAt: AT, reason: '' },
  'provider.suspend': { providerName: LONG, decidedAt: AT, reason: `多次投诉\n${LONG}` },
  'provider.reinstate': { providerName: LONG, decidedAt: AT },
  'meal_order.cancelled': { mealName: `午餐·${LONG}`, elderName: '李建国', mealDate: '2026-12-02', reason: '食堂当天停业' },
  'meal_order.on_the_way': { mealName: `晚餐·${LONG}`, elderName: '欧阳慕容司马上官诸葛东方', mealDate: '2026-12-02' },
  'meal_order.delivered': { mealName: `午餐·${LONG}\n😊`, elderName: '李建国', mealDate: '2026-12-02' },
  'meal_order.not_at_home': { mealName: '午餐', elderName: '周玉兰', mealDate: '2026-12-02', reportedAt: AT },
};

describe('WeChat subscribe message values', () => {
  it.each<[SubscribeFieldKind, string | number, string]>([
    ['thing', '助浴服务', '助浴服务'],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', '一二三四五六七八九十一二三四五六七八九…'],
    ['thing', '第一行\n第二行\t  第三行', '第一行 第二行 第三行'],
    ['thing', '   ', '无'],
    ['thing', '𠀀'.repeat(21), `${'𠀀'.repeat(19)}…`],
    ['phrase', '预约成功', '预约成功'],
    ['phrase', '已接单!', '已接单'],
    ['phrase', '候补转为预约成功', '候补转为预'],
    ['name', '李建国', '李建国'],
    ['name', '欧阳慕容司马上官诸葛东方师傅', '欧阳慕容司马上官诸葛'],
    ['name', 'Zhang Wei', 'Zhang Wei'],
    ['name', 'Zhang Wei 3号', 'Zhang Wei'],
    ['name', '123', '未填写'],
    ['character_string', 'A-482 915', 'A-482915'],
    ['character_string', 'x'.repeat(40), 'x'.repeat(32)],
    ['number', 12, '12'],
    ['amount', 1250, '¥12.50'],
    ['amount', 5, '¥0.05'],
    ['time', '2026-12-02T01:30:00.000Z', '2026-12-02 09:30'],
    ['time', '2026-12-01T16:05:00.000Z', '2026-12-02 00:05'],
    ['date', '2026-12-02', '2026-12-02'],
    ['date', '2026-12-01T16:05:00.000Z', '2026-12-02'],
  ])('%s %j is sent as %j', (kind, raw, sent) => {
    const value = normaliseSubscribeValue(kind, raw);
    expect(value).toBe(sent);
    expect(isAcceptedSubscribeValue(kind, value)).toBe(true);
  });

  it.each<[SubscribeFieldKind, string]>([
    ['thing', ''],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一'],
    ['thing', '两行\n文字'],
    ['phrase', '已接单1'],
    ['phrase', '一二三四五六'],
    ['name', '一二三四五六七八九十一'],
    ['character_string', '取餐码 482915'],
    ['character_string', '取餐码'],
    ['number', '12a'],
    ['amount', '12.50'],
    ['time', '2026年12月2日 9:30'],
    ['date', '12/02/2026'],
  ])('WeChat refuses %s %j', (kind, value) => {
    expect(isAcceptedSubscribeValue(kind, value)).toBe(false);
  });
});

describe('templates of notification topics', () => {
  it.each(SUBSCRIBE_TOPICS)('%s fills every keyword of its template within WeChat’s limits', (topic) => {
    const template = SUBSCRIBE_TEMPLATES[SUBSCRIBE_TOPIC_TEMPLATES[topic].template];
    const data = subscribeMessageData(topic, WORST[topic]);
    expect(Object.keys(data).sort()).toEqual(Object.keys(template.keywords).sort());
    for (const [key, [, kind]] of Object.entries(template.keywords) as [string, readonly [string, SubscribeFieldKind]][]) {
      expect({ key, value: data[key].value, accepted: isAcceptedSubscribeValue(kind, data[key].value) }).toEqual({ key, value: data[key].value, accepted: true });
    }
  });

  it('are topics of the outbox, each sent in WeChat only to the audiences its words are for', () => {
    const topics: NotificationTopic[] = SUBSCRIBE_TOPICS;
    expect(topics.filter((topic) => audiencesOf(topic).some((audience) => subscribeTopicFor(topic, audience) === null))).toEqual(['order.assign', 'order.cancel']);
    expect(subscribeTopicFor('order.assign', 'household')).toBe('order.assign');
    expect(subscribeTopicFor('order.assign', 'worker')).toBeNull();
    expect(subscribeTopicFor('order.sla_warning', 'resident')).toBeNull();
    expect(subscribeTopicFor('meal_order.not_at_home', 'community_staff')).toBe('meal_order.not_at_home');
  });

  it('says what happened in words a resident reads', () => {
    expect(subscribeMessageData('booking.reminder', { serviceName: '助浴服务', centreName: '安大社区市民中心', startsAt: AT, lead: 'day_before' })).toEqual({
      thing1: { value: '助浴服务' },
      thing2: { value: '安大社区市民中心' },
      time3: { value: '2026-12-02 09:30' },
      thing4: { value: '您明天有预约，请按时到场' },
    });
    expect(subscribeMessageData('order.offer', WORST['order.offer']).thing4.value).toBe('请在2分钟内接单');
    expect(subscribeMessageData('provider.reject', WORST['provider.reject']).thing3.value).toBe('无');
  });

  it('keys each keyword by its kind, as WeChat names them (thing1, time3 …)', () => {
    for (const name of SUBSCRIBE_TEMPLATE_NAMES) {
      for (const [key, [, kind]] of Object.entries(SUBSCRIBE_TEMPLATES[name].keywords) as [string, readonly [string, SubscribeFieldKind]][]) {
        expect(key).toMatch(new RegExp(`^${kind}\\d+$`));
      }
    }
  });

  it('asks at each moment for at most 3 templates (requestSubscribeMessage’s limit), and asks for every template somewhere', () => {
    const asked = Object.values(SUBSCRIBE_MOMENTS).flat();
    expect(Math.max(...Object.values(SUBSCRIBE_MOMENTS).map((names) => names.length))).toBeLessThanOrEqual(3);
    expect(new Set(asked)).toEqual(new Set(SUBSCRIBE_TEMPLATE_NAMES));
  });
});
