import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { phoneCallOpen, readBackSentence, serviceOrderTitle, shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';

import type { ServiceOrderDetail } from '@linli/shared';

import { CallButton } from '../../../components/call-button';
import { ContactCommunity } from '../../../components/contact-community';
import { OrderSummary, OrderTimeline } from '../../../components/order-details';
import { OrderPhotos } from '../../../components/order-photos';
import { PageRoot } from '../../../components/page-root';
import { ReadBack } from '../../../components/read-back';
import { ReasonPicker } from '../../../components/reason-picker';
import { RemoteRecord } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { CANCEL_REASONS, COMMENT_MAX, COMPLAINT_REASONS, residentActionsOf, useHomeOrder } from '../../hooks/useHomeOrder';
import { usePageId } from '../../../hooks/usePageId';
import { usePhoneCall } from '../../../hooks/usePhoneCall';
import { fetchWorkerPhone } from '../../../services/home-orders';
import { isLiveOrder, RESIDENT_STATUS_HINTS } from '../../../texts/order-messages';
import { openOrdersTab } from '../../../navigation/routes';

import type { HomeOrderHandle } from '../../hooks/useHomeOrder';

import '../../../components/home-order-form/index.scss';
import '../../components/home-order.scss';

function Stars({ handle }: { handle: HomeOrderHandle }) {
  return (
    <View className='home-stars' ariaRole='radiogroup'>
      {[1, 2, 3, 4, 5].map((score) => (
        <View
          key={score}
          className={`home-stars__star${score <= handle.score ? ' home-stars__star--on' : ''}`}
          data-score={score}
          ariaRole='radio'
          ariaLabel={`${score} 颗星${score === handle.score ? '，已选择' : ''}`}
          onClick={() => handle.setScore(score)}
        >
          <Text>{score <= handle.score ? '★' : '☆'}</Text>
        </View>
      ))}
    </View>
  );
}

/** 取消 and 投诉 ask alike: a reason picked or typed, then a red button that sends it with the reason. */
const REASON_PANELS = {
  cancel: { question: '为什么取消', reasons: CANCEL_REASONS, confirmClassName: 'home-order__cancel-confirm', confirmText: '确定取消' },
  complain: { question: '遇到了什么问题', reasons: COMPLAINT_REASONS, confirmClassName: 'home-order__complain-confirm', confirmText: '提交投诉' },
} as const;

/** 将取消 李建国 明天6月3日（周三）上午9:00到中午12:00 的 居家养老上门服务，上门地址：… (issue 16's read-back). */
function cancelSentence(order: ServiceOrderDetail): string {
  const starts = new Date(order.windowStartsAt);
  const when = { date: shanghaiDateOf(starts), start: shanghaiTimeOf(starts), end: shanghaiTimeOf(new Date(order.windowEndsAt)) };
  const facts = { kind: 'cancel_home_order', person: order.person?.name ?? '', when, service: serviceOrderTitle(order), address: order.address } as const;
  return readBackSentence(facts, shanghaiDateOf(new Date()));
}

function ReasonPanel({ order, handle, panel }: { order: ServiceOrderDetail; handle: HomeOrderHandle; panel: keyof typeof REASON_PANELS }) {
  const { question, reasons, confirmClassName, confirmText } = REASON_PANELS[panel];
  if (panel === 'cancel') {
    // Cancelling reads back what is given up, with 朗读, the reason asked under it, then 确定取消 or 不取消.
    return (
      <ReadBack
        className='home-order__panel home-cancel-step'
        title='确定要取消这个订单吗？'
        sentence={cancelSentence(order)}
        confirmClassName={confirmClassName}
        confirmText={confirmText}
        pending={handle.action.status === 'pending'}
        onConfirm={handle.cancel}
        backText='不取消，返回'
        onBack={() => handle.openPanel(null)}
      >
        <ReasonPicker label={question} options={reasons} value={handle.reason} onChange={handle.setReason} inputClassName='home-order__reason' />
      </ReadBack>
    );
  }
  return (
    <View className='home-order__panel'>
      <ReasonPicker label={question} options={reasons} value={handle.reason} onChange={handle.setReason} inputClassName='home-order__reason' />
      <SubmitButton className={confirmClassName} type='danger' pending={handle.action.status === 'pending'} onClick={handle[panel]}>
        {confirmText}
      </SubmitButton>
    </View>
  );
}

function RatePanel({ handle }: { handle: HomeOrderHandle }) {
  return (
    <View className='home-order__panel'>
      <Text className='home-form__label'>给这次服务打分</Text>
      <Stars handle={handle} />
      <Text className='home-form__label'>说几句（可不填）</Text>
      <Textarea
        className='home-form__description home-order__comment'
        value={handle.comment}
        maxlength={COMMENT_MAX}
        ariaLabel='说几句（可不填）'
        nativeProps={{ 'aria-label': '说几句（可不填）' }}
        onInput={(event) => handle.setComment(event.detail.value)}
      />
      <SubmitButton className='home-order__rate-confirm' pending={handle.action.status === 'pending'} onClick={handle.rate}>
        提交评价
      </SubmitButton>
    </View>
  );
}

/** The panel the resident opened under the buttons, if any. */
function Panel({ order, handle }: { order: ServiceOrderDetail; handle: HomeOrderHandle }) {
  if (handle.panel === null) return null;
  if (handle.panel === 'rate') return <RatePanel handle={handle} />;
  return <ReasonPanel order={order} handle={handle} panel={handle.panel} />;
}

function Actions({ order, handle }: { order: ServiceOrderDetail; handle: HomeOrderHandle }) {
  const can = residentActionsOf(order);
  const { action } = handle;
  return (
    <View className='home-order__actions'>
      {can.confirm && (
        <SubmitButton className='home-order__confirm' pending={action.status === 'pending' && handle.panel === null} onClick={handle.confirm}>
          确认完成
        </SubmitButton>
      )}
      {can.rate && (
        <Button className='home-order__rate' type={handle.panel === 'rate' ? 'default' : 'primary'} size='large' block onClick={() => handle.openPanel('rate')}>
          {handle.panel === 'rate' ? '不评价了' : '评价'}
        </Button>
      )}
      {can.complain && (
        <Button className='home-order__complain' size='large' block onClick={() => handle.openPanel('complain')}>
          {handle.panel === 'complain' ? '不投诉了' : '投诉'}
        </Button>
      )}
      {can.cancel && (
        <Button className='home-order__cancel' size='large' block onClick={() => handle.openPanel('cancel')}>
          {handle.panel === 'cancel' ? '不取消' : '取消订单'}
        </Button>
      )}
      <Panel order={order} handle={handle} />
      {action.status === 'failed' && <Text className='home-form__message'>{action.message}</Text>}
      {action.status === 'done' && <Text className='home-form__message home-form__message--done'>{action.message}</Text>}
    </View>
  );
}

/** 拨打电话 in the worker's box while the worker holds the order, and for a day after the work until confirmed. */
function CallWorker({ order }: { order: ServiceOrderDetail }) {
  const phone = usePhoneCall(fetchWorkerPhone);
  if (!order.worker || !phoneCallOpen(order.status, order.completedAt ? new Date(order.completedAt) : null, new Date())) return null;
  return <CallButton className='home-order__call' label='拨打电话' state={phone.calls[order.id]} onCall={() => phone.call(order.id)} />;
}

function OrderView({ orderId }: { orderId: string }) {
  const handle = useHomeOrder(orderId);
  usePullDownRefresh(() => {
    handle.retry();
    void Taro.stopPullDownRefresh();
  });
  return (
    <RemoteRecord state={handle.state} onRetry={handle.retry} notFoundText='没有找到这个订单，可能链接已过期'>
      {(order) => (
        <>
          <OrderSummary order={order} showPerson hint={RESIDENT_STATUS_HINTS[order.status]} workerAction={<CallWorker order={order} />} />
          {isLiveOrder(order.status) && <Text className='home-order__live'>状态会自动更新，不用刷新</Text>}
          <OrderPhotos photos={order.photos} onStale={handle.reloadQuietly} />
          <Actions order={order} handle={handle} />
          <OrderTimeline entries={order.timeline} />
          <ContactCommunity centreId={order.centre?.id ?? null} />
          <Button className='home-order__to-orders' size='large' block onClick={openOrdersTab}>
            查看我的全部订单
          </Button>
        </>
      )}
    </RemoteRecord>
  );
}

/** `/home-service/pages/order/index?id=<orderId>`: one home-service order, live. */
export function HomeOrderPage() {
  const orderId = usePageId();
  return (
    <PageRoot className='home-order'>
      <OrderView key={orderId} orderId={orderId} />
    </PageRoot>
  );
}

export default HomeOrderPage;
