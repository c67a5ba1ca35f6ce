import type { NotificationAudience, NotificationTopic, ReminderLead } from './notifications';
import { shanghaiDateOf, shanghaiTimeOf } from './time';

/**
 * WeChat subscribe messages (订阅消息): which template each notification topic is sent with, what goes into each of
 * the template's keywords, and WeChat's limits on keyword values (参数值内容限制 of subscribeMessage.send). A value
 * over a limit is refused by WeChat with 47003 for the whole message, so every value is normalised here first:
 * shortened, stripped of what the kind does not accept, times written on the Shanghai clock.
 */

/** The keyword kinds Linli's templates use (the `thing` of `thing1`), with WeChat's documented limits. */
export type SubscribeFieldKind = 'thing' | 'phrase' | 'name' | 'character_string' | 'number' | 'amount' | 'time' | 'date';

/** thing ≤ 20 characters of any kind; phrase ≤ 5 Chinese characters; character_string ≤ 32 digits, letters or symbols. */
const THING_MAX = 20;
const PHRASE_MAX = 5;
/** name: ≤ 10 Chinese characters, or ≤ 20 letters when it has no Chinese at all. */
const CHINESE_NAME_MAX = 10;
const LATIN_NAME_MAX = 20;
const CHARACTER_STRING_MAX = 32;
const NUMBER_DIGITS_MAX = 32;

const HAN = /\p{Script=Han}/u;
const CONTROL_OR_BREAK = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const CONTROLS_OR_BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;

/** Characters, not UTF-16 units: WeChat counts 一 and 𠀀 as one each. */
const characters = (text: string) => Array.from(text);

function clip(text: string, max: number): string {
  const all = characters(text);
  return all.length <= max ? text : `${all.slice(0, max - 1).join('')}…`;
}

/** One line of text: control characters and line breaks become spaces, runs of spaces one. */
function oneLine(text: string): string {
  return text.replace(CONTROLS_OR_BREAKS, ' ').replace(/\s+/g, ' ').trim();
}

/** A value as WeChat accepts it for a keyword of this kind (see `isAcceptedSubscribeValue`). */
export function normaliseSubscribeValue(kind: SubscribeFieldKind, raw: string | number): string {
  switch (kind) {
    case 'thing':
      return clip(oneLine(String(raw)), THING_MAX) || '无';
    case 'phrase':
      return characters(String(raw))
        .filter((character) => HAN.test(character))
        .slice(0, PHRASE_MAX)
        .join('');
    case 'name': {
      const name = characters(oneLine(String(raw))).filter((character) => HAN.test(character) || /[A-Za-z·. ]/.test(character));
      const max = name.some((character) => HAN.test(character)) ? CHINESE_NAME_MAX : LATIN_NAME_MAX;
      return name.slice(0, max).join('').trim() || '未填写';
    }
    case 'character_string':
      return String(raw)
        .replace(/[^\x21-\x7e]/g, '')
        .slice(0, CHARACTER_STRING_MAX);
    case 'number':
      return String(raw);
    case 'amount':
      return `¥${(Number(raw) / 100).toFixed(2)}`;
    case 'time':
      return `${shanghaiDateOf(new Date(raw))} ${shanghaiTimeOf(new Date(raw))}`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(raw)) ? String(raw) : shanghaiDateOf(new Date(raw));
  }
}

/** WeChat's limit for the kind, as a check on a finished value (the unit tests hold every template to it). */
export function isAcceptedSubscribeValue(kind: SubscribeFieldKind, value: string): boolean {
  const length = characters(value).length;
  switch (kind) {
    case 'thing':
      return length >= 1 && length <= THING_MAX && !CONTROL_OR_BREAK.test(value);
    case 'phrase':
      return length >= 1 && length <= PHRASE_MAX && characters(value).every((character) => HAN.test(character));
    case 'name':
      return length >= 1 && length <= (HAN.test(value) ? CHINESE_NAME_MAX : LATIN_NAME_MAX);
    case 'character_string':
      return length >= 1 && length <= CHARACTER_STRING_MAX && /^[\x21-\x7e]+$/.test(value);
    case 'number':
      return new RegExp(`^\\d{1,${NUMBER_DIGITS_MAX}}(\\.\\d+)?$`).test(value);
    case 'amount':
      return /^¥\d{1,10}(\.\d{1,2})?$/.test(value);
    case 'time':
      return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value);
  }
}

