import { ORDER_EVENT_LABELS, ORDER_STATUSES, type OrderActor, type OrderEvent, type OrderStatus, type OrderTimelineEntry } from './dispatch';
import { RESIDENT_ORDER_STATUS_LABELS, residentTimeline } from './order-timeline';

let minute = 0;
function entry(event: OrderEvent, actor: OrderActor, actorName: string, reason: string | null = null, toStatus: OrderStatus = 'pending_dispatch'): OrderTimelineEntry {
  return { event, label: ORDER_EVENT_LABELS[event], fromStatus: null, toStatus, actor, actorName, reason, at: new Date(Date.UTC(2026, 11, 1, 1, minute++)).toISOString() };
}

/** Dispatcher words residents must never read. */
const JARGON = /派单|人工|符合条件|在线服务人员|超时|拒单|抢单/;

describe('the resident’s words for an order', () => {
  it('turns an escalation after refusals into plain words, without who refused or why', () => {
    const staffTimeline = [
      entry('offer', 'system', '系统', null, 'offered'),
      entry('reject', 'worker', '钱师傅', '距离太远'),
      entry('offer', 'system', '系统', null, 'offered'),
      entry('expire', 'system', '系统', '超时未接单'),
      entry('escalate', 'system', '系统', '暂无符合条件的在线服务人员', 'escalated'),
      entry('assign', 'staff', '张敏', '电话确认', 'accepted'),
      entry('set_out', 'worker', '赵师傅', null, 'en_route'),
    ];
    const seen = residentTimeline(staffTimeline);
    expect(seen.map((shown) => [shown.label, shown.actorName, shown.reason])).toEqual([
      ['正在为您联系服务人员', '邻里平台', null],
      ['正在为您安排服务人员', '邻里平台', null],
      ['社区已为您安排服务人员', '张敏', null],
      ['服务人员已出发，正在赶来', '赵师傅', null],
    ]);
    const text = JSON.stringify(seen.map(({ label, actorName, reason }) => [label, actorName, reason]));
    expect(text).not.toMatch(JARGON);
    expect(text).not.toContain('钱师傅');
    // The staff's own view is untouched.
    expect(staffTimeline[4]).toMatchObject({ label: '转社区人工派单', reason: '暂无符合条件的在线服务人员' });
  });

  it('keeps the reasons meant for the resident: their cancellation or complaint, staff’s answer, the automatic confirmation', () => {
    expect(residentTimeline([entry('cancel', 'resident', '王秀英', '时间有变', 'cancelled')])[0]).toMatchObject({ label: '订单已取消', reason: '时间有变' });
    expect(residentTimeline([entry('dispute', 'resident', '王秀英', '没有做完', 'disputed')])[0]).toMatchObject({ label: '已收到您的投诉', reason: '没有做完' });
    expect(residentTimeline([entry('resolve', 'staff', '张敏', '已安排返工', 'confirmed')])[0]).toMatchObject({ label: '投诉已处理', reason: '已安排返工' });
    expect(residentTimeline([entry('confirm', 'system', '系统', '3 天未确认，系统自动确认', 'confirmed')])[0]).toMatchObject({
      label: '已确认完成',
      reason: '3 天未确认，系统自动确认',
    });
  });

  it('walks a smooth order step by step', () => {
    const seen = residentTimeline([
      entry('offer', 'system', '系统', null, 'offered'),
      entry('accept', 'worker', '赵师傅', null, 'accepted'),
      entry('set_out', 'worker', '赵师傅', null, 'en_route'),
      entry('start', 'worker', '赵师傅', null, 'in_service'),
      entry('complete', 'worker', '赵师傅', '已打扫干净', 'completed'),
      entry('confirm', 'resident', '王秀英', null, 'confirmed'),
    ]);
    expect(seen.map((shown) => shown.event)).toEqual(['offer', 'accept', 'set_out', 'start', 'complete', 'confirm']);
    expect(seen[4]).toMatchObject({ label: '服务已完成', reason: null });
  });

  it('names every status without dispatcher words', () => {
    for (const status of ORDER_STATUSES) expect(RESIDENT_ORDER_STATUS_LABELS[status]).not.toMatch(JARGON);
  });
});
