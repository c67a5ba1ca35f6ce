import { MEAL_KIND_LABELS, shanghaiDateOf, shanghaiTimeOf, type ProviderDecision } from '@linli/shared';
import type { OutboxMessages, OutboxTopic } from '../outbox';

/** What a person reads in 消息: a short title (at most 20 characters, like a WeChat `thing` field) and one sentence. */
export interface NotificationText {
  title: string;
  body: string;
}

/** `12月3日 09:00`, in Shanghai time. */
function when(instant: string): string {
  const date = new Date(instant);
  const [, month, day] = shanghaiDateOf(date).split('-');
  return `${Number(month)}月${Number(day)}日 ${shanghaiTimeOf(date)}`;
}

/** `12月3日`. */
function day(date: string): string {
  const [, month, dayOfMonth] = date.split('-');
  return `${Number(month)}月${Number(dayOfMonth)}日`;
}

const PROVIDER_DECISION_TEXTS: Record<ProviderDecision, NotificationText> = {
  approve: { title: '入驻申请已通过', body: '您的服务机构入驻申请已通过审核，可以登录管理服务人员了。' },
  reject: { title: '入驻申请未通过', body: '您的服务机构入驻申请未通过审核，如有疑问请联系社区工作人员。' },
  suspend: { title: '服务机构已暂停', body: '您的服务机构已被暂停服务，如有疑问请联系社区工作人员。' },
  reinstate: { title: '服务机构已恢复', body: '您的服务机构已恢复服务。' },
};

type TextOf<Topic extends OutboxTopic> = (payload: OutboxMessages[Topic]) => NotificationText;

/**
 * The words of every topic somebody hears of (shared's audiencesOf); topics nobody hears of have none.
 * notification-texts.spec checks that every heard topic has words and that titles fit.
 */
export const NOTIFICATION_TEXTS: { [Topic in OutboxTopic]?: TextOf<Topic> } = {
  'booking.confirmed': (booking) => ({ title: '预约成功', body: `您的预约已确认：${when(booking.slotStartsAt)}，请按时到场。` }),
  'booking.declined': (booking) => ({ title: '预约未通过', body: `${when(booking.slotStartsAt)}的预约未通过审核，可以改约其他时段。` }),
  'booking.promoted_from_waitlist': (booking) => ({ title: '候补成功', body: `有人取消了预约，您已从候补转为正式预约：${when(booking.slotStartsAt)}。` }),
  'booking.reminder': (reminder) => ({
    title: reminder.lead === 'day_before' ? '明天有预约' : '一小时后有预约',
    body: `提醒您：${when(reminder.slotStartsAt)}有预约，请按时到场；去不了请提前取消。`,
  }),
  'booking.no_show': (booking) => ({ title: '预约未到场', body: `${when(booking.slotStartsAt)}的预约您没有到场，已记为未到场。` }),
  'order.offer': () => ({ title: '新的派单', body: '有一个上门服务订单派给您，请尽快在工作台接单或拒绝。' }),
  'order.accept': () => ({ title: '服务人员已接单', body: '您的上门服务订单已有服务人员接单。' }),
  'order.grab': () => ({ title: '服务人员已接单', body: '您的上门服务订单已有服务人员接单。' }),
  'order.assign': () => ({ title: '订单已安排', body: '工作人员已为上门服务订单安排了服务人员。' }),
  'order.set_out': () => ({ title: '服务人员已出发', body: '服务人员已出发，正在前往您家，请留意电话。' }),
  'order.complete': () => ({ title: '服务已完成', body: '上门服务已完成，请在订单里确认并评价。' }),
  'order.cancel': () => ({ title: '订单已取消', body: '一个上门服务订单已取消。' }),
  'provider.approve': () => PROVIDER_DECISION_TEXTS.approve,
  'provider.reject': () => PROVIDER_DECISION_TEXTS.reject,
  'provider.suspend': () => PROVIDER_DECISION_TEXTS.suspend,
  'provider.reinstate': () => PROVIDER_DECISION_TEXTS.reinstate,
  'meal_order.cancelled': (order) => ({
    title: '订餐已取消',
    body: `${day(order.mealDate)}${MEAL_KIND_LABELS[order.mealKind]}的订餐已取消：${order.reason}${order.refundedFen > 0 ? `，已退回助餐余额 ¥${(order.refundedFen / 100).toFixed(2)}` : ''}。`,
  }),
  'meal_order.on_the_way': (order) => ({
    title: '送餐员已出发',
    body: `${day(order.mealDate)}${MEAL_KIND_LABELS[order.mealKind]}已在送来的路上，请留意敲门。`,
  }),
  'meal_order.delivered': (order) => ({
    title: '餐已送到',
    body: `${day(order.mealDate)}${MEAL_KIND_LABELS[order.mealKind]}已送到家，请趁热食用。`,
  }),
  'meal_order.not_at_home': (order) => ({
    title: '送餐时家中无人',
    body: `${day(order.mealDate)}${MEAL_KIND_LABELS[order.mealKind]}送餐上门时无人应门，请尽快联系老人确认是否安好。`,
  }),
};

/** The words for one message, or null for a topic nobody hears of. */
export function notificationTextOf<Topic extends OutboxTopic>(topic: Topic, payload: OutboxMessages[Topic]): NotificationText | null {
  const text: TextOf<Topic> | undefined = NOTIFICATION_TEXTS[topic];
  return text ? text(payload) : null;
}
