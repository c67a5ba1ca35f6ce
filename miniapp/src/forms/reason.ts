/** A reason picked from big buttons, with words typed only when none fits (or to add detail). */
export interface ReasonValue {
  choice: string | null;
  detail: string;
}

export const OTHER_REASON = '其他';
export const EMPTY_REASON: ReasonValue = { choice: null, detail: '' };

export const REASON_LIMITS = { min: 2, max: 200 } as const;

/** The sentence sent to the API: the choice, then what was typed (`时间冲突：下午要去医院`). */
export function reasonText({ choice, detail }: ReasonValue): string {
  const typed = detail.trim();
  if (!choice || choice === OTHER_REASON) return typed;
  return typed ? `${choice}：${typed}` : choice;
}

/** What is missing before the reason can be sent, or null when it is fine. `withChoices` false: typing only. */
export function reasonProblem(value: ReasonValue, withChoices: boolean): string | null {
  if (withChoices && !value.choice) return '请先选一个原因';
  const text = reasonText(value);
  if (text.length < REASON_LIMITS.min) return withChoices ? '请写一下具体原因' : '请填写原因（至少 2 个字）';
  if (text.length > REASON_LIMITS.max) return `原因最多 ${REASON_LIMITS.max} 个字`;
  return null;
}
