import { Region } from '../src/modules/regions/region.entity';
import { stableId } from '../src/seed/stable-id';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A read sees only committed data, on both dialects. The failure this guards against: on SQLite, TypeORM's one
 * shared connection let a request read another request's write transaction while it was still open, rows that a
 * rollback could then take back (docs/decisions/0002).
 */
describe('reads see only committed data', () => {
  let t: TestApp;
  const SANLIAN_STREET = stableId('region', '340104001');

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  const community = (code: string, name: string): Region =>
    Object.assign(new Region(), { id: stableId('region', code), code, name, level: 'community', parentId: SANLIAN_STREET, path: `/${code}/` });
  const listed = async (keyword: string) => (await t.http().get('/api/regions/communities').query({ keyword }).expect(200)).body.items as unknown[];

  it('a row inserted by an open write transaction is seen neither through a repository nor through the API until it commits', async () => {
    await t.transactions.write(async (manager) => {
      await manager.getRepository(Region).insert(community('340104001901', '未提交社区'));
      expect(await manager.getRepository(Region).countBy({ code: '340104001901' })).toBe(1); // the transaction sees its own write
      expect(await t.dataSource.getRepository(Region).countBy({ code: '340104001901' })).toBe(0);
      expect(await listed('未提交')).toHaveLength(0);
    });
    expect(await t.dataSource.getRepository(Region).countBy({ code: '340104001901' })).toBe(1);
    expect(await listed('未提交')).toHaveLength(1);
  });

  it('a row from a transaction that rolls back is never seen', async () => {
    const sightings: number[] = [];
    await expect(
      t.transactions.write(async (manager) => {
        await manager.getRepository(Region).insert(community('340104001902', '回滚社区'));
        sightings.push((await listed('回滚')).length, await t.dataSource.getRepository(Region).countBy({ code: '340104001902' }));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(sightings).toEqual([0, 0]);
    expect(await listed('回滚')).toHaveLength(0);
  });
});
