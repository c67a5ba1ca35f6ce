import { Logger } from '@nestjs/common';
import { IntervalTask } from './interval-task';

/** A task whose runs take `runMs` and which records when each started and ended. */
class RecordingTask extends IntervalTask {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  constructor(
    protected readonly seconds: number,
    private readonly runMs: number,
    private readonly failing = false,
  ) {
    super();
  }
  protected async runOnce(): Promise<void> {
    this.starts.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, this.runMs));
    this.ends.push(Date.now());
    if (this.failing) throw new Error('database went away');
  }
}

describe('IntervalTask', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('runs every N seconds give or take 20 %, timed from the end of the previous run, so runs never overlap', async () => {
    const task = new RecordingTask(10, 7_000);
    task.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(120_000);
    task.onModuleDestroy();
    expect(task.starts.length).toBeGreaterThanOrEqual(6);
    for (let index = 1; index < task.starts.length; index++) {
      const pause = task.starts[index] - task.ends[index - 1];
      expect(pause).toBeGreaterThanOrEqual(8_000);
      expect(pause).toBeLessThanOrEqual(12_000);
    }
  });

  it('spreads instances started at the same moment instead of ticking in lockstep', async () => {
    const tasks = Array.from({ length: 5 }, () => new RecordingTask(5, 0));
    for (const task of tasks) task.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    for (const task of tasks) task.onModuleDestroy();
    const lastStarts = new Set(tasks.map((task) => task.starts.at(-1)));
    expect(lastStarts.size).toBeGreaterThan(1);
  });

  it('keeps running after a failed run and stops for good when the module is destroyed', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const task = new RecordingTask(1, 0, true);
    task.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5_000);
    const runs = task.starts.length;
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(logged).toHaveBeenCalledWith('RecordingTask failed: database went away');
    task.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(task.starts).toHaveLength(runs);
    logged.mockRestore();
  });

  it('never starts when the interval is 0 (tests call the work directly)', async () => {
    const task = new RecordingTask(0, 0);
    task.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(task.starts).toHaveLength(0);
  });
});
