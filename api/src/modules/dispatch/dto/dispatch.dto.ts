import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  DISPATCH_MODES,
  ORDER_EVENTS,
  ORDER_STATUSES,
  SERVICE_ORDER_KINDS,
  type AssignableWorker,
  type DispatchBoard,
  type DispatchMode,
  type DispatchOfferView,
  type OrderActor,
  type OrderEvent,
  type OrderPhoneView,
  type OrderStatus,
  type OrderTimelineEntry,
  type ServiceOrderDetail,
  type ServiceOrderKind,
  type ServiceOrderView,
  type WorkbenchProfileView,
} from '@linli/shared';
import { PositionCoordinate } from '../../../common/http/geo-position';
import { ApiEnumOrNull, ApiModelOrNull } from '../../../common/http/api-nullable';
import { RefDto } from '../../../common/http/ref.dto';
import { WorkerProfileDto } from '../../providers';

// ─── requests ───────────────────────────────────────────────────────────────────────────────────────────────

export class ReasonDto {
  @ApiProperty({ example: '家中临时有事' }) @IsString() @Length(2, 200) reason: string;
}

export class CompleteOrderDto {
  @ApiProperty({ example: '厨房、卫生间已清洁完毕' }) @IsString() @Length(2, 500) note: string;
}

export class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score: number;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @Length(1, 300) comment?: string;
}

export class AssignDto extends ReasonDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() workerId: string;
}

export class PositionDto {
  @PositionCoordinate('latitude') latitude: number;
  @PositionCoordinate('longitude') longitude: number;
}

export class PresenceDto {
  @ApiProperty() @IsBoolean() online: boolean;
  @PositionCoordinate('latitude', { optional: true, description: 'GCJ-02; with longitude, or neither' }) latitude?: number;
  @PositionCoordinate('longitude', { optional: true, description: 'GCJ-02; with latitude, or neither' }) longitude?: number;
}

export class BoardQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() centreId?: string;
}

export class WorkerOrdersQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'history'], default: 'active' }) @IsOptional() @IsIn(['active', 'history']) state?: 'active' | 'history';
}

// ─── responses ──────────────────────────────────────────────────────────────────────────────────────────────

class GeoPointDto {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
}

class OrderWorkerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ example: '137****0009' }) phoneMasked: string;
}

class OrderRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OrderPhotoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Path under the API base that serves the image for a few minutes, no token needed' }) path: string;
}

export class ServiceOrderViewDto implements ServiceOrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SERVICE_ORDER_KINDS, description: 'home_service: a visit to one home; meal_delivery: a run of elder-meal deliveries' }) kind: ServiceOrderKind;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ example: '等待派单' }) statusLabel: string;
  @ApiProperty({ enum: DISPATCH_MODES }) dispatchMode: DispatchMode;
  @ApiModelOrNull(RefDto, { description: 'The service (the skill); null for a meal-delivery run' }) service: RefDto | null;
  @ApiModelOrNull(RefDto, { description: 'The centre arranging it; null for a meal-delivery run' }) centre: RefDto | null;
  @ApiModelOrNull(RefDto, { description: 'The person visited; null for a meal-delivery run (its stops name the elders)' }) person: RefDto | null;
  @ApiProperty() address: string;
  @ApiProperty({ type: GeoPointDto }) location: GeoPointDto;
  @ApiProperty({ format: 'date-time' }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) windowEndsAt: string;
  @ApiProperty() description: string;
  @ApiModelOrNull(OrderWorkerDto, { description: 'Who holds the order, once someone does' }) worker: OrderWorkerDto | null;
  @ApiModelOrNull(OrderRatingDto, { description: "The resident's rating, once given" }) rating: OrderRatingDto | null;
  @ApiProperty({ description: 'Not started within its window (staff are warned)' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String }) completionNote: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the worker marked the work done' }) completedAt: string | null;
  @ApiProperty({ type: [OrderPhotoDto] }) photos: OrderPhotoDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ServiceOrderListDto {
  @ApiProperty({ type: [ServiceOrderViewDto] }) items: ServiceOrderViewDto[];
}

class TimelineEntryDto implements OrderTimelineEntry {
  @ApiProperty({ enum: ORDER_EVENTS }) event: OrderEvent;
  @ApiProperty() label: string;
  @ApiEnumOrNull(ORDER_STATUSES) fromStatus: OrderStatus | null;
  @ApiProperty({ enum: ORDER_STATUSES }) toStatus: OrderStatus;
  @ApiProperty({ enum: ['resident', 'worker', 'staff', 'system'] }) actor: OrderActor;
  @ApiProperty() actorName: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ServiceOrderDetailDto extends ServiceOrderViewDto implements ServiceOrderDetail {
  @ApiProperty({ type: [TimelineEntryDto] }) timeline: TimelineEntryDto[];
}

class DispatchOfferViewDto implements DispatchOfferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: "Seconds left to answer, by the server's clock" }) secondsLeft: number;
  @ApiProperty({ type: ServiceOrderViewDto }) order: ServiceOrderViewDto;
  @ApiProperty({ nullable: true, type: Number }) distanceMeters: number | null;
}

export class CurrentOfferDto {
  @ApiModelOrNull(DispatchOfferViewDto, { description: 'Null when no offer is waiting for me' }) offer: DispatchOfferViewDto | null;
}

export class RejectedOfferDto {
  @ApiProperty({ enum: ['rejected'] }) status: 'rejected';
}

export class WorkbenchProfileDto extends WorkerProfileDto implements WorkbenchProfileView {
  @ApiProperty({ description: '出发 opens this many minutes before a window, and only on the service day (DISPATCH_SET_OUT_LEAD_MINUTES)' }) setOutLeadMinutes: number;
}

export class OrderPhoneDto implements OrderPhoneView {
  @ApiProperty({ example: '13705510009', description: 'The full number, to dial now; not to be stored' }) phone: string;
}

export class DispatchBoardDto implements DispatchBoard {
  @ApiProperty({ type: [ServiceOrderViewDto] }) pending: ServiceOrderViewDto[];
  @ApiProperty({ type: [ServiceOrderViewDto] }) offered: ServiceOrderViewDto[];
  @ApiProperty({ type: [ServiceOrderViewDto] }) escalated: ServiceOrderViewDto[];
  @ApiProperty({ type: [ServiceOrderViewDto] }) overdue: ServiceOrderViewDto[];
  @ApiProperty({ type: [ServiceOrderViewDto] }) disputed: ServiceOrderViewDto[];
}

class AssignableWorkerDto implements AssignableWorker {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() providerName: string;
  @ApiProperty() online: boolean;
  @ApiProperty() openOrders: number;
  @ApiProperty() maxOpenOrders: number;
  @ApiProperty({ nullable: true, type: Number }) distanceMeters: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
  @ApiProperty({ type: [String], example: ['当前离线'] }) notes: string[];
}

export class AssignableWorkerListDto {
  @ApiProperty({ type: [AssignableWorkerDto] }) items: AssignableWorkerDto[];
}
