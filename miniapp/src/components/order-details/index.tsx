import { Text, View } from '@tarojs/components';

import type { ReactNode } from 'react';
import { serviceOrderTitle, type OrderTimelineEntry, type ServiceOrderView } from '@linli/shared';

import { starsOf, windowLabel } from '../../texts/order-messages';
import { formatDateTime } from '../../utils/datetime';

import './index.scss';

export interface OrderSummaryProps {
  order: ServiceOrderView;
  /** Residents see who is coming; workers and staff also see whom the visit is for. */
  showPerson?: boolean;
  /** BEM modifier for the card (tests and pages tell cards apart by it). */
  className?: string;
  /** One sentence under the status: what happens next. */
  hint?: string;
  /** Shown in the worker's box, under their masked number (the resident's 拨打电话). */
  workerAction?: ReactNode;
}

/**
 * The status in big type, then what, when, where, who: the lines every home-order screen shows. The status is the
 * API's `statusLabel`, worded for whoever asked (residents read plain words, staff and workers the dispatcher's).
 */
export function OrderSummary({ order, showPerson = true, className, hint, workerAction }: OrderSummaryProps) {
  return (
    <View className={`order-summary order-summary--${order.status}${className ? ` ${className}` : ''}`}>
      <Text className={`order-status order-status--${order.status}`} data-testid='order-status'>
        {order.statusLabel}
      </Text>
      {hint && <Text className='order-summary__hint'>{hint}</Text>}
      {order.overdue && <Text className='order-summary__warning'>已超过约定时间，社区工作人员正在跟进</Text>}
      <Text className='order-summary__service'>{serviceOrderTitle(order)}</Text>
      <Text className='order-summary__line'>时间：{windowLabel(order.windowStartsAt, order.windowEndsAt)}</Text>
      <Text className='order-summary__line'>地址：{order.address}</Text>
      {showPerson && order.person && <Text className='order-summary__line'>服务对象：{order.person.name}</Text>}
      <Text className='order-summary__line'>需要：{order.description}</Text>
      {order.centre && <Text className='order-summary__line'>安排中心：{order.centre.name}</Text>}
      {order.worker ? (
        <View className='order-worker'>
          <Text className='order-worker__name'>服务人员：{order.worker.name}</Text>
          <Text className='order-summary__line'>服务机构：{order.worker.providerName}</Text>
          <Text className='order-summary__line'>电话：{order.worker.phoneMasked}</Text>
          {workerAction}
        </View>
      ) : (
        <Text className='order-summary__line'>服务人员：正在安排</Text>
      )}
      {order.completionNote && <Text className='order-summary__line'>服务记录：{order.completionNote}</Text>}
      {order.rating && (
        <Text className='order-summary__line order-summary__rating'>
          评价：{starsOf(order.rating.score)}
          {order.rating.comment ? ` ${order.rating.comment}` : ''}
        </Text>
      )}
    </View>
  );
}

/** What happened to the order, oldest first, with who did it and why (as the API words it for the reader). */
export function OrderTimeline({ entries }: { entries: readonly OrderTimelineEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <View className='order-timeline'>
      <Text className='order-timeline__title'>订单进度</Text>
      {entries.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className='order-timeline__entry'>
          <Text className='order-timeline__label'>{entry.label}</Text>
          <Text className='order-timeline__meta'>
            {formatDateTime(entry.at) ?? ''} · {entry.actorName}
          </Text>
          {entry.reason && <Text className='order-timeline__reason'>原因：{entry.reason}</Text>}
        </View>
      ))}
    </View>
  );
}

/** A compact card for lists (订单 tab, workbench, board): tap to open. */
export function OrderListCard({ order, onOpen, children }: { order: ServiceOrderView; onOpen?: () => void; children?: ReactNode }) {
  return (
    <View className={`order-card order-card--${order.status}`} hoverClass={onOpen ? 'order-card--pressed' : 'none'} onClick={onOpen}>
      <View className='order-card__head'>
        <Text className='order-card__service'>{serviceOrderTitle(order)}</Text>
        <Text className={`order-status order-status--small order-status--${order.status}`}>{order.statusLabel}</Text>
      </View>
      <Text className='order-card__line'>时间：{windowLabel(order.windowStartsAt, order.windowEndsAt)}</Text>
      <Text className='order-card__line'>地址：{order.address}</Text>
      {order.person ? <Text className='order-card__line'>服务对象：{order.person.name}</Text> : <Text className='order-card__line'>{order.description}</Text>}
      {order.worker && <Text className='order-card__line'>服务人员：{order.worker.name}</Text>}
      {order.overdue && <Text className='order-summary__warning'>已超时</Text>}
      {children}
      {onOpen && <Text className='order-card__more'>查看详情 ›</Text>}
    </View>
  );
}
