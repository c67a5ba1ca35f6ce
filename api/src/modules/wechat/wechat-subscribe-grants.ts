import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { WechatSubscribeGrant } from './wechat-subscribe-grant.entity';

/**
 * The one-time subscribe authorisations Linli holds, per account and template (`wechat_subscribe_grant`): each 允许
 * adds one, each message sent spends one. Spending is a guarded update (`remaining > 0`), so two instances sending
 * to the same person at once cannot spend one authorisation twice.
 */
@Injectable()
export class WechatSubscribeGrants {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** One more authorisation for each template (the user tapped 允许 for it). */
  add(accountId: string, templateIds: readonly string[]): Promise<void> {
    if (templateIds.length === 0) return Promise.resolve();
    return this.transactions.write(async (manager) => {
      const now = this.clock.now();
      await manager
        .createQueryBuilder()
        .insert()
        .into(WechatSubscribeGrant)
        .values(templateIds.map((templateId) => ({ accountId, templateId, remaining: 0, updatedAt: now })))
        .orIgnore()
        .execute();
      await this.change(manager, accountId, templateIds, () => 'remaining + 1');
    });
  }

  /** Takes one authorisation for a message about to be sent; false when none is left. */
  spend(accountId: string, templateId: string): Promise<boolean> {
    return this.transactions.write(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(WechatSubscribeGrant)
        .set({ remaining: () => 'remaining - 1', updatedAt: this.clock.now() })
        .where('account_id = :accountId AND template_id = :templateId AND remaining > 0', { accountId, templateId })
        .execute();
      return result.affected === 1;
    });
  }

  /** Gives back an authorisation WeChat did not use (the message was refused for its content, or never arrived). */
  giveBack(accountId: string, templateId: string): Promise<void> {
    return this.transactions.write((manager) => this.change(manager, accountId, [templateId], () => 'remaining + 1'));
  }

  /** WeChat says none is left (43101): Linli's count was wrong, and is now what WeChat says. */
  clear(accountId: string, templateId: string): Promise<void> {
    return this.transactions.write((manager) => this.change(manager, accountId, [templateId], () => '0'));
  }

  /** What is left of each template for the account (0 for a template never granted). */
  async remaining(accountId: string, templateIds: readonly string[]): Promise<Map<string, number>> {
    const rows = templateIds.length ? await this.dataSource.getRepository(WechatSubscribeGrant).find({ where: { accountId, templateId: In([...templateIds]) } }) : [];
    const left = new Map(templateIds.map((templateId) => [templateId, 0]));
    for (const row of rows) left.set(row.templateId, row.remaining);
    return left;
  }

  private async change(manager: EntityManager, accountId: string, templateIds: readonly string[], remaining: () => string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(WechatSubscribeGrant)
      .set({ remaining, updatedAt: this.clock.now() })
      .where('account_id = :accountId AND template_id IN (:...templateIds)', { accountId, templateIds: [...templateIds] })
      .execute();
  }
}
