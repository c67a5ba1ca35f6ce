import { randomUUID } from 'node:crypto';
import type { LoginResponse, SlotList } from '@linli/shared';
import { AppointmentsRepository } from '../src/modules/appointments/appointments.repository';
import { CatalogueRepository } from '../src/modules/catalogue/catalogue.repository';
import { Region } from '../src/modules/regions/region.entity';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A read sees only committed data, on both dialects. The failure this guards against: on SQLite, TypeORM's one
 * shared connection let a request read another request's write transaction while it was still open, rows that a
 * rollback could then take back (docs/decisions/0002). The hot reads written as plain SQL (issue 17) are checked too:
 * TypeORM sends a plain `query()` to the writer connection unless told otherwise.
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

  describe('reads written as plain SQL', () => {
    const CENTRE = stableId('centre', 'C340104001001');
    const SERVICE = stableId('service', 'volunteer_activity');
    let staff: LoginResponse;
    const slots = async (): Promise<SlotList> => (await t.http().get(`/api/centres/${CENTRE}/services/${SERVICE}/slots`).expect(200)).body;

    beforeAll(async () => {
      staff = await loginWithPassword(t, 'anda.staff');
    });

    it('the centre list and the signed-in account (read by the auth guard) show only committed values', async () => {
      const seen: unknown[] = [];
      await expect(
        t.transactions.write(async (manager) => {
          await manager.query('UPDATE centre SET name = ? WHERE id = ?', ['未提交中心', CENTRE]);
          await manager.query('UPDATE account SET display_name = ? WHERE id = ?', ['未提交姓名', staff.account.id]);
          const centres = (await t.http().get('/api/centres').expect(200)).body.items as Array<{ id: string; name: string }>;
          seen.push(centres.find((centre) => centre.id === CENTRE)?.name);
          seen.push((await t.http().get('/api/me').set(bearer(staff)).expect(200)).body.displayName);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(seen).toEqual([expect.not.stringContaining('未提交'), staff.account.displayName]);
    });

    it('a schedule change still open is not cached as the schedule: once it commits, the slot list shows it', async () => {
      const offering = (await t.app.get(CatalogueRepository).findOffering(CENTRE, SERVICE))!;
      expect((await slots()).items.length).toBeGreaterThan(0); // the committed schedule is cached now
      const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        id: randomUUID(),
        centreServiceId: offering.id,
        weekday: weekday as 1,
        ranges: [{ start: '14:00', end: '16:00' }],
        slotMinutes: 120,
        seats: 7,
      }));
      await t.transactions.write(async (manager) => {
        await t.app.get(AppointmentsRepository).replaceOpeningRules(manager, offering.id, weekly);
        await t.app.get(CatalogueRepository).bumpScheduleVersion(manager, offering.id);
        expect((await slots()).items.some((slot) => slot.capacity === 7)).toBe(false); // not yet committed
      });
      const after = (await slots()).items;
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((slot) => slot.capacity === 7 && slot.start === '14:00')).toBe(true);
    });
  });
});
