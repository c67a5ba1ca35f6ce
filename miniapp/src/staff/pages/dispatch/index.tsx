import { Text, View } from '@tarojs/components';

import { OrderListCard } from '../../../components/order-details';
import { RemoteContent } from '../../../components/remote-content';
import { BOARD_TABS, useDispatchBoard } from '../../hooks/useDispatchBoard';
import { useErrorToast } from '../../hooks/useErrorToast';
import { usePullToReload, useReloadOnReturn } from '../../../hooks/usePolling';
import { useStaffCentres } from '../../hooks/useStaffCentres';
import { ROUTES, openPage, pageUrlWithId } from '../../../navigation/routes';
import { Chips } from '../../components/chips';
import { StaffDeskPage } from '../../components/staff-gate';

import type { DispatchBoardHandle } from '../../hooks/useDispatchBoard';

import '../../components/staff-desk.scss';

function Tabs({ board }: { board: DispatchBoardHandle }) {
  const counts = board.state.status === 'ready' ? board.state.data : null;
  return (
    <View className='staff-desk__choices staff-dispatch__tabs'>
      {BOARD_TABS.map((tab) => (
        <View
          key={tab.value}
          className={`staff-chip staff-dispatch-tab staff-dispatch-tab--${tab.value}${tab.value === board.tab ? ' staff-chip--selected staff-dispatch-tab--selected' : ''}`}
          ariaRole='tab'
          onClick={() => board.setTab(tab.value)}
        >
          <Text>
            {tab.label}
            {counts ? ` ${counts[tab.value].length}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 全部中心, or one centre of the staff member's area (none to choose when the area has one). */
function CentreFilter({ board }: { board: DispatchBoardHandle }) {
  const centres = useStaffCentres();
  if (centres.state.status !== 'ready' || centres.state.data.length < 2) return null;
  const chips = [{ value: '', label: '全部中心' }, ...centres.state.data.map((centre) => ({ value: centre.id, label: centre.name }))];
  return (
    <View className='staff-desk__block'>
      <Chips className='staff-dispatch-centre' chips={chips} value={board.centreId} onChange={board.setCentreId} />
    </View>
  );
}

function Board() {
  const board = useDispatchBoard();
  const { retry } = board;
  useErrorToast(board.state);
  // Back from an order page: its change shows at once.
  useReloadOnReturn(retry);
  usePullToReload(retry);
  const label = BOARD_TABS.find((tab) => tab.value === board.tab)!.label;
  return (
    <>
      <CentreFilter board={board} />
      <Tabs board={board} />
      <RemoteContent state={board.state} onRetry={retry} isEmpty={() => board.shown.length === 0} emptyText={`没有${label}的订单`}>
        {() => board.shown.map((order) => <OrderListCard key={order.id} order={order} onOpen={() => openPage(pageUrlWithId(ROUTES.staffDispatchOrder, order.id))} />)}
      </RemoteContent>
    </>
  );
}

/** `/staff/pages/dispatch/index`: 派单看板 of the staff member's region. */
export function DispatchBoardPage() {
  return (
    <StaffDeskPage
      title='派单看板'
      desk={() => (
        <>
          <Text className='staff-desk__title'>派单看板</Text>
          <Text className='staff-desk__line'>上门服务订单中需要人工处理的，点开可以指派、重新派单、取消或处理投诉。</Text>
          <Board />
        </>
      )}
    />
  );
}

export default DispatchBoardPage;
