/**
 * The catalogue module's public surface: what other modules may import from it.
 * Service categories, services and which centre offers which (the only place offerings are queried).
 * Everything else in this folder is the module's own.
 */
export { CatalogueModule } from './catalogue.module';
export { CatalogueRepository, OFFERING_SCHEDULE_COLUMNS, offeringScheduleOf, type OfferingSchedule } from './catalogue.repository';
export { CentreService } from './centre-service.entity';
