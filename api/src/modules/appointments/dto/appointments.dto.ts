import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  BOOKING_EVENTS,
  MAX_GROUP_SIZE,
  BOOKING_STATUSES,
  CALENDAR_DAY_SOURCES,
  SERVICE_MODES,
  type BookingEvent,
  type BookingPolicy,
  type BookingStatus,
  type BookingView,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarDaySource,
  type CheckInCode,
  type HolidayCalendarStatus,
  type IsoWeekday,
  type ServiceMode,
  type SlotAvailability,
  type SlotList,
  type SourcedCalendarDay,
  type WaitlistEntryView,
  type WeeklyOpening,
} from '@linli/shared';
import { TimeRangeDto } from '../../../common/http/time-range.dto';
import { IsSearchText } from '../../../common/http/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WeeklyOpeningDto implements WeeklyOpening {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: IsoWeekday;

  @ApiProperty({ type: [TimeRangeDto] })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  ranges: TimeRangeDto[];

  @ApiProperty({ example: 30 }) @IsInt() slotMinutes: number;
  @ApiProperty({ example: 3 }) @IsInt() seats: number;
}

export class BookingPolicyDto implements BookingPolicy {
  @ApiProperty({ minimum: 1, maximum: 60, example: 14 }) @IsInt() @Min(1) @Max(60) bookingWindowDays: number;
  @ApiProperty({ minimum: 0, maximum: 10080, example: 120 }) @IsInt() @Min(0) @Max(10080) minNoticeMinutes: number;
  @ApiProperty({ minimum: 0, maximum: 10080, example: 120 }) @IsInt() @Min(0) @Max(10080) cancelCutoffMinutes: number;
}

export class SetScheduleDto {
  @ApiProperty({ type: [WeeklyOpeningDto], description: 'One entry per open weekday' })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeeklyOpeningDto)
  weekly: WeeklyOpeningDto[];

  @ApiProperty({ type: BookingPolicyDto })
  @ValidateNested()
  @Type(() => BookingPolicyDto)
  policy: BookingPolicyDto;
}

export class DateExceptionBodyDto {
  @ApiProperty({ enum: ['closed', 'open'] }) @IsIn(['closed', 'open']) kind: 'closed' | 'open';

  @ApiPropertyOptional({ type: [TimeRangeDto], description: "For 'open': the day's hours" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  ranges?: TimeRangeDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() slotMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() seats?: number;
  @ApiProperty({ example: '工作人员培训' }) @IsString() @Length(1, 100) reason: string;
}

export class CalendarDayDto implements CalendarDay {
  @ApiProperty({ example: '2026-10-01' }) @Matches(DATE) date: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) @IsIn(['holiday', 'workday']) kind: CalendarDayKind;
  @ApiProperty({ example: '国庆节' }) @IsString() @Length(1, 40) name: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 7, description: "For 'workday': whose hours apply (default Monday)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  worksAs?: IsoWeekday;
}

export class SourcedCalendarDayDto extends CalendarDayDto implements SourcedCalendarDay {
  @ApiProperty({
    enum: CALENDAR_DAY_SOURCES,
    description: "'official': the State Council's notice from the dataset; 'admin': a city admin's import; 'provisional': by the law, until the notice",
  })
  source: CalendarDaySource;
}

export class HolidayCalendarStatusDto implements HolidayCalendarStatus {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last year with an official calendar (dataset or import)' }) lastOfficialYear: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The year whose official calendar is missing and should be loaded now (this one, or next from 1 November)' })
  missingOfficialYear: number | null;
}

export class SetCalendarDto {
  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() centreId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() serviceId: string;
  @ApiProperty({ format: 'date-time', description: "A slot's startsAt from the slots list" }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'uuid', description: 'Who the booking is for: me, a household member, or (staff) a resident of my region' })
  @IsUUID()
  residentId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_GROUP_SIZE, description: 'Venue services (rooms, courts): how many people; required for them, refused for others' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GROUP_SIZE)
  groupSize?: number;
}

export class StaffBookingsQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() centreId: string;
  @ApiPropertyOptional({ example: '2026-11-27', description: 'Shanghai date; default today' }) @IsOptional() @Matches(DATE) date?: string;
  @ApiPropertyOptional({ enum: BOOKING_STATUSES }) @IsOptional() @IsIn(BOOKING_STATUSES) status?: BookingStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this service' }) @IsOptional() @IsUUID() serviceId?: string;
  @ApiPropertyOptional({ description: 'Part of the person’s name' }) @IsOptional() @IsSearchText() @Length(1, 32) name?: string;
  @ApiPropertyOptional({ description: 'Last 4 digits of the phone on file', example: '8000' }) @IsOptional() @Matches(/^\d{4}$/) phoneTail?: string;
}

export class CheckInDto {
  @ApiProperty({
    description:
      "The booking's six-digit short code as the person reads it out (spaces ignored; it names a booking of this centre today), " +
      "or the signed code from the booking's QR. Wrong codes are counted per staff account and centre: too many answer 429 RATE_LIMITED for a while.",
    example: '482915',
  })
  @IsString()
  @Length(6, 120)
  code: string;
  @ApiProperty({ format: 'uuid', description: 'The centre whose desk is checking people in' }) @IsUUID() centreId: string;
}

