import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  OUTLET_CSV_COLUMNS,
  OUTLET_ELDER_FEATURES,
  OUTLET_KINDS,
  OUTLET_PAGE_SIZE_MAX,
  OUTLET_PHOTOS_MAX,
  OUTLET_REPORT_REASONS,
  OUTLET_SEARCH_MAX_METERS,
  type IsoWeekday,
  type OutletDatedHours,
  type OutletElderFeature,
  type OutletHours,
  type OutletInput,
  type OutletKind,
  type OutletReportReason,
  type OutletReportStatus,
  type OutletReportView,
  type OutletSearchItem,
  type OutletSearchPage,
  type OutletSource,
  type OutletTimeRange,
  type OutletView,
  type OutletWeekday,
  type CommunityCoverage,
  type OutletImportResult,
  type OutletCommunity,
} from '@linli/shared';
import { PositionCoordinate } from '../../../common/http/geo-position';
import { IsSearchText } from '../../../common/http/validation';

/** An https URL, or the signed path of an uploaded photo (its id, expiry and signature: common/security/signed-reference). */
const PHOTO_URL = /^(https:\/\/\S{1,300}|\/outlet-photos\/[0-9a-f-]{36}\.\d{9,11}\.[A-Za-z0-9_-]{22})$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const SOURCES: OutletSource[] = ['directory', 'meal_point'];
const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OutletTimeRangeDto implements OutletTimeRange {
  @ApiProperty({ example: '08:00' }) @Matches(HH_MM) start: string;
  @ApiProperty({ example: '20:00', description: '`24:00` for midnight; an end not after the start runs into the next day (22:00–02:00)' })
  @Matches(HH_MM_OR_MIDNIGHT)
  end: string;
}

export class OutletWeekdayDto implements OutletWeekday {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' }) @IsInt() @Min(1) @Max(7) weekday: IsoWeekday;
  @ApiProperty({ type: [OutletTimeRangeDto] }) @IsArray() @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => OutletTimeRangeDto) ranges: OutletTimeRangeDto[];
}

export class OutletDatedHoursDto implements OutletDatedHours {
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) @Length(10, 10) date: string;
  @ApiProperty({ type: [OutletTimeRangeDto], description: 'Empty: closed that date' })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => OutletTimeRangeDto)
  ranges: OutletTimeRangeDto[];
  @ApiProperty({ example: '春节休息' }) @IsString() @MaxLength(40) note: string;
}

export class OutletHoursDto implements OutletHours {
  @ApiProperty({ type: [OutletWeekdayDto], description: 'Weekdays not listed are closed' })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => OutletWeekdayDto)
  weekly: OutletWeekdayDto[];
  @ApiProperty({ type: [OutletDatedHoursDto], description: 'Holidays, closures and special openings; a date here replaces its weekday' })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => OutletDatedHoursDto)
  dated: OutletDatedHoursDto[];
}

export class OutletInputDto implements OutletInput {
  @ApiProperty({ example: '老王早餐' }) @IsString() @Length(2, 80) name: string;
  @ApiProperty({ enum: OUTLET_KINDS }) @IsIn(OUTLET_KINDS) kind: OutletKind;
  @ApiProperty({ format: 'uuid', description: 'The street or community it is in (inside my region)' }) @IsUUID() regionId: string;
  @ApiProperty({ example: '蜀山区肥西路 5 号' }) @IsString() @Length(2, 200) address: string;
  @PositionCoordinate('latitude') latitude: number;
  @PositionCoordinate('longitude') longitude: number;
  @ApiProperty({ example: '0551-65100001' }) @Matches(/^[0-9+\-\s]{5,32}$/) phone: string;
  @ApiProperty({ type: OutletHoursDto }) @ValidateNested() @Type(() => OutletHoursDto) hours: OutletHoursDto;
  @ApiProperty({ type: [String], example: ['豆浆', '油条'] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 20, { each: true }) services: string[];
  @ApiProperty({
    type: [String],
    maxItems: OUTLET_PHOTOS_MAX,
    description: 'https URLs, and photos uploaded for this outlet by the signed path a view gave (`/outlet-photos/…`, under the API; resolve it against the API base)',
  })
  @IsArray()
  @ArrayMaxSize(OUTLET_PHOTOS_MAX)
  @Matches(PHOTO_URL, { each: true })
  photoUrls: string[];
  @ApiProperty({ enum: OUTLET_ELDER_FEATURES, isArray: true })
  @IsArray()
  @ArrayMaxSize(OUTLET_ELDER_FEATURES.length)
  @IsIn(OUTLET_ELDER_FEATURES, { each: true })
  elderFeatures: OutletElderFeature[];
}

export class OutletViewDto extends OutletInputDto implements OutletView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SOURCES, description: 'meal_point: a canteen’s meal point, kept in meals (decision 0017)' }) source: OutletSource;
  @ApiProperty() regionName: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Shanghai date staff last confirmed it' }) verifiedOn: string | null;
}

