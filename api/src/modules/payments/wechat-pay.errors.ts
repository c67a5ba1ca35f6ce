import { DomainError } from '../../common/errors/domain-error';

/**
 * WeChat Pay answered with an error (`{ code, message }` and a 4xx/5xx status), answered something we could not
 * verify, or could not be reached. To our users all of these are "微信支付暂不可用" (503); the official code goes
 * into the details for operators and decides what the caller does next (ORDER_NOT_EXIST means "never paid",
 * NOT_ENOUGH and SYSTEM_ERROR mean "try the refund again later").
 */
export class WechatPayError extends DomainError {
  constructor(
    readonly operation: string,
    readonly status: number | null,
    readonly wechatPayCode: string | null,
  ) {
    super('WECHAT_PAY_UNAVAILABLE', '微信支付暂不可用，请稍后再试', { operation, ...(status !== null ? { status } : {}), ...(wechatPayCode ? { wechatPayCode } : {}) });
  }
}

export const notificationRejected = () => new DomainError('WECHAT_PAY_SIGNATURE_INVALID', '通知签名或内容无效');
