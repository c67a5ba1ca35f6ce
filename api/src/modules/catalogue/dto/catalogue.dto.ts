import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import {
  DISPATCH_MODES,
  SERVICE_MODES,
  type CategoryWithServices,
  type DispatchMode,
  type CentreServiceSetting,
  type ServiceDetail,
  type ServiceMode,
  type ServiceSummary,
} from '@linli/shared';

export class UpdateServiceDto {
  @ApiProperty({ example: '老年日间照料' })
  @IsString()
  @Length(1, 40)
  name: string;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  description: string;

  @ApiProperty({ type: [String], description: 'What to bring, one item each' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  materials: string[];

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Minimum age to book, or null' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(120)
  minAge?: number | null;

  @ApiProperty({ minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1)
  @Max(20)
  maxActiveBookingsPerPerson: number;

  @ApiPropertyOptional({ enum: DISPATCH_MODES, description: 'Home services: offer to the best worker (assign) or put in the grab pool (grab); unchanged when absent' })
  @IsOptional()
  @IsIn(DISPATCH_MODES)
  dispatchMode?: DispatchMode;

  @ApiPropertyOptional({ minimum: 30, maximum: 3600, description: 'Home services: seconds a worker has to accept an offer; unchanged when absent' })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(3600)
  offerWindowSeconds?: number;
}

export class SetCentreServiceDto {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, example: '请携带老年优待证' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(0, 200)
  notes?: string | null;
}

export class ServiceSummaryDto implements ServiceSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SERVICE_MODES }) mode: ServiceMode;
  @ApiProperty({ enum: DISPATCH_MODES }) dispatchMode: DispatchMode;
  @ApiProperty() offerWindowSeconds: number;
  @ApiProperty() needsReview: boolean;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) materials: string[];
  @ApiProperty({ nullable: true, type: Number }) minAge: number | null;
  @ApiProperty() maxActiveBookingsPerPerson: number;
}

export class CategoryWithServicesDto implements CategoryWithServices {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ServiceSummaryDto] }) services: ServiceSummaryDto[];
}

export class CatalogueDto {
  @ApiProperty({ type: [CategoryWithServicesDto] }) items: CategoryWithServicesDto[];
}

class OfferingCentreDto {
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty() centreName: string;
  @ApiProperty() address: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ description: 'GCJ-02' }) latitude: number;
  @ApiProperty({ description: 'GCJ-02' }) longitude: number;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
}

export class ServiceDetailDto extends ServiceSummaryDto implements ServiceDetail {
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() categoryName: string;
  @ApiProperty({ type: [OfferingCentreDto] }) centres: OfferingCentreDto[];
}

export class CentreServiceSettingDto implements CentreServiceSetting {
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
}
