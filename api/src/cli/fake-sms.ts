/**
 * Runs the fake SMS gateway on its own, to try the SMS channel by hand: start it, then start the API with
 * SMS_GATEWAY_URL=<the url printed>, SMS_GATEWAY_KEY (the same as FAKE_SMS_KEY) and SMS_SIGNATURE. Prints
 * `fake sms listening on <url>` once ready, and one line per text it receives (the number masked).
 * FAKE_SMS_PORT picks the port (default: any free one), FAKE_SMS_KEY the key (default `fake-sms-key`).
 */
import { maskPhone } from '@linli/shared';
import { startFakeSmsServer } from '../modules/notifications/fake-sms-server';

async function main(): Promise<void> {
  const server = await startFakeSmsServer({
    key: process.env.FAKE_SMS_KEY || 'fake-sms-key',
    port: Number(process.env.FAKE_SMS_PORT ?? 0),
    onText: (sms) => console.log(`sms to ${maskPhone(sms.phone)}: ${sms.text}`),
  });
  console.log(`fake sms listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
