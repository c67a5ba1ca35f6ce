import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ResidentsModule } from '../residents/residents.module';
import { AppointmentsRepository } from './appointments.repository';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { CheckInCodes } from './check-in-codes';
import { NoShowSweeper } from './no-show-sweeper';
import { ScheduleController } from './schedule.controller';
import { ScheduleService } from './schedule.service';

@Module({
  imports: [AuditModule, OutboxModule, ResidentsModule],
  controllers: [ScheduleController, BookingsController],
  providers: [AppointmentsRepository, ScheduleService, BookingsService, CheckInCodes, NoShowSweeper],
  exports: [AppointmentsRepository],
})
export class AppointmentsModule {}
