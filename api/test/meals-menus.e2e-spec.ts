import { addDays, shanghaiDateOf, type LoginResponse, type MealPointView } from '@linli/shared';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { stableId } from '../src/seed/stable-id';
import { ANDA, createMealPoint, dish, JINZHAILU, mealPointBody, NANPING, registerCanteen, SHUSHAN, tomorrow } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** Meal points (助餐点) and their menus: who may set them up, what residents read, and how publishing treats ordered meals. */
describe('meal points and menus', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let providerId: string;
  let point: MealPointView;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    ({ canteen, providerId } = await registerCanteen(t));
    point = await createMealPoint(t, canteen, providerId);
  });
  afterAll(() => t.close());

  describe('meal points', () => {
    it('a canteen admin sets up its point: district from the region, communities and windows as given, audited', async () => {
      expect(point).toMatchObject({
        providerId,
        name: '安大社区助餐点',
        regionId: ANDA,
        regionName: '安大社区',
        districtId: SHUSHAN,
        latitude: 31.8421,
        fulfilments: ['dine_in', 'pickup', 'delivery'],
        deliveryFeeFen: 300,
      });
      expect(point.communities.map((community) => community.id).sort()).toEqual([ANDA, JINZHAILU].sort());
      expect(point.windows.map((window) => window.mealKind)).toEqual(['lunch', 'dinner']);
      expect(await t.dataSource.getRepository(AuditEntry).countBy({ action: 'meal_point.created', targetId: point.id })).toBe(1);
    });

    it('refuses a provider that is not a canteen, another canteen, a region outside the canteen, non-communities and duplicate windows', async () => {
      const shushanAdmin = await loginWithPassword(t, 'shushan.admin');
      const housekeeping = await t.http().get('/api/providers').set(bearer(shushanAdmin)).expect(200);
      const anxin = (housekeeping.body.items as Array<{ id: string; kind: string }>).find((provider) => provider.kind === 'housekeeping')!;
      const notCanteen = await t
        .http()
        .post('/api/meal-points')
        .set(bearer(shushanAdmin))
        .send({ providerId: anxin.id, ...mealPointBody() })
        .expect(400);
      expect(notCanteen.body.details[0].field).toBe('providerId');

      const other = await registerCanteen(t, 'other.canteen');
      await t
        .http()
        .post('/api/meal-points')
        .set(bearer(canteen))
        .send({ providerId: other.providerId, ...mealPointBody() })
        .expect(404);

      const outside = await t
        .http()
        .post('/api/meal-points')
        .set(bearer(canteen))
        .send({ providerId, ...mealPointBody({ regionId: NANPING }) })
        .expect(400);
      expect(outside.body.details[0].field).toBe('regionId');
      const district = await t
        .http()
        .post('/api/meal-points')
        .set(bearer(canteen))
        .send({ providerId, ...mealPointBody({ regionId: SHUSHAN }) })
        .expect(400);
      expect(district.body.details[0].field).toBe('regionId');
      const street = stableId('region', '340104001');
      const badCommunity = await t
        .http()
        .post('/api/meal-points')
        .set(bearer(canteen))
        .send({ providerId, ...mealPointBody({ communityIds: [street] }) })
        .expect(400);
      expect(badCommunity.body.details[0].field).toBe('communityIds');
      const lunch = mealPointBody().windows[0];
      const twice = await t
        .http()
        .post('/api/meal-points')
        .set(bearer(canteen))
        .send({ providerId, ...mealPointBody({ windows: [lunch, lunch] }) })
        .expect(400);
      expect(twice.body.details[0].field).toBe('windows');
      const invalid = await t
        .http()
        .post('/api/meal-points')
        .set(bearer(canteen))
        .send({ providerId, ...mealPointBody({ latitude: 80, deliveryFeeFen: -1, fulfilments: ['teleport'] }) })
        .expect(400);
      expect(invalid.body.details.map((violation: { field: string }) => violation.field).sort()).toEqual(['deliveryFeeFen', 'fulfilments', 'latitude']);
    });

    it('staff of the region edit it; staff of another region and other canteens get 404', async () => {
      const staff = await loginWithPassword(t, 'anda.staff');
      const updated = await t
        .http()
        .put(`/api/meal-points/${point.id}`)
        .set(bearer(staff))
        .send(mealPointBody({ phone: '0551-65101099' }))
        .expect(200);
      expect(updated.body.phone).toBe('0551-65101099');
      const nanping = await loginWithPassword(t, 'nanping.staff');
      await t.http().put(`/api/meal-points/${point.id}`).set(bearer(nanping)).send(mealPointBody()).expect(404);
      const other = await loginWithPassword(t, 'other.canteen', 'Canteen@2026x');
      await t.http().put(`/api/meal-points/${point.id}`).set(bearer(other)).send(mealPointBody()).expect(404);
      expect((await t.http().get('/api/staff/meal-points').set(bearer(other)).expect(200)).body.items).toEqual([]);
      expect((await t.http().get('/api/staff/meal-points').set(bearer(nanping)).expect(200)).body.items).toEqual([]);
      expect((await t.http().get('/api/staff/meal-points').set(bearer(canteen)).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([point.id]);
    });

    it('residents see the points serving their community first, or nearest first with a position', async () => {
      const sun = await loginWithWechat(t, 'demo-openid-sun-guilan');
      const far = await createMealPoint(t, canteen, providerId, {
        name: '琥珀社区助餐点',
        regionId: stableId('region', '340104002001'),
        communityIds: [stableId('region', '340104002001')],
        latitude: 31.86,
        longitude: 117.27,
      });
      const li = await loginWithWechat(t, 'demo-openid-li-ming');
      const mine = (await t.http().get('/api/meal-points').set(bearer(li)).expect(200)).body.items as Array<{ id: string; servesMyCommunity: boolean }>;
      // 李明 lives in 金寨路社区: the points serving it (this one and the demo canteen's) come before the one that does not.
      expect(mine.map((item) => item.servesMyCommunity)).toEqual([true, true, false]);
      expect(mine.map((item) => item.id)).toContain(point.id);
      expect(mine[2].id).toBe(far.id);
      const nearest = (await t.http().get('/api/meal-points?latitude=31.8601&longitude=117.2701').set(bearer(sun)).expect(200)).body.items;
      expect(nearest[0].id).toBe(far.id);
      expect(nearest[0].meters).toBeLessThan(50);
      await t.http().get('/api/meal-points?latitude=31.86').set(bearer(sun)).expect(400);
      await t.http().get(`/api/meal-points/${far.id}`).set(bearer(sun)).expect(200);
      await t.http().get('/api/meal-points/00000000-0000-4000-8000-000000000000').set(bearer(sun)).expect(404);
    });
    it('seeds 安大社区长者食堂 with its point and a week of lunch and dinner menus from today; its admin signs in as anda.canteen', async () => {
      const demo = await loginWithPassword(t, 'anda.canteen');
      const [seeded] = (await t.http().get('/api/staff/meal-points').set(bearer(demo)).expect(200)).body.items as MealPointView[];
      expect(seeded).toMatchObject({ providerName: '安大社区长者食堂', districtId: SHUSHAN, communities: [{ name: '安大社区' }, { name: '金寨路社区' }] });
      expect(seeded.windows.map((window) => [window.mealKind, window.cutOffTime])).toEqual([
        ['lunch', '09:30'],
        ['dinner', '14:00'],
      ]);
      const menu = (await t.http().get(`/api/meal-points/${seeded.id}/menu`).set(bearer(demo)).expect(200)).body;
      expect(menu.from).toBe(shanghaiDateOf(new Date()));
      expect(menu.meals).toHaveLength(14);
      expect(menu.meals.every((meal: { dishes: unknown[] }) => meal.dishes.length >= 2)).toBe(true);
      const seededAgain = await t.seed();
      expect(seededAgain.accountsInserted).toBe(0);
      expect((await t.http().get(`/api/meal-points/${seeded.id}/menu`).set(bearer(demo)).expect(200)).body).toEqual(menu);
    });
  });

  describe('menus', () => {
    it('publishes a week, reads it with cut-off and capacity, copies it to the next week', async () => {
      const from = tomorrow();
      const meals = [0, 1, 2, 3, 4, 5, 6].map((offset) => ({
        mealDate: addDays(from, offset),
        mealKind: 'lunch',
        dishes: [dish({ dailyQuantity: 30 }), dish({ name: '清蒸鲈鱼', kind: 'single', priceFen: 1200, tags: ['low_oil', 'soft'], allergens: ['鱼'] })],
      }));
      const published = await t.http().put(`/api/meal-points/${point.id}/menu`).set(bearer(canteen)).send({ meals }).expect(200);
      expect(published.body).toEqual({ published: meals.map(({ mealDate, mealKind }) => ({ mealDate, mealKind })), skipped: [] });

      const li = await loginWithWechat(t, 'demo-openid-li-ming');
      const menu = (await t.http().get(`/api/meal-points/${point.id}/menu?from=${from}`).set(bearer(li)).expect(200)).body;
      expect(menu.meals).toHaveLength(14);
      const firstLunch = menu.meals[0];
      expect(firstLunch).toMatchObject({ mealDate: from, mealKind: 'lunch', closedReason: null, orderable: true, capacityLeft: 100 });
      expect(firstLunch.cutOffAt).toBe(new Date(`${from}T09:30:00+08:00`).toISOString());
      expect(firstLunch.dishes.map((item: { name: string; remaining: number | null }) => [item.name, item.remaining])).toEqual([
        ['红烧鸡腿套餐', 30],
        ['清蒸鲈鱼', null],
      ]);
      expect(menu.meals[1]).toMatchObject({ mealKind: 'dinner', dishes: [], orderable: false });

      const copied = await t
        .http()
        .post(`/api/meal-points/${point.id}/menu/copy-last-week`)
        .set(bearer(canteen))
        .send({ fromDate: addDays(from, 7) })
        .expect(200);
      expect(copied.body.published).toHaveLength(7);
      const next = (
        await t
          .http()
          .get(`/api/meal-points/${point.id}/menu?from=${addDays(from, 13)}&to=${addDays(from, 13)}`)
          .set(bearer(li))
          .expect(200)
      ).body;
      expect(next.meals[0].dishes.map((item: { name: string }) => item.name)).toEqual(['红烧鸡腿套餐', '清蒸鲈鱼']);
    });

    it('changes one meal; refuses past dates, unserved meals, duplicates, bad ranges and strangers', async () => {
      const date = addDays(tomorrow(), 1);
      const changed = await t
        .http()
        .put(`/api/meal-points/${point.id}/menu/${date}`)
        .set(bearer(canteen))
        .send({ mealKind: 'dinner', dishes: [dish({ name: '番茄牛腩饭', tags: ['soft'] })] })
        .expect(200);
      expect(changed.body).toMatchObject({ mealDate: date, mealKind: 'dinner', orderable: true });
      expect(changed.body.dishes[0].name).toBe('番茄牛腩饭');

      const yesterday = addDays(shanghaiDateOf(new Date()), -1);
      const past = await t
        .http()
        .put(`/api/meal-points/${point.id}/menu`)
        .set(bearer(canteen))
        .send({ meals: [{ mealDate: yesterday, mealKind: 'lunch', dishes: [dish()] }] })
        .expect(400);
      expect(past.body.details[0].field).toBe('meals.0.mealDate');
      const breakfast = await t
        .http()
        .put(`/api/meal-points/${point.id}/menu`)
        .set(bearer(canteen))
        .send({ meals: [{ mealDate: date, mealKind: 'breakfast', dishes: [dish()] }] })
        .expect(409);
      expect(breakfast.body.code).toBe('MEAL_NOT_OFFERED');
      await t
        .http()
        .put(`/api/meal-points/${point.id}/menu`)
        .set(bearer(canteen))
        .send({
          meals: [
            { mealDate: date, mealKind: 'lunch', dishes: [] },
            { mealDate: date, mealKind: 'lunch', dishes: [] },
          ],
        })
        .expect(400);
      const badDish = await t
        .http()
        .put(`/api/meal-points/${point.id}/menu/${date}`)
        .set(bearer(canteen))
        .send({ mealKind: 'lunch', dishes: [dish({ priceFen: 1.5, tags: ['spicy'], photoUrl: 'http://insecure.example.com/a.jpg', dailyQuantity: 0, allergens: ['a,b'] })] })
        .expect(400);
      expect(badDish.body.details.map((violation: { field: string }) => violation.field).sort()).toEqual([
        'dishes.0.allergens',
        'dishes.0.dailyQuantity',
        'dishes.0.photoUrl',
        'dishes.0.priceFen',
        'dishes.0.tags',
      ]);
      await t.http().get(`/api/meal-points/${point.id}/menu?from=${date}&to=${yesterday}`).set(bearer(canteen)).expect(400);

      const nanping = await loginWithPassword(t, 'nanping.staff');
      await t.http().put(`/api/meal-points/${point.id}/menu/${date}`).set(bearer(nanping)).send({ mealKind: 'lunch', dishes: [] }).expect(404);
      const li = await loginWithWechat(t, 'demo-openid-li-ming');
      await t.http().put(`/api/meal-points/${point.id}/menu/${date}`).set(bearer(li)).send({ mealKind: 'lunch', dishes: [] }).expect(403);
    });
  });
});