/**
 * The templates Linli sends, as picked from WeChat's public template library (公共模板库) in the mini program's
 * admin console: the title to search for and each keyword's key and kind. Keys are fixed by the library template;
 * an operator who picks a different template changes the keys here. Template ids come from configuration
 * (`WECHAT_SUBSCRIBE_TEMPLATE_<NAME>`, see docs/operations.md).
 */
export const SUBSCRIBE_TEMPLATES = {
  booking_result: {
    title: '预约结果通知',
    keywords: { thing1: ['服务项目', 'thing'], thing2: ['服务地点', 'thing'], time3: ['预约时间', 'time'], phrase4: ['预约状态', 'phrase'], thing5: ['温馨提示', 'thing'] },
  },
  booking_reminder: {
    title: '预约提醒',
    keywords: { thing1: ['服务项目', 'thing'], thing2: ['服务地点', 'thing'], time3: ['预约时间', 'time'], thing4: ['温馨提示', 'thing'] },
  },
  home_order_offer: {
    title: '新订单提醒',
    keywords: { thing1: ['服务项目', 'thing'], thing2: ['服务地址', 'thing'], time3: ['上门时间', 'time'], thing4: ['备注', 'thing'] },
  },
  home_order_status: {
    title: '订单状态通知',
    keywords: { thing1: ['服务项目', 'thing'], phrase2: ['订单状态', 'phrase'], name3: ['服务人员', 'name'], time4: ['上门时间', 'time'], thing5: ['温馨提示', 'thing'] },
  },
  provider_review: {
    title: '审核结果通知',
    keywords: { thing1: ['申请内容', 'thing'], phrase2: ['审核结果', 'phrase'], thing3: ['备注', 'thing'], time4: ['审核时间', 'time'] },
  },
  meal_order_status: {
    title: '订餐状态通知',
    keywords: { thing1: ['餐品', 'thing'], phrase2: ['订单状态', 'phrase'], name3: ['用餐人', 'name'], date4: ['用餐日期', 'date'], thing5: ['备注', 'thing'] },
  },
  meal_delivery_alert: {
    title: '送餐异常提醒',
    keywords: { name1: ['老人姓名', 'name'], thing2: ['餐品', 'thing'], time3: ['送达时间', 'time'], thing4: ['异常说明', 'thing'] },
  },
} as const satisfies Record<string, { title: string; keywords: Record<string, readonly [string, SubscribeFieldKind]> }>;

export type SubscribeTemplateName = keyof typeof SUBSCRIBE_TEMPLATES;
export const SUBSCRIBE_TEMPLATE_NAMES = Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateName[];

type KeywordOf<Name extends SubscribeTemplateName> = keyof (typeof SUBSCRIBE_TEMPLATES)[Name]['keywords'];

/** A booking of a service at a citizen centre, as a message tells it. */
export interface BookingMessageContent {
  serviceName: string;
  centreName: string;
  /** The slot's start, an ISO instant. */
  startsAt: string;
}

/** A home-service order, as a message tells it. */
export interface HomeOrderMessageContent {
  serviceName: string;
  /** The window's start, an ISO instant. */
  startsAt: string;
}

/** An elder meal order, as a message tells it. */
export interface MealOrderMessageContent {
  /** e.g. 午餐, or 午餐·安大社区长者食堂. */
  mealName: string;
  elderName: string;
  /** The Shanghai date of the meal, YYYY-MM-DD. */
  mealDate: string;
}

