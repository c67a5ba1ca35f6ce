import { MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, type MealFulfilment, type MealKind } from './meal-menu';
import { formatYuan } from './meal-pricing';
import { MEAL_PAYMENT_METHOD_LABELS, type MealPaymentMethod } from './meal-views';
import { addDays } from './time';

/*
 * The read-back of elder mode (issue 16): before anything is committed, one sentence in plain words says what will
 * happen, for whom, where and when — "将为 李建国 预约 6月3日（周三）上午9:00 在 安大社区市民中心 的 社保医保代办". The
 * same sentence is shown on the confirmation screen and read aloud (朗读), so it is built in one place, from the
 * facts only (no markup), with spaces around names so a speech engine pauses there.
 */

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026-06-03` → `6月3日（周三）`; with `today` given, 今天/明天/后天 in front when it is one of them. */
export function spokenDate(date: string, today?: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const near = today === undefined ? -1 : [0, 1, 2].find((days) => addDays(today, days) === date);
  const prefix = near === undefined || near < 0 ? '' : ['今天', '明天', '后天'][near];
  return `${prefix}${month}月${day}日（周${weekday}）`;
}

/**
 * `09:00` → `上午9:00`, `12:30` → `中午12:30`, `14:00` → `下午2:00`, `19:00` → `晚上7:00`: the twelve-hour clock with
 * the part of the day, as people say a time aloud.
 */
export function spokenTime(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const mm = String(minutes).padStart(2, '0');
  if (hours < 5) return `凌晨${hours}:${mm}`;
  if (hours < 12) return `上午${hours}:${mm}`;
  if (hours < 13) return `中午${hours}:${mm}`;
  if (hours < 18) return `下午${hours - 12}:${mm}`;
  return `晚上${hours - 12}:${mm}`;
}

/** `08:00`–`12:00` → `上午8:00到12:00`; the part of the day is said again only when it changes (`上午11:00到下午1:00`). */
export function spokenTimeRange(start: string, end: string): string {
  const from = spokenTime(start);
  const to = spokenTime(end);
  const part = (spoken: string) => spoken.slice(0, 2);
  return `${from}到${part(from) === part(to) ? to.slice(2) : to}`;
}

/** When a booked slot, or a home visit's window, starts (and ends): its day and time. */
export interface ReadBackWhen {
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  date: string;
  /** `HH:mm`. */
  start: string;
  /** `HH:mm`: said only for a window (a home visit), a slot is said by its start. */
  end?: string;
}

/** What can be read back: each flow that commits something, and a worker's offer. */
export type ReadBackFacts =
  /** A centre service booked (or, `waitlist`, waited for) for `person`; `done` once it is (已为 … instead of 将为 …). */
  | { kind: 'book' | 'waitlist' | 'cancel_booking'; person: string; when: ReadBackWhen; centre: string; service: string; done?: boolean }
  /** An elder meal ordered for `person`; `payableFen` once the price is known. */
  | {
      kind: 'order_meal';
      person: string;
      date: string;
      mealKind: MealKind;
      point: string;
      dishes: ReadonlyArray<{ name: string; quantity: number }>;
      fulfilment: MealFulfilment;
      payment: MealPaymentMethod;
      payableFen?: number | null;
      /** 送餐: where it goes. */
      address?: string | null;
      done?: boolean;
    }
  /** A meal order given up. */
  | { kind: 'cancel_meal'; person: string; date: string; mealKind: MealKind; point: string }
  /** A home visit asked for `person` (home-service order), or (`cancel_home_order`) given up. */
  | { kind: 'home_order' | 'cancel_home_order'; person: string; when: ReadBackWhen & { end: string }; service: string; address: string; done?: boolean }
  /** A visit offered to a worker: for whom (none for a meal delivery run), when, where, what. */
  | { kind: 'offer'; person: string | null; when: ReadBackWhen & { end: string }; service: string; address: string };

function dishesText(dishes: ReadonlyArray<{ name: string; quantity: number }>): string {
  return dishes.map((dish) => `${dish.name} ${dish.quantity} 份`).join('、');
}

/**
 * The read-back sentence of `facts`. `today` (`YYYY-MM-DD`, Asia/Shanghai), when given, says 今天/明天/后天 before
 * the date. Pure: the same facts always read the same.
 */
export function readBackSentence(facts: ReadBackFacts, today?: string): string {
  const will = 'done' in facts && facts.done ? '已为' : '将为';
  switch (facts.kind) {
    case 'book':
      return `${will} ${facts.person} 预约 ${spokenDate(facts.when.date, today)}${spokenTime(facts.when.start)} 在 ${facts.centre} 的 ${facts.service}`;
    case 'waitlist':
      return `将为 ${facts.person} 排队候补 ${spokenDate(facts.when.date, today)}${spokenTime(facts.when.start)} 在 ${facts.centre} 的 ${facts.service}，有人取消时按顺序补上`;
    case 'cancel_booking':
      return `将取消 ${facts.person} ${spokenDate(facts.when.date, today)}${spokenTime(facts.when.start)} 在 ${facts.centre} 的 ${facts.service} 预约，名额会让给别人`;
    case 'order_meal': {
      const how =
        facts.fulfilment === 'delivery' ? `由 ${facts.point} 送餐${facts.address ? `到 ${facts.address}` : ''}` : `在 ${facts.point} ${MEAL_FULFILMENT_LABELS[facts.fulfilment]}`;
      const pay =
        typeof facts.payableFen === 'number'
          ? `，实付 ${formatYuan(facts.payableFen)} 元，${MEAL_PAYMENT_METHOD_LABELS[facts.payment]}`
          : `，${MEAL_PAYMENT_METHOD_LABELS[facts.payment]}`;
      return `${will} ${facts.person} 订 ${spokenDate(facts.date, today)}的${MEAL_KIND_LABELS[facts.mealKind]}：${dishesText(facts.dishes)}，${how}${pay}`;
    }
    case 'cancel_meal':
      return `将取消 ${facts.person} ${spokenDate(facts.date, today)}在 ${facts.point} 的${MEAL_KIND_LABELS[facts.mealKind]}订单`;
    case 'home_order':
      return `${will} ${facts.person} 预约 ${spokenDate(facts.when.date, today)}${spokenTimeRange(facts.when.start, facts.when.end)} 的 ${facts.service}，上门地址：${facts.address}`;
    case 'cancel_home_order':
      return `将取消 ${facts.person} ${spokenDate(facts.when.date, today)}${spokenTimeRange(facts.when.start, facts.when.end)} 的 ${facts.service}，上门地址：${facts.address}`;
    case 'offer':
      return `新订单：${spokenDate(facts.when.date, today)}${spokenTimeRange(facts.when.start, facts.when.end)} 到 ${facts.address}${facts.person ? ` 为 ${facts.person}` : ''} 提供 ${facts.service}`;
  }
}
