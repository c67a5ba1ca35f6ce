/**
 * The residents module's public surface: what other modules may import from it.
 * Residents, households, the resident's own account pages and staff records of residents.
 * Everything else in this folder is the module's own.
 */
export { ResidentAccess } from './resident-access';
export { Resident } from './resident.entity';
export { ResidentsModule } from './residents.module';
export { ResidentsRepository } from './residents.repository';
