import { ORDER_STATUS_LABELS, type OrderEvent, type OrderStatus, type OrderTimelineEntry } from './dispatch';

/**
 * What residents read about their home-service order. Staff and workers keep the dispatcher's words
 * (ORDER_STATUS_LABELS, ORDER_EVENT_LABELS and every reason: "转社区人工派单 · 暂无符合条件的在线服务人员"); a resident
 * is told in plain words what is happening for them, and never sees who refused the order or why.
 */
export const RESIDENT_ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  ...ORDER_STATUS_LABELS,
  // Only the dispatcher's own statuses need other words; the rest already read plainly.
  pending_dispatch: '正在安排服务人员',
  offered: '等待服务人员接单',
  escalated: '正在安排服务人员',
};

interface ResidentWording {
  label: string;
  /** Whether the reason is for the resident too (their own words, or staff's answer to them). */
  showReason: boolean;
}

/** Per event: its words for residents, or null when the step is the dispatcher's business only. */
const RESIDENT_WORDING: Record<OrderEvent, ResidentWording | null> = {
  offer: { label: '正在为您联系服务人员', showReason: false },
  // A refusal or an unanswered offer is followed by the next offer or by staff taking over: that is what to say.
  reject: null,
  expire: null,
  grab: { label: '服务人员已接单', showReason: false },
  escalate: { label: '正在为您安排服务人员', showReason: false },
  assign: { label: '社区已为您安排服务人员', showReason: false },
  requeue: { label: '正在为您重新安排服务人员', showReason: false },
  accept: { label: '服务人员已接单', showReason: false },
  set_out: { label: '服务人员已出发，正在赶来', showReason: false },
  start: { label: '服务人员开始服务', showReason: false },
  // The note of what was done is on the order itself (服务记录).
  complete: { label: '服务已完成', showReason: false },
  confirm: { label: '已确认完成', showReason: true },
  cancel: { label: '订单已取消', showReason: true },
  dispute: { label: '已收到您的投诉', showReason: true },
  resolve: { label: '投诉已处理', showReason: true },
};

/**
 * The timeline as a resident sees it: dispatcher-only steps left out, each step in plain words, reasons kept only
 * where they are meant for the resident, and a run of the same words (offer after offer while workers decline)
 * shown once. The dispatcher ("系统") is named as the platform.
 */
export function residentTimeline(entries: readonly OrderTimelineEntry[]): OrderTimelineEntry[] {
  const shown: OrderTimelineEntry[] = [];
  for (const entry of entries) {
    const wording = RESIDENT_WORDING[entry.event];
    if (!wording) continue;
    if (shown.length > 0 && shown[shown.length - 1].label === wording.label) continue;
    shown.push({ ...entry, label: wording.label, reason: wording.showReason ? entry.reason : null, actorName: entry.actor === 'system' ? '邻里平台' : entry.actorName });
  }
  return shown;
}
