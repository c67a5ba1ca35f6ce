import type { OrderStatus } from '@linli/shared';

/**
 * What the live module tells sockets, decided once per outbox message (on the instance that follows the outbox, or on
 * the committing instance when Redis carries it) and matched against each socket's account in memory.
 */
export interface LiveOrderEvent {
  /** The outbox message it comes from: the same change is never pushed twice to one socket. */
  messageId: string;
  /** The outbox topic without `order.`: offer, accept, start, complete, expire, escalate, sla_warning… */
  event: string;
  orderId: string;
  status: OrderStatus;
  residentId: string | null;
  workerId: string | null;
  /** The order's region (null when the order is gone): whose staff see the change on the dispatch board. */
  regionPath: string | null;
  /** Only on `offer`: the worker's open offer and when it runs out. */
  offer: { offerId: string; expiresAt: string } | null;
}

/** Frames the server sends (JSON text). */
export type LiveServerFrame =
  | { type: 'ready'; role: string }
  | { type: 'offer'; offerId: string; orderId: string; expiresAt: string; secondsLeft: number }
  | { type: 'order'; orderId: string; status: OrderStatus; event: string }
  | { type: 'board'; orderId: string; status: OrderStatus; event: string }
  | { type: 'pong' };

/** Frames a client sends: its access token first, then optional application-level pings. */
export type LiveClientFrame = { type: 'auth'; token: string } | { type: 'ping' };

/** Close codes (4000–4999 are the application's): the client refreshes its token on 4401 before reconnecting. */
export const LIVE_CLOSE = {
  unauthorized: 4401,
  authTimeout: 4408,
  badFrame: 4400,
  shutdown: 1001,
} as const;
