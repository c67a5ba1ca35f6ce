import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [AppointmentsModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
