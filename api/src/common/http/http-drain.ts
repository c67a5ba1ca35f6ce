import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Node listens with a backlog of 511, so the kernel never holds more connections than that, and each turn of the
 * event loop accepts at least one of them (libuv may take only one per turn). This many turns take in all it held
 * when shutdown began even under a flood of new ones; after that the drain stops waiting for a quiet turn.
 */
const MAX_DRAIN_TURNS = 1_024;

/**
 * Lets an HTTP server stop without resetting requests clients had already sent, and without waiting on
 * kept-alive connections that have nothing more to do.
 *
 * `server.close()` alone gets both wrong. It closes the listening socket at once, and the kernel resets every
 * connection still queued for accept, though the request on it is complete; it also destroys connections that
 * look idle, including ones whose next request is sitting unread in the socket buffer. And a kept-alive
 * connection whose request was in flight stays open after the answer until the client hangs up or the
 * keep-alive timeout passes, so the close waits out the whole shutdown timeout.
 *
 * So, once shutdown begins: every response not yet started says `Connection: close` (Node then ends the
 * connection after it), a response already streaming has its connection closed when it finishes, and the server
 * keeps accepting and reading until a whole turn of the event loop brings no new connection and no new request —
 * by then everything the kernel held when the signal came is a request in flight. Only then should the server
 * be closed.
 */
export class HttpDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  /** Connections accepted and requests read so far: the drain waits until a turn leaves this unchanged. */
  private arrivals = 0;

  constructor(private readonly server: Server) {
    // Prepended so that the header is set before the application's handler writes anything.
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => this.track(response));
    server.on('connection', () => this.arrivals++);
  }

  /** Starts draining; resolves once every request that reached this machine before the call is in hand. */
  async begin(): Promise<void> {
    this.draining = true;
    for (const response of this.inFlight) this.closeConnectionAfter(response);
    // A signal is handled in the middle of a turn: step to its end, so that each turn below polls for I/O once.
    await nextTurn();
    for (let turn = 0; turn < MAX_DRAIN_TURNS; turn++) {
      const arrivalsBefore = this.arrivals;
      await nextTurn();
      if (this.arrivals === arrivalsBefore) return;
    }
  }

  private track(response: ServerResponse): void {
    this.arrivals++;
    if (this.draining) {
      this.closeConnectionAfter(response);
      return;
    }
    this.inFlight.add(response);
    response.once('close', () => this.inFlight.delete(response));
  }

  private closeConnectionAfter(response: ServerResponse): void {
    if (!response.headersSent) {
      response.setHeader('connection', 'close');
      return;
    }
    // Its headers already promised keep-alive: once it is done its connection is idle, and idle ones are closed.
    response.once('finish', () => this.server.closeIdleConnections());
  }
}
