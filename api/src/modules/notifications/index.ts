/**
 * The notifications module's public surface: what other modules may import from it.
 * Delivery of the outbox to the people each message concerns (the relay), the in-app inbox (消息), the dead letters,
 * and the port other channels (WeChat subscribe messages) plug into.
 * Everything else in this folder is the module's own.
 */
export { NotificationChannels, type ChannelOutcome, type ChannelReach, type NotificationChannel, type OutgoingNotification } from './notification-channel';
export { NotificationsModule } from './notifications.module';
