/**
 * The health module's public surface: what other modules may import from it.
 * Liveness and readiness.
 * Everything else in this folder is the module's own.
 */
export { HealthModule } from './health.module';
