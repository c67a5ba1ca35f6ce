import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_STATUSES, type AccountStatus } from '@linli/shared';

export class CreateStaffAccountDto {
  @ApiProperty({ example: 'xiyuan.staff' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/)
  username: string;

  @ApiProperty({ description: 'Initial password, at least 10 characters' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: '吴芳' })
  @IsString()
  @Length(1, 64)
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
