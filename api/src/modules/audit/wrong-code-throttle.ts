import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import type { DomainError } from '../../common/errors/domain-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Where six digits are typed: a centre's check-in desk, a meal point's counter. */
export interface CodeDesk {
  targetType: 'centre' | 'meal_point';
  id: string;
  regionPath: string;
}

/**
 * Six digits can be guessed where a signature cannot. Every wrong code is audited against the desk, and once one
 * account has typed CHECK_IN_MAX_WRONG_CODES of them there within CHECK_IN_WRONG_CODE_WINDOW_SECONDS (sliding; the
 * same limits for every kind of desk), every code it types there is refused — the
 * right one too, so the refusal says nothing about a guess — until enough have left the window. Counted from the
 * audit trail, so several API instances share the count with no table of their own. Other accounts, and the same
 * account at other desks, are not affected.
 */
@Injectable()
export class WrongCodeThrottle {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly entries: AuditRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws `refusal(retryAfterSeconds)` while `auth` is over the limit at `desk`. */
  async assertOpen(auth: AuthContext, desk: CodeDesk, action: string, refusal: (retryAfterSeconds: number) => DomainError, now = new Date()): Promise<void> {
    const { checkInMaxWrongCodes: limit, checkInWrongCodeWindowSeconds: windowSeconds } = this.config.appointments;
    const windowMs = windowSeconds * 1000;
    const wrong = await this.entries.listActionTimes(auth.accountId, desk.targetType, desk.id, action, new Date(now.getTime() - windowMs));
    if (wrong.length < limit) return;
    // Allowed again once enough of the wrong codes have left the window to bring them under the limit.
    const retryAfterSeconds = Math.max(1, Math.ceil((wrong[wrong.length - limit].getTime() + windowMs - now.getTime()) / 1000));
    throw refusal(retryAfterSeconds);
  }

  /** Audits one wrong code (whether it was six digits or a signed code, never the code itself). */
  async record(auth: AuthContext, desk: CodeDesk, action: string, kind: 'short' | 'signed'): Promise<void> {
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, { action, targetType: desk.targetType, targetId: desk.id, regionPath: desk.regionPath, details: { kind } }),
    );
  }
}
