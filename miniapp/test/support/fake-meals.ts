import type { CreateMealOrderInput, MealBalanceEntryView, MealOrderView, MealQuoteInput } from '@linli/shared';

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
  /** Every POST /meal-orders/:id/change body. */
  changes: unknown[];
  /** How many pickup codes were handed out, and how long each is valid. */
  codesIssued: number;
  codeValidMs: number;
  /** Ledger rows (newest first) that GET /meal-balances/:id pages through. */
  entries: MealBalanceEntryView[];
}

export function createFakeMeals(): FakeMeals {
  return { quotes: [], orders: [], posts: [], balanceFen: 10000, refuseNext: null, changes: [], codesIssued: 0, codeValidMs: 600_000, entries: [] };
}

export function orderOf(input: CreateMealOrderInput, id: string): MealOrderView {
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
    '/meal-orders/:id': authed(api, (_state, req, res) => {
      const order = fake.orders.find((candidate) => candidate.id === (req.url ?? '').split('/')[3]);
      if (order) sendJson(res, 200, order);
      else sendJson(res, 404, { code: 'NOT_FOUND', message: '订单不存在', requestId: 'r' });
    }),
    '/meal-orders/:id/change': authed(api, async (_state, req, res) => {
      const id = (req.url ?? '').split('/')[3];
      const body = await readJson<{ lines: Array<{ dishId: string; quantity: number }> }>(req);
      fake.changes.push(body);
      fake.orders = fake.orders.map((order) => (order.id === id ? { ...order, lines: order.lines.map((line) => ({ ...line, quantity: body.lines[0].quantity })) } : order));
      sendJson(
        res,
        200,
        fake.orders.find((order) => order.id === id),
      );
    }),
    '/meal-orders/:id/pickup-code': authed(api, (_state, _req, res) => {
      fake.codesIssued += 1;
      sendJson(res, 200, { code: `signed-code-${fake.codesIssued}`, shortCode: '123456', expiresAt: new Date(Date.now() + fake.codeValidMs).toISOString() });
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
    '/meal-balances/:id': authed(api, (_state, req, res) => {
      const query = new URL(req.url ?? '', 'http://x').searchParams;
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const entries = fake.entries.slice((page - 1) * pageSize, page * pageSize);
      sendJson(res, 200, { residentId: 'member-li', balanceFen: fake.balanceFen, entries, page, pageSize, total: fake.entries.length });
    }),
  };
}
