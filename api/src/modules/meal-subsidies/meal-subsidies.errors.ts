import { formatYuan } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/* The refusals of meal profiles, subsidy rules and meal balances; the code decides the HTTP status in the one table in common/errors. */

/** A debit would take the elder's meal balance below zero: nothing was taken. */
export const balanceInsufficient = (balanceFen: number, amountFen: number) =>
  new DomainError('BALANCE_INSUFFICIENT', `助餐余额不足：余额${formatYuan(balanceFen)}元，本次需${formatYuan(amountFen)}元`, { balanceFen, amountFen });

/** validateMealSubsidyRule(s) found problems in the rule or in the district's set with it; `problems` lists them. */
export const subsidyRuleInvalid = (problems: string[]) => new DomainError('MEAL_SUBSIDY_RULE_INVALID', '补贴规则不符合要求', { problems });

/** Only a version that has not come into force (and was not withdrawn already) may be withdrawn. */
export const subsidyRuleInForce = (effectiveFrom: string) =>
  new DomainError('MEAL_SUBSIDY_RULE_IN_FORCE', `该版本自${effectiveFrom}起生效，已生效或已撤回的版本不能撤回`, { effectiveFrom });

/** Ending a hardship record at a date that does not shorten it (before it starts, or after an earlier end). */
export const hardshipEndInvalid = (validFrom: string, validTo: string | null) =>
  new DomainError('VALIDATION_FAILED', '结束日期须在认定开始之后，且早于原结束日期', [
    { field: 'validTo', constraints: ['hardshipEnd'], message: `validTo must be on or after ${validFrom}${validTo ? ` and before ${validTo}` : ''}` },
  ]);

/** The WeChat Pay parameters of a top-up that WeChat Pay already confirmed (it is in the ledger). */
export const topUpAlreadyPaid = (status: string) => new DomainError('INVALID_TRANSITION', '这笔充值已到账', { status, event: 'pay' });
