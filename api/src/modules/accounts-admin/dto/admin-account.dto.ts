import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsDisplayName, IsLoginName, IsNewPassword } from '../../../common/http/validation';
import { ACCOUNT_STATUSES, type AccountStatus } from '@linli/shared';

export class CreateStaffAccountDto {
  @ApiProperty({ example: 'xiyuan.staff' })
  @IsLoginName()
  username: string;

  @ApiProperty({ description: 'Initial password, at least 10 characters' })
  @IsNewPassword()
  password: string;

  @ApiProperty({ example: '吴芳' })
  @IsDisplayName()
  displayName: string;

  @ApiProperty({ format: 'uuid', description: 'Their scope: a region in yours' })
  @IsUUID()
  regionId: string;

  @ApiProperty({ enum: ['staff', 'admin'] })
  @IsIn(['staff', 'admin'])
  role: 'staff' | 'admin';
}

export class AccountStatusDto {
  @ApiProperty({ enum: ACCOUNT_STATUSES })
  @IsIn(ACCOUNT_STATUSES)
  status: AccountStatus;
}

export class ManagedAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() role: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status: AccountStatus;
}
