import { KeyedQueue } from './keyed-queue';

/** A task that finishes when told to, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return name;
    },
    open: () => open(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
  it('runs one key’s tasks one at a time in arrival order, and other keys’ alongside', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const [a1, a2, b1] = [gate(log, 'a1'), gate(log, 'a2'), gate(log, 'b1')];
    const results = [queue.run('a', a1.task), queue.run('a', a2.task), queue.run('b', b1.task)];
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.open();
    await settle();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    a2.open();
    b1.open();
    await expect(Promise.all(results)).resolves.toEqual(['a1', 'a2', 'b1']);
  });

  it('goes on after a failure, which reaches only its own caller, and forgets keys once drained', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('lost')));
    const next = queue.run('a', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('lost');
    await expect(next).resolves.toBe('next');
    await settle();
    expect(queue.size).toBe(0);
  });
});
