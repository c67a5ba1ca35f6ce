import type { KitchenCounts, MealOrderView, MealPointView, MenuView } from '@linli/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { authed, meRoutes } from './fake-api';
import { multipartFiles } from './fake-dispatch';
import { readJson, sendJson } from './fixture-server';

import type { FakeApi } from './fake-api';
import type { Handler } from './fixture-server';

/** 安大社区助餐点: lunch by 09:30, dinner by 14:00. */
export const mealPointFixture: MealPointView = {
  id: 'point-anda',
  providerId: 'provider-canteen',
  providerName: '安大社区长者食堂',
  regionName: '安大社区',
  districtId: 'district-shushan',
  name: '安大社区助餐点',
  address: '肥西路 3 号',
  latitude: 31.84,
  longitude: 117.26,
  phone: '0551-12345678',
  regionId: 'community-anda',
  communities: [{ id: 'community-anda', name: '安大社区' }],
  windows: [
    { mealKind: 'lunch', servesFrom: '11:00', servesUntil: '12:30', cutOffTime: '09:30', cutOffDaysBefore: 0, capacity: 120 },
    { mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffTime: '14:00', cutOffDaysBefore: 0, capacity: 80 },
  ],
  fulfilments: ['dine_in', 'pickup', 'delivery'],
  deliveryRadiusMeters: 1500,
  deliveryFeeFen: 300,
};

export function mealOrderOf(overrides: Partial<MealOrderView> = {}): MealOrderView {
  return {
    id: 'order-li',
    status: 'paid',
    mealPoint: { id: mealPointFixture.id, name: mealPointFixture.name, address: mealPointFixture.address },
    resident: { id: 'resident-li-jianguo', name: '李建国' },
    mealDate: '2026-12-01',
    mealKind: 'lunch',
    fulfilment: 'dine_in',
    paymentMethod: 'balance',
    lines: [{ dishId: 'dish-fish', name: '清蒸鱼套餐', unitPriceFen: 1500, quantity: 1, tags: ['soft'] }],
    price: { gross: 1500, subsidy: 1000, payable: 500, deliveryFeeGross: 0, deliverySubsidy: 0, deliveryFee: 0, total: 500, appliedRuleIds: [], applied: [], explanation: [] },
    cutOffAt: '2026-12-01T01:30:00.000Z',
    cancelReason: null,
    collectedAt: null,
    createdAt: '2026-11-30T01:00:00.000Z',
    actions: ['collect'],
    ...overrides,
  };
}

export function weekMenuOf(from: string, dates: string[]): MenuView {
  return {
    mealPointId: mealPointFixture.id,
    from,
    to: dates[dates.length - 1],
    meals: dates.flatMap((mealDate) =>
      (['lunch', 'dinner'] as const).map((mealKind) => ({
        mealDate,
        mealKind,
        closedReason: null,
        cutOffAt: `${mealDate}T01:30:00.000Z`,
        orderable: true,
        capacityLeft: 100,
        dishes: [
          {
            id: `dish-${mealDate}-${mealKind}`,
            mealDate,
            mealKind,
            name: '红烧肉套餐',
            kind: 'set_meal' as const,
            priceFen: 1500,
            tags: [],
            allergens: [],
            photoUrl: null,
            dailyQuantity: null,
            remaining: null,
          },
        ],
      })),
    ),
  };
}

/** What the fake canteen API remembers: the orders at the counter and every write, with its body and headers. */
export interface FakeCanteen {
  orders: MealOrderView[];
  counts: KitchenCounts;
  menu: MenuView | null;
  writes: Array<{ call: string; body: unknown; idempotencyKey?: string }>;
  /** The query of every order list asked for. */
  orderQueries: URLSearchParams[];
  /** The next dish-photo upload answers this error instead of storing the photo. */
  nextPhotoError?: { status: number; code: string; message: string };
}

const COLLECTED_AT = '2026-12-01T03:05:00.000Z';

async function recordWrite(fake: FakeCanteen, req: IncomingMessage): Promise<unknown> {
  const body = await readJson(req);
  const key = req.headers['idempotency-key'];
  fake.writes.push({ call: `${req.method} ${(req.url ?? '').replace(/^\/api/, '')}`, body, ...(typeof key === 'string' ? { idempotencyKey: key } : {}) });
  return body;
}

