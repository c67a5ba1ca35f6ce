import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PlacedMealOrderView } from '@linli/shared';
import { WechatPayRequestDto } from '../../payments';
import { MealOrderViewDto } from './meal-orders.dto';

/** The answer to placing a meal order: the order, and for WeChat Pay the signed wx.requestPayment parameters. */
export class PlacedMealOrderDto extends MealOrderViewDto implements PlacedMealOrderView {
  @ApiPropertyOptional({ type: WechatPayRequestDto, description: 'WeChat Pay orders only; absent when WeChat Pay did not answer (GET /meal-orders/{orderId}/wechat-pay)' })
  wechatPay?: WechatPayRequestDto;
}
