import { Inject, Injectable } from '@nestjs/common';
import { SUBSCRIBE_MOMENTS, SUBSCRIBE_TEMPLATE_NAMES, type SubscribeGrantsInput, type SubscribeGrantsView, type SubscribeMoment, type SubscribeTemplatesView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError } from '../../common/errors/domain-error';
import type { AppConfig, WechatConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WechatSubscribeGrants } from './wechat-subscribe-grants';

/**
 * The mini program's side of subscribe messages: which template ids to ask for at each moment (configured ones only),
 * and what the user answered. Every 允许 is one more message of that template Linli may send them; 取消, a template
 * the admin banned or WeChat filtered add nothing (and take nothing away: earlier 允许 still stand in WeChat).
 */
@Injectable()
export class WechatSubscriptions {
  private readonly wechat: WechatConfig;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly grants: WechatSubscribeGrants,
  ) {
    this.wechat = config.wechat;
  }

  templates(): SubscribeTemplatesView {
    const configured = this.wechat.subscribeTemplates;
    const moments = Object.fromEntries(
      Object.entries(SUBSCRIBE_MOMENTS).map(([moment, names]) => [moment, names.flatMap((name) => (configured[name] ? [configured[name]] : []))]),
    ) as Record<SubscribeMoment, string[]>;
    return { moments };
  }

  async report(auth: AuthContext, input: SubscribeGrantsInput): Promise<SubscribeGrantsView> {
    const configured = new Set(SUBSCRIBE_TEMPLATE_NAMES.flatMap((name) => this.wechat.subscribeTemplates[name] ?? []));
    const unknown = input.results.flatMap((entry, index) => (configured.has(entry.templateId) ? [] : [index]));
    if (unknown.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        '订阅消息模板不存在',
        unknown.map((index) => ({ field: `results.${index}.templateId`, constraints: ['configuredTemplate'], message: 'is not one of the configured subscribe templates' })),
      );
    }
    const templateIds = input.results.map((entry) => entry.templateId);
    await this.grants.add(
      auth.accountId,
      input.results.filter((entry) => entry.result === 'accept').map((entry) => entry.templateId),
    );
    const remaining = await this.grants.remaining(auth.accountId, templateIds);
    return { grants: templateIds.map((templateId) => ({ templateId, remaining: remaining.get(templateId) ?? 0 })) };
  }
}
