/**
 * The providers module's public surface: what other modules may import from it.
 * Service providers, their applications, workers and the workers' dispatch profiles.
 * Everything else in this folder is the module's own.
 */
export { WorkerProfileDto } from './dto/worker-profile.dto';
export { Provider } from './provider.entity';
export { ProvidersModule } from './providers.module';
export { WorkerArea } from './worker-area.entity';
export { averageRating, WorkerProfiles } from './worker-profiles';
export { WorkerSkill } from './worker-skill.entity';
export { Worker } from './worker.entity';
