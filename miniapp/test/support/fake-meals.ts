import type { CreateMealOrderInput, MealOrderView, MealQuoteInput } from '@linli/shared';

import { authed } from './fake-api';
import { readJson, sendJson } from './fixture-server';
import { mealPoint, priceOf, weekMenu } from './meal-fixtures';

import type { FakeApi } from './fake-api';
import type { Handler } from './fixture-server';

/** What the fake meals API remembers between requests of one test. */
export interface FakeMeals {
  quotes: MealQuoteInput[];
  orders: MealOrderView[];
  /** Every POST /meal-orders with its Idempotency-Key. */
  posts: Array<{ key: string | undefined; body: CreateMealOrderInput }>;
  balanceFen: number;
  /** The answer to the next POST /meal-orders instead of an order, once. */
  refuseNext: { status: number; body: unknown } | null;
}

export function createFakeMeals(): FakeMeals {
  return { quotes: [], orders: [], posts: [], balanceFen: 10000, refuseNext: null };
}

function orderOf(input: CreateMealOrderInput, id: string): MealOrderView {
  const { withheld: _withheld, ...price } = priceOf(input);
  return {
    id,
    status: input.paymentMethod === 'balance' ? 'paid' : 'placed',
    mealPoint: { id: mealPoint.id, name: mealPoint.name, address: mealPoint.address },
    resident: { id: input.residentId, name: input.residentId === 'member-li' ? '李建国' : '王秀英' },
    mealDate: input.mealDate,
    mealKind: input.mealKind,
    fulfilment: input.fulfilment,
    paymentMethod: input.paymentMethod,
    lines: input.lines.map((line) => ({ dishId: line.dishId, name: '红烧鸡腿套餐', unitPriceFen: 1500, quantity: line.quantity, tags: [] })),
    price,
    cutOffAt: `${input.mealDate}T01:30:00.000Z`,
    cancelReason: null,
    collectedAt: null,
    createdAt: new Date().toISOString(),
    actions: ['change', 'cancel'],
  };
}

/** The meals routes the resident pages use, answering with the shapes the real API has. */
export function mealRoutes(api: FakeApi, fake: FakeMeals): Record<string, Handler> {
  return {
    '/meal-points': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [mealPoint] })),
    '/meal-points/:id': authed(api, (_state, _req, res) => sendJson(res, 200, mealPoint)),
    '/meal-points/:id/menu': authed(api, (_state, req, res) => {
      const query = new URL(req.url ?? '', 'http://x').searchParams;
      const meals = weekMenu().filter((meal) => meal.mealDate >= query.get('from')! && meal.mealDate <= query.get('to')!);
      sendJson(res, 200, { mealPointId: mealPoint.id, from: query.get('from'), to: query.get('to'), meals });
    }),
    '/meal-quotes': authed(api, async (_state, req, res) => {
      const input = await readJson<MealQuoteInput>(req);
      fake.quotes.push(input);
      sendJson(res, 200, priceOf(input));
    }),
    '/meal-orders': authed(api, async (_state, req, res) => {
      if (req.method === 'GET') {
        sendJson(res, 200, { items: fake.orders });
        return;
      }
      const body = await readJson<CreateMealOrderInput>(req);
      const key = req.headers['idempotency-key'] as string | undefined;
      fake.posts.push({ key, body });
      if (fake.refuseNext) {
        const { status, body: error } = fake.refuseNext;
        fake.refuseNext = null;
        sendJson(res, status, error);
        return;
      }
      const order = orderOf(body, `order-${fake.orders.length + 1}`);
      if (body.paymentMethod === 'balance') fake.balanceFen -= order.price.total;
      fake.orders = [order, ...fake.orders];
      sendJson(res, 201, order);
    }),
    '/meal-orders/:id/cancel': authed(api, (_state, req, res) => {
      const id = (req.url ?? '').split('/')[3];
      fake.orders = fake.orders.map((order) => (order.id === id ? { ...order, status: 'refunded', actions: [] } : order));
      sendJson(
        res,
        200,
        fake.orders.find((order) => order.id === id),
      );
    }),
    '/meal-balances/:id': authed(api, (_state, _req, res) =>
      sendJson(res, 200, { residentId: 'member-li', balanceFen: fake.balanceFen, entries: [], page: 1, pageSize: 20, total: 0 }),
    ),
  };
}
