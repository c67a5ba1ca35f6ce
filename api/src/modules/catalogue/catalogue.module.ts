import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';

@Module({ imports: [AuditModule], controllers: [CatalogueController], providers: [CatalogueRepository, CatalogueService], exports: [CatalogueRepository] })
export class CatalogueModule {}
