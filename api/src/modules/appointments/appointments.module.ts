import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CatalogueModule } from '../catalogue';
import { OutboxModule } from '../outbox';
import { ResidentsModule } from '../residents';
import { AppointmentsRepository } from './appointments.repository';
import { BookingsController } from './bookings.controller';
import { BookingNotices } from './booking-notices';
import { BookingReportsService } from './booking-reports.service';
import { BookingSupport } from './booking-support';
import { BookingsService } from './bookings.service';
import { CheckInService } from './check-in.service';
import { CheckInCodes } from './check-in-codes';
import { HolidayCalendar } from './holiday-calendar';
import { NoShowSweeper } from './no-show-sweeper';
import { NoShowsService } from './no-shows.service';
import { ScheduleController } from './schedule.controller';
import { ScheduleService } from './schedule.service';
import { WaitlistService } from './waitlist.service';

@Module({
  imports: [AuditModule, CatalogueModule, OutboxModule, ResidentsModule],
  controllers: [ScheduleController, BookingsController],
  providers: [
    AppointmentsRepository,
    HolidayCalendar,
    ScheduleService,
    BookingSupport,
    BookingNotices,
    WaitlistService,
    NoShowsService,
    BookingsService,
    CheckInCodes,
    CheckInService,
    BookingReportsService,
    NoShowSweeper,
  ],
  exports: [HolidayCalendar],
})
export class AppointmentsModule {}
