import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HolidayCalendarStatus, ListResponse, ServiceSchedule, SlotList, SourcedCalendarDay } from '@linli/shared';
import { Public, Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { DateParam, YearParam } from '../../common/http/date-param';
import { UuidParam } from '../../common/http/uuid-param';
import { CalendarListDto, DateExceptionBodyDto, HolidayCalendarStatusDto, ServiceScheduleDto, SetCalendarDto, SetScheduleDto, SlotListDto } from './dto/appointments.dto';
import { ScheduleService } from './schedule.service';

const STAFF_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('appointments: schedules')
@Controller()
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get('centres/:centreId/services/:serviceId/slots')
  @Public()
  @ApiOperation({ summary: "Bookable slots with remaining seats (Shanghai dates and times, ISO instants) and the window's national holidays" })
  @ApiOkResponse({ type: SlotListDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'NOT_FOUND')
  slots(@UuidParam('centreId') centreId: string, @UuidParam('serviceId') serviceId: string): Promise<SlotList> {
    return this.schedule.slotList(centreId, serviceId);
  }

  @Get('calendar/:year')
  @Public()
  @ApiOperation({ summary: 'National holidays and 调休 make-up working days of a year, each with its source (official, admin, provisional)' })
  @ApiOkResponse({ type: CalendarListDto })
  @ApiErrorResponses('VALIDATION_FAILED')
  async calendar(@YearParam('year') year: number): Promise<ListResponse<SourcedCalendarDay>> {
    return { items: await this.schedule.calendar(year) };
  }

  @Get('staff/centres/:centreId/services/:serviceId/schedule')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: "A centre's weekly hours, booking rules and coming date exceptions for a service" })
  @ApiOkResponse({ type: ServiceScheduleDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  get(@CurrentAuth() auth: AuthContext, @UuidParam('centreId') centreId: string, @UuidParam('serviceId') serviceId: string): Promise<ServiceSchedule> {
    return this.schedule.schedule(auth, centreId, serviceId);
  }

  @Put('staff/centres/:centreId/services/:serviceId/schedule')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Replace the weekly hours and booking rules (existing bookings keep their seats)' })
  @ApiOkResponse({ type: ServiceScheduleDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  set(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('centreId') centreId: string,
    @UuidParam('serviceId') serviceId: string,
    @Body() body: SetScheduleDto,
  ): Promise<ServiceSchedule> {
    return this.schedule.setSchedule(auth, centreId, serviceId, body);
  }

  @Put('staff/centres/:centreId/services/:serviceId/exceptions/:date')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Close the service on a date, or open it with special hours' })
  @ApiOkResponse({ type: ServiceScheduleDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  setException(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('centreId') centreId: string,
    @UuidParam('serviceId') serviceId: string,
    @DateParam('date') date: string,
    @Body() body: DateExceptionBodyDto,
  ): Promise<ServiceSchedule> {
    return this.schedule.setException(auth, centreId, serviceId, date, body);
  }

  @Delete('staff/centres/:centreId/services/:serviceId/exceptions/:date')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Remove a date exception' })
  @ApiOkResponse({ type: ServiceScheduleDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  removeException(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('centreId') centreId: string,
    @UuidParam('serviceId') serviceId: string,
    @DateParam('date') date: string,
  ): Promise<ServiceSchedule> {
    return this.schedule.removeException(auth, centreId, serviceId, date);
  }

  @Put('admin/calendar/:year')
  @Roles('admin')
  @ApiOperation({ summary: "Import a year's national holidays and make-up working days, beating the dataset; an empty list removes the import (city-level admins)" })
  @ApiOkResponse({ type: CalendarListDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  async setCalendar(@CurrentAuth() auth: AuthContext, @YearParam('year') year: number, @Body() body: SetCalendarDto): Promise<ListResponse<SourcedCalendarDay>> {
    return { items: await this.schedule.setCalendar(auth, year, body.days) };
  }

  @Get('admin/calendar-status')
  @Roles('admin')
  @ApiOperation({ summary: 'The last year with an official holiday calendar, and the year to load now if it is missing (city-level admins)' })
  @ApiOkResponse({ type: HolidayCalendarStatusDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  calendarStatus(@CurrentAuth() auth: AuthContext): Promise<HolidayCalendarStatus> {
    return this.schedule.calendarStatus(auth);
  }
}
