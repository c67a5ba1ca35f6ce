import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainlandMobile } from '@linli/shared';

/**
 * A stand-in SMS gateway that speaks HttpSmsGateway's protocol (decision 0020), so the SMS channel runs for real in
 * tests and can be tried by hand (`node api/dist/cli/fake-sms.js`).
 *
 * `POST /v1/messages` with `Authorization: Bearer <key>`, `Idempotency-Key` and `{ phone, text }` answers `{ code }`:
 * - 200 `ok` (with an `id`): texted, once per idempotency key — a key seen before gets the first answer again and
 *   nothing is texted twice (an error answer does not use the key up);
 * - 422 `invalid_number` (not a mainland mobile number, or one the carrier says does not exist: `markInvalid(phone)`),
 *   422 `invalid_text` (no 【signature】, or longer than 500);
 * - 403 `refused` for a number whose owner opted out (`refuse(phone)`);
 * - 503 `busy` for the next sends a test asks for (`failNext('busy')`);
 * - 401 `unauthorised` for a wrong key, 400 `missing_idempotency_key`.
 * `dropNextReply()` texts the next message and then closes the connection unanswered: a reply lost on the way back.
 */
export interface FakeSmsOptions {
  key: string;
  port?: number;
  /** Told of each text as it is delivered (the CLI prints it). */
  onText?: (sms: FakeSms) => void;
}

/** A text the fake accepted (and would have delivered). */
export interface FakeSms {
  id: string;
  phone: string;
  text: string;
  idempotencyKey: string;
}

export interface FakeSmsServer {
  url: string;
  key: string;
  /** Texts delivered, once each, in order. */
  messages: FakeSms[];
  /** Every send asked for (also the repeats and the refused), with its idempotency key. */
  requests: Array<{ phone: string; idempotencyKey: string }>;
  /** How many texts this phone was sent. */
  sentCount(phone: string): number;
  /** The owner of this number sent 退订: every later text to it is refused. */
  refuse(phone: string): void;
  /** The carrier says this well-formed number does not exist (空号). */
  markInvalid(phone: string): void;
  /** The next sends answer these codes, one each (e.g. `busy`). */
  failNext(...codes: Array<'busy'>): void;
  /** The next accepted text is delivered, but its answer is never sent (the connection is closed). */
  dropNextReply(): void;
  close(): Promise<void>;
}

type Reply = { status: number; body: Record<string, unknown> };

const SIGNED = /^【[^【】]{2,12}】./u;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

function answer(response: ServerResponse, { status, body }: Reply): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startFakeSmsServer(options: FakeSmsOptions): Promise<FakeSmsServer> {
  const messages: FakeSms[] = [];
  const requests: FakeSmsServer['requests'] = [];
  const answered = new Map<string, Reply>();
  const refused = new Set<string>();
  const unknownNumbers = new Set<string>();
  const failures: Array<'busy'> = [];
  let dropNext = false;

  function send(headers: IncomingMessage['headers'], body: Record<string, unknown>): { reply: Reply; drop: boolean } {
    if (headers.authorization !== `Bearer ${options.key}`) return { reply: { status: 401, body: { code: 'unauthorised' } }, drop: false };
    const idempotencyKey = typeof headers['idempotency-key'] === 'string' ? headers['idempotency-key'] : '';
    if (!idempotencyKey) return { reply: { status: 400, body: { code: 'missing_idempotency_key' } }, drop: false };
    const phone = typeof body.phone === 'string' ? body.phone : '';
    const text = typeof body.text === 'string' ? body.text : '';
    requests.push({ phone, idempotencyKey });
    const earlier = answered.get(idempotencyKey);
    if (earlier) return { reply: earlier, drop: false };
    if (failures.shift() === 'busy') return { reply: { status: 503, body: { code: 'busy' } }, drop: false };
    if (!isMainlandMobile(phone) || unknownNumbers.has(phone)) return { reply: { status: 422, body: { code: 'invalid_number' } }, drop: false };
    if (!SIGNED.test(text) || Array.from(text).length > 500) return { reply: { status: 422, body: { code: 'invalid_text' } }, drop: false };
    if (refused.has(phone)) return { reply: { status: 403, body: { code: 'refused' } }, drop: false };
    const id = randomBytes(8).toString('hex');
    const sms = { id, phone, text, idempotencyKey };
    messages.push(sms);
    options.onText?.(sms);
    const reply = { status: 200, body: { code: 'ok', id } };
    answered.set(idempotencyKey, reply);
    const drop = dropNext;
    dropNext = false;
    return { reply, drop };
  }

  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST' || request.url !== '/v1/messages') return void response.writeHead(404).end();
      const { reply, drop } = send(request.headers, await readJson(request));
      if (drop) return void request.socket.destroy();
      answer(response, reply);
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    key: options.key,
    messages,
    requests,
    sentCount: (phone) => messages.filter((message) => message.phone === phone).length,
    refuse: (phone) => void refused.add(phone),
    markInvalid: (phone) => void unknownNumbers.add(phone),
    failNext: (...codes) => void failures.push(...codes),
    dropNextReply: () => {
      dropNext = true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
