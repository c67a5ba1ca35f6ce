import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/access-policy';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { rawBodyOf } from './notification-raw-body';
import { WechatPayments } from './wechat-payments';

@ApiTags('payments')
@Controller('payments/wechat-pay')
export class WechatPayNotifyController {
  constructor(private readonly payments: WechatPayments) {}

  /**
   * Public, because WeChat Pay calls it; trusted only after the platform signature over the raw body verifies and the
   * resource decrypts. 204 is WeChat Pay's "received"; any 4xx/5xx (401 for a bad signature) makes it send again later.
   */
  @Post('notify')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'WeChat Pay payment and refund notifications (signature-verified, AEAD_AES_256_GCM decrypted); applied once' })
  @ApiNoContentResponse({ description: 'Received (also for a duplicate)' })
  @ApiErrorResponses('WECHAT_PAY_SIGNATURE_INVALID', 'MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  notify(@Req() request: FastifyRequest): Promise<void> {
    return this.payments.handleNotification(request.headers, rawBodyOf(request));
  }
}
