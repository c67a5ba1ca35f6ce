import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LiveHub } from './live-hub';
import { LiveRepository, type OutboxCursor } from './live.repository';

const BATCH = 500;
/**
 * Rows are stamped with their writer's clock before their transaction commits, so a row may become visible after a
 * later-stamped one. Each read goes back this far and skips the ids it has already pushed.
 */
const OVERLAP_MS = 3000;

/**
 * Zero-setup fan-out across instances: every instance reads the order messages written since its last read, by
 * its own (created_at, id) cursor — one query per LIVE_FOLLOW_MS when nothing happened, independent of the relay's
 * delivery state — and pushes them to its own sockets. Off when REDIS_URL is set (RedisLiveBus carries them).
 */
@Injectable()
export class OutboxFollower implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxFollower.name);
  private cursor: OutboxCursor | null = null;
  /** Ids pushed within the overlap window, with their time stamps, so a re-read pushes nothing twice. */
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly live: LiveRepository,
    private readonly hub: LiveHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.live.followMs > 0 && this.config.live.redisUrl === null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    this.cursor = await this.live.latestCursor();
    this.schedule();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One read of what is new (tests and the timer); returns how many messages were pushed. */
  async followOnce(): Promise<number> {
    this.cursor ??= await this.live.latestCursor();
    let from: OutboxCursor = { at: new Date(this.cursor.at.getTime() - OVERLAP_MS), id: '' };
    let pushed = 0;
    for (;;) {
      const rows = await this.live.listOrderMessagesAfter(from, BATCH);
      const fresh = rows.filter((row) => !this.seen.has(row.id));
      for (const row of fresh) this.seen.set(row.id, row.createdAt.getTime());
      if (fresh.length) {
        this.hub.publish(await this.live.toLiveEvents(fresh));
        pushed += fresh.length;
      }
      const last = rows.at(-1);
      if (last && last.createdAt > this.cursor.at) this.cursor = { at: last.createdAt, id: last.id };
      if (rows.length < BATCH || !last) break;
      from = { at: last.createdAt, id: last.id };
    }
    const forgetBefore = this.cursor.at.getTime() - OVERLAP_MS;
    for (const [id, at] of this.seen) if (at < forgetBefore) this.seen.delete(id);
    return pushed;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.config.live.followMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.followOnce();
    } catch (error) {
      this.logger.warn(`following the outbox failed: ${(error as Error).message}`);
    } finally {
      this.schedule();
    }
  }
}
