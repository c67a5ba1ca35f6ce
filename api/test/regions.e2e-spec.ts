import { DEMO_CENTRES, DEMO_REGIONS } from '../src/seed/demo-data';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

describe('regions and citizen centres', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  it('seeding again adds nothing (idempotent)', async () => {
    await expect(t.seed()).resolves.toEqual({ regionsInserted: 0, centresInserted: 0, accountsInserted: 0, servicesInserted: 0 });
  });

  it('lists every seeded community with its street and district', async () => {
    const response = await t.http().get('/api/regions/communities').expect(200);
    const communities = DEMO_REGIONS.filter((r) => r.level === 'community');
    expect(response.body.items).toHaveLength(communities.length);
    expect(response.body.items[0]).toEqual({
      id: stableId('region', '340104001001'),
      name: '安大社区',
      streetName: '三里庵街道',
      districtName: '蜀山区',
      centreCount: 1,
    });
    expect(response.body.items.find((c: { name: string }) => c.name === '望湖城社区').centreCount).toBe(0);
  });

  it('filters communities by a name fragment, treating LIKE wildcards literally', async () => {
    const byName = await t.http().get('/api/regions/communities').query({ keyword: '望湖' }).expect(200);
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['望湖城社区']);
    const wildcard = await t.http().get('/api/regions/communities').query({ keyword: '%' }).expect(200);
    expect(wildcard.body.items).toEqual([]);
  });

  it('lists centres with GCJ-02 coordinates as degrees', async () => {
    const response = await t.http().get('/api/centres').expect(200);
    expect(response.body.items).toHaveLength(DEMO_CENTRES.length);
    const anda = response.body.items.find((c: { name: string }) => c.name === '安大社区市民中心');
    expect(anda).toMatchObject({ latitude: 31.84437, longitude: 117.26219, regionName: '安大社区', regionLevel: 'community' });
  });

  it('limits centres to a region subtree', async () => {
    const district = stableId('region', '340111'); // 包河区: one community centre, one street centre, one more community
    const response = await t.http().get('/api/centres').query({ regionId: district }).expect(200);
    expect(response.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['南屏社区市民中心', '望湖街道市民中心', '芜湖路社区市民中心'].sort());
  });

  it('offers staff the centres of their own area only: a community, a street, a district, the city', async () => {
    const namesFor = async (username: string) => {
      const login = await loginWithPassword(t, username);
      return (await t.http().get('/api/staff/centres').set(bearer(login)).expect(200)).body.items.map((centre: { name: string }) => centre.name);
    };
    expect(await namesFor('anda.staff')).toEqual(['安大社区市民中心']);
    expect(await namesFor('sanlian.staff')).toEqual(['三里庵街道市民中心', '安大社区市民中心', '金寨路社区市民中心']);
    expect(await namesFor('shushan.admin')).toEqual(['三里庵街道市民中心', '安大社区市民中心', '金寨路社区市民中心', '琥珀社区市民中心', '西园社区市民中心']);
    expect(await namesFor('city.admin')).toHaveLength(DEMO_CENTRES.length);
  });

  it('answers 404 NOT_FOUND for a region that does not exist', async () => {
    const response = await t.http().get('/api/centres').query({ regionId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', details: { regionId: '00000000-0000-4000-8000-000000000000' } });
  });

  it.each([
    ['a malformed id', { regionId: 'abc' }, 'regionId'],
    ['an unknown parameter', { page: '2' }, 'page'],
    ['a repeated parameter', 'regionId=a&regionId=b', 'regionId'],
  ])('rejects %s with VALIDATION_FAILED naming the field', async (_label, query, field) => {
    const response = await t.http().get('/api/centres').query(query).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('rejects an over-long keyword', async () => {
    const response = await t
      .http()
      .get('/api/regions/communities')
      .query({ keyword: '社'.repeat(33) })
      .expect(400);
    expect(response.body.details[0]).toMatchObject({ field: 'keyword', constraints: ['maxLength'] });
  });
});
