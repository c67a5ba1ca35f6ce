import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { ProviderHomePage } from '../src/provider/pages/index';
import { ORDER_MESSAGES } from '../src/texts/order-messages';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, mealStopAs, orderOf, windowToday, workerProfileOf } from './support/fake-dispatch';
import { findAll, findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { phoneStub } from './support/taro-h5';

import type { WorkerMealRunView, WorkerMealStopView } from '@linli/shared';
import type { FakeDispatch } from './support/fake-dispatch';

const serveRoutes = servePerTest();

const deliveryWorker = residentAccount({ id: 'account-sun', role: 'worker', displayName: '孙师傅', residentId: null, providerId: 'provider-canteen' });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const stopOf = (overrides: Partial<WorkerMealStopView>): WorkerMealStopView =>
  mealStopAs(
    {
      mealOrderId: 'meal-1',
      sequence: 1,
      elderName: '李建国',
      address: '肥西路 3 号院 2 栋 102',
      location: null,
      deliveryNote: null,
      status: 'ready',
      statusLabel: '',
      items: ['红烧鸡腿套餐 ×1'],
      actions: [],
      ...overrides,
    },
    overrides.status ?? 'ready',
    false,
  );

/** 安大社区's lunch run held by the worker: two doors, the first with the family's note; served from a minute ago. */
function runOf(): WorkerMealRunView {
  return {
    orderId: 'run-order-1',
    orderStatus: 'accepted',
    mealPointName: '安大社区助餐点',
    address: '蜀山区肥西路 3 号',
    mealDate: '2026-12-01',
    mealKind: 'lunch',
    areaName: '安大社区',
    ...windowToday(1),
    stops: [
      stopOf({ mealOrderId: 'meal-1', sequence: 1, elderName: '李建国', deliveryNote: '敲门大声，老人耳背', location: { latitude: 31.8448, longitude: 117.2543 } }),
      stopOf({ mealOrderId: 'meal-2', sequence: 2, elderName: '王秀英', address: '肥西路 3 号院 5 栋 201' }),
    ],
  };
}

async function openBench(fake: FakeDispatch): Promise<HTMLElement> {
  const api = createFakeApi({ account: deliveryWorker });
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake) });
  const { container } = render(<ProviderHomePage />);
  await findOne(container, '.worker-presence');
  return container;
}

describe('the delivery worker’s meal run (provider workbench)', () => {
  it('shows the held run in order with addresses and notes; 出发送餐, then 已送达 / 家中无人 per door and a call', async () => {
    const run = runOf();
    const fake = createFakeDispatch({
      worker: workerProfileOf({ online: true }),
      orders: [orderOf({ id: run.orderId, kind: 'meal_delivery', status: 'accepted', service: null, centre: null, person: null, ...windowToday(1) })],
      mealRuns: [run],
    });
    const container = await openBench(fake);

    const card = await findOne(container, '[data-testid="meal-run"]');
    for (const expected of ['助餐配送 · 安大社区 2 户', '安大社区助餐点 · 午餐', '取餐地址：蜀山区肥西路 3 号']) expect(card.textContent).toContain(expected);
    const [first, second] = await findAll(container, '[data-testid="meal-stop"]');
    for (const expected of ['第 1 户', '李建国', '肥西路 3 号院 2 栋 102', '备注：敲门大声，老人耳背', '红烧鸡腿套餐 ×1', '已备餐']) expect(first.textContent).toContain(expected);
    expect(second.textContent).toContain('第 2 户');
    expect(second.querySelector('.meal-stop__note')).toBeNull();
    // 导航 only where the order came with a point on the map.
    expect(second.querySelector('.meal-stop__navigate')).toBeNull();
    const openTab = jest.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    click(first.querySelector('.meal-stop__navigate'));
    expect(openTab).toHaveBeenCalledWith(
      `https://uri.amap.com/marker?position=117.2543,31.8448&name=${encodeURIComponent('李建国')}&src=linli&coordinate=gaode&callnative=0`,
      '_blank',
    );
    openTab.mockRestore();
    // The run is a card of its own, not a home visit with 开始服务 and 完成服务.
    expect(container.querySelector('.worker-job__start')).toBeNull();
    expect(container.textContent).not.toContain('手上没有订单');
    // Before setting out there is nothing to tap at the doors.
    expect(first.querySelector('.meal-stop__deliver')).toBeNull();

    click(card.querySelector('.meal-run__set-out'));
    expect(await screen.findByText('已出发，请按顺序逐户送餐')).toBeTruthy();
    await waitFor(() => expect(container.querySelectorAll('.meal-stop__deliver')).toHaveLength(2));

    click(container.querySelector('.meal-stop__call'));
    await waitFor(() => expect(phoneStub.dialled.at(-1)).toBe(fake.phones.resident));

    click(container.querySelector('.meal-stop__deliver'));
    expect(await screen.findByText('李建国的餐已送达')).toBeTruthy();
    const notAtHome = (await findAll(container, '[data-testid="meal-stop"]'))[1].querySelector('.meal-stop__not-at-home');
    click(notAtHome);
    expect(await screen.findByText('已记录王秀英家中无人，已通知家属和社区')).toBeTruthy();
    expect(fake.writes.map((write) => write.call)).toEqual([
      'POST /worker/orders/run-order-1/set-out',
      'POST /worker/orders/run-order-1/stops/meal-1/call',
      'POST /worker/meal-deliveries/meal-1/deliver',
      'POST /worker/meal-deliveries/meal-2/not-at-home',
    ]);
    const [delivered, nobody] = await findAll(container, '[data-testid="meal-stop"]');
    expect(delivered.textContent).toContain('已送达');
    expect(delivered.querySelector('.meal-stop__deliver')).toBeNull();
    // A later knock may still hand the meal over.
    expect(nobody.textContent).toContain('送餐未遇');
    expect(nobody.querySelector('.meal-stop__deliver')).not.toBeNull();
    expect(nobody.querySelector('.meal-stop__not-at-home')).toBeNull();
    expect(container.textContent).toContain('本趟各户均已处理');
  });

  it('a tap the API refuses (someone settled the stop first) says so on the stop', async () => {
    const run = { ...runOf(), orderStatus: 'en_route' as const };
    run.stops = run.stops.map((stop) => mealStopAs(stop, 'out_for_delivery', true));
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), mealRuns: [run] });
    fake.next.deliver = { status: 409, code: 'INVALID_TRANSITION', message: '该餐当前为「已送达」，不能再进行此操作' };
    const container = await openBench(fake);

    const [first] = await findAll(container, '[data-testid="meal-stop"]');
    // The fake API settled it meanwhile: the message says so and the stop is read again as it now stands.
    fake.mealRuns = [{ ...run, stops: [mealStopAs(run.stops[0], 'delivered', true), run.stops[1]] }];
    click(first.querySelector('.meal-stop__deliver'));
    await waitFor(() => expect(first.textContent).toContain(ORDER_MESSAGES.INVALID_TRANSITION));
    await waitFor(() => expect(first.querySelector('.meal-stop__deliver')).toBeNull());
    expect(first.textContent).toContain('已送达');
  });

  it('a worker without runs sees the workbench as before', async () => {
    const container = await openBench(createFakeDispatch({ worker: workerProfileOf({ online: true }) }));
    expect(await screen.findByText('手上没有订单')).toBeTruthy();
    expect(container.querySelector('[data-testid="meal-run"]')).toBeNull();
  });
});
