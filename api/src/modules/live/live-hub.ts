import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { RawData, WebSocket } from 'ws';
import type { AuthContext } from '../../common/auth/auth-context';
import { regionInScope } from '../../common/auth/scope';
import { verifyAccessToken } from '../../common/security/access-token';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthRepository } from '../auth';
import { ResidentAccess } from '../residents';
import { LIVE_CLOSE, type LiveClientFrame, type LiveOrderEvent, type LiveServerFrame } from './live-events';
import { LiveRepository } from './live.repository';

/** A signed-in socket and what its account may hear, read once when it signs in. */
interface LiveSession {
  socket: WebSocket;
  auth: AuthContext;
  /** The worker record of a worker account: its offers and the orders it holds. */
  workerId: string | null;
  /** A resident's own record and the household members they act for (ResidentAccess.selfAndHousehold). */
  residentIds: Set<string>;
  /** When the access token runs out: the socket is closed then (4401) and the client signs in again. */
  expiresAtMs: number;
  alive: boolean;
}

/**
 * How often each instance asks whether its sockets' sessions are still live (one query for all of them, and none
 * while it holds no socket): a session signed out, revoked, or whose account was disabled or provider suspended —
 * on any instance — loses its sockets within this time, not only when its access token runs out.
 */
export const SESSION_CHECK_MS = 2000;

/** The roles that see the staff dispatch board (its routes' @Roles). */
const BOARD_ROLES: ReadonlySet<AuthContext['role']> = new Set(['staff', 'admin']);

