import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDateOf, type LoginResponse, type MealDistrictView } from '@linli/shared';
import { Region } from '../src/modules/regions';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const HEFEI = stableId('region', '340100');
const SHUSHAN = stableId('region', '340104');
const BAOHE = stableId('region', '340111');
const SANLIAN = stableId('region', '340104001');
const ANDA = stableId('region', '340104001001');
const LI_JIANGUO = stableId('resident', 'li-jianguo');

/** A 60–69 tier as an admin's form sends it, from a day in the future (never in force during the test). */
function sixtiesTier(name: string) {
  return {
    name,
    effectiveFrom: addDays(shanghaiDateOf(new Date()), 30),
    effectiveTo: null,
    mealKinds: ['lunch'],
    eligibility: { age: { min: 60, max: 69 }, hardshipsAny: null, residency: 'registered_or_resident' },
    amount: { kind: 'fixed', fen: 200 },
    specialDietExtra: null,
    delivery: null,
    caps: { mealsPerDayPerKind: 1, mealsPerMonth: null, fenPerMonth: null },
    stacks: false,
  };
}

/**
 * The districts a staff member or admin chooses from: whose subsidy rules (a city admin picks the district; a district's
 * admin has theirs) and which registered district (户籍) an elder has (any district of the elder's city).
 */
describe('meal districts: the rules of a chosen district, and an elder’s registered district', () => {
  let t: TestApp;
  let cityAdmin: LoginResponse;
  let shushanAdmin: LoginResponse;
  let andaStaff: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    [cityAdmin, shushanAdmin, andaStaff] = await Promise.all([loginWithPassword(t, 'city.admin'), loginWithPassword(t, 'shushan.admin'), loginWithPassword(t, 'anda.staff')]);
  });
  afterAll(() => t.close());

  const districtsOf = async (login: LoginResponse) => (await t.http().get('/api/staff/meal-districts').set(bearer(login)).expect(200)).body.items as MealDistrictView[];
  const createScheme = (login: LoginResponse, districtId: string, name: string) =>
    t.http().post(`/api/admin/districts/${districtId}/meal-subsidy-rules`).set(bearer(login)).send(sixtiesTier(name));

  it('lists every district of the caller’s city, saying whose rules the caller reads and writes', async () => {
    const names = (items: MealDistrictView[]) => items.map((district) => district.name);
    const city = await districtsOf(cityAdmin);
    expect(names(city)).toEqual(expect.arrayContaining(['蜀山区', '包河区']));
    expect(city.every((district) => district.rulesReadable && district.rulesEditable)).toBe(true);

    const byId = (items: MealDistrictView[]) => new Map(items.map((district) => [district.id, district]));
    expect(names(await districtsOf(shushanAdmin))).toEqual(names(city));
    expect(byId(await districtsOf(shushanAdmin)).get(SHUSHAN)).toMatchObject({ rulesReadable: true, rulesEditable: true });
    expect(byId(await districtsOf(shushanAdmin)).get(BAOHE)).toMatchObject({ rulesReadable: false, rulesEditable: false });
    expect(byId(await districtsOf(andaStaff)).get(SHUSHAN)).toMatchObject({ rulesReadable: true, rulesEditable: false });
    expect(byId(await districtsOf(andaStaff)).get(BAOHE)).toMatchObject({ rulesReadable: false, rulesEditable: false });

    await t
      .http()
      .get('/api/staff/meal-districts')
      .set(bearer(await loginWithWechat(t, 'demo-openid-li-ming')))
      .expect(403);
    await t.http().get('/api/staff/meal-districts').expect(401);
  });

  it('a city admin writes the rules of any district of the city; a district admin only their own (404 for the next district)', async () => {
    const baohe = await createScheme(cityAdmin, BAOHE, '包河区60-69岁老人助餐补贴（测试）').expect(201);
    expect(baohe.body).toMatchObject({ districtId: BAOHE, version: 1 });
    const listed = await t.http().get(`/api/districts/${BAOHE}/meal-subsidy-rules`).set(bearer(cityAdmin)).expect(200);
    expect(listed.body.items.map((rule: { id: string }) => rule.id)).toContain(baohe.body.id);

    await createScheme(shushanAdmin, BAOHE, '越权').expect(404);
    await t.http().get(`/api/districts/${BAOHE}/meal-subsidy-rules`).set(bearer(shushanAdmin)).expect(404);
    await t.http().get(`/api/districts/${BAOHE}/meal-subsidy-rules`).set(bearer(andaStaff)).expect(404);
    await t.http().post(`/api/admin/meal-subsidy-rules/${baohe.body.id}/withdraw`).set(bearer(shushanAdmin)).expect(404);
    await t.http().post(`/api/admin/meal-subsidy-rules/${baohe.body.id}/withdraw`).set(bearer(cityAdmin)).expect(200);
    await createScheme(cityAdmin, SHUSHAN, '蜀山区60-69岁老人助餐补贴（测试）').expect(201);
    await createScheme(cityAdmin, HEFEI, '不是区县').expect(404);
    await createScheme(cityAdmin, SANLIAN, '不是区县').expect(404);
  });

  it('an elder’s registered district is any district of the city, never a street, community, the city or another city’s district', async () => {
    const setDistrict = (registeredDistrictId: string | null) => t.http().put(`/api/staff/meal-profiles/${LI_JIANGUO}`).set(bearer(andaStaff)).send({ registeredDistrictId });
    const set = await setDistrict(BAOHE).expect(200);
    expect(set.body).toMatchObject({ registeredDistrictId: BAOHE, registeredDistrictName: '包河区', residenceDistrictId: SHUSHAN });

    const otherCity = randomUUID();
    const otherDistrict = randomUUID();
    await t.dataSource.getRepository(Region).insert([
      { id: otherCity, code: '340200', name: '芜湖市', level: 'city', parentId: null, path: `/${otherCity}/` },
      { id: otherDistrict, code: '340202', name: '镜湖区', level: 'district', parentId: otherCity, path: `/${otherCity}/${otherDistrict}/` },
    ]);
    for (const notADistrictOfTheCity of [otherDistrict, HEFEI, SANLIAN, ANDA, randomUUID()]) {
      const refused = await setDistrict(notADistrictOfTheCity).expect(404);
      expect(refused.body).toMatchObject({ code: 'NOT_FOUND' });
    }
    await setDistrict('not-a-uuid').expect(400);
    expect((await t.http().get(`/api/meal-profiles/${LI_JIANGUO}`).set(bearer(andaStaff)).expect(200)).body.registeredDistrictId).toBe(BAOHE);
    await setDistrict(SHUSHAN).expect(200);
    expect((await districtsOf(cityAdmin)).map((district) => district.id)).not.toContain(otherDistrict);
  });
});
