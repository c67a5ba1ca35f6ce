/**
 * The outbox module's public surface: what other modules may import from it.
 * Messages written in the same transaction as the change they announce, for delivery after commit.
 * Everything else in this folder is the module's own.
 */
export { OutboxModule } from './outbox.module';
export { OutboxService } from './outbox.service';
