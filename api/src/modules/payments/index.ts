/**
 * The payments module's public surface: what other modules may import from it.
 * WeChat Pay (JSAPI) for meal orders: the WechatPayments port the meals module pays and refunds through, and the
 * PaymentSubject interface it serves back. Everything else in this folder is the module's own.
 */
export type { PaymentSubject } from './payment-subject';
export { PaymentsModule } from './payments.module';
export { WechatPayments } from './wechat-payments';
export { WechatPayRequestDto } from './dto/wechat-pay-request.dto';
export { WechatRefundProgressDto } from './dto/wechat-refund-progress.dto';