export class OutletListDto {
  @ApiProperty({ type: [OutletViewDto] }) items: OutletViewDto[];
}

export class OutletSearchQuery {
  @Type(() => Number)
  @PositionCoordinate('latitude', { optional: true, description: 'GCJ-02 latitude to search from' })
  latitude?: number;

  @Type(() => Number)
  @PositionCoordinate('longitude', { optional: true, description: 'GCJ-02 longitude to search from' })
  longitude?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Search from this community when no position is given' }) @IsOptional() @IsUUID() communityId?: string;

  @ApiPropertyOptional({ type: String, description: 'Comma-separated kinds (any of them)', example: 'breakfast,supermarket' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(OUTLET_KINDS.length)
  @IsIn(OUTLET_KINDS, { each: true })
  kinds?: OutletKind[];

  @ApiPropertyOptional({ type: Boolean, description: 'Only outlets open now (Shanghai time)' }) @IsOptional() @Transform(booleanText) @IsBoolean() openNow?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only outlets open at this instant (wins over openNow)' }) @IsOptional() @IsISO8601({ strict: true }) openAt?: string;

  @ApiPropertyOptional({ description: 'In the name or the services' }) @IsOptional() @IsSearchText() @Length(1, 30) keyword?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: OUTLET_SEARCH_MAX_METERS, description: 'Search radius in metres (default the maximum)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(OUTLET_SEARCH_MAX_METERS)
  maxMeters?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: OUTLET_PAGE_SIZE_MAX, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OUTLET_PAGE_SIZE_MAX)
  pageSize?: number;
}

export class OutletSearchItemDto implements OutletSearchItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SOURCES }) source: OutletSource;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OUTLET_KINDS }) kind: OutletKind;
  @ApiProperty() address: string;
  @ApiProperty({ description: 'GCJ-02' }) latitude: number;
  @ApiProperty({ description: 'GCJ-02' }) longitude: number;
  @ApiProperty() phone: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ enum: OUTLET_ELDER_FEATURES, isArray: true }) elderFeatures: OutletElderFeature[];
  @ApiProperty({ type: 'integer', description: 'Straight-line metres from where the search started' }) distanceMeters: number;
  @ApiProperty({ description: 'Open now (Shanghai time)' }) open: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When it closes (open) or opens next (closed); null beyond a week' }) changesAt: string | null;
}

export class OutletSearchPageDto implements OutletSearchPage {
  @ApiProperty({ type: [OutletSearchItemDto] }) items: OutletSearchItemDto[];
  @ApiProperty({ description: 'Another page may follow' }) more: boolean;
}

export class ReportOutletDto {
  @ApiProperty({ enum: OUTLET_REPORT_REASONS }) @IsIn(OUTLET_REPORT_REASONS) reason: OutletReportReason;
  @ApiPropertyOptional({ example: '已经搬走了' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class ResolveOutletReportDto {
  @ApiProperty({ example: '已核实，更新了营业时间' }) @IsString() @Length(1, 200) resolution: string;
}

export class OutletReportViewDto implements OutletReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) outletId: string;
  @ApiProperty({ enum: SOURCES }) outletSource: OutletSource;
  @ApiProperty() outletName: string;
  @ApiProperty({ enum: OUTLET_REPORT_REASONS }) reason: OutletReportReason;
  @ApiProperty() note: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: OutletReportStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true }) resolution: string | null;
}

export class OutletReportListDto {
  @ApiProperty({ type: [OutletReportViewDto] }) items: OutletReportViewDto[];
}

export class OutletReportsQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' }) @IsOptional() @IsIn(['open', 'resolved']) status?: OutletReportStatus;
}

export class ImportOutletsDto {
  @ApiProperty({ description: `CSV text, first line the header: ${OUTLET_CSV_COLUMNS.join(',')}` }) @IsString() @Length(1, 1_000_000) csv: string;
}

export class OutletImportResultDto implements OutletImportResult {
  @ApiProperty({ type: 'integer' }) imported: number;
}

export class CoverageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: 5000, default: 1000, description: 'Walking radius, metres, straight line' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(5000)
  radiusMeters?: number;
}

export class CommunityCoverageDto implements CommunityCoverage {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty({ enum: OUTLET_KINDS, isArray: true }) covered: OutletKind[];
  @ApiProperty({ enum: OUTLET_KINDS, isArray: true }) missing: OutletKind[];
}

export class CoverageListDto {
  @ApiProperty({ type: [CommunityCoverageDto], description: 'Most kinds missing first' }) items: CommunityCoverageDto[];
}

export class OutletCommunityDto implements OutletCommunity {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true, description: 'GCJ-02: the middle of its citizen centres (else of its street’s); a new outlet starts here' }) latitude: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'GCJ-02' }) longitude: number | null;
}

export class OutletCommunityListDto {
  @ApiProperty({ type: [OutletCommunityDto] }) items: OutletCommunityDto[];
}
