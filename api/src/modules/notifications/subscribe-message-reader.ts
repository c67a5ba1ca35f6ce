import { Injectable } from '@nestjs/common';
import { MEAL_KIND_LABELS, subscribeTopicFor, type NotificationAudience, type SubscribeMessageContents, type SubscribeTopic } from '@linli/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock';
import type { OutgoingNotification } from './notification-channel';
import { plainSelect } from '../../database/plain-select';

/** A subscribe message ready for WechatSubscribeMessages: its topic in the template map and what it says. */
export type SubscribeContent = { [Topic in SubscribeTopic]: { topic: Topic; content: SubscribeMessageContents[Topic] } }[SubscribeTopic];

type Row = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const instant = (value: unknown) => (value instanceof Date ? value : new Date(text(value))).toISOString();

/**
 * What a subscribe message says, read for one notification: outbox payloads carry ids, WeChat's keywords want names
 * (the service, the centre, the worker, the canteen). Also which template the recipient gets, if any: templates are
 * worded for one audience each (shared's subscribeTopicFor), and the audience is told from the recipient's account —
 * the assigned worker, the community's staff, otherwise the person or their household.
 * Null: no WeChat message for this recipient (the inbox has it), or the record is gone.
 */
@Injectable()
export class SubscribeMessageReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async contentOf(notification: OutgoingNotification): Promise<SubscribeContent | null> {
    const topic = subscribeTopicFor(notification.topic, await this.audienceOf(notification));
    if (!topic) return null;
    const { payload } = notification;
    switch (topic) {
      case 'booking.confirmed':
      case 'booking.promoted_from_waitlist':
      case 'booking.no_show':
      case 'booking.declined':
      case 'booking.reminder': {
        const booking = payload as { bookingId: string; slotStartsAt: string; lead?: 'day_before' | 'hour_before' };
        const row = await this.one(
          `SELECT s.name AS serviceName, c.name AS centreName
             FROM booking b JOIN centre_service cs ON cs.id = b.centre_service_id
             JOIN community_service s ON s.id = cs.service_id JOIN centre c ON c.id = cs.centre_id WHERE b.id = ?`,
          booking.bookingId,
        );
        if (!row) return null;
        const base = { serviceName: text(row.serviceName), centreName: text(row.centreName), startsAt: booking.slotStartsAt };
        if (topic === 'booking.declined') return { topic, content: { ...base, reason: '可改约其他时段' } };
        if (topic === 'booking.reminder') return { topic, content: { ...base, lead: booking.lead ?? 'day_before' } };
        return { topic, content: base };
      }
      case 'order.offer':
      case 'order.accept':
      case 'order.grab':
      case 'order.assign':
      case 'order.set_out':
      case 'order.complete':
      case 'order.cancel': {
        const order = payload as { orderId: string; workerId: string | null };
        const row = await this.one(
          `SELECT s.name AS serviceName, o.window_starts_at AS startsAt, r.name AS communityName, w.name AS workerName
             FROM service_order o LEFT JOIN community_service s ON s.id = o.service_id JOIN region r ON r.id = o.community_id
             LEFT JOIN worker w ON w.id = o.worker_id WHERE o.id = ?`,
          order.orderId,
        );
        if (!row) return null;
        const base = { serviceName: text(row.serviceName) || '上门服务', startsAt: instant(row.startsAt) };
        if (topic === 'order.offer') {
          const offer = await this.one(
            `SELECT expires_at AS expiresAt FROM dispatch_offer WHERE order_id = ? AND worker_id = ? ORDER BY offered_at DESC LIMIT 1`,
            order.orderId,
            order.workerId,
          );
          const secondsToAccept = offer ? Math.max(0, Math.round((new Date(instant(offer.expiresAt)).getTime() - this.clock.now().getTime()) / 1000)) : 0;
          return { topic, content: { ...base, communityName: text(row.communityName), secondsToAccept } };
        }
        const status = { ...base, workerName: row.workerName ? text(row.workerName) : null };
        if (topic === 'order.cancel') return { topic, content: { ...status, reason: '如有疑问请联系社区' } };
        return { topic, content: status };
      }
      case 'provider.approve':
      case 'provider.reject':
      case 'provider.suspend':
      case 'provider.reinstate': {
        const decision = payload as { providerId: string };
        const row = await this.one(`SELECT name, decision_reason AS reason FROM provider WHERE id = ?`, decision.providerId);
        if (!row) return null;
        const base = { providerName: text(row.name), decidedAt: this.clock.now().toISOString() };
        if (topic === 'provider.approve' || topic === 'provider.reinstate') return { topic, content: base };
        return { topic, content: { ...base, reason: text(row.reason) || '请联系社区工作人员' } };
      }
      case 'meal_order.cancelled':
      case 'meal_order.on_the_way':
      case 'meal_order.delivered':
      case 'meal_order.not_at_home': {
        const order = payload as { residentId: string; mealPointId: string; mealDate: string; mealKind: keyof typeof MEAL_KIND_LABELS; reason?: string; reportedAt?: string };
        const row = await this.one(
          `SELECT (SELECT name FROM resident WHERE id = ?) AS elderName, (SELECT name FROM meal_point WHERE id = ?) AS pointName`,
          order.residentId,
          order.mealPointId,
        );
        const meal = { mealName: `${MEAL_KIND_LABELS[order.mealKind]}·${text(row?.pointName)}`, elderName: text(row?.elderName), mealDate: order.mealDate };
        if (topic === 'meal_order.cancelled') return { topic, content: { ...meal, reason: order.reason ?? '订餐已取消' } };
        if (topic === 'meal_order.on_the_way' || topic === 'meal_order.delivered') return { topic, content: meal };
        return { topic, content: { ...meal, reportedAt: order.reportedAt ?? this.clock.now().toISOString() } };
      }
    }
  }

  /** Who the recipient is to this message; the template follows from it. */
  private async audienceOf(notification: OutgoingNotification): Promise<NotificationAudience> {
    const account = await this.one(`SELECT role, resident_id AS residentId FROM account WHERE id = ?`, notification.recipientId);
    const role = text(account?.role);
    if (notification.topic.startsWith('provider.')) return 'applicant';
    if (role === 'worker') return 'worker';
    if (role === 'staff' || role === 'admin') return 'community_staff';
    const residentId = (notification.payload as { residentId?: string | null }).residentId;
    return residentId && account?.residentId === residentId ? 'resident' : 'household';
  }

  private async one(sql: string, ...parameters: unknown[]): Promise<Row | null> {
    const rows = await plainSelect<Row>(this.dataSource, sql, parameters);
    return rows[0] ?? null;
  }
}
