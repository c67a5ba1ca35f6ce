import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * Timed work that runs every N seconds in this process. Every API instance runs its own; the work must be safe to
 * run in several instances at once (conditional updates only one wins: decision 0010), so no leader election is
 * needed. A slow run is never overlapped by the next tick of the same process; `seconds = 0` turns the timer off
 * (tests call the work directly). Each wait is jittered by ±20 %, so instances started together drift apart instead
 * of sweeping in lockstep, where one of them (the first to tick after each deadline) would win every row.
 */
export abstract class IntervalTask implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  protected abstract readonly seconds: number;
  protected abstract runOnce(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.seconds > 0) this.scheduleNext();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The next run is timed from the end of this one, so runs of one process never overlap. */
  private scheduleNext(): void {
    if (this.stopped) return;
    const jitter = 0.8 + Math.random() * 0.4;
    this.timer = setTimeout(() => void this.tick(), Math.round(this.seconds * 1000 * jitter));
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.runOnce();
    } catch (error) {
      this.logger.error(`${this.constructor.name} failed: ${(error as Error).message}`);
    } finally {
      this.scheduleNext();
    }
  }
}
