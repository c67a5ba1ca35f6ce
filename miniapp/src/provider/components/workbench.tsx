import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePullDownRefresh } from '@tarojs/taro';
import Taro from '@tarojs/taro';

import { MAX_PHOTOS_PER_ORDER, readBackSentence, serviceOrderTitle, shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';

import type { ServiceOrderView, WorkerProfileView } from '@linli/shared';

import { CallButton } from '../../components/call-button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { OrderListCard } from '../../components/order-details';
import { OrderPhotos } from '../../components/order-photos';
import { ReadAloudButton } from '../../components/read-aloud-button';
import { ReasonPicker } from '../../components/reason-picker';
import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { SubmitButton } from '../../components/submit-button';
import { formatDistance } from '../../hooks/useCentreOrder';
import { NOTE_LIMITS } from '../hooks/useJobs';
import { MealRuns } from './meal-runs';
import { REJECT_REASONS } from '../hooks/useOffer';
import { useWorkbench } from '../hooks/useWorkbench';
import { PHOTO_STATUSES } from '../hooks/useWorkPhotos';
import { countdownText, windowLabel } from '../../texts/order-messages';

import type { JobsHandle } from '../hooks/useJobs';
import type { OfferHandle } from '../hooks/useOffer';
import type { WorkbenchHandle, WorkbenchTab } from '../hooks/useWorkbench';
import type { WorkerPresenceHandle } from '../hooks/useWorkerPresence';

import './provider.scss';

function Presence({ presence, profile }: { presence: WorkerPresenceHandle; profile: WorkerProfileView }) {
  return (
    <View className={`worker-presence worker-presence--${presence.online ? 'online' : 'offline'}`}>
      <Text className='worker-presence__name'>{profile.name}</Text>
      <Text className='worker-presence__line'>{profile.providerName}</Text>
      <Text className='worker-presence__state' data-testid='worker-online-state'>
        {presence.online ? '在线，正在等派单' : '已下线，不会收到派单'}
      </Text>
      <Text className='worker-presence__line'>
        手上订单 {profile.openOrders}/{profile.maxOpenOrders}
        {profile.averageRating !== null ? ` · 评分 ${profile.averageRating.toFixed(1)}（${profile.ratingCount} 次）` : ''}
      </Text>
      <SubmitButton
        className={presence.online ? 'worker-presence__offline' : 'worker-presence__online'}
        type={presence.online ? 'default' : 'primary'}
        pending={presence.state.status === 'pending'}
        onClick={presence.toggle}
      >
        {presence.online ? '下线' : '上线'}
      </SubmitButton>
      {presence.state.status === 'failed' && <Text className='worker-bench__message'>{presence.state.message}</Text>}
    </View>
  );
}

/** The offer read aloud (朗读): 新订单：明天6月3日（周三）上午9:00到中午12:00 到 <address> 为 <person> 提供 <service>，需要：…. */
function offerSentence(order: ServiceOrderView): string {
  const starts = new Date(order.windowStartsAt);
  const when = { date: shanghaiDateOf(starts), start: shanghaiTimeOf(starts), end: shanghaiTimeOf(new Date(order.windowEndsAt)) };
  const sentence = readBackSentence(
    { kind: 'offer', person: order.person?.name ?? null, when, service: serviceOrderTitle(order), address: order.address },
    shanghaiDateOf(new Date()),
  );
  return `${sentence}，需要：${order.description}`;
}

function OfferCard({ offer, requestOf }: { offer: OfferHandle; requestOf: WorkbenchHandle['requestOf'] }) {
  const { current } = offer;
  if (!current) return null;
  const request = requestOf(current.id);
  const pending = request.status === 'pending';
  const { order } = current;
  return (
    <View className='worker-offer' data-testid='worker-offer'>
      <Text className='worker-offer__title'>新派单</Text>
      <Text className='worker-offer__countdown'>请在 {countdownText(offer.secondsLeft)} 内答复</Text>
      <Text className='worker-offer__service'>{serviceOrderTitle(order)}</Text>
      <Text className='worker-offer__line'>时间：{windowLabel(order.windowStartsAt, order.windowEndsAt)}</Text>
      <Text className='worker-offer__line'>地址：{order.address}</Text>
      {current.distanceMeters !== null && <Text className='worker-offer__line'>距离：{formatDistance(current.distanceMeters)}</Text>}
      <Text className='worker-offer__line'>需要：{order.description}</Text>
      <ReadAloudButton className='worker-offer__read-aloud' text={offerSentence(order)} />
      {!offer.rejecting ? (
        <View className='worker-offer__actions'>
          <SubmitButton className='worker-offer__accept' pending={pending} onClick={offer.accept}>
            接单
          </SubmitButton>
          <Button className='worker-offer__reject' size='large' block onClick={() => offer.openReject(true)}>
            拒单
          </Button>
        </View>
      ) : (
        <View className='worker-offer__actions'>
          <ReasonPicker label='拒单原因' options={REJECT_REASONS} value={offer.reason} onChange={offer.setReason} inputClassName='worker-offer__reason' />
          <SubmitButton className='worker-offer__reject-confirm' type='danger' pending={pending} onClick={offer.reject}>
            确定拒单
          </SubmitButton>
          <Button className='worker-offer__keep' size='large' block onClick={() => offer.openReject(false)}>
            不拒了
          </Button>
        </View>
      )}
      {request.status === 'failed' && <Text className='worker-bench__message'>{request.message}</Text>}
    </View>
  );
}

/** Photos of the work on a job in service or completed: those taken so far, and 拍照上传 until there are six. */
function WorkPhotos({ bench, order }: { bench: WorkbenchHandle; order: ServiceOrderView }) {
  if (!PHOTO_STATUSES.includes(order.status)) return <OrderPhotos photos={order.photos} title='已上传的照片' onStale={bench.reloadQuietly} />;
  const upload = bench.photos.uploadOf(order.id);
  const full = order.photos.length >= MAX_PHOTOS_PER_ORDER;
  return (
    <View className='worker-photos'>
      <OrderPhotos photos={order.photos} title='已上传的照片' onStale={bench.reloadQuietly} />
      {full ? (
        <Text className='worker-photos__full'>已上传 {MAX_PHOTOS_PER_ORDER} 张，不能再加了</Text>
      ) : (
        <SubmitButton className='worker-photos__add' type='default' pending={upload.status === 'pending'} onClick={() => bench.photos.addPhoto(order)}>
          拍照上传{order.photos.length > 0 ? `（还能传 ${MAX_PHOTOS_PER_ORDER - order.photos.length} 张）` : ''}
        </SubmitButton>
      )}
      {upload.status === 'failed' && <Text className='worker-bench__message'>{upload.message}</Text>}
    </View>
  );
}

/** 出发 on the service day, from the lead time before the window; before that, the sentence saying from when. */
function SetOut({ bench, order, pending }: { bench: WorkbenchHandle; order: ServiceOrderView; pending: boolean }) {
  const state = bench.jobs.setOutOf(order);
  if (!state.allowed) return <Text className='worker-job__set-out-later'>{state.notice}</Text>;
  return (
    <SubmitButton className='worker-job__set-out' pending={pending} onClick={() => bench.jobs.askSetOut(order)}>
      出发
    </SubmitButton>
  );
}

/** Before the resident is told the worker is on the way: which visit, where and when. */
function SetOutQuestion({ jobs }: { jobs: JobsHandle }) {
  const order = jobs.settingOut;
  if (!order) return null;
  return (
    <ConfirmDialog
      className='worker-set-out'
      title='现在出发去这一单？'
      lines={[
        order.person ? `${serviceOrderTitle(order)}（${order.person.name}）` : serviceOrderTitle(order),
        `地址：${order.address}`,
        `时间：${windowLabel(order.windowStartsAt, order.windowEndsAt)}`,
        '确认后，居民会看到“服务人员已出发”。',
      ]}
      confirmText='确认出发'
      cancelText='还没出发'
      onConfirm={jobs.confirmSetOut}
      onCancel={jobs.cancelSetOut}
    />
  );
}

function JobCard({ bench, order }: { bench: WorkbenchHandle; order: ServiceOrderView }) {
  const request = bench.requestOf(order.id);
  const pending = request.status === 'pending';
  const completing = bench.jobs.completing === order.id;
  return (
    <OrderListCard order={order}>
      <Text className='order-card__line'>需要：{order.description}</Text>
      <View className='worker-job__actions'>
        <Button className='worker-job__navigate' size='large' block onClick={() => bench.jobs.navigate(order)}>
          导航
        </Button>
        {order.status === 'accepted' && <SetOut bench={bench} order={order} pending={pending} />}
        {order.status === 'en_route' && (
          <SubmitButton className='worker-job__start' pending={pending} onClick={() => bench.jobs.advance(order, 'start')}>
            开始服务
          </SubmitButton>
        )}
        {order.status === 'in_service' && !completing && (
          <Button className='worker-job__complete' type='primary' size='large' block onClick={() => bench.jobs.openComplete(order.id)}>
            完成服务
          </Button>
        )}
        {completing && (
          <View className='worker-job__panel'>
            <Text className='worker-bench__label'>服务记录（做了哪些事）</Text>
            <Textarea
              className='worker-job__note'
              value={bench.jobs.note}
              maxlength={NOTE_LIMITS.max}
              placeholder='例如：打扫客厅和厨房，约 2 小时'
              onInput={(event) => bench.jobs.setNote(event.detail.value)}
            />
            <SubmitButton className='worker-job__complete-confirm' pending={pending} onClick={() => bench.jobs.advance(order, 'complete')}>
              确认完成服务
            </SubmitButton>
            <Button className='worker-job__complete-cancel' size='large' block onClick={() => bench.jobs.openComplete(null)}>
              还没做完
            </Button>
          </View>
        )}
      </View>
      {request.status === 'failed' && <Text className='worker-bench__message'>{request.message}</Text>}
      <CallButton className='worker-job__call' label='拨打居民电话' state={bench.jobs.calls[order.id]} onCall={() => bench.jobs.callResident(order)} />
      <WorkPhotos bench={bench} order={order} />
    </OrderListCard>
  );
}

function PoolCard({ bench, order }: { bench: WorkbenchHandle; order: ServiceOrderView }) {
  const request = bench.requestOf(order.id);
  return (
    <OrderListCard order={order}>
      <Text className='order-card__line'>需要：{order.description}</Text>
      <SubmitButton className='worker-pool__grab' pending={request.status === 'pending'} onClick={() => bench.pool.grab(order)}>
        抢单
      </SubmitButton>
      {request.status === 'failed' && <Text className='worker-bench__message'>{request.message}</Text>}
    </OrderListCard>
  );
}

const TABS: readonly { value: WorkbenchTab; label: string }[] = [
  { value: 'jobs', label: '当前订单' },
  { value: 'pool', label: '抢单' },
  { value: 'history', label: '历史' },
];

function Tabs({ bench }: { bench: WorkbenchHandle }) {
  const count = (tab: WorkbenchTab) => {
    const source = tab === 'jobs' ? bench.jobs.list : tab === 'pool' ? bench.pool.list : null;
    return source && source.state.status === 'ready' ? `（${source.state.data.length}）` : '';
  };
  return (
    <View className='worker-tabs'>
      {TABS.map((tab) => (
        <View
          key={tab.value}
          className={`worker-tab worker-tab--${tab.value}${tab.value === bench.tab ? ' worker-tab--selected' : ''}`}
          ariaRole='tab'
          onClick={() => bench.setTab(tab.value)}
        >
          <Text>
            {tab.label}
            {count(tab.value)}
          </Text>
        </View>
      ))}
    </View>
  );
}

function TabContent({ bench }: { bench: WorkbenchHandle }) {
  if (bench.tab === 'pool') {
    if (!bench.presence.online) return <Text className='worker-bench__empty'>上线后才能看到可抢的订单</Text>;
    return (
      <RemoteContent state={bench.pool.list.state} onRetry={bench.pool.list.retry} isEmpty={isEmptyList} emptyText='现在没有可抢的订单'>
        {(items) => items.map((order) => <PoolCard key={order.id} bench={bench} order={order} />)}
      </RemoteContent>
    );
  }
  if (bench.tab === 'history') {
    return (
      <RemoteContent state={bench.history.state} onRetry={bench.history.retry} isEmpty={isEmptyList} emptyText='还没有完成的订单'>
        {(items) =>
          items.map((order) => (
            <OrderListCard key={order.id} order={order}>
              <WorkPhotos bench={bench} order={order} />
            </OrderListCard>
          ))
        }
      </RemoteContent>
    );
  }
  // A meal run is worked stop by stop in its own card, not with a home visit's buttons.
  const visits = (items: ServiceOrderView[]) => items.filter((order) => order.kind === 'home_service');
  const hasRuns = bench.mealRuns.list.state.status === 'ready' && bench.mealRuns.list.state.data.length > 0;
  return (
    <View>
      <MealRuns runs={bench.mealRuns} requestOf={bench.requestOf} />
      <RemoteContent state={bench.jobs.list.state} onRetry={bench.jobs.list.retry} isEmpty={(items) => visits(items).length === 0} emptyText={hasRuns ? '' : '手上没有订单'}>
        {(items) => visits(items).map((order) => <JobCard key={order.id} bench={bench} order={order} />)}
      </RemoteContent>
    </View>
  );
}

/** The worker's one screen: presence, the offer to answer, jobs to do, the pool, history. */
export function Workbench() {
  const bench = useWorkbench();
  usePullDownRefresh(() => {
    bench.reload();
    void Taro.stopPullDownRefresh();
  });
  return (
    <RemoteContent state={bench.profile.state} onRetry={bench.profile.retry} emptyText=''>
      {(profile) => (
        <View className='worker-bench'>
          <Presence presence={bench.presence} profile={profile} />
          {bench.notice && <Text className='worker-bench__message worker-bench__message--done'>{bench.notice}</Text>}
          <OfferCard offer={bench.offer} requestOf={bench.requestOf} />
          <Tabs bench={bench} />
          <TabContent bench={bench} />
          <SetOutQuestion jobs={bench.jobs} />
        </View>
      )}
    </RemoteContent>
  );
}
