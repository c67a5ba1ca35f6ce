import { SUBSCRIBE_TEMPLATE_NAMES, SUBSCRIBE_TEMPLATES, type SubscribeTemplateName } from '@linli/shared';
import { createApp } from '../../src/app.factory';
import { FieldCipher } from '../../src/common/security/field-cipher';
import { Clock } from '../../src/common/time/clock';
import type { WechatConfig } from '../../src/config/app-config';
import { WechatClient } from '../../src/modules/wechat';
import { WechatAccessTokens } from '../../src/modules/wechat/wechat-access-tokens';
import { WechatHttp } from '../../src/modules/wechat/wechat-http';
import type { TestApp } from './test-app';

/** The WeChat side of another API instance: its client, and its clock (tests move it). */
export interface SecondWechatInstance {
  client: WechatClient;
  clock: Clock;
  close(): Promise<void>;
}

/**
 * Another API instance's WeChat client on the same database and fake WeChat server, with memory of its own.
 * On MySQL/MariaDB it is a whole second app, as a second process would be. On SQLite two apps cannot share one
 * process (better-sqlite3 waits for a lock synchronously, so the holder in the same process never gets to commit),
 * so there it is a second refresher and client over the first app's database connection. `wechat` changes what
 * differs (a wrong AppSecret …).
 */
export async function startSecondInstance(t: TestApp, wechat: Partial<WechatConfig> = {}): Promise<SecondWechatInstance> {
  const config = { ...t.config, wechat: { ...t.config.wechat, ...wechat } };
  if (t.config.database.dialect !== 'sqlite') {
    const app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
    return { client: app.get(WechatClient), clock: app.get(Clock), close: () => app.close() };
  }
  const http = new WechatHttp(config);
  const clock = new Clock();
  const accessTokens = new WechatAccessTokens(t.dataSource, t.transactions, t.app.get(FieldCipher), http, clock);
  return { client: new WechatClient(http, accessTokens), clock, close: () => Promise.resolve() };
}

/** A template id as WeChat's console shows one, per template, for tests (WECHAT_SUBSCRIBE_TEMPLATE_<NAME>). */
export const testTemplateId = (name: SubscribeTemplateName) => `tmpl_${name}`.padEnd(43, 'x');

/** The environment that configures every template with its test id. */
export const SUBSCRIBE_TEMPLATES_ENV: Record<string, string> = Object.fromEntries(
  SUBSCRIBE_TEMPLATE_NAMES.map((name) => [`WECHAT_SUBSCRIBE_TEMPLATE_${name.toUpperCase()}`, testTemplateId(name)]),
);

/** Adds every template to the fake WeChat's console, with its keywords' kinds. */
export function registerTestTemplates(t: TestApp): void {
  for (const name of SUBSCRIBE_TEMPLATE_NAMES) {
    const keywords = Object.fromEntries(Object.entries(SUBSCRIBE_TEMPLATES[name].keywords).map(([key, [, kind]]) => [key, kind]));
    t.wechat.registerTemplate(testTemplateId(name), keywords);
  }
}
