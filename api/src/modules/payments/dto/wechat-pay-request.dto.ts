import { ApiProperty } from '@nestjs/swagger';
import type { WechatPayRequest } from '@linli/shared';

/** The parameters of wx.requestPayment, signed by the API with the merchant key (never the key itself). */
export class WechatPayRequestDto implements WechatPayRequest {
  @ApiProperty({ example: 'wx1234567890abcdef' })
  appId: string;

  @ApiProperty({ example: '1764567890', description: 'Unix seconds, as a string' })
  timeStamp: string;

  @ApiProperty({ example: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS' })
  nonceStr: string;

  @ApiProperty({ example: 'prepay_id=wx201410272009395522657a690389285100' })
  package: string;

  @ApiProperty({ enum: ['RSA'] })
  signType: 'RSA';

  @ApiProperty({ description: 'Base64 SHA256-with-RSA over "appId\\ntimeStamp\\nnonceStr\\npackage\\n"' })
  paySign: string;
}
