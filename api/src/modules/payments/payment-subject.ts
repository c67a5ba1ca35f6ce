import type { EntityManager } from 'typeorm';

/**
 * The port between WeChat Pay and what is paid for (a meal order, a balance top-up). The payments module knows money;
 * the subject knows whether it still wants it. Each kind is served by its own module (MealOrderPayments and
 * MealBalanceTopUps register themselves at start), so payments never imports them. Every method runs inside the
 * caller's transaction except `cancelUnpaidPastCutOff`.
 */
export interface PaymentSubject {
  /** Takes the locks every write on the subject takes first (the same order as its own transactions: no deadlocks). */
  lock(manager: EntityManager, subjectId: string): Promise<void>;
  /** The money arrived. True when the subject took it (it was waiting to be paid); false when it no longer wants it (cancelled): it is refunded. */
  takePayment(manager: EntityManager, subjectId: string): Promise<boolean>;
  /**
   * Every refund of the subject's payment has reached the payer (said after each refund success that leaves none
   * pending and none failed): a subject that gave the payment up is now refunded; one that keeps it ignores this.
   */
  refunded(manager: EntityManager, subjectId: string): Promise<void>;
  /** Cancels subjects still unpaid whose time to pay is over (the sweep); how many. */
  cancelUnpaidPastCutOff(now: Date): Promise<number>;
}
