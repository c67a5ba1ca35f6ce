/**
 * The outbox module's public surface: what other modules may import from it.
 * Messages written in the same transaction as the change they announce (OutboxService), and the delivering side
 * the notifications relay works with (OutboxRepository).
 * Everything else in this folder is the module's own.
 */
export { OUTBOX_STATES, OutboxMessage, type OutboxState } from './outbox-message.entity';
export { OutboxModule } from './outbox.module';
export { OutboxRepository } from './outbox.repository';
export { OutboxService } from './outbox.service';
export type { BookingMessage, BookingReminderMessage, MealOrderDeliveryMessage, OutboxMessages, OutboxTopic } from './outbox-topics';
