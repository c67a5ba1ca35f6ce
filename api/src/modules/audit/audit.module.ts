import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { WrongCodeThrottle } from './wrong-code-throttle';

@Module({ controllers: [AuditController], providers: [AuditService, AuditRepository, WrongCodeThrottle], exports: [AuditService, WrongCodeThrottle] })
export class AuditModule {}
