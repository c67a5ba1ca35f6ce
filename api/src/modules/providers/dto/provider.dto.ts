import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches, MinLength, MaxLength } from 'class-validator';
import { DISPATCH_MODES, type DispatchMode } from '@linli/shared';
import { WorkerProfileDto } from '../../dispatch/dto/dispatch.dto';
import { IsMainlandMobile } from '../../residents/dto/person.dto';

export class CreateProviderDto {
  @ApiProperty({ example: '安心家政服务有限公司' })
  @IsString()
  @Length(2, 80)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'Region whose staff oversee the provider (within your scope)' })
  @IsUUID()
  regionId: string;

  @ApiProperty({ description: "Username of the provider's administrator account" })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/)
  adminUsername: string;

  @ApiProperty({ description: 'Initial password, at least 10 characters' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  adminPassword: string;
}

export class ProviderStatusDto {
  @ApiProperty({ enum: ['active', 'suspended'] })
  @IsIn(['active', 'suspended'])
  status: 'active' | 'suspended';
}

export class CreateWorkerDto {
  @ApiProperty({ example: '赵师傅' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ example: '13705510009' })
  @IsMainlandMobile()
  phone: string;
}

export class ProviderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: 'active' | 'suspended';
  @ApiProperty({ enum: DISPATCH_MODES }) dispatchMode: DispatchMode;
  @ApiProperty() ratingCount: number;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
}

export class ProviderListDto {
  @ApiProperty({ type: [ProviderDto] }) items: ProviderDto[];
}

export class WorkerDto extends WorkerProfileDto {
  @ApiProperty({ example: '137****0009' }) phoneMasked: string;
  @ApiProperty({ description: 'Whether the worker has bound their WeChat' }) wechatBound: boolean;
}

export class WorkerListDto {
  @ApiProperty({ type: [WorkerDto] }) items: WorkerDto[];
}