function collect(fake: FakeCanteen, order: MealOrderView | undefined, res: ServerResponse): void {
  if (!order) return sendJson(res, 400, { code: 'PICKUP_CODE_INVALID', message: '取餐码不对，请核对后再输入', requestId: 'r' });
  if (order.status === 'collected')
    return sendJson(res, 409, { code: 'MEAL_ALREADY_COLLECTED', message: '该餐已于 2026-12-01 11:05 取走', details: { collectedAt: COLLECTED_AT }, requestId: 'r' });
  Object.assign(order, { status: 'collected', collectedAt: COLLECTED_AT, actions: [] });
  sendJson(res, 200, order);
}

export function canteenRoutes(api: FakeApi, fake: FakeCanteen): Record<string, Handler> {
  return {
    ...meRoutes(api),
    '/staff/meal-points': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [mealPointFixture] })),
    '/staff/meal-orders': authed(api, (_state, req, res) => {
      const query = new URL(req.url ?? '', 'http://fake').searchParams;
      fake.orderQueries.push(query);
      const name = query.get('name');
      sendJson(res, 200, { items: fake.orders.filter((order) => !name || order.resident.name.includes(name)) });
    }),
    '/staff/meal-pickups': authed(api, async (_state, req, res) => {
      const body = (await recordWrite(fake, req)) as { code: string };
      collect(fake, body.code === '123456' ? fake.orders[0] : undefined, res);
    }),
    '/staff/meal-orders/:id/collect': authed(api, async (_state, req, res) => {
      await recordWrite(fake, req);
      collect(
        fake,
        fake.orders.find((order) => (req.url ?? '').includes(order.id)),
        res,
      );
    }),
    '/staff/meal-points/:id/kitchen-counts': authed(api, (_state, _req, res) => sendJson(res, 200, fake.counts)),
    '/meal-points/:id/menu': authed(api, async (_state, req, res) => {
      if (req.method === 'GET') return sendJson(res, 200, fake.menu);
      const body = (await recordWrite(fake, req)) as { meals: Array<{ mealDate: string; mealKind: string }> };
      sendJson(res, 200, { published: body.meals.map(({ mealDate, mealKind }) => ({ mealDate, mealKind })), skipped: [] });
    }),
    '/meal-points/:id/menu/:date': authed(api, async (_state, req, res) => {
      const body = (await recordWrite(fake, req)) as { mealKind: 'lunch'; dishes: MenuView['meals'][number]['dishes'] };
      const mealDate = (req.url ?? '').split('/')[5];
      sendJson(res, 200, {
        mealDate,
        mealKind: body.mealKind,
        closedReason: null,
        cutOffAt: `${mealDate}T01:30:00.000Z`,
        orderable: true,
        capacityLeft: 100,
        dishes: body.dishes.map((dish, index) => ({ ...dish, id: `new-${index}`, mealDate, mealKind: body.mealKind, remaining: dish.dailyQuantity })),
      });
    }),
    '/meal-points/:id/dish-photos': authed(api, async (_state, req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const files = multipartFiles(req.headers['content-type'] ?? '', Buffer.concat(chunks));
      fake.writes.push({ call: `${req.method} ${(req.url ?? '').replace(/^\/api/, '')}`, body: { fields: files.map((part) => part.field) } });
      const error = fake.nextPhotoError;
      delete fake.nextPhotoError;
      if (error) return sendJson(res, error.status, { ...error, requestId: 'r' });
      const id = `dish-photo-${fake.writes.length}`;
      sendJson(res, 201, { id, path: `/dish-photos/signed.${id}` });
    }),
    '/meal-points/:id/menu/:date/close': authed(api, async (_state, req, res) => {
      const body = (await recordWrite(fake, req)) as { reason: string };
      sendJson(res, 200, { mealDate: (req.url ?? '').split('/')[5], reason: body.reason, cancelledOrders: 3 });
    }),
  };
}

export function createFakeCanteen(overrides: Partial<FakeCanteen> = {}): FakeCanteen {
  return {
    orders: [mealOrderOf()],
    counts: {
      mealPointId: mealPointFixture.id,
      mealDate: '2026-12-01',
      mealKind: 'lunch',
      orders: 3,
      dishes: [{ dishId: 'dish-fish', name: '清蒸鱼套餐', portions: 3 }],
      tags: [{ tag: 'soft', portions: 2 }],
    },
    menu: null,
    writes: [],
    orderQueries: [],
    ...overrides,
  };
}
