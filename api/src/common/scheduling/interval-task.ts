import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * Timed work that runs every N seconds in this process. Every API instance runs its own; the work must be safe to
 * run in several instances at once (conditional updates only one wins: decision 0010), so no leader election is
 * needed. A slow run is never overlapped by the next tick of the same process; `seconds = 0` turns the timer off
 * (tests call the work directly).
 */
export abstract class IntervalTask implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  protected abstract readonly seconds: number;
  protected abstract runOnce(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.seconds === 0) return;
    this.timer = setInterval(() => void this.tick(), this.seconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.runOnce();
    } catch (error) {
      this.logger.error(`${this.constructor.name} failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
