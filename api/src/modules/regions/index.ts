/**
 * The regions module's public surface: what other modules may import from it.
 * The region tree (city, district, street, community) and the centres in it.
 * Everything else in this folder is the module's own.
 */
export { Centre } from './centre.entity';
export { Region } from './region.entity';
export { RegionsModule } from './regions.module';
export { RegionsRepository } from './regions.repository';
export { MICRODEGREES } from './regions.service';
