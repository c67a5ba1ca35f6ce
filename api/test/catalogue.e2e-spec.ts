import { SERVICE_CATALOGUE } from '@linli/shared';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

describe('service catalogue', () => {
  let t: TestApp;
  const dayCare = stableId('service', 'elder_day_care');
  const andaCentre = stableId('centre', 'C340104001001');

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  it('seeds the eight categories and 22 services once, in the plan’s order', async () => {
    await expect(t.seed()).resolves.toMatchObject({ servicesInserted: 0 });
    const response = await t.http().get('/api/catalogue').expect(200);
    expect(response.body.items.map((c: { name: string }) => c.name)).toEqual(SERVICE_CATALOGUE.map((c) => c.name));
    expect(response.body.items.flatMap((c: { services: unknown[] }) => c.services)).toHaveLength(22);
    expect(response.body.items[4].services[0]).toMatchObject({
      code: 'elder_day_care',
      name: '老年日间照料',
      mode: 'visit',
      needsReview: false,
      minAge: 60,
      maxActiveBookingsPerPerson: 3,
    });
  });

  it('shows a service with what to bring and the centres offering it; venues only at community centres', async () => {
    const dayCareDetail = await t.http().get(`/api/services/${dayCare}`).expect(200);
    expect(dayCareDetail.body).toMatchObject({ categoryName: '特殊群体服务', materials: expect.arrayContaining(['本人身份证']) });
    expect(dayCareDetail.body.centres).toHaveLength(8);
    const venue = await t
      .http()
      .get(`/api/services/${stableId('service', 'council_hall')}`)
      .expect(200);
    expect(venue.body.centres.map((c: { centreName: string }) => c.centreName)).not.toContain('三里庵街道市民中心');
    await t.http().get('/api/services/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('lists what one centre offers, by category in the catalogue’s order: venues only at community centres; 404 for an unknown centre', async () => {
    const anda = await t.http().get(`/api/centres/${andaCentre}/services`).expect(200);
    expect(anda.body.items.map((c: { name: string }) => c.name)).toEqual(SERVICE_CATALOGUE.map((c) => c.name));
    expect(anda.body.items.flatMap((c: { services: Array<{ name: string }> }) => c.services.map((s) => s.name))).toEqual(
      SERVICE_CATALOGUE.flatMap((c) => c.services.map((s) => s.name)),
    );
    expect(anda.body.items[4].services[0]).toMatchObject({ code: 'elder_day_care', mode: 'visit', minAge: 60 });

    const street = await t
      .http()
      .get(`/api/centres/${stableId('centre', 'C340104001')}/services`)
      .expect(200);
    const streetServices = street.body.items.flatMap((c: { services: Array<{ mode: string }> }) => c.services);
    expect(streetServices.length).toBeGreaterThan(0);
    expect(streetServices.filter((s: { mode: string }) => s.mode === 'venue')).toEqual([]);

    await t.http().get('/api/centres/00000000-0000-4000-8000-000000000000/services').expect(404);
    await t.http().get('/api/centres/not-an-id/services').expect(400);
  });

  it('staff switch a service off at their centre with a note, and it disappears from that service’s centres', async () => {
    const staff = await loginWithPassword(t, 'anda.staff');
    const off = await t.http().put(`/api/staff/centres/${andaCentre}/services/${dayCare}`).set(bearer(staff)).send({ enabled: false, notes: '装修暂停' }).expect(200);
    expect(off.body).toEqual({ centreId: andaCentre, serviceId: dayCare, enabled: false, notes: '装修暂停' });
    const detail = await t.http().get(`/api/services/${dayCare}`).expect(200);
    expect(detail.body.centres.map((c: { centreId: string }) => c.centreId)).not.toContain(andaCentre);
    const offered = await t.http().get(`/api/centres/${andaCentre}/services`).expect(200);
    expect(offered.body.items.flatMap((c: { services: Array<{ id: string }> }) => c.services.map((s) => s.id))).not.toContain(dayCare);
    await t.http().put(`/api/staff/centres/${andaCentre}/services/${dayCare}`).set(bearer(staff)).send({ enabled: true, notes: '请携带老年优待证' }).expect(200);
    const back = await t.http().get(`/api/services/${dayCare}`).expect(200);
    expect(back.body.centres.find((c: { centreId: string }) => c.centreId === andaCentre).notes).toBe('请携带老年优待证');
  });

  it('staff cannot change centres outside their region', async () => {
    const staff = await loginWithPassword(t, 'nanping.staff');
    await t.http().put(`/api/staff/centres/${andaCentre}/services/${dayCare}`).set(bearer(staff)).send({ enabled: false }).expect(404);
  });

  it('only a city-level admin edits the catalogue texts and limits; bad input is refused field by field', async () => {
    const district = await loginWithPassword(t, 'shushan.admin');
    const body = { name: '老年日间照料', description: '为 60 岁以上老人提供日间托老。', materials: ['本人身份证'], minAge: 60, maxActiveBookingsPerPerson: 2 };
    await t.http().put(`/api/admin/services/${dayCare}`).set(bearer(district)).send(body).expect(403);
    const city = await loginWithPassword(t, 'city.admin');
    const updated = await t.http().put(`/api/admin/services/${dayCare}`).set(bearer(city)).send(body).expect(200);
    expect(updated.body).toMatchObject({ maxActiveBookingsPerPerson: 2, code: 'elder_day_care', mode: 'visit' });
    const bad = await t
      .http()
      .put(`/api/admin/services/${dayCare}`)
      .set(bearer(city))
      .send({ ...body, maxActiveBookingsPerPerson: 0, mode: 'home' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['maxActiveBookingsPerPerson', 'mode']);
  });
});