/**
 * This instance's live sockets. A socket signs in with its access token as its first frame (never in the URL, so
 * no log line carries it), checked as the HTTP guard checks it (signature, expiry, live session, active account);
 * then it hears only what its account may see through the routes: a worker its own offers and the orders it holds,
 * a resident the orders of the people they act for, staff and admins the board's changes inside their region.
 * Ping every LIVE_HEARTBEAT_SECONDS; a socket that did not answer the previous ping is dropped. Every
 * SESSION_CHECK_MS the sessions behind the sockets are checked again, and the sockets of one that ended (signed out,
 * revoked, account disabled, provider suspended) are closed with 4401 — the client's renewal then fails too.
 */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly logger = new Logger(LiveHub.name);
  private readonly sessions = new Set<LiveSession>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly sessionCheck: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly auth: AuthRepository,
    private readonly residents: ResidentAccess,
    private readonly live: LiveRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.heartbeat = setInterval(() => this.beat(), config.live.heartbeatSeconds * 1000);
    this.heartbeat.unref();
    this.sessionCheck = setInterval(() => void this.closeEndedSessions(), SESSION_CHECK_MS);
    this.sessionCheck.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  /** A new socket: it has LIVE_AUTH_TIMEOUT_SECONDS to send `{ type: 'auth', token }`. */
  accept(socket: WebSocket, meta: { ip: string; requestId: string }): void {
    let session: LiveSession | null = null;
    const timeout = setTimeout(() => socket.close(LIVE_CLOSE.authTimeout, 'auth timeout'), this.config.live.authTimeoutSeconds * 1000);
    socket.on('message', (data, isBinary) => {
      const frame = isBinary ? null : parseFrame(textOf(data));
      if (!frame) return socket.close(LIVE_CLOSE.badFrame, 'bad frame');
      if (frame.type === 'ping') return send(socket, { type: 'pong' });
      if (session) return;
      clearTimeout(timeout);
      void this.signIn(socket, frame.token, meta).then(
        (signedIn) => {
          session = signedIn;
          if (!session) return socket.close(LIVE_CLOSE.unauthorized, 'unauthorized');
          if (socket.readyState !== socket.OPEN) return;
          this.sessions.add(session);
          send(socket, { type: 'ready', role: session.auth.role });
        },
        (error: unknown) => {
          this.logger.warn(`live sign-in failed: ${(error as Error).message}`);
          socket.close(1011, 'try again');
        },
      );
    });
    socket.on('pong', () => {
      if (session) session.alive = true;
    });
    socket.on('close', () => {
      clearTimeout(timeout);
      if (session) this.sessions.delete(session);
    });
    socket.on('error', () => socket.terminate());
  }

  /** Pushes each event to the sockets whose accounts may see it. */
  publish(events: LiveOrderEvent[]): void {
    if (events.length === 0 || this.sessions.size === 0) return;
    const now = Date.now();
    for (const session of this.sessions) {
      for (const event of events) {
        const frame = frameFor(session, event, now);
        if (frame) send(session.socket, frame);
      }
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.sessionCheck);
    for (const session of this.sessions) session.socket.close(LIVE_CLOSE.shutdown, 'server shutting down');
    this.sessions.clear();
  }

  private async signIn(socket: WebSocket, token: string, meta: { ip: string; requestId: string }): Promise<LiveSession | null> {
    const claims = typeof token === 'string' ? verifyAccessToken(token, this.config.secrets.jwtSecret) : 'malformed';
    if (typeof claims === 'string') return null;
    const [scoped, live] = await Promise.all([this.auth.findActiveAccountWithScope(claims.sub), this.auth.isSessionLive(claims.sid)]);
    if (!scoped || !live) return null;
    const { account, regionPath } = scoped;
    const auth: AuthContext = {
      ...meta,
      accountId: account.id,
      role: account.role,
      sessionId: claims.sid,
      regionPath,
      providerId: account.providerId,
      residentId: account.residentId,
    };
    const [workerId, residentIds] = await Promise.all([
      auth.role === 'worker' ? this.live.workerIdOfAccount(auth.accountId) : null,
      auth.role === 'resident' ? this.residents.selfAndHousehold(auth) : [],
    ]);
    return { socket, auth, workerId, residentIds: new Set(residentIds), expiresAtMs: claims.exp * 1000, alive: true };
  }

  /** Closes the sockets whose session has ended since they signed in (see SESSION_CHECK_MS). */
  async closeEndedSessions(): Promise<number> {
    if (this.checking || this.sessions.size === 0) return 0;
    this.checking = true;
    try {
      const held = [...this.sessions];
      const live = await this.live.liveSessionsAmong(held.map((session) => session.auth));
      let closed = 0;
      for (const session of held) {
        if (live.has(`${session.auth.sessionId} ${session.auth.accountId}`) || !this.sessions.has(session)) continue;
        this.sessions.delete(session);
        session.socket.close(LIVE_CLOSE.unauthorized, 'session ended');
        closed++;
      }
      return closed;
    } catch (error) {
      this.logger.warn(`live session check failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.checking = false;
    }
  }

  private beat(): void {
    const now = Date.now();
    for (const session of this.sessions) {
      if (!session.alive) {
        this.sessions.delete(session);
        session.socket.terminate();
      } else if (session.expiresAtMs <= now) {
        this.sessions.delete(session);
        session.socket.close(LIVE_CLOSE.unauthorized, 'token expired');
      } else {
        session.alive = false;
        session.socket.ping();
      }
    }
  }
}

/** What one socket hears of one event (null: nothing), by the same rules as the routes. */
export function frameFor(session: Pick<LiveSession, 'auth' | 'workerId' | 'residentIds'>, event: LiveOrderEvent, nowMs: number): LiveServerFrame | null {
  if (event.event === 'offer' && event.offer && session.workerId && session.workerId === event.workerId) {
    const secondsLeft = Math.max(0, Math.round((Date.parse(event.offer.expiresAt) - nowMs) / 1000));
    return { type: 'offer', offerId: event.offer.offerId, orderId: event.orderId, expiresAt: event.offer.expiresAt, secondsLeft };
  }
  const own = (session.workerId !== null && session.workerId === event.workerId) || (event.residentId !== null && session.residentIds.has(event.residentId));
  if (own) return { type: 'order', orderId: event.orderId, status: event.status, event: event.event };
  if (BOARD_ROLES.has(session.auth.role) && regionInScope(session.auth, event.regionPath)) {
    return { type: 'board', orderId: event.orderId, status: event.status, event: event.event };
  }
  return null;
}

function send(socket: WebSocket, frame: LiveServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function textOf(data: RawData): string {
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
}

function parseFrame(text: string): LiveClientFrame | null {
  try {
    const frame = JSON.parse(text) as Partial<LiveClientFrame> & { token?: unknown };
    if (frame.type === 'ping') return { type: 'ping' };
    if (frame.type === 'auth' && typeof frame.token === 'string' && frame.token.length < 4096) return { type: 'auth', token: frame.token };
    return null;
  } catch {
    return null;
  }
}
