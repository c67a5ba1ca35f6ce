/**
 * The wechat module's public surface: what other modules may import from it.
 * The WeChat API client (login, phone numbers), subscribe messages with their one-time authorisations, and the fake
 * server the demo and the tests run against. Everything else in this folder is the module's own.
 */
export { WechatClient } from './wechat.client';
export type { WechatSession } from './wechat.client';
export { WechatModule } from './wechat.module';
export { WechatSubscribeMessages, type SubscribeSendOutcome } from './wechat-subscribe-messages';
