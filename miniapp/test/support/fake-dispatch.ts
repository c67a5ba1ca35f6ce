import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_ORDER,
  MEAL_ORDER_STATUS_LABELS,
  ORDER_EVENT_LABELS,
  ORDER_STATUS_LABELS,
  PROVIDER_DECISIONS_NEEDING_REASON,
  RESIDENT_ORDER_STATUS_LABELS,
  instantOf,
  addDays,
  phoneCallOpen,
  providerDecision,
  residentTimeline,
  setOutState,
  shanghaiDateOf,
  transitionMealOrder,
  transitionOrder,
} from '@linli/shared';

import type {
  AssignableWorker,
  DispatchBoard,
  DispatchMode,
  DispatchOfferView,
  MealDeliveryStopAction,
  OrderActor,
  OrderEvent,
  OrderStatus,
  ProviderApplicationInput,
  ProviderStatus,
  ProviderView,
  ServiceOrderDetail,
  ServiceOrderView,
  WorkbenchProfileView,
  WorkerMealRunView,
  WorkerMealStopView,
} from '@linli/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { authed } from './fake-api';
import { readJson, sendJson } from './fixture-server';
import { communitiesFixture } from './fixtures';

import type { ProviderWorker } from '../../src/services/provider-admin';
import type { FakeApi } from './fake-api';
import type { Handler } from './fixture-server';

/** A one-time error answer for the next request of a kind (e.g. `grab`, `accept`, `create`). */
export interface ScriptedError {
  status: number;
  code: string;
  message?: string;
  details?: unknown;
}

/** What the fake dispatch API remembers between requests of one test. */
export interface FakeDispatch {
  orders: ServiceOrderDetail[];
  /** The open offer; `/worker/offer` adds `secondsLeft` from `expiresAt` by the server's clock, as the API does. */
  offer: Omit<DispatchOfferView, 'secondsLeft'> | null;
  /** How far the fake server's clock runs ahead of the phone's (negative: behind). */
  serverClockAheadMs: number;
  /** Bytes of the uploaded photos, by photo id, served at their `/order-photos/…` path. */
  photoFiles: Map<string, { bytes: Buffer; contentType: string }>;
  pool: ServiceOrderView[];
  worker: WorkbenchProfileView;
  /** Full numbers the call routes reveal: the worker's to the resident, the resident's to the worker. */
  phones: { worker: string; resident: string };
  /** The provider administrator's own organisation. */
  provider: ProviderView;
  /** The organisations of the staff member's region (GET /providers for staff), applications included. */
  providers: ProviderView[];
  /** The signed-in resident's applications, newest first. */
  applications: ProviderView[];
  /** Administrator login names already in use. */
  takenUsernames: string[];
  workers: ProviderWorker[];
  candidates: AssignableWorker[];
  /** The worker's meal-delivery runs (GET /worker/meal-delivery-runs); each run's order is in `orders` too. */
  mealRuns: WorkerMealRunView[];
  /** `METHOD /path` and the JSON body of every write, in order. */
  writes: { call: string; body: unknown }[];
  /** The Idempotency-Key header of every POST /home-orders (undefined when none was sent), in order. */
  homeOrderKeys: (string | undefined)[];
  next: Partial<Record<string, ScriptedError>>;
}

const TOMORROW = addDays(shanghaiDateOf(new Date()), 1);

const zhao = { id: 'worker-zhao', name: '赵师傅', providerName: '安心家政', phoneMasked: '137****0009' };

export function orderOf(overrides: Partial<ServiceOrderDetail> = {}): ServiceOrderDetail {
  const status = overrides.status ?? 'pending_dispatch';
  return {
    id: 'order-1',
    kind: 'home_service',
    status,
    statusLabel: ORDER_STATUS_LABELS[status],
    dispatchMode: 'assign',
    service: { id: 'svc-home-care', name: '居家养老上门服务' },
    centre: { id: 'centre-yangguang', name: '阳光社区市民中心' },
    person: { id: 'resident-wang', name: '王秀英' },
    address: '东湖路 88 号 3 栋 201',
    location: { latitude: 30.5468, longitude: 114.3612 },
    windowStartsAt: instantOf(TOMORROW, '09:00').toISOString(),
    windowEndsAt: instantOf(TOMORROW, '12:00').toISOString(),
    description: '打扫卫生',
    worker: ['pending_dispatch', 'offered', 'escalated', 'cancelled'].includes(status) ? null : zhao,
    rating: null,
    overdue: false,
    completionNote: null,
    completedAt: null,
    photos: [],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    timeline: [],
    ...overrides,
  };
}

