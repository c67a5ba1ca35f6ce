import { Region } from '../src/modules/regions/region.entity';
import { stableId } from '../src/seed/stable-id';
import { startTestApp, type TestApp } from './support/test-app';

describe('TransactionRunner', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // The failure this guards against: on SQLite, TypeORM's one shared connection nests concurrent transactions as
  // SAVEPOINTs, and one request's rollback silently undoes another's committed-looking work.
  it('keeps exactly the writes that succeeded when many run at once and half fail', async () => {
    const attempts = Array.from({ length: 40 }, (_, index) => index);
    const outcomes = await Promise.allSettled(
      attempts.map((index) =>
        t.transactions.write(async (manager) => {
          const id = stableId('tx-test', String(index));
          await manager.getRepository(Region).insert({ id, code: `T${index}`, name: `测试${index}`, level: 'city', parentId: null, path: `/${id}/` });
          for (let turn = 0; turn < index % 3; turn++) await new Promise(setImmediate); // other work interleaves here, as around real I/O
          if (index % 2 === 1) throw new Error(`rollback ${index}`);
          return index;
        }),
      ),
    );
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
    const stored = await t.dataSource.getRepository(Region).count();
    expect(succeeded).toBe(20);
    expect(stored).toBe(20);
  });

  it('a failed transaction leaves nothing behind and later writes still run', async () => {
    await expect(
      t.transactions.write(async (manager) => {
        await manager.getRepository(Region).insert({ id: stableId('tx-test', 'solo'), code: 'SOLO', name: '回滚', level: 'city', parentId: null, path: '/solo/' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.dataSource.getRepository(Region).countBy({ code: 'SOLO' })).toBe(0);
    await expect(t.transactions.write(() => Promise.resolve('still running'))).resolves.toBe('still running');
  });
});
