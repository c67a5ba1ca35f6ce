import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { HttpDrain } from './http-drain';

/** A kept-alive raw connection: it never hangs up by itself, so only the server can close it. */
async function keptAliveConnection(server: Server) {
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  let answer = '';
  const arrivals: Array<() => void> = [];
  socket.on('data', (chunk) => {
    answer += chunk.toString();
    arrivals.splice(0).forEach((notify) => notify());
  });
  const closedByServer = new Promise<void>((resolveClose) => socket.once('end', resolveClose));
  await new Promise((resolveConnect) => socket.once('connect', resolveConnect));
  const received = async (pattern: RegExp) => {
    while (!pattern.test(answer)) await new Promise<void>((notify) => arrivals.push(notify));
  };
  return { socket, answer: () => answer, received, closedByServer };
}

describe('HttpDrain', () => {
  let server: Server;
  let pending: ServerResponse[];
  let drain: HttpDrain;

  beforeEach(async () => {
    pending = [];
    // Each response is left open for the test to finish: a request in flight.
    server = createServer((_request, response) => pending.push(response));
    drain = new HttpDrain(server);
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  });
  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  const closeServer = () => new Promise<void>((resolveClose) => server.close(() => resolveClose()));

  it('makes a response in flight close its kept-alive connection, so the server closes without waiting for the client', async () => {
    const client = await keptAliveConnection(server);
    client.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    while (pending.length === 0) await new Promise((resolveTurn) => setImmediate(resolveTurn));

    await drain.begin();
    const closed = closeServer();
    pending[0].end('done');

    await client.closedByServer;
    await closed;
    expect(client.answer()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(client.answer()).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('closes the connection of a response whose keep-alive headers were already sent, once it finishes', async () => {
    const client = await keptAliveConnection(server);
    client.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    while (pending.length === 0) await new Promise((resolveTurn) => setImmediate(resolveTurn));
    pending[0].writeHead(200, { 'content-type': 'text/plain' });
    pending[0].write('first part');
    await client.received(/first part/);

    await drain.begin();
    const closed = closeServer();
    pending[0].end('last part');

    await client.closedByServer;
    await closed;
    expect(client.answer()).toMatch(/\r\nConnection: keep-alive\r\n/i);
  });

  it('answers requests arriving while it drains with Connection: close', async () => {
    const client = await keptAliveConnection(server);
    await drain.begin();
    client.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    while (pending.length === 0) await new Promise((resolveTurn) => setImmediate(resolveTurn));
    pending[0].end('late');

    await client.closedByServer;
    expect(client.answer()).toMatch(/\r\nConnection: close\r\n/i);
  });
});