export function workerProfileOf(overrides: Partial<WorkbenchProfileView> = {}): WorkbenchProfileView {
  return {
    id: 'worker-zhao',
    name: '赵师傅',
    providerId: 'provider-anxin',
    providerName: '安心家政',
    online: false,
    skills: [{ id: 'svc-home-care', name: '居家养老上门服务' }],
    areas: [{ id: 'c-yangguang', name: '阳光社区' }],
    workingHours: [],
    maxOpenOrders: 3,
    openOrders: 0,
    ratingCount: 4,
    averageRating: 4.5,
    setOutLeadMinutes: 120,
    ...overrides,
  };
}

/** An order whose window is today and began `minutesAgo` minutes ago (a worker may set out for it). */
export function windowToday(minutesAgo = 10): Pick<ServiceOrderView, 'windowStartsAt' | 'windowEndsAt'> {
  const startsAt = Date.now() - minutesAgo * 60_000;
  return { windowStartsAt: new Date(startsAt).toISOString(), windowEndsAt: new Date(startsAt + 3 * 3600_000).toISOString() };
}

export function providerWorkerOf(overrides: Partial<ProviderWorker> = {}): ProviderWorker {
  return {
    id: 'worker-zhao',
    providerId: 'provider-anxin',
    name: '赵师傅',
    phoneMasked: '137****0009',
    wechatBound: true,
    online: true,
    openOrders: 1,
    maxOpenOrders: 3,
    skills: [],
    areas: [],
    workingHours: [],
    ratingCount: 0,
    averageRating: null,
    ...overrides,
  };
}

