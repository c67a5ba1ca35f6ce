/**
 * Runs the fake WeChat server on its own (used by `npm start` when no WECHAT_APPID is configured). Prints
 * `fake wechat listening on <url>` once ready. FAKE_WECHAT_PORT picks the port (default: any free one).
 */
import { loadConfig } from '../config/app-config';
import { startFakeWechatServer } from '../modules/wechat/fake-wechat-server';

async function main(): Promise<void> {
  const { wechat } = loadConfig();
  const server = await startFakeWechatServer({
    appId: wechat.appId,
    appSecret: wechat.appSecret,
    acceptAnyCode: true,
    port: Number(process.env.FAKE_WECHAT_PORT ?? 0),
  });
  console.log(`fake wechat listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
