import { Inject, Injectable, Logger } from '@nestjs/common';
import { SUBSCRIBE_TOPIC_TEMPLATES, subscribeMessageData, type SubscribeMessageContents, type SubscribeTemplateName, type SubscribeTopic } from '@linli/shared';
import type { AppConfig, WechatConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AccountsRepository } from '../accounts';
import { WechatAccessTokens } from './wechat-access-tokens';
import { WechatHttp } from './wechat-http';
import { WechatSubscribeGrants } from './wechat-subscribe-grants';
import { WechatError } from './wechat.errors';

/** WeChat's answers to subscribeMessage.send that Linli acts on (anything else is worth another try later). */
const USER_REFUSED = 43101; // the user refused, or has no authorisation left for this template
const INVALID_FIELD = 47003; // a keyword's value breaks the template's limits
const INVALID_TEMPLATE = 40037; // the template id is not one of this mini program's
const INVALID_OPENID = 40003;

/**
 * What became of one subscribe message, for the relay to act on:
 * - `sent`: WeChat accepted it (one authorisation spent);
 * - `refused`: this person cannot get this message in WeChat now (no authorisation left, refused, no WeChat
 *   identity, template not configured): the inbox has it; never retried;
 * - `invalid`: the message or the template is wrong for WeChat (47003 a field, 40037 the template id); retrying
 *   cannot help until someone fixes it: dead-letter it with `reason`;
 * - `retryable`: WeChat or the network failed (busy twice, a token that would not refresh, a timeout); the
 *   authorisation was given back; try again later.
 */
export type SubscribeSendOutcome =
  | { kind: 'sent' }
  | { kind: 'refused'; reason: 'template_not_configured' | 'no_wechat_identity' | 'no_authorisation' | 'refused_by_wechat' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'retryable'; reason: string };

/**
 * WeChat subscribe messages (POST /cgi-bin/message/subscribe/send) to one account: shared's typed map picks the
 * template and fills its keywords within WeChat's limits, configuration gives the template id, and one of the
 * account's authorisations for that template is spent before the call (none left: nothing is sent). A crash
 * between spending and sending loses that authorisation rather than risk sending beyond what the user allowed.
 * The access token comes from the one shared refresher, which refreshes once on 40001 and retries.
 */
@Injectable()
export class WechatSubscribeMessages {
  private readonly logger = new Logger(WechatSubscribeMessages.name);
  private readonly wechat: WechatConfig;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly http: WechatHttp,
    private readonly accessTokens: WechatAccessTokens,
    private readonly grants: WechatSubscribeGrants,
    private readonly accounts: AccountsRepository,
  ) {
    this.wechat = config.wechat;
  }

  /** False when no template is configured: nothing can be sent, and the channel stays out of the relay. */
  get enabled(): boolean {
    return Object.values(this.wechat.subscribeTemplates).some(Boolean);
  }

  /** The configured template id of a Linli template, or null. */
  templateIdOf(name: SubscribeTemplateName): string | null {
    return this.wechat.subscribeTemplates[name] ?? null;
  }

  async send<Topic extends SubscribeTopic>(accountId: string, topic: Topic, content: SubscribeMessageContents[Topic]): Promise<SubscribeSendOutcome> {
    const entry = SUBSCRIBE_TOPIC_TEMPLATES[topic];
    const templateId = this.templateIdOf(entry.template);
    if (!templateId) return { kind: 'refused', reason: 'template_not_configured' };
    const openid = await this.accounts.findOpenidOf(accountId);
    if (!openid) return { kind: 'refused', reason: 'no_wechat_identity' };
    if (!(await this.grants.spend(accountId, templateId))) return { kind: 'refused', reason: 'no_authorisation' };
    const body = { touser: openid, template_id: templateId, page: entry.page, lang: 'zh_CN', data: subscribeMessageData(topic, content) };
    try {
      await this.accessTokens.withAccessToken('subscribe_send', (token) =>
        this.http.call('subscribe_send', `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, body),
      );
      return { kind: 'sent' };
    } catch (error) {
      return this.failed(accountId, templateId, topic, error);
    }
  }

  private async failed(accountId: string, templateId: string, topic: SubscribeTopic, error: unknown): Promise<SubscribeSendOutcome> {
    const errcode = error instanceof WechatError ? error.errcode : null;
    if (errcode === USER_REFUSED) {
      await this.grants.clear(accountId, templateId);
      return { kind: 'refused', reason: 'refused_by_wechat' };
    }
    if (errcode === INVALID_OPENID) return { kind: 'refused', reason: 'no_wechat_identity' };
    // WeChat did not use the authorisation: it is the user's still.
    await this.grants.giveBack(accountId, templateId);
    if (errcode === INVALID_FIELD) return { kind: 'invalid', reason: `WeChat 47003 for ${topic}: ${wechatReason(error)}` };
    if (errcode === INVALID_TEMPLATE) return { kind: 'invalid', reason: `WeChat 40037: template ${templateId} (${topic}) is not this mini program's` };
    if (!(error instanceof WechatError)) throw error;
    this.logger.warn(`subscribe message ${topic} not sent (errcode ${errcode ?? 'none'}); worth another try`);
    return { kind: 'retryable', reason: errcode === null ? 'WeChat unreachable' : `WeChat errcode ${errcode}` };
  }
}

/** WeChat's errmsg without its request id ("argument invalid! data.thing1.value invalid rid: …"). */
function wechatReason(error: unknown): string {
  const message = error instanceof WechatError ? (error.wechatMessage ?? '') : '';
  return message.replace(/\s*rid:.*$/, '').slice(0, 200) || 'a field breaks the template’s limits';
}
