import { DomainError } from '../../common/errors/domain-error';

/**
 * WeChat's documented error codes and what a Linli client sees for each. Anything not listed is WeChat being
 * unavailable as far as our users are concerned; the errcode goes into the details for operators.
 */
export const WECHAT_BUSY = -1;
export const WECHAT_ACCESS_TOKEN_INVALID = [40001, 42001];

const CODE_BY_ERRCODE: Record<number, DomainError['code']> = {
  40029: 'WECHAT_CODE_INVALID', // invalid code
  40163: 'WECHAT_CODE_INVALID', // code already used
  45011: 'WECHAT_RATE_LIMITED', // API minute-quota reached for this user
  40226: 'WECHAT_USER_BLOCKED', // high-risk user blocked by WeChat
};

export class WechatError extends DomainError {
  constructor(
    readonly errcode: number | null,
    operation: string,
    /** WeChat's errmsg (47003 names the refused field there); for our records, never for the client. */
    readonly wechatMessage: string | null = null,
  ) {
    const code = (errcode !== null && CODE_BY_ERRCODE[errcode]) || 'WECHAT_UNAVAILABLE';
    super(code, defaultMessage(code), { operation, ...(errcode !== null ? { wechatErrcode: errcode } : {}) });
  }
}

function defaultMessage(code: DomainError['code']): string {
  switch (code) {
    case 'WECHAT_CODE_INVALID':
      return '微信登录凭证无效或已使用，请重新登录';
    case 'WECHAT_RATE_LIMITED':
      return '登录过于频繁，请一分钟后再试';
    case 'WECHAT_USER_BLOCKED':
      return '该微信账号存在风险，暂时无法登录';
    default:
      return '微信服务暂不可用，请稍后再试';
  }
}