/**
 * What the sender knows for each topic that has a template: the notifications relay builds this from the outbox
 * message (names, not ids) and hands it to the WeChat channel. Topic names are the outbox's (NotificationTopic).
 */
export interface SubscribeMessageContents {
  'booking.confirmed': BookingMessageContent;
  'booking.declined': BookingMessageContent & { reason: string };
  'booking.promoted_from_waitlist': BookingMessageContent;
  'booking.reminder': BookingMessageContent & { lead: ReminderLead };
  'booking.no_show': BookingMessageContent;
  'order.offer': HomeOrderMessageContent & { communityName: string; secondsToAccept: number };
  'order.accept': HomeOrderStatusContent;
  'order.grab': HomeOrderStatusContent;
  'order.assign': HomeOrderStatusContent;
  'order.set_out': HomeOrderStatusContent;
  'order.complete': HomeOrderStatusContent;
  'order.cancel': HomeOrderStatusContent & { reason: string };
  'provider.approve': ProviderReviewContent;
  'provider.reject': ProviderReviewContent & { reason: string };
  'provider.suspend': ProviderReviewContent & { reason: string };
  'provider.reinstate': ProviderReviewContent;
  'meal_order.cancelled': MealOrderMessageContent & { reason: string };
  'meal_order.on_the_way': MealOrderMessageContent;
  'meal_order.delivered': MealOrderMessageContent;
  'meal_order.not_at_home': MealOrderMessageContent & { reportedAt: string };
}

/** A home-service order's new status: who is coming (null while nobody is). */
export type HomeOrderStatusContent = HomeOrderMessageContent & { workerName: string | null };

/** A staff decision on a provider organisation (its application or its standing). */
export interface ProviderReviewContent {
  providerName: string;
  /** An ISO instant. */
  decidedAt: string;
}

export type SubscribeTopic = keyof SubscribeMessageContents;

/**
 * Who each template is worded for: a message about someone's booking, order or meal goes to them and their household
 * (`resident`, `household`); the offer to the worker; the review to the applicant; a meal not taken in to the family
 * and the community's staff. Other audiences of a topic (the worker told of an assignment or a cancel) get no WeChat
 * message: their inbox and the live socket tell them.
 */
const SUBSCRIBE_AUDIENCES: Record<SubscribeTemplateName, readonly NotificationAudience[]> = {
  booking_result: ['resident', 'household'],
  booking_reminder: ['resident', 'household'],
  home_order_offer: ['worker'],
  home_order_status: ['resident', 'household'],
  provider_review: ['applicant'],
  meal_order_status: ['resident', 'household'],
  meal_delivery_alert: ['household', 'community_staff'],
};

interface TopicTemplate<Topic extends SubscribeTopic, Name extends SubscribeTemplateName> {
  template: Name;
  /** The mini program page the message opens. */
  page: string;
  values: (content: SubscribeMessageContents[Topic]) => Record<KeywordOf<Name>, string | number>;
}

type TopicTemplates = { [Topic in SubscribeTopic]: TopicTemplate<Topic, SubscribeTemplateName> };

/** One topic's entry with its template's keywords checked by the compiler. */
const templated = <Topic extends SubscribeTopic, Name extends SubscribeTemplateName>(entry: TopicTemplate<Topic, Name>) =>
  entry as unknown as TopicTemplate<Topic, SubscribeTemplateName>;

/** 订单: a resident's bookings and home orders. */
const MY_ORDERS = 'pages/orders/index';
const WORKER_DESK = 'provider/pages/index/index';
const MY_MEAL_ORDERS = 'meals/pages/orders/index';

const bookingResult = (status: string, note: string) => (content: BookingMessageContent) => ({
  thing1: content.serviceName,
  thing2: content.centreName,
  time3: content.startsAt,
  phrase4: status,
  thing5: note,
});

const homeOrderStatus = (status: string, note: (content: HomeOrderStatusContent & { reason?: string }) => string) => (content: HomeOrderStatusContent & { reason?: string }) => ({
  thing1: content.serviceName,
  phrase2: status,
  name3: content.workerName ?? '待安排',
  time4: content.startsAt,
  thing5: note(content),
});

