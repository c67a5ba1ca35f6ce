import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreatedMealBalanceTopUpView, MealBalanceTopUpView, WechatPayRequest } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainError, NotFoundError } from '../../common/errors/domain-error';
import { Idempotency } from '../../common/idempotency/idempotency';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { WechatPayments, type PaymentSubject } from '../payments';
import { MealBalances } from './meal-balances';
import { MealBalancesRepository } from './meal-balances.repository';
import type { MealBalanceTopUp } from './meal-balance-top-up.entity';
import { MealElderAccess } from './meal-elder-access';
import { topUpAlreadyPaid } from './meal-subsidies.errors';

/** WeChat Pay takes a top-up for this long after it was asked for (time_expire); a later tap asks afresh. */
const PAY_WITHIN_MS = 30 * 60 * 1000;
const DESCRIPTION = '助餐余额充值';
const LEDGER_NOTE = '微信支付充值';

/**
 * Online top-ups of an elder's meal balance: the elder or a household member pays with WeChat Pay. The top-up and
 * its payment intent are written in one transaction; WeChat Pay is asked for the prepay after commit. When WeChat Pay
 * confirms (notification, the mini program's check, or the sweep's query — WechatPayments marks the payment paid once)
 * this is the PaymentSubject that takes the money: one guarded update moves the top-up to `credited` and, in the same
 * transaction, the ledger gets its credit row, whose id is the top-up's (a primary key: never two rows for one top-up).
 * A top-up never stops wanting its money, so nothing paid is refunded here.
 */
@Injectable()
export class MealBalanceTopUps implements PaymentSubject, OnModuleInit {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: Idempotency,
    private readonly balances: MealBalances,
    private readonly ledger: MealBalancesRepository,
    private readonly elders: MealElderAccess,
    private readonly payments: WechatPayments,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.payments.serve('meal_balance_top_up', this);
  }

  /** A top-up of `residentId`'s balance paid by the caller's WeChat; a retry with the same Idempotency-Key is the same top-up. */
  async create(auth: AuthContext, residentId: string, amountFen: number, idempotencyKey?: string): Promise<CreatedMealBalanceTopUpView> {
    const elder = await this.elders.reach(auth, residentId);
    const payerOpenid = await this.payments.payerOpenid(auth.accountId);
    const created = await this.idempotency.run<{ topUpId: string }, MealBalanceTopUpView>(
      idempotencyKey ? { accountId: auth.accountId, key: idempotencyKey } : null,
      'meal_balance.wechat_top_up',
      { residentId, amountFen },
      (remember) =>
        this.transactions.write(async (manager) => {
          const now = new Date();
          const topUp: Omit<MealBalanceTopUp, 'resident'> = {
            id: randomUUID(),
            residentId,
            amountFen,
            status: 'awaiting_payment',
            requestedByAccountId: auth.accountId,
            createdAt: now,
            creditedAt: null,
          };
          await remember(manager, { topUpId: topUp.id });
          await this.ledger.insertTopUp(manager, topUp);
          await this.payments.recordIntent(manager, {
            subjectKind: 'meal_balance_top_up',
            subjectId: topUp.id,
            amountFen,
            payerOpenid,
            description: DESCRIPTION,
            expiresAt: new Date(now.getTime() + PAY_WITHIN_MS),
          });
          await this.audit.record(manager, auth, {
            action: 'meal_balance.top_up_requested',
            targetType: 'resident',
            targetId: residentId,
            regionPath: elder.regionPath,
            details: { topUpId: topUp.id, amountFen },
          });
          return toTopUpView(topUp);
        }),
      async ({ topUpId }) => {
        const topUp = await this.ledger.findTopUp(topUpId);
        return topUp ? toTopUpView(topUp) : null;
      },
    );
    if (created.status !== 'awaiting_payment') return created;
    try {
      const wechatPay = await this.payments.requestPayment(created.id);
      return wechatPay ? { ...created, wechatPay } : created;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WECHAT_PAY_UNAVAILABLE') return created;
      throw error;
    }
  }

  /** The signed wx.requestPayment parameters again while the top-up waits for its money. */
  async wechatPayRequest(auth: AuthContext, topUpId: string): Promise<WechatPayRequest> {
    const topUp = await this.reachable(auth, topUpId);
    const request = topUp.status === 'awaiting_payment' ? await this.payments.requestPayment(topUp.id) : null;
    if (!request) throw topUpAlreadyPaid(topUp.status);
    return request;
  }

  /** Asks WeChat Pay whether the top-up was paid (its notification may be late) and answers the top-up. */
  async check(auth: AuthContext, topUpId: string): Promise<MealBalanceTopUpView> {
    const topUp = await this.reachable(auth, topUpId);
    if (topUp.status === 'awaiting_payment') await this.payments.reconcile(topUp.id);
    return toTopUpView((await this.ledger.findTopUp(topUp.id))!);
  }

  /** The demo's 模拟支付 (404 unless WECHATPAY_SIMULATE_PAYMENTS): the fake WeChat Pay server plays the payer. */
  async simulatePayment(auth: AuthContext, topUpId: string): Promise<void> {
    this.payments.assertSimulatingPayments();
    await this.wechatPayRequest(auth, topUpId);
    await this.payments.simulatePayment(topUpId);
  }

  /** A top-up touches only its own row and the elder's balance row, which the credit's guarded update locks. */
  async lock(): Promise<void> {}

  async takePayment(manager: EntityManager, topUpId: string): Promise<boolean> {
    const topUp = await this.ledger.findTopUp(topUpId, manager);
    if (!topUp) return false;
    const now = new Date();
    if (!(await this.ledger.markTopUpCredited(manager, topUp.id, now))) return true;
    const entry = await this.balances.topUp(manager, {
      entryId: topUp.id,
      residentId: topUp.residentId,
      amountFen: topUp.amountFen,
      method: 'wechat_pay',
      note: LEDGER_NOTE,
      accountId: topUp.requestedByAccountId,
    });
    const regionPath = await this.elders.regionPathOf(topUp.residentId);
    await this.audit.record(
      manager,
      { accountId: null, role: null, ip: 'system', requestId: 'system' },
      {
        action: 'meal_balance.topped_up',
        targetType: 'resident',
        targetId: topUp.residentId,
        regionPath,
        details: { entryId: entry.id, amountFen: entry.amountFen, method: 'wechat_pay' },
      },
    );
    return true;
  }

  /** Top-ups are never given up, so their payments are never refunded whole. */
  async refunded(): Promise<void> {}

  /** Nothing to cancel: an unpaid top-up holds nothing, and WeChat Pay stops taking it at its time_expire. */
  cancelUnpaidPastCutOff(): Promise<number> {
    return Promise.resolve(0);
  }

  private async reachable(auth: AuthContext, topUpId: string): Promise<MealBalanceTopUp> {
    const topUp = await this.ledger.findTopUp(topUpId);
    if (!topUp) throw new NotFoundError('该充值');
    await this.elders.reach(auth, topUp.residentId);
    return topUp;
  }
}

function toTopUpView(topUp: Omit<MealBalanceTopUp, 'resident'>): MealBalanceTopUpView {
  return {
    id: topUp.id,
    residentId: topUp.residentId,
    amountFen: topUp.amountFen,
    status: topUp.status,
    createdAt: topUp.createdAt.toISOString(),
    creditedAt: topUp.creditedAt?.toISOString() ?? null,
  };
}
