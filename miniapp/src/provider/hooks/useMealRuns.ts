import { setOutState } from '@linli/shared';

import type { SetOutState, WorkerMealRunView, WorkerMealStopView } from '@linli/shared';

import { showOnMap } from '../../device/map';
import { usePhoneCall } from '../../hooks/usePhoneCall';
import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchMealRuns, fetchStopPhone, settleMealStop } from '../../services/meal-deliveries';
import { advanceWorkerOrder } from '../../services/worker';

import type { PhoneCallState } from '../../hooks/usePhoneCall';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { MealStopStep } from '../../services/meal-deliveries';
import type { CardRequestsHandle } from './useCardRequests';

const STEP_DONE: Record<MealStopStep, (stop: WorkerMealStopView) => string> = {
  deliver: (stop) => `${stop.elderName}的餐已送达`,
  'not-at-home': (stop) => `已记录${stop.elderName}家中无人，已通知家属和社区`,
};

export interface MealRunsHandle {
  list: RemoteDataHandle<WorkerMealRunView[]>;
  /** Whether 出发 may be tapped now for a run (the shared rule the API applies), and otherwise from when. */
  setOutOf: (run: WorkerMealRunView) => SetOutState;
  /** 出发 with the run: its meals go out for delivery. */
  setOut: (run: WorkerMealRunView) => void;
  /** 已送达 / 家中无人 at one door; the run comes back as it now stands. */
  settle: (stop: WorkerMealStopView, step: MealStopStep) => void;
  /** 拨打电话 at one stop: the elder's number (or the family's), asked for on the tap. By meal order id. */
  call: (stop: WorkerMealStopView) => void;
  calls: Record<string, PhoneCallState | undefined>;
  /** 导航 to a stop ordered with a point on the map. */
  navigate: (stop: WorkerMealStopView) => void;
}

/**
 * The worker's meal-delivery runs: each held run with its stops in order, 出发 for the run (through the dispatch
 * order, as for any job), then 已送达 or 家中无人 per door and a call to the elder. Requests go through the
 * workbench's card requests, so a second tap while one is on its way sends nothing.
 */
export function useMealRuns(cards: CardRequestsHandle, say: (notice: string) => void, setOutLeadMinutes: number): MealRunsHandle {
  const list = useRemoteData(fetchMealRuns);
  const { update, reloadQuietly } = list;
  const runs = list.state.status === 'ready' ? list.state.data : [];
  // The call goes through the run's dispatch order (numbers are revealed only while the run is held).
  const runOfStop = (mealOrderId: string) => runs.find((run) => run.stops.some((stop) => stop.mealOrderId === mealOrderId))?.orderId ?? '';
  const phone = usePhoneCall((mealOrderId) => fetchStopPhone(runOfStop(mealOrderId), mealOrderId));

  const put = (saved: WorkerMealRunView) => update((runs) => runs.map((run) => (run.orderId === saved.orderId ? saved : run)));

  return {
    list,
    setOutOf: (run) => setOutState(new Date(run.windowStartsAt), setOutLeadMinutes, new Date()),
    setOut: (run) =>
      cards.send(
        run.orderId,
        () => advanceWorkerOrder(run.orderId, 'set-out'),
        () => {
          reloadQuietly();
          say('已出发，请按顺序逐户送餐');
        },
      ),
    settle: (stop, step) =>
      cards.send(
        stop.mealOrderId,
        // A refused tap (someone settled the door first) brings the run as it now stands.
        () =>
          settleMealStop(stop.mealOrderId, step).catch((error: unknown) => {
            reloadQuietly();
            throw error;
          }),
        (saved) => {
          put(saved);
          say(STEP_DONE[step](stop));
        },
      ),
    call: (stop) => phone.call(stop.mealOrderId),
    calls: phone.calls,
    navigate: (stop) => {
      if (!stop.location) return;
      showOnMap({ ...stop.location, name: stop.elderName, address: stop.address ?? '' }).catch(() => say('打不开地图，请按地址前往'));
    },
  };
}
