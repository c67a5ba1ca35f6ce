import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import {
  DISPATCH_MODES,
  isValidCreditCode,
  PROVIDER_KINDS,
  PROVIDER_STATUSES,
  type DispatchMode,
  type ProviderApplicationInput,
  type ProviderKind,
  type ProviderStatus,
  type ProviderView,
} from '@linli/shared';
import { IsDisplayName, IsLoginName, IsMainlandMobile, IsNewPassword, IsPersonName, SatisfiesRule } from '../../../common/http/validation';
import { WorkerProfileDto } from './worker-profile.dto';

const IsCreditCode = SatisfiesRule('isCreditCode', isValidCreditCode, '统一社会信用代码不正确');

/** The organisation and the administrator account it signs in with, however it joins. */
class ProviderAccountFieldsDto {
  @ApiProperty({ example: '安心家政服务有限公司' })
  @IsString()
  @Length(2, 80)
  name: string;

  @ApiProperty({ description: "Username of the provider's administrator account" })
  @IsLoginName({ message: '登录名为 3–64 位小写字母、数字或 . _ -，以字母或数字开头' })
  adminUsername: string;

  @ApiProperty({ description: 'Initial password, at least 10 characters' })
  @IsNewPassword({ message: '密码至少 10 位' })
  adminPassword: string;
}

/** Staff register an organisation themselves: that is the approval, it is active at once. */
export class CreateProviderDto extends ProviderAccountFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Region whose staff oversee the provider (within your scope)' })
  @IsUUID()
  regionId: string;

  @ApiPropertyOptional({ enum: PROVIDER_KINDS, default: 'housekeeping' })
  @IsOptional()
  @IsIn(PROVIDER_KINDS)
  kind?: ProviderKind;
}

/** An organisation applying to join; staff of the region it serves approve or reject it. */
export class ProviderApplicationDto extends ProviderAccountFieldsDto implements ProviderApplicationInput {
  @ApiProperty({ format: 'uuid', description: 'The street or community it mainly serves; its staff review the application' })
  @IsUUID()
  regionId: string;

  @ApiProperty({ enum: PROVIDER_KINDS })
  @IsIn(PROVIDER_KINDS)
  kind: ProviderKind;

  @ApiProperty({ example: '张丽' })
  @IsPersonName('联系人姓名只能包含汉字、字母和·')
  contactName: string;

  @ApiProperty({ example: '13905510123', description: 'Stored encrypted, answered masked' })
  @IsMainlandMobile()
  contactPhone: string;

  @ApiProperty({ example: '91350100M000100Y43', description: '统一社会信用代码 (GB 32100-2015, check character verified)' })
  @IsCreditCode()
  creditCode: string;
}

export class ProviderStatusDto {
  @ApiProperty({
    enum: ['active', 'suspended', 'rejected'],
    description: 'pending→active approves, pending→rejected rejects, active→suspended suspends, suspended→active reinstates',
  })
  @IsIn(['active', 'suspended', 'rejected'])
  status: 'active' | 'suspended' | 'rejected';

  @ApiPropertyOptional({ description: 'Required when rejecting or suspending (2–200 characters)' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  reason?: string;
}

export class CreateWorkerDto {
  @ApiProperty({ example: '赵师傅' })
  @IsDisplayName()
  name: string;

  @ApiProperty({ example: '13705510009' })
  @IsMainlandMobile()
  phone: string;
}

export class ProviderDto implements ProviderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROVIDER_KINDS }) kind: ProviderKind;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: PROVIDER_STATUSES }) status: ProviderStatus;
  @ApiProperty({ enum: DISPATCH_MODES }) dispatchMode: DispatchMode;
  @ApiProperty() ratingCount: number;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '139****0123' }) contactPhoneMasked: string | null;
  @ApiProperty({ nullable: true, type: String }) creditCode: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
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