const providerReview = (result: string, note: (content: ProviderReviewContent & { reason?: string }) => string) => (content: ProviderReviewContent & { reason?: string }) => ({
  thing1: content.providerName,
  phrase2: result,
  thing3: note(content),
  time4: content.decidedAt,
});

/** The one map topic → template → keyword values. */
export const SUBSCRIBE_TOPIC_TEMPLATES: TopicTemplates = {
  'booking.confirmed': templated({ template: 'booking_result', page: MY_ORDERS, values: bookingResult('预约成功', '请按时到场，出示预约码签到') }),
  'booking.declined': templated({
    template: 'booking_result',
    page: MY_ORDERS,
    values: (content: SubscribeMessageContents['booking.declined']) => bookingResult('未通过', content.reason)(content),
  }),
  'booking.promoted_from_waitlist': templated({ template: 'booking_result', page: MY_ORDERS, values: bookingResult('候补成功', '候补已转为预约，请按时到场') }),
  'booking.no_show': templated({ template: 'booking_result', page: MY_ORDERS, values: bookingResult('已爽约', '多次爽约将暂停线上预约') }),
  'booking.reminder': templated({
    template: 'booking_reminder',
    page: MY_ORDERS,
    values: (content: SubscribeMessageContents['booking.reminder']) => ({
      thing1: content.serviceName,
      thing2: content.centreName,
      time3: content.startsAt,
      thing4: content.lead === 'day_before' ? '您明天有预约，请按时到场' : '您的预约1小时后开始',
    }),
  }),
  'order.offer': templated({
    template: 'home_order_offer',
    page: WORKER_DESK,
    values: (content: SubscribeMessageContents['order.offer']) => ({
      thing1: content.serviceName,
      thing2: content.communityName,
      time3: content.startsAt,
      thing4: `请在${Math.max(1, Math.ceil(content.secondsToAccept / 60))}分钟内接单`,
    }),
  }),
  'order.accept': templated({ template: 'home_order_status', page: MY_ORDERS, values: homeOrderStatus('已接单', () => '服务人员将按约上门') }),
  'order.grab': templated({ template: 'home_order_status', page: MY_ORDERS, values: homeOrderStatus('已接单', () => '服务人员将按约上门') }),
  'order.assign': templated({ template: 'home_order_status', page: MY_ORDERS, values: homeOrderStatus('已派单', () => '服务人员将按约上门') }),
  'order.set_out': templated({ template: 'home_order_status', page: MY_ORDERS, values: homeOrderStatus('已出发', () => '服务人员正在赶来，请留意电话') }),
  'order.complete': templated({ template: 'home_order_status', page: MY_ORDERS, values: homeOrderStatus('已完成', () => '请确认服务并评价') }),
  'order.cancel': templated({ template: 'home_order_status', page: MY_ORDERS, values: homeOrderStatus('已取消', (content) => content.reason ?? '') }),
  'provider.approve': templated({ template: 'provider_review', page: WORKER_DESK, values: providerReview('已通过', () => '机构已可接单') }),
  'provider.reject': templated({ template: 'provider_review', page: WORKER_DESK, values: providerReview('未通过', (content) => content.reason ?? '') }),
  'provider.suspend': templated({ template: 'provider_review', page: WORKER_DESK, values: providerReview('已暂停', (content) => content.reason ?? '') }),
  'provider.reinstate': templated({ template: 'provider_review', page: WORKER_DESK, values: providerReview('已恢复', () => '机构已恢复接单') }),
  'meal_order.cancelled': templated({
    template: 'meal_order_status',
    page: MY_MEAL_ORDERS,
    values: (content: SubscribeMessageContents['meal_order.cancelled']) => ({
      thing1: content.mealName,
      phrase2: '已取消',
      name3: content.elderName,
      date4: content.mealDate,
      thing5: content.reason,
    }),
  }),
  'meal_order.on_the_way': templated({
    template: 'meal_order_status',
    page: MY_MEAL_ORDERS,
    values: (content: SubscribeMessageContents['meal_order.on_the_way']) => ({
      thing1: content.mealName,
      phrase2: '送餐中',
      name3: content.elderName,
      date4: content.mealDate,
      thing5: '送餐员已出发，请留意敲门',
    }),
  }),
  'meal_order.delivered': templated({
    template: 'meal_order_status',
    page: MY_MEAL_ORDERS,
    values: (content: SubscribeMessageContents['meal_order.delivered']) => ({
      thing1: content.mealName,
      phrase2: '已送达',
      name3: content.elderName,
      date4: content.mealDate,
      thing5: '餐已送到家，请趁热食用',
    }),
  }),
  'meal_order.not_at_home': templated({
    template: 'meal_delivery_alert',
    page: MY_MEAL_ORDERS,
    values: (content: SubscribeMessageContents['meal_order.not_at_home']) => ({
      name1: content.elderName,
      thing2: content.mealName,
      time3: content.reportedAt,
      thing4: '送餐时家中无人，请尽快联系老人',
    }),
  }),
};

