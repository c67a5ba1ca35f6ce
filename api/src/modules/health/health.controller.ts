import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { LivenessReport, ReadinessReport } from '@linli/shared';
import { Public } from '../../common/auth/access-policy';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { HealthService } from './health.service';

class LivenessReportDto implements LivenessReport {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty() uptimeSeconds: number;
}

class ReadinessReportDto implements ReadinessReport {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status: 'ready' | 'not_ready';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['sqlite', 'mysql', 'mariadb'] }) dialect: 'sqlite' | 'mysql' | 'mariadb';
  @ApiProperty() pendingMigrations: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last year with an official holiday calendar (dataset or import); null while not ready' })
  lastOfficialCalendarYear: number | null;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessReportDto })
  @ApiErrorResponses()
  liveness(): LivenessReport {
    return this.health.liveness();
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database reachable and all migrations applied; details include the last year with an official holiday calendar' })
  @ApiOkResponse({ type: ReadinessReportDto })
  @ApiErrorResponses('SERVICE_UNAVAILABLE')
  readiness(): Promise<ReadinessReport> {
    return this.health.readiness();
  }
}
