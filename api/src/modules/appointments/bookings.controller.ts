import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BookingStatistics, BookingView, CheckInCode, ListResponse, WaitlistEntryView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { IdempotencyKey } from '../../common/http/idempotency-key';
import { UuidParam } from '../../common/http/uuid-param';
import { BookingReportsService } from './booking-reports.service';
import { BookingsService } from './bookings.service';
import { CheckInService } from './check-in.service';
import { WaitlistService } from './waitlist.service';
import {
  BookingListDto,
  BookingStatisticsDto,
  BookingTransitionDto,
  CheckInCodeDto,
  CheckInDto,
  ExportBookingsQuery,
  StatisticsQuery,
  BookingViewDto,
  CreateBookingDto,
  RescheduleDto,
  StaffBookingsQuery,
  WaitlistEntryViewDto,
  WaitlistListDto,
} from './dto/appointments.dto';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('appointments: bookings')
@Controller()
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly waitlist: WaitlistService,
    private readonly checkIns: CheckInService,
    private readonly reports: BookingReportsService,
  ) {}

  @Post('bookings')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'Book a slot for me, a household member, or (staff) a resident of my region' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body → the same booking; same key + other body → 422' })
  @ApiCreatedResponse({ type: BookingViewDto })
  @ApiErrorResponses(...ERRORS, 'CONSENT_REQUIRED', 'SLOT_UNAVAILABLE', 'SLOT_FULL', 'ALREADY_BOOKED', 'BOOKING_LIMIT_REACHED', 'NOT_ELIGIBLE', 'IDEMPOTENCY_KEY_REUSED')
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateBookingDto, @IdempotencyKey() idempotencyKey: string | undefined): Promise<BookingView> {
    return this.bookings.create(auth, body, idempotencyKey);
  }

  @Get('bookings')
  @Roles('resident')
  @ApiOperation({ summary: "My bookings and my household members', newest first" })
  @ApiOkResponse({ type: BookingListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listMine(@CurrentAuth() auth: AuthContext): Promise<ListResponse<BookingView>> {
    return { items: await this.bookings.listMine(auth) };
  }

  @Post('bookings/:bookingId/cancel')
  @Roles('resident', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a booking (residents until the cut-off; staff of the region any time)' })
  @ApiOkResponse({ type: BookingViewDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION', 'CANCEL_TOO_LATE')
  cancel(@CurrentAuth() auth: AuthContext, @UuidParam('bookingId') bookingId: string): Promise<BookingView> {
    return this.bookings.cancel(auth, bookingId);
  }

  @Post('bookings/:bookingId/reschedule')
  @Roles('resident', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a booking to another slot of the same service and centre, atomically' })
  @ApiOkResponse({ type: BookingViewDto })
  @ApiErrorResponses(...ERRORS, 'SLOT_UNAVAILABLE', 'SLOT_FULL', 'ALREADY_BOOKED', 'INVALID_TRANSITION', 'CANCEL_TOO_LATE')
  reschedule(@CurrentAuth() auth: AuthContext, @UuidParam('bookingId') bookingId: string, @Body() body: RescheduleDto): Promise<BookingView> {
    return this.bookings.reschedule(auth, bookingId, body.startsAt);
  }

  @Post('waitlist')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: "Join a full slot's waiting line; the first in line is booked automatically when a seat frees up" })
  @ApiCreatedResponse({ type: WaitlistEntryViewDto })
  @ApiErrorResponses(...ERRORS, 'CONSENT_REQUIRED', 'SLOT_UNAVAILABLE', 'ALREADY_BOOKED', 'NOT_ELIGIBLE', 'CONFLICT')
  joinWaitlist(@CurrentAuth() auth: AuthContext, @Body() body: CreateBookingDto): Promise<WaitlistEntryView> {
    return this.waitlist.join(auth, body);
  }

  @Get('waitlist')
  @Roles('resident')
  @ApiOperation({ summary: "My and my household's waiting-line places, with position" })
  @ApiOkResponse({ type: WaitlistListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listMyWaitlist(@CurrentAuth() auth: AuthContext): Promise<ListResponse<WaitlistEntryView>> {
    return { items: await this.waitlist.listMine(auth) };
  }

  @Post('waitlist/:entryId/leave')
  @Roles('resident', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a waiting line' })
  @ApiOkResponse({ type: WaitlistEntryViewDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION')
  leaveWaitlist(@CurrentAuth() auth: AuthContext, @UuidParam('entryId') entryId: string): Promise<WaitlistEntryView> {
    return this.waitlist.leave(auth, entryId);
  }

  @Get('staff/bookings')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: "A centre's bookings on one day (default today), in slot order" })
  @ApiOkResponse({ type: BookingListDto })
  @ApiErrorResponses(...ERRORS)
  async listForCentre(@CurrentAuth() auth: AuthContext, @Query() query: StaffBookingsQuery): Promise<ListResponse<BookingView>> {
    return { items: await this.bookings.listForCentre(auth, query.centreId, query) };
  }

  @Get('staff/bookings/export')
  @Roles('staff', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="bookings.csv"')
  @ApiOperation({ summary: "A centre's bookings between two dates as CSV (phones masked; the export is audited)" })
  @ApiOkResponse({ description: 'UTF-8 CSV with a BOM', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrorResponses(...ERRORS)
  exportCsv(@CurrentAuth() auth: AuthContext, @Query() query: ExportBookingsQuery): Promise<string> {
    return this.reports.exportCsv(auth, query.centreId, query.from, query.to);
  }

  @Get('staff/statistics')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Booking counts per category, service, area and day, with no-show rates' })
  @ApiOkResponse({ type: BookingStatisticsDto })
  @ApiErrorResponses(...ERRORS)
  statistics(@CurrentAuth() auth: AuthContext, @Query() query: StatisticsQuery): Promise<BookingStatistics> {
    return this.reports.statistics(auth, query.regionId, query.from, query.to);
  }

  @Get('bookings/:bookingId/check-in-code')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: "The booking's check-in codes: the signed, expiring one for its QR and the six digits to read out" })
  @ApiOkResponse({ type: CheckInCodeDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION')
  checkInCode(@CurrentAuth() auth: AuthContext, @UuidParam('bookingId') bookingId: string): Promise<CheckInCode> {
    return this.checkIns.checkInCode(auth, bookingId);
  }

  @Post('staff/check-ins')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Check a resident in at my centre's desk: the six digits they read out, or the QR scanned",
    description:
      'A wrong code answers 400 CHECK_IN_CODE_INVALID whatever bookings exist. After CHECK_IN_MAX_WRONG_CODES wrong codes from one staff account at one centre ' +
      'within CHECK_IN_WRONG_CODE_WINDOW_SECONDS, every code there answers 429 RATE_LIMITED with Retry-After (and details.retryAfterSeconds) until enough of them are older than the window.',
  })
  @ApiOkResponse({ type: BookingViewDto })
  @ApiErrorResponses(...ERRORS, 'CHECK_IN_CODE_INVALID', 'WRONG_CENTRE', 'WRONG_DAY', 'INVALID_TRANSITION', 'RATE_LIMITED')
  checkIn(@CurrentAuth() auth: AuthContext, @Body() body: CheckInDto): Promise<BookingView> {
    return this.checkIns.checkInByCode(auth, body.code, body.centreId);
  }

  @Post('staff/bookings/:bookingId/transitions')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, decline, check in, mark a no-show or complete a booking' })
  @ApiOkResponse({ type: BookingViewDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION')
  transition(@CurrentAuth() auth: AuthContext, @UuidParam('bookingId') bookingId: string, @Body() body: BookingTransitionDto): Promise<BookingView> {
    return this.bookings.transition(auth, bookingId, body.event);
  }
}