export class CheckInCodeDto implements CheckInCode {
  @ApiProperty({ description: 'Signed and expiring: what the QR carries, for staff to scan' }) code: string;
  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^[1-9][0-9]{5}$',
    example: '482915',
    description:
      'Six digits to read out at the desk when the QR cannot be scanned; unique among the centre’s bookings that day. Null only for a booking made before short codes existed whose day had passed.',
  })
  shortCode: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

const STAFF_EVENTS = BOOKING_EVENTS.filter((event) => event !== 'cancel');

export class BookingTransitionDto {
  @ApiProperty({ enum: STAFF_EVENTS, description: 'cancel has its own route' })
  @IsIn(STAFF_EVENTS)
  event: Exclude<BookingEvent, 'cancel'>;
}

export class SlotAvailabilityDto implements SlotAvailability {
  @ApiProperty() date: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() remaining: number;
}

export class SlotListDto implements SlotList {
  @ApiProperty({ type: [SlotAvailabilityDto] }) items: SlotAvailabilityDto[];
  @ApiProperty({ type: [SourcedCalendarDayDto], description: "The national calendar's days within the booking window" }) calendar: SourcedCalendarDayDto[];
}

class BookingServiceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SERVICE_MODES }) mode: ServiceMode;
}

class BookingCentreRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}

class BookingPersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class BookingViewDto implements BookingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty({ type: BookingServiceRefDto }) service: BookingServiceRefDto;
  @ApiProperty({ type: BookingCentreRefDto }) centre: BookingCentreRefDto;
  @ApiProperty() date: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: BookingPersonRefDto }) person: BookingPersonRefDto;
  @ApiProperty({ nullable: true, type: Number }) groupSize: number | null;
  @ApiProperty({ enum: ['self', 'household', 'staff'] }) bookedFor: 'self' | 'household' | 'staff';
  @ApiProperty({ enum: BOOKING_EVENTS, isArray: true }) actions: BookingEvent[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BookingListDto {
  @ApiProperty({ type: [BookingViewDto] }) items: BookingViewDto[];
}

export class ServiceScheduleDto {
  @ApiProperty({ type: [WeeklyOpeningDto] }) weekly: WeeklyOpeningDto[];
  @ApiProperty({ type: BookingPolicyDto }) policy: BookingPolicyDto;
  @ApiProperty({ description: 'Date exceptions from today on', type: 'array', items: { type: 'object' } }) exceptions: unknown[];
}

export class CalendarListDto {
  @ApiProperty({ type: [SourcedCalendarDayDto] }) items: SourcedCalendarDayDto[];
}

export class RescheduleDto {
  @ApiProperty({ format: 'date-time', description: "The new slot's startsAt (same centre and service)" })
  @IsISO8601({ strict: true })
  startsAt: string;
}

class WaitlistServiceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class WaitlistEntryViewDto implements WaitlistEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['waiting', 'promoted', 'left'] }) status: 'waiting' | 'promoted' | 'left';
  @ApiProperty({ nullable: true, type: Number }) position: number | null;
  @ApiProperty({ type: WaitlistServiceRefDto }) service: WaitlistServiceRefDto;
  @ApiProperty({ type: WaitlistServiceRefDto }) centre: WaitlistServiceRefDto;
  @ApiProperty() date: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: BookingPersonRefDto }) person: BookingPersonRefDto;
  @ApiProperty({ nullable: true, type: String }) bookingId: string | null;
}

export class WaitlistListDto {
  @ApiProperty({ type: [WaitlistEntryViewDto] }) items: WaitlistEntryViewDto[];
}

export class ExportBookingsQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() centreId: string;
  @ApiProperty({ example: '2026-12-01', description: 'First Shanghai date, inclusive' }) @Matches(DATE) from: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last Shanghai date, inclusive (at most 31 days)' }) @Matches(DATE) to: string;
}

export class StatisticsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A region in my scope; default my whole region' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE) from: string;
  @ApiProperty({ example: '2026-12-31', description: 'Inclusive, at most 366 days' }) @Matches(DATE) to: string;
}

export class BookingCountsDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() bookings: number;
  @ApiProperty() noShows: number;
  @ApiProperty({ nullable: true, type: Number, description: 'no-shows / bookings whose attendance is known' }) noShowRate: number | null;
}

export class BookingStatisticsDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: BookingCountsDto }) totals: BookingCountsDto;
  @ApiProperty({ type: [BookingCountsDto] }) byCategory: BookingCountsDto[];
  @ApiProperty({ type: [BookingCountsDto] }) byService: BookingCountsDto[];
  @ApiProperty({ type: [BookingCountsDto], description: 'By the street or community of the centre' }) byArea: BookingCountsDto[];
  @ApiProperty({ type: [BookingCountsDto] }) byDay: BookingCountsDto[];
}
