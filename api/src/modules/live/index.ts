/**
 * The live module's public surface: what other modules may import from it.
 * The WebSocket at /api/live that pushes offers, order changes and the dispatch board's changes (LiveHub), fed by
 * following the outbox (OutboxFollower) or by Redis pub/sub (RedisLiveBus).
 * Everything else in this folder is the module's own.
 */
export { LIVE_CLOSE, type LiveClientFrame, type LiveServerFrame } from './live-events';
export { LIVE_PATH } from './live.gateway';
export { LiveHub } from './live-hub';
export { LiveModule } from './live.module';
export { OutboxFollower } from './outbox-follower';
