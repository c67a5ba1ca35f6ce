import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the application and its MySQL/MariaDB server, which a test can take down (connections
 * cut, new ones refused: the server gone), stall (connections accepted and held, nothing ever answered: a
 * server hung or a network black hole) and bring back — the database outages a real deployment meets.
 */
export class DatabaseProxy {
  private readonly sockets = new Set<Socket>();
  private readonly heldBackWaiters: Array<() => void> = [];
  private mode: 'forward' | 'stall' = 'forward';
  private server: Server | null = null;

  private constructor(
    private readonly target: { host: string; port: number },
    private port = 0,
  ) {}

  /** Starts forwarding to the server of `databaseUrl`; returns the proxy and the same URL pointed at it. */
  static async start(databaseUrl: string): Promise<{ proxy: DatabaseProxy; url: string }> {
    const target = new URL(databaseUrl);
    const proxy = new DatabaseProxy({ host: target.hostname, port: Number(target.port || 3306) });
    await proxy.listen();
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${proxy.port}`;
    return { proxy, url: url.toString() };
  }

  /** The server goes away: open connections are cut and new ones refused until `restore()`. */
  async takeDown(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
  }

  /** The server hangs: whatever the application sends from now on, on old or new connections, gets no answer. */
  stall(): void {
    this.mode = 'stall';
  }

  /** Resolves the next time a stalled proxy holds something back: a query sent to it, or a connection it accepts. */
  nextHeldBack(): Promise<void> {
    return new Promise((resolveHeld) => this.heldBackWaiters.push(resolveHeld));
  }

  /** Forwarding again on the same port; connections stalled so far are cut, as a restarted server would. */
  async restore(): Promise<void> {
    this.mode = 'forward';
    for (const socket of this.sockets) socket.destroy();
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.takeDown();
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolveListen();
      });
    });
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.mode === 'stall') {
      this.heldBack(); // accepted, never answered
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    this.track(upstream);
    client.on('data', (chunk) => {
      if (this.mode === 'forward') upstream.write(chunk);
      else this.heldBack();
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'forward') client.write(chunk);
    });
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', cut);
    upstream.once('close', cut);
  }

  private heldBack(): void {
    for (const notify of this.heldBackWaiters.splice(0)) notify();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => this.sockets.delete(socket));
  }
}
