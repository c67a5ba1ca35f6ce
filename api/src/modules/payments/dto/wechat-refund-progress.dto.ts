import { ApiProperty } from '@nestjs/swagger';
import type { WechatRefundProgress } from '@linli/shared';

/** Where the WeChat Pay refunds of one order stand, in fen. */
export class WechatRefundProgressDto implements WechatRefundProgress {
  @ApiProperty({ minimum: 0, description: 'On its way to the payer (not yet accepted, or accepted and not yet received)' })
  pendingFen: number;

  @ApiProperty({ minimum: 0, description: 'Received by the payer' })
  refundedFen: number;

  @ApiProperty({ minimum: 0, description: 'Closed or abnormal at WeChat Pay: an operator settles it by hand; never refunded again automatically' })
  failedFen: number;
}
