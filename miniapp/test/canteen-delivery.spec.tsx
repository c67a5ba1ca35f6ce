import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shanghaiDateOf } from '@linli/shared';

import { CanteenDeliveryPage } from '../src/canteen/pages/delivery';
import { authed, createFakeApi, signInTo } from './support/fake-api';
import { canteenRoutes, createFakeCanteen, mealPointFixture } from './support/fake-canteen';
import { readJson, sendJson } from './support/fixture-server';
import { findAll, findOne } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { routeParams } from './support/taro-h5';

import type { CommittedMealDeliveryRun, MealDeliveryPlan } from '@linli/shared';

const serveRoutes = servePerTest();

const operator = residentAccount({ id: 'account-canteen', role: 'provider_admin', displayName: '长者食堂管理员', residentId: null, providerId: 'provider-canteen' });

const stop = (orderId: string, sequence: number, elderName: string, address: string) => ({
  orderId,
  sequence,
  residentId: `resident-${orderId}`,
  elderName,
  address,
  status: 'paid' as const,
  items: ['清蒸鱼套餐 ×1'],
});

function planOf(fixed: boolean): MealDeliveryPlan {
  return {
    mealPointId: mealPointFixture.id,
    mealDate: shanghaiDateOf(new Date()),
    mealKind: 'lunch',
    fixed,
    runs: [
      {
        areaId: 'community-anda',
        areaName: '安大社区',
        knownDistanceMeters: 0,
        stops: [stop('o1', 1, '李建国', '肥西路 3 号院 2 栋 102'), stop('o2', 2, '王秀英', '肥西路 3 号院 5 栋 201')],
      },
      { areaId: 'community-jinzhailu', areaName: '金寨路社区', knownDistanceMeters: 0, stops: [stop('o3', 1, '李明', '金寨路 8 号')] },
    ],
    committedRuns: [],
  };
}

/** The canteen's delivery routes on the fake API: the plan, and a commit that moves its runs to the committed ones. */
async function open(initial: MealDeliveryPlan) {
  const api = createFakeApi({ account: operator });
  signInTo(api);
  routeParams.id = mealPointFixture.id;
  let plan = initial;
  const commits: unknown[] = [];
  await serveRoutes({
    ...canteenRoutes(api, createFakeCanteen()),
    '/staff/meal-points/:id/delivery-runs': authed(api, (_state, _req, res) => sendJson(res, 200, plan)),
    '/staff/meal-points/:id/delivery-runs/commit': authed(api, async (_state, req, res) => {
      commits.push(await readJson(req));
      const runs: CommittedMealDeliveryRun[] = plan.runs.map((run, index) => ({
        id: `run-${index + 1}`,
        runNumber: index + 1,
        areaId: run.areaId,
        areaName: run.areaName,
        serviceOrderId: `order-${index + 1}`,
        stopCount: run.stops.length,
        cancelled: false,
      }));
      const created = runs.length > 0;
      plan = { ...plan, runs: [], committedRuns: created ? runs : plan.committedRuns };
      sendJson(res, 200, { mealPointId: plan.mealPointId, mealDate: plan.mealDate, mealKind: plan.mealKind, created, runs: plan.committedRuns });
    }),
  });
  const { container } = render(<CanteenDeliveryPage />);
  return { container, commits };
}

describe('canteen delivery runs (canteen/pages/delivery)', () => {
  it('shows the runs per community with the stops in order; after the cut-off one tap hands them to the delivery workers', async () => {
    const { container, commits } = await open(planOf(true));
    const runs = await findAll(container, '.delivery-run');
    expect(runs.map((run) => run.querySelector('.canteen-point__title')?.textContent)).toEqual(['安大社区 · 2 户', '金寨路社区 · 1 户']);
    expect([...runs[0].querySelectorAll('.delivery-run__stop')].map((line) => line.textContent)).toEqual([
      '1. 李建国 · 肥西路 3 号院 2 栋 102 · 清蒸鱼套餐 ×1',
      '2. 王秀英 · 肥西路 3 号院 5 栋 201 · 清蒸鱼套餐 ×1',
    ]);

    fireEvent.click(container.querySelector('.delivery-commit')!);
    expect(await screen.findByText('已生成 2 趟送餐，正在派给送餐员')).toBeTruthy();
    expect(commits).toEqual([{ date: shanghaiDateOf(new Date()), mealKind: 'lunch' }]);
    const committed = await findOne(container, '.delivery-committed');
    await waitFor(() =>
      expect([...committed.querySelectorAll('.delivery-committed__run')].map((line) => line.textContent)).toEqual(['第 1 趟 · 安大社区 · 2 户', '第 2 趟 · 金寨路社区 · 1 户']),
    );
    expect(container.querySelector('.delivery-commit')).toBeNull();
  });

  it('a run whose delivery order was cancelled says so, and its meals not yet handed over show again as a run to commit', async () => {
    const replanned = planOf(true);
    const cancelledRun: CommittedMealDeliveryRun = {
      id: 'run-1',
      runNumber: 1,
      areaId: 'community-anda',
      areaName: '安大社区',
      serviceOrderId: 'order-1',
      stopCount: 2,
      cancelled: true,
    };
    const { container } = await open({ ...replanned, runs: replanned.runs.slice(0, 1), committedRuns: [cancelledRun] });
    const committed = await findOne(container, '.delivery-committed');
    expect([...committed.querySelectorAll('.delivery-committed__run--cancelled')].map((line) => line.textContent)).toEqual([
      '第 1 趟 · 安大社区 · 2 户 · 已取消，没送到的餐改由下一趟送',
    ]);
    expect((await findAll(container, '.delivery-run')).map((run) => run.querySelector('.canteen-point__title')?.textContent)).toEqual(['安大社区 · 2 户']);
    expect(container.querySelector('.delivery-commit')).not.toBeNull();
  });

  it('before the cut-off the plan is shown but cannot be committed', async () => {
    const { container, commits } = await open(planOf(false));
    await findAll(container, '.delivery-run');
    expect(container.querySelector('.delivery-commit')).toBeNull();
    expect((await findOne(container, '.delivery-not-fixed')).textContent).toBe('还没到订餐截止时间，路线还会变化，截止后再确定。');
    expect(commits).toEqual([]);
  });
});
