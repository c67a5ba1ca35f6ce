import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { availableOrderEvents } from '@linli/shared';

import type { AssignableWorker, ServiceOrderDetail } from '@linli/shared';

import { OrderSummary, OrderTimeline } from '../../../components/order-details';
import { OrderPhotos } from '../../../components/order-photos';
import { isEmptyList, RemoteContent, RemoteRecord } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { formatDistance } from '../../../hooks/useCentreOrder';
import { useDispatchOrder } from '../../hooks/useDispatchBoard';
import { usePageId } from '../../../hooks/usePageId';
import { StaffDeskPage } from '../../components/staff-gate';

import type { DispatchOrderHandle, StaffPanel } from '../../hooks/useDispatchBoard';

import '../../components/staff-desk.scss';

const PANEL_LABELS: Record<StaffPanel, { open: string; submit: string }> = {
  assign: { open: '指派', submit: '确定指派' },
  requeue: { open: '重新派单', submit: '确定重新派单' },
  cancel: { open: '取消订单', submit: '确定取消' },
  resolve: { open: '处理投诉', submit: '投诉已处理' },
};

/** The staff buttons the state machine allows now. */
function panelsFor(order: ServiceOrderDetail): StaffPanel[] {
  const events = availableOrderEvents(order.status, 'staff');
  return (['assign', 'requeue', 'resolve', 'cancel'] as const).filter((panel) => events.includes(panel));
}

function Candidate({ worker, handle }: { worker: AssignableWorker; handle: DispatchOrderHandle }) {
  const selected = worker.id === handle.workerId;
  return (
    <View
      className={`staff-resident staff-candidate${selected ? ' staff-resident--pressed staff-candidate--selected' : ''}`}
      ariaRole='radio'
      ariaLabel={`${worker.name}${selected ? '，已选择' : ''}`}
      onClick={() => handle.chooseWorker(worker.id)}
    >
      <Text className='staff-resident__title'>
        {selected ? '✓ ' : ''}
        {worker.name} · {worker.providerName}
      </Text>
      <Text className='staff-resident__line'>
        {worker.online ? '在线' : '离线'} · 手上 {worker.openOrders}/{worker.maxOpenOrders}
        {worker.distanceMeters !== null ? ` · ${formatDistance(worker.distanceMeters)}` : ''}
        {worker.averageRating !== null ? ` · 评分 ${worker.averageRating.toFixed(1)}` : ''}
      </Text>
      {worker.notes.map((note) => (
        <Text key={note} className='staff-resident__line staff-candidate__note'>
          注意：{note}
        </Text>
      ))}
    </View>
  );
}

function Actions({ order, handle }: { order: ServiceOrderDetail; handle: DispatchOrderHandle }) {
  const panels = panelsFor(order);
  const { panel, action } = handle;
  return (
    <View className='staff-desk__block'>
      <View className='staff-booking__actions'>
        {panels.map((item) => (
          <Button
            key={item}
            className={`staff-order__${item}`}
            type={item === panel ? 'default' : item === 'cancel' ? 'danger' : 'primary'}
            size='large'
            onClick={() => handle.openPanel(item)}
          >
            {item === panel ? '收起' : PANEL_LABELS[item].open}
          </Button>
        ))}
      </View>
      {panel === 'assign' && (
        <View className='staff-desk__block'>
          <Text className='staff-desk__label'>选择服务人员（推荐的在前）</Text>
          <RemoteContent state={handle.candidates.state} onRetry={handle.candidates.retry} isEmpty={isEmptyList} emptyText='没有可指派的服务人员'>
            {(items) => items.map((worker) => <Candidate key={worker.id} worker={worker} handle={handle} />)}
          </RemoteContent>
        </View>
      )}
      {panel && (
        <>
          <TextField label='原因' value={handle.reason} onChange={handle.setReason} inputClassName='staff-order__reason' maxlength={200} />
          <SubmitButton className='staff-order__submit' type={panel === 'cancel' ? 'danger' : 'primary'} pending={action.status === 'pending'} onClick={handle.submit}>
            {PANEL_LABELS[panel].submit}
          </SubmitButton>
        </>
      )}
      {action.status === 'failed' && <Text className='staff-desk__message'>{action.message}</Text>}
      {action.status === 'done' && <Text className='staff-desk__message staff-desk__message--done'>{action.message}</Text>}
    </View>
  );
}

function OrderDesk({ orderId }: { orderId: string }) {
  const handle = useDispatchOrder(orderId);
  return (
    <RemoteRecord state={handle.state} onRetry={handle.retry} notFoundText='没有找到这个订单，或不在您负责的区域'>
      {(order) => (
        <>
          <OrderSummary order={order} />
          <OrderPhotos photos={order.photos} onStale={handle.reloadQuietly} />
          <Actions order={order} handle={handle} />
          <OrderTimeline entries={order.timeline} />
        </>
      )}
    </RemoteRecord>
  );
}

/** `/staff/pages/dispatch-order/index?id=<orderId>`: one home-service order for community staff. */
export function DispatchOrderPage() {
  const orderId = usePageId();
  return <StaffDeskPage title='上门服务订单' desk={() => <OrderDesk key={orderId} orderId={orderId} />} />;
}

export default DispatchOrderPage;