export const SUBSCRIBE_TOPICS = Object.keys(SUBSCRIBE_TOPIC_TEMPLATES) as SubscribeTopic[];

/** The template a message of `topic` to `audience` goes out with in WeChat, or null when it has none. */
export function subscribeTopicFor(topic: NotificationTopic, audience: NotificationAudience): SubscribeTopic | null {
  if (!(topic in SUBSCRIBE_TOPIC_TEMPLATES)) return null;
  const subscribeTopic = topic as SubscribeTopic;
  return SUBSCRIBE_AUDIENCES[SUBSCRIBE_TOPIC_TEMPLATES[subscribeTopic].template].includes(audience) ? subscribeTopic : null;
}

/** The `data` of subscribeMessage.send: every keyword's value normalised to its kind. */
export function subscribeMessageData<Topic extends SubscribeTopic>(topic: Topic, content: SubscribeMessageContents[Topic]): Record<string, { value: string }> {
  const entry = SUBSCRIBE_TOPIC_TEMPLATES[topic] as TopicTemplate<Topic, SubscribeTemplateName>;
  const keywords = SUBSCRIBE_TEMPLATES[entry.template].keywords as Record<string, readonly [string, SubscribeFieldKind]>;
  const values = entry.values(content) as Record<string, string | number>;
  return Object.fromEntries(Object.entries(keywords).map(([key, [, kind]]) => [key, { value: normaliseSubscribeValue(kind, values[key]) }]));
}

/**
 * When the mini program asks for authorisations (Taro.requestSubscribeMessage, at most 3 templates a call): after
 * booking, after ordering a meal or a home service, when a worker goes online.
 */
export const SUBSCRIBE_MOMENTS = {
  after_booking: ['booking_result', 'booking_reminder'],
  after_home_order: ['home_order_status'],
  after_meal_order: ['meal_order_status', 'meal_delivery_alert'],
  worker_online: ['home_order_offer'],
  provider_application: ['provider_review'],
} as const satisfies Record<string, readonly SubscribeTemplateName[]>;

export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;

/** The template ids the mini program asks for at each moment (configured ones only): GET /api/wechat/subscribe-templates. */
export interface SubscribeTemplatesView {
  moments: Record<SubscribeMoment, string[]>;
}

/** What `requestSubscribeMessage` answers per template: 允许, 取消, banned by the admin, filtered by WeChat. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

/** What the mini program reports after `requestSubscribeMessage` (POST /api/me/subscriptions): each template's answer. */
export interface SubscribeGrantsInput {
  results: { templateId: string; result: SubscribeResult }[];
}

/** The authorisations left per template id, after a report. */
export interface SubscribeGrantsView {
  grants: { templateId: string; remaining: number }[];
}
