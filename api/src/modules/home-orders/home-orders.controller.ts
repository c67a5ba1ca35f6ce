import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import type { ListResponse, ServiceOrderView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { HomeOrdersService } from './home-orders.service';

class CreateHomeOrderDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() centreId: string;
  @ApiProperty({ format: 'uuid', description: 'A home-mode service' }) @IsUUID() serviceId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() residentId: string;
  @ApiProperty({ example: '蜀山区肥西路 3 号院 5 栋 201' }) @IsString() @Length(4, 200) address: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) windowEndsAt: string;
  @ApiProperty({ example: '厨房和卫生间深度保洁' }) @IsString() @Length(2, 500) description: string;
}

class ServiceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class ServiceOrderViewDto implements ServiceOrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['home_service'] }) kind: 'home_service';
  @ApiProperty({ enum: ['pending_dispatch', 'cancelled'] }) status: 'pending_dispatch' | 'cancelled';
  @ApiProperty({ type: ServiceRefDto }) service: ServiceRefDto;
  @ApiProperty({ type: ServiceRefDto }) centre: ServiceRefDto;
  @ApiProperty({ type: ServiceRefDto }) person: ServiceRefDto;
  @ApiProperty() address: string;
  @ApiProperty({ format: 'date-time' }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) windowEndsAt: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class ServiceOrderListDto {
  @ApiProperty({ type: [ServiceOrderViewDto] }) items: ServiceOrderViewDto[];
}

@ApiTags('appointments: home services')
@Controller('home-orders')
export class HomeOrdersController {
  constructor(private readonly orders: HomeOrdersService) {}

  @Post()
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'Request a home service (address, time window, what is needed); it waits for dispatch' })
  @ApiCreatedResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'CONSENT_REQUIRED', 'SLOT_UNAVAILABLE')
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateHomeOrderDto): Promise<ServiceOrderView> {
    return this.orders.create(auth, body);
  }

  @Get()
  @Roles('resident')
  @ApiOperation({ summary: "My and my household's home-service requests" })
  @ApiOkResponse({ type: ServiceOrderListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listMine(@CurrentAuth() auth: AuthContext): Promise<ListResponse<ServiceOrderView>> {
    return { items: await this.orders.listMine(auth) };
  }
}