export function providerViewOf(overrides: Partial<ProviderView> = {}): ProviderView {
  return {
    id: 'provider-anxin',
    name: '安心家政',
    kind: 'housekeeping',
    regionId: 'c-yangguang',
    regionName: '阳光社区',
    status: 'active',
    dispatchMode: 'assign',
    ratingCount: 0,
    averageRating: null,
    contactName: '钱经理',
    contactPhoneMasked: '139****0021',
    creditCode: '91420100MA4K0000XJ',
    decisionReason: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export function createFakeDispatch(overrides: Partial<FakeDispatch> = {}): FakeDispatch {
  return {
    orders: [],
    offer: null,
    serverClockAheadMs: 0,
    photoFiles: new Map(),
    pool: [],
    worker: workerProfileOf(),
    phones: { worker: '13705510009', resident: '13805510001' },
    provider: providerViewOf(),
    providers: [],
    applications: [],
    takenUsernames: [],
    workers: [],
    candidates: [],
    mealRuns: [],
    writes: [],
    homeOrderKeys: [],
    next: {},
    ...overrides,
  };
}

const STOP_ACTIONS: readonly MealDeliveryStopAction[] = ['deliver', 'report_not_at_home'];

/** A stop as the API words it, its buttons from the shared meal-order machine (past the cut-off, on the road). */
export function mealStopAs(stop: WorkerMealStopView, status: WorkerMealStopView['status'], onTheRoad: boolean): WorkerMealStopView {
  const actions = onTheRoad ? STOP_ACTIONS.filter((action) => transitionMealOrder(status, action, 'worker', { fulfilment: 'delivery', pastCutOff: true }).ok) : [];
  return { ...stop, status, statusLabel: MEAL_ORDER_STATUS_LABELS[status], actions };
}

/** Segment `index` of the request path, counting the /api prefix as 1: /api/home-orders/<id> has the id at 3. */
const segment = (req: IncomingMessage, index: number) => decodeURIComponent((req.url ?? '').split('?')[0].split('/')[index] ?? '');

function view(order: ServiceOrderDetail): ServiceOrderView {
  const { timeline: _timeline, ...rest } = order;
  return rest;
}

/** As the API answers residents: the status and the timeline in plain words. */
function residentView<T extends ServiceOrderView>(order: T): T {
  const worded = { ...order, statusLabel: RESIDENT_ORDER_STATUS_LABELS[order.status] };
  return 'timeline' in order ? { ...worded, timeline: residentTimeline((order as unknown as ServiceOrderDetail).timeline) } : worded;
}

let nextId = 1;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The file parts of a multipart/form-data body (enough of RFC 7578 for what WeChat and browsers send). */
export function multipartFiles(contentType: string, body: Buffer): { field: string; fileName: string | null; bytes: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: { field: string; fileName: string | null; bytes: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // after the CRLF, before the CRLF
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const field = /name="([^"]*)"/i.exec(headers)?.[1];
      if (field !== undefined) parts.push({ field, fileName: /filename="([^"]*)"/i.exec(headers)?.[1] ?? null, bytes: part.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return parts;
}

/** JPEG or PNG by the first bytes, as the API decides (never by the name or the claimed type). */
function sniffImage(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** The home-service, worker, staff dispatch and provider routes, answering with the shapes the real API has. */
export function dispatchRoutes(api: FakeApi, fake: FakeDispatch): Record<string, Handler> {
  const write = (kind: string, handle: (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => void) =>
    authed(api, async (_state, req, res) => {
      const body = (await readJson<Record<string, unknown>>(req)) ?? {};
      fake.writes.push({ call: `${req.method} ${(req.url ?? '').replace(/^\/api/, '')}`, body });
      const scripted = fake.next[kind];
      if (scripted) {
        delete fake.next[kind];
        sendJson(res, scripted.status, { code: scripted.code, message: scripted.message ?? scripted.code, details: scripted.details, requestId: 'r' });
        return;
      }
      handle(req, res, body);
    });
  const read = (handle: (req: IncomingMessage, res: ServerResponse) => void) => authed(api, (_state, req, res) => handle(req, res));

  const find = (id: string) => fake.orders.find((order) => order.id === id);
  const save = (order: ServiceOrderDetail) => {
    fake.orders = fake.orders.some((item) => item.id === order.id) ? fake.orders.map((item) => (item.id === order.id ? order : item)) : [order, ...fake.orders];
    return order;
  };
  /** Applies an event through the shared state machine, as the API does; answers 409 INVALID_TRANSITION when it may not happen. */
  const transition = (res: ServerResponse, id: string, event: OrderEvent, actor: OrderActor, change: Partial<ServiceOrderDetail> = {}, reason: string | null = null) => {
    const order = find(id);
    if (!order) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
    const result = transitionOrder(order.status, event, actor);
    if (!result.ok) return sendJson(res, 409, { code: 'INVALID_TRANSITION', message: '订单状态不允许', requestId: 'r' });
    const to: OrderStatus = result.to;
    const entry = {
      event,
      label: ORDER_EVENT_LABELS[event],
      fromStatus: order.status,
      toStatus: to,
      actor,
      actorName: actor === 'worker' ? '赵师傅' : actor === 'staff' ? '李工作人员' : '王秀英',
      reason,
      at: new Date().toISOString(),
    };
    const saved = save({ ...order, ...change, status: to, statusLabel: ORDER_STATUS_LABELS[to], timeline: [...order.timeline, entry] });
    return sendJson(res, 200, actor === 'resident' ? residentView(view(saved)) : view(saved));
  };
  /** The call routes: the number while the order is live (shared phoneCallOpen), 409 CALL_UNAVAILABLE after. */
  const reveal = (res: ServerResponse, order: ServiceOrderDetail | undefined, phone: string) => {
    if (!order) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
    if (!order.worker || !phoneCallOpen(order.status, order.completedAt ? new Date(order.completedAt) : null, new Date())) {
      return sendJson(res, 409, { code: 'CALL_UNAVAILABLE', message: '订单已结束，不能再拨打电话；如有问题请联系社区工作人员', requestId: 'r' });
    }
    return sendJson(res, 200, { phone });
  };
  const workerOrders = () => fake.orders.filter((order) => order.worker?.id === fake.worker.id);
  /** 已送达 / 家中无人 through the shared machine; the run completes once no stop is left on the road. */
  const settleStop = (res: ServerResponse, mealOrderId: string, event: MealDeliveryStopAction) => {
    const run = fake.mealRuns.find((candidate) => candidate.stops.some((stop) => stop.mealOrderId === mealOrderId));
    const stop = run?.stops.find((candidate) => candidate.mealOrderId === mealOrderId);
    if (!run || !stop) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
    if (!stop.actions.includes(event)) return sendJson(res, 409, { code: 'INVALID_TRANSITION', message: `该餐当前为「${stop.statusLabel}」，不能再进行此操作`, requestId: 'r' });
    const stops = run.stops.map((candidate) => (candidate === stop ? mealStopAs(stop, event === 'deliver' ? 'delivered' : 'not_at_home', true) : candidate));
    const saved: WorkerMealRunView = { ...run, stops, orderStatus: stops.some((candidate) => candidate.status === 'out_for_delivery') ? 'in_service' : 'completed' };
    fake.mealRuns = fake.mealRuns.map((candidate) => (candidate === run ? saved : candidate));
    return sendJson(res, 200, saved);
  };

  return {
    // ── resident ──
    '/home-orders': authed(api, async (state, req, res) => {
      if (req.method === 'GET') return sendJson(res, 200, { items: fake.orders.map((order) => residentView(view(order))) });
      fake.homeOrderKeys.push(req.headers['idempotency-key'] as string | undefined);
      return write('create', (_req, innerRes, body) => {
        const order = orderOf({
          id: `order-new-${nextId++}`,
          centre: { id: String(body.centreId), name: '阳光社区市民中心' },
          service: { id: String(body.serviceId), name: '居家养老上门服务' },
          person: { id: String(body.residentId), name: body.residentId === 'resident-wang' ? '王秀英' : body.residentId === 'resident-zhao' ? '赵大爷' : '李建国' },
          address: String(body.address),
          windowStartsAt: String(body.windowStartsAt),
          windowEndsAt: String(body.windowEndsAt),
          description: String(body.description),
        });
        save(order);
        sendJson(innerRes, 201, residentView(view(order)));
      })(req, res);
    }),
    '/home-orders/:id': read((req, res) => {
      const order = find(segment(req, 3));
      return order ? sendJson(res, 200, residentView(order)) : sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
    }),
    '/home-orders/:id/call': write('call-worker', (req, res) => reveal(res, find(segment(req, 3)), fake.phones.worker)),
    '/home-orders/:id/cancel': write('cancel', (req, res, body) => transition(res, segment(req, 3), 'cancel', 'resident', {}, String(body.reason))),
    '/home-orders/:id/confirm': write('confirm', (req, res) => transition(res, segment(req, 3), 'confirm', 'resident')),
    '/home-orders/:id/complaint': write('complaint', (req, res, body) => transition(res, segment(req, 3), 'dispute', 'resident', {}, String(body.reason))),
    '/home-orders/:id/rating': write('rating', (req, res, body) => {
      const order = find(segment(req, 3));
      if (!order) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
      if (order.rating) return sendJson(res, 409, { code: 'ALREADY_RATED', message: '已评价', requestId: 'r' });
      const rating = { score: Number(body.score), comment: (body.comment as string | undefined) ?? null, createdAt: new Date().toISOString() };
      if (order.status === 'completed') return transition(res, order.id, 'confirm', 'resident', { rating });
      return sendJson(res, 200, residentView(view(save({ ...order, rating }))));
    }),

    // ── worker ──
    '/worker/profile': read((_req, res) => sendJson(res, 200, fake.worker)),
    '/worker/presence': write('presence', (_req, res, body) => {
      fake.worker = { ...fake.worker, online: Boolean(body.online) };
      sendJson(res, 200, fake.worker);
    }),
    '/worker/position': write('position', (_req, res) => sendJson(res, 200, fake.worker)),
    '/worker/offer': read((_req, res) => {
      const { offer } = fake;
      if (!fake.worker.online || !offer) return sendJson(res, 200, { offer: null });
      const secondsLeft = Math.floor((Date.parse(offer.expiresAt) - (Date.now() + fake.serverClockAheadMs)) / 1000);
      return sendJson(res, 200, { offer: secondsLeft > 0 ? { ...offer, secondsLeft } : null });
    }),
    '/worker/offers/:id/accept': write('accept', (req, res) => {
      const offer = fake.offer;
      if (!offer || offer.id !== segment(req, 4)) return sendJson(res, 409, { code: 'OFFER_EXPIRED', message: '派单已过期', requestId: 'r' });
      fake.offer = null;
      const order = save({ ...orderOf(offer.order), timeline: [] });
      return transition(res, order.id, 'accept', 'worker', { worker: zhao });
    }),
    '/worker/offers/:id/reject': write('reject', (_req, res) => {
      fake.offer = null;
      sendJson(res, 200, { status: 'rejected' });
    }),
    '/worker/pool': read((_req, res) => sendJson(res, 200, { items: fake.pool })),
    '/worker/pool/:id/grab': write('grab', (req, res) => {
      const id = segment(req, 4);
      const order = fake.pool.find((item) => item.id === id);
      if (!order) return sendJson(res, 409, { code: 'INVALID_TRANSITION', message: '订单状态不允许', requestId: 'r' });
      fake.pool = fake.pool.filter((item) => item.id !== id);
      save({ ...orderOf(order), timeline: [] });
      return transition(res, id, 'grab', 'worker', { worker: zhao });
    }),
    '/worker/orders': read((req, res) => {
      const state = new URL(req.url ?? '', 'http://localhost').searchParams.get('state');
      const active: OrderStatus[] = ['accepted', 'en_route', 'in_service'];
      sendJson(res, 200, {
        items: workerOrders()
          .filter((order) => active.includes(order.status) === (state !== 'history'))
          .map(view),
      });
    }),
    '/worker/orders/:id': read((req, res) => {
      const order = find(segment(req, 4));
      return order ? sendJson(res, 200, order) : sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
    }),
    '/worker/orders/:id/set-out': write('set-out', (req, res) => {
      const order = find(segment(req, 4));
      const state = order ? setOutState(new Date(order.windowStartsAt), fake.worker.setOutLeadMinutes, new Date()) : { allowed: true as const };
      if (order?.status === 'accepted' && !state.allowed) {
        return sendJson(res, 409, { code: 'SET_OUT_TOO_EARLY', message: state.notice, details: { opensAt: state.opensAt.toISOString() }, requestId: 'r' });
      }
      // Setting out with a meal run takes its ready meals out, as the API does in the same transaction.
      fake.mealRuns = fake.mealRuns.map((run) =>
        run.orderId === order?.id
          ? { ...run, orderStatus: 'en_route', stops: run.stops.map((stop) => mealStopAs(stop, stop.status === 'ready' ? 'out_for_delivery' : stop.status, true)) }
          : run,
      );
      return transition(res, segment(req, 4), 'set_out', 'worker');
    }),
    '/worker/orders/:id/stops/:mealOrderId/call': write('call-stop', (req, res) => {
      const run = fake.mealRuns.find((candidate) => candidate.orderId === segment(req, 4));
      if (!run?.stops.some((stop) => stop.mealOrderId === segment(req, 6))) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
      return sendJson(res, 200, { phone: fake.phones.resident });
    }),
    '/worker/meal-delivery-runs': read((_req, res) => sendJson(res, 200, { items: fake.mealRuns })),
    '/worker/meal-deliveries/:id/deliver': write('deliver', (req, res) => settleStop(res, segment(req, 4), 'deliver')),
    '/worker/meal-deliveries/:id/not-at-home': write('not-at-home', (req, res) => settleStop(res, segment(req, 4), 'report_not_at_home')),
    '/worker/orders/:id/call': write('call-resident', (req, res) => {
      const order = find(segment(req, 4));
      return reveal(res, order?.worker?.id === fake.worker.id ? order : undefined, fake.phones.resident);
    }),
    '/worker/orders/:id/start': write('start', (req, res) => transition(res, segment(req, 4), 'start', 'worker')),
    '/worker/orders/:id/photos': authed(api, async (_state, req, res) => {
      const id = segment(req, 4);
      const contentType = req.headers['content-type'] ?? '';
      const body = await readBody(req);
      const error = (status: number, code: string, message: string) => sendJson(res, status, { code, message, requestId: 'r' });
      const files = contentType.startsWith('multipart/form-data') ? multipartFiles(contentType, body) : [];
      const file = files.find((part) => part.field === 'photo');
      fake.writes.push({ call: `${req.method} /worker/orders/${id}/photos`, body: { fields: files.map((part) => part.field), bytes: file?.bytes.length ?? 0 } });
      const scripted = fake.next.photo;
      if (scripted) {
        delete fake.next.photo;
        return scripted.code === 'GATEWAY_HTML'
          ? void res.writeHead(scripted.status, { 'Content-Type': 'text/html' }).end('<html><body>413 Request Entity Too Large</body></html>')
          : error(scripted.status, scripted.code, scripted.message ?? scripted.code);
      }
      if (!contentType.startsWith('multipart/form-data')) return error(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片');
      if (!file || file.bytes.length === 0) return error(400, 'VALIDATION_FAILED', '请选择一张照片');
      if (file.bytes.length > MAX_PHOTO_BYTES) return error(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 2 MB');
      const type = sniffImage(file.bytes);
      if (!type) return error(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG 或 PNG 照片');
      const order = find(id);
      if (!order || order.worker?.id !== fake.worker.id) return error(404, 'NOT_FOUND', '没有找到该订单');
      if (order.photos.length >= MAX_PHOTOS_PER_ORDER) return error(409, 'CONFLICT', `每个订单最多上传 ${MAX_PHOTOS_PER_ORDER} 张照片`);
      if (order.status !== 'in_service' && order.status !== 'completed') return error(409, 'INVALID_TRANSITION', '服务开始后、确认完成前才能上传照片');
      const photo = { id: `photo-${nextId++}`, path: '' };
      photo.path = `/order-photos/signed.${photo.id}`;
      fake.photoFiles.set(photo.id, { bytes: file.bytes, contentType: type });
      save({ ...order, photos: [...order.photos, photo] });
      return sendJson(res, 201, photo);
    }),
    '/worker/orders/:id/complete': write('complete', (req, res, body) =>
      transition(res, segment(req, 4), 'complete', 'worker', { completionNote: String(body.note), completedAt: new Date().toISOString() }),
    ),

    // ── photos (public: the signed path is the permission, as in the API) ──
    '/order-photos/:reference': (req, res) => {
      const file = fake.photoFiles.get(segment(req, 3).replace(/^signed\./, ''));
      if (!file) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到该照片', requestId: 'r' });
      res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'private, max-age=300' }).end(file.bytes);
    },

    // ── staff ──
    '/dispatch/board': read((_req, res) => {
      const of = (status: OrderStatus) => fake.orders.filter((order) => order.status === status).map(view);
      const board: DispatchBoard = {
        pending: of('pending_dispatch'),
        offered: of('offered'),
        escalated: of('escalated'),
        overdue: fake.orders.filter((order) => order.overdue).map(view),
        disputed: of('disputed'),
      };
      sendJson(res, 200, board);
    }),
    '/dispatch/orders/:id': read((req, res) => {
      const order = find(segment(req, 4));
      return order ? sendJson(res, 200, order) : sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
    }),
    '/dispatch/orders/:id/candidates': read((_req, res) => sendJson(res, 200, { items: fake.candidates })),
    '/dispatch/orders/:id/assign': write('assign', (req, res, body) => {
      const chosen = fake.candidates.find((worker) => worker.id === body.workerId);
      const worker = chosen ? { id: chosen.id, name: chosen.name, providerName: chosen.providerName, phoneMasked: '137****0009' } : zhao;
      return transition(res, segment(req, 4), 'assign', 'staff', { worker }, String(body.reason));
    }),
    '/dispatch/orders/:id/requeue': write('requeue', (req, res, body) => transition(res, segment(req, 4), 'requeue', 'staff', {}, String(body.reason))),
    '/dispatch/orders/:id/cancel': write('staff-cancel', (req, res, body) => transition(res, segment(req, 4), 'cancel', 'staff', {}, String(body.reason))),
    '/dispatch/orders/:id/resolve': write('resolve', (req, res, body) => transition(res, segment(req, 4), 'resolve', 'staff', {}, String(body.reason))),

    // ── provider admin ──
    '/providers': read((_req, res) => sendJson(res, 200, { items: api.account.role === 'provider_admin' ? [fake.provider] : fake.providers })),
    '/providers/:id/dispatch-mode': write('mode', (_req, res, body) => {
      fake.provider = { ...fake.provider, dispatchMode: body.mode as DispatchMode };
      sendJson(res, 200, fake.provider);
    }),
    // ── provider applications (a resident applies, staff decide) ──
    '/provider-applications': write('apply', (_req, res, body) => {
      const input = body as unknown as ProviderApplicationInput;
      if (fake.applications.some((item) => item.status === 'pending')) {
        return sendJson(res, 409, { code: 'CONFLICT', message: '您已有一份入驻申请在审核中，请等待审核结果', details: { field: 'application' }, requestId: 'r' });
      }
      if (fake.takenUsernames.includes(input.adminUsername)) {
        return sendJson(res, 409, { code: 'CONFLICT', message: '该登录名已被使用', details: { field: 'adminUsername' }, requestId: 'r' });
      }
      const community = communitiesFixture.find((item) => item.id === input.regionId);
      if (!community) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到该社区', requestId: 'r' });
      const created = providerViewOf({
        id: `provider-new-${nextId++}`,
        name: input.name,
        kind: input.kind,
        regionId: community.id,
        regionName: community.name,
        status: 'pending',
        contactName: input.contactName,
        contactPhoneMasked: `${input.contactPhone.slice(0, 3)}****${input.contactPhone.slice(7)}`,
        creditCode: input.creditCode,
        createdAt: new Date().toISOString(),
      });
      fake.takenUsernames.push(input.adminUsername);
      fake.applications = [created, ...fake.applications];
      return sendJson(res, 201, created);
    }),
    '/provider-applications/mine': read((_req, res) => sendJson(res, 200, { items: fake.applications })),
    /** Through the shared rules, as the API does: 409 INVALID_TRANSITION for a move they do not allow. */
    '/providers/:id/status': write('provider-status', (req, res, body) => {
      const provider = fake.providers.find((item) => item.id === segment(req, 3));
      if (!provider) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到该服务机构', requestId: 'r' });
      const to = body.status as ProviderStatus;
      const decision = providerDecision(provider.status, to);
      if (!decision) return sendJson(res, 409, { code: 'INVALID_TRANSITION', message: '该机构当前状态不能这样操作', requestId: 'r' });
      const reason = typeof body.reason === 'string' ? body.reason : null;
      if (PROVIDER_DECISIONS_NEEDING_REASON.includes(decision) && (!reason || reason.length < 2)) {
        return sendJson(res, 400, {
          code: 'VALIDATION_FAILED',
          message: '请填写原因',
          details: [{ field: 'reason', constraints: ['required'], message: '请填写原因' }],
          requestId: 'r',
        });
      }
      const saved = { ...provider, status: to, decisionReason: PROVIDER_DECISIONS_NEEDING_REASON.includes(decision) ? reason : provider.decisionReason };
      fake.providers = fake.providers.map((item) => (item.id === saved.id ? saved : item));
      return sendJson(res, 200, saved);
    }),
    '/providers/:id/workers': authed(api, async (_state, req, res) => {
      if (req.method === 'GET') return sendJson(res, 200, { items: fake.workers });
      return write('add-worker', (_req, innerRes, body) => {
        const phone = String(body.phone);
        const worker = providerWorkerOf({
          id: `worker-new-${nextId++}`,
          name: String(body.name),
          phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
          wechatBound: false,
          online: false,
          openOrders: 0,
        });
        fake.workers = [...fake.workers, worker];
        sendJson(innerRes, 201, worker);
      })(req, res);
    }),
    '/providers/:id/workers/:workerId/invitation': write('invite', (_req, res) => sendJson(res, 201, { code: 'W4K9P2QX', expiresAt: '2026-12-01T02:00:00.000Z' })),
    '/providers/:id/workers/:workerId/dispatch-profile': write('profile', (req, res, body) => {
      const id = segment(req, 5);
      const worker = fake.workers.find((item) => item.id === id);
      if (!worker) return sendJson(res, 404, { code: 'NOT_FOUND', message: '没有找到', requestId: 'r' });
      const names: Record<string, string> = { 'svc-home-care': '居家养老上门服务', 'c-yangguang': '阳光社区', 'c-heping': '和平社区' };
      const saved: ProviderWorker = {
        ...worker,
        skills: (body.skillServiceIds as string[]).map((skill) => ({ id: skill, name: names[skill] ?? skill })),
        areas: (body.areaRegionIds as string[]).map((area) => ({ id: area, name: names[area] ?? area })),
        workingHours: body.workingHours as ProviderWorker['workingHours'],
        maxOpenOrders: Number(body.maxOpenOrders),
      };
      fake.workers = fake.workers.map((item) => (item.id === id ? saved : item));
      return sendJson(res, 200, saved);
    }),
  };
}
